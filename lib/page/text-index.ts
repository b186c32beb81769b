/**
 * The text index: the page's visible text as *blocks*. A block is the run of text nodes
 * between two block boundaries, joined into one string so "Benjamin <a>Netanyahu</a>" is
 * matched as "Benjamin Netanyahu". Offsets in the joined string map back to (node, offset)
 * by binary search over `starts`; there is no per-character map.
 *
 * Pure DOM reading: nothing here mutates the page, and the document is always passed in.
 */

/** Where a block lives: the closest boundary element (or shadow root) around its text. */
export type BlockContainer = Element | ShadowRoot;

export interface TextBlock {
  /** The block's text nodes joined, unchanged (no whitespace normalisation). */
  text: string;
  /** The text nodes, in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
  /** The closest boundary element (or shadow root) around the block's text. */
  container: BlockContainer;
  /**
   * Collection sequence number, increasing in document order within one walk (and across
   * walks); compare only blocks collected by the same pass.
   */
  order: number;
  /** Where the block's container is relative to the viewport, when the walk measured it. */
  zone?: Zone;
}

let nextOrder = 0;

export interface CollectOptions {
  /** True for the extension's own UI host (and anything else to leave alone). */
  isOwnUi?: (node: Node) => boolean;
  /** Called for every open shadow root entered, so the caller can observe it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called when the page removed or moved the walk's position while the walk was suspended:
   * the walk goes on after `container` (the innermost container still in the root, or the
   * root itself), so what was left of `container` should be rescanned.
   */
  onLost?: (container: BlockContainer) => void;
}

/** Elements whose text flows into the surrounding block. Anything else is a boundary. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
  // SVG text content (kept: it is visible text).
  'tspan', 'textpath',
]);

/** Elements whose text is never collected: not rendered as page text, or user input. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'datalist', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'audio', 'video',
  'head', 'title', 'meta', 'link', 'annotation', 'annotation-xml', 'desc', 'metadata',
]);

const NS_SVG = 'http://www.w3.org/2000/svg';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

/** An element that ends a block: anything not inline, or any shadow host. */
export function isBoundary(el: Element): boolean {
  return !INLINE_ELEMENTS.has(el.localName) || el.shadowRoot !== null;
}

/** True when this element (and so its subtree) is left out of the index. */
export function isSkippedElement(el: Element, isOwnUi?: (node: Node) => boolean): boolean {
  const name = el.localName;
  if (SKIPPED_ELEMENTS.has(name)) return true;
  // SVG <title> is a tooltip, not page text (HTML <title> is already skipped).
  if (name === 'title' || (el.namespaceURI === NS_SVG && name === 'style')) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (isOwnUi?.(el) === true) return true;
  return false;
}

/** The parent in the composed tree: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  if (isShadowRoot(node)) return node.host;
  return node.parentNode;
}

/**
 * True when `node` or one of its composed ancestors is skipped (script, textarea,
 * contenteditable, [hidden], the extension's UI …), or the document is in design mode.
 */
export function isExcluded(node: Node, isOwnUi?: (node: Node) => boolean): boolean {
  const doc = node.ownerDocument;
  if (doc !== null && doc.designMode === 'on') return true;
  for (let cur: Node | null = node; cur !== null; cur = composedParent(cur)) {
    if (isElement(cur) && isSkippedElement(cur, isOwnUi)) return true;
  }
  return false;
}

/** The block container around `node`: itself when it is a boundary, else its closest one. */
export function closestBlock(node: Node): BlockContainer | null {
  for (let cur: Node | null = node; cur !== null; cur = cur.parentNode) {
    if (isElement(cur) && isBoundary(cur)) return cur;
    if (isShadowRoot(cur)) return cur;
    if (cur.nodeType === 9) {
      const doc = cur as Document;
      return doc.body ?? doc.documentElement;
    }
  }
  return null;
}

/**
 * Where a boundary element's box is relative to the viewport, for visible-first scanning:
 * `near` (within a few screens), `far`, or `unknown` (no box of its own: `display:
 * contents`, not rendered, or a document without layout).
 */
export type Zone = 'near' | 'far' | 'unknown';

export interface WalkOptions extends CollectOptions {
  /**
   * Classifies each boundary element entered, except inside a `far` one (its whole subtree
   * is far, so nothing in it is measured). Blocks get the zone of their innermost
   * classified container. Without it every block is `unknown`.
   */
  zoneOf?: (el: Element) => Zone;
  /**
   * With `zoneOf`: a `far` boundary element (under a container that is not far) is not
   * entered; it is passed here instead, for the caller to walk later.
   */
  onFar?: (el: Element) => void;
  /** Numbers the blocks (`TextBlock.order`); default: a counter shared by all walks. */
  order?: () => number;
  /** Yield `null` after this many nodes without a block, so a sliced caller can check its clock. */
  tickNodes?: number;
}

/** The default `tickNodes`. */
export const TICK_NODES = 256;

/** True when `node` is `root` or inside it (same tree). */
function within(root: Node, node: Node): boolean {
  for (let cur: Node | null = node; cur !== null; cur = cur.parentNode) {
    if (cur === root) return true;
  }
  return false;
}

/**
 * Walks `root` in document order and yields its text blocks (and `null` every `tickNodes`
 * nodes), entering open shadow roots where they occur. Whitespace-only blocks are not
 * yielded. A hand-rolled walk over firstChild/nextSibling with a stack of the open block
 * containers: no TreeWalker filter callback and no ancestor climb per text node (together
 * they cost more than everything else). If the page moves or removes the walk's position
 * while the caller is suspended, the walk goes on after the innermost container still in
 * `root`, reported to `onLost` for a rescan.
 */
export function* walkBlocks(
  doc: Document,
  root: Element | ShadowRoot,
  options: WalkOptions = {},
  outerZone: Zone = 'unknown',
): Generator<TextBlock | null, void, undefined> {
  const { isOwnUi, zoneOf, onFar } = options;
  const order = options.order ?? ((): number => nextOrder++);
  const tick = options.tickNodes ?? TICK_NODES;
  if (isExcluded(root, isOwnUi)) return;
  if (isShadowRoot(root)) options.onShadowRoot?.(root);

  // The open containers, outermost first; containers[0] is the one around `root`.
  const containers: BlockContainer[] = [closestBlock(root) ?? root];
  const zones: Zone[] = [outerZone];
  if (zoneOf !== undefined && outerZone !== 'far' && isElement(root) && isBoundary(root)) {
    zones[0] = zoneOf(root);
  }
  let top = 0;
  let current: TextBlock | null = null;
  let visited = 0;
  const take = (): TextBlock | null => {
    const block = current;
    current = null;
    return block !== null && /\S/.test(block.text) ? block : null;
  };
  /** Lost position: the innermost container still in `root`, to go on after (or null). */
  const lost = (): Node | null => {
    current = null;
    while (top > 0 && !within(root, containers[top] ?? root)) top--;
    const container = top === 0 ? root : (containers[top--] ?? root);
    options.onLost?.(container);
    return container === root ? null : container;
  };

  let node: Node | null = root.firstChild;
  let entering = true; // false: `node` is done, move past its subtree
  while (node !== null) {
    if (!entering) {
      if (node === root) break;
      const next: Node | null = node.nextSibling;
      if (next !== null) {
        node = next;
        entering = true;
        continue;
      }
      const parent: Node | null = node.parentNode;
      node = parent === null ? lost() : parent;
      if (node !== null && top > 0 && node === containers[top]) {
        top--; // leaving a container ends its block
        const done = take();
        if (done !== null) {
          yield done;
          if (!node.isConnected && root.isConnected) node = lost();
        }
      }
      continue;
    }
    if (++visited >= tick) {
      visited = 0;
      yield null;
      if (!within(root, node)) {
        node = lost();
        entering = false;
        continue;
      }
    }
    entering = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const text = node as Text;
      if (current === null) {
        const container = containers[top] ?? root;
        current = { text: '', nodes: [], starts: [], container, order: order(), zone: zones[top] ?? 'unknown' };
      }
      current.starts.push(current.text.length);
      current.nodes.push(text);
      current.text += text.data;
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (isSkippedElement(el, isOwnUi)) continue;
    if (isBoundary(el)) {
      // A boundary element ends the running block (its own text starts a new one).
      const done = take();
      if (done !== null) {
        yield done;
        if (!el.isConnected && root.isConnected) {
          node = lost();
          continue;
        }
      }
      const shadow = el.shadowRoot;
      const open = shadow !== null && shadow.mode === 'open';
      let zone = zones[top] ?? 'unknown';
      // Only containers are measured (not <br>, <img>, empty elements).
      if (zoneOf !== undefined && zone !== 'far' && (open || el.firstChild !== null)) {
        zone = zoneOf(el);
        if (zone === 'far' && onFar !== undefined) {
          onFar(el); // not entered now
          continue;
        }
      }
      if (open) yield* walkBlocks(doc, shadow, options, zone);
      if (el.firstChild !== null) {
        top++;
        containers[top] = el;
        zones[top] = zone;
      }
    }
    const first = el.firstChild;
    if (first !== null) {
      node = first;
      entering = true;
    }
  }
  const done = take();
  if (done !== null) yield done;
}

/** Yields the text blocks of `root` (see `walkBlocks`), for callers that need no ticks. */
export function* iterateBlocks(
  doc: Document,
  root: Element | ShadowRoot,
  options: CollectOptions = {},
): Generator<TextBlock, void, undefined> {
  for (const block of walkBlocks(doc, root, options)) {
    if (block !== null) yield block;
  }
}

/** All blocks of `root` at once (tests, small roots). */
export function collectBlocks(
  doc: Document,
  root: Element | ShadowRoot,
  options: CollectOptions = {},
): TextBlock[] {
  return [...iterateBlocks(doc, root, options)];
}

/** A position inside one of a block's text nodes. */
export interface NodePosition {
  node: Text;
  offset: number;
  /** Index of `node` in `block.nodes`. */
  index: number;
}

/**
 * Maps an offset in `block.text` back to a text node and an offset in it. `side: 'start'`
 * prefers the node that *begins* at a node boundary (for the start of a mention);
 * `side: 'end'` prefers the node that *ends* there (for the end of a mention), so a range
 * never starts at the very end of a node or ends at the very start of the next.
 */
export function locate(block: TextBlock, offset: number, side: 'start' | 'end'): NodePosition | null {
  const { starts, nodes } = block;
  if (nodes.length === 0 || offset < 0 || offset > block.text.length) return null;
  // Last index i with starts[i] <= offset (start) or starts[i] < offset (end).
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid] ?? 0;
    const ok = side === 'start' ? s <= offset : s < offset;
    if (ok) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const node = nodes[found];
  const base = starts[found];
  if (node === undefined || base === undefined) return null;
  return { node, offset: Math.min(offset - base, node.data.length), index: found };
}
