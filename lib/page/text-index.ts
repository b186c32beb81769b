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
}

let nextOrder = 0;

export interface CollectOptions {
  /** True for the extension's own UI host (and anything else to leave alone). */
  isOwnUi?: (node: Node) => boolean;
  /** Called for every open shadow root entered, so the caller can observe it. */
  onShadowRoot?: (root: ShadowRoot) => void;
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
// NodeFilter constants, inlined so nothing depends on the global `NodeFilter`.
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
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

/** True when `ancestor` is `node` or contains it, across shadow boundaries. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let cur: Node | null = node; cur !== null; cur = composedParent(cur)) {
    if (cur === ancestor) return true;
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

function hasVisibleText(block: TextBlock): boolean {
  return /\S/.test(block.text);
}

/**
 * Walks `root` (an element, a shadow root, or the document's body) and yields its text
 * blocks in document order, entering open shadow roots where they occur. A generator so a
 * time-sliced caller can stop between blocks. Whitespace-only blocks are not yielded.
 */
export function* iterateBlocks(
  doc: Document,
  root: Element | ShadowRoot,
  options: CollectOptions = {},
): Generator<TextBlock, void, undefined> {
  const { isOwnUi } = options;
  if (isExcluded(root, isOwnUi)) return;
  if (isShadowRoot(root)) options.onShadowRoot?.(root);

  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (isElement(node) && isSkippedElement(node, isOwnUi)) return FILTER_REJECT;
      return FILTER_ACCEPT;
    },
  });

  let current: TextBlock | null = null;
  const flush = function* (): Generator<TextBlock, void, undefined> {
    if (current !== null && hasVisibleText(current)) yield current;
    current = null;
  };

  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (isText(node)) {
      const data = node.data;
      const container = closestBlock(node.parentNode ?? node) ?? root;
      if (current !== null && current.container !== container) yield* flush();
      if (current === null) current = { text: '', nodes: [], starts: [], container, order: nextOrder++ };
      current.starts.push(current.text.length);
      current.nodes.push(node);
      current.text += data;
      continue;
    }
    if (!isElement(node) || !isBoundary(node)) continue;
    // A boundary element ends the running block (its own text starts a new one).
    yield* flush();
    const shadow = node.shadowRoot;
    if (shadow !== null && shadow.mode === 'open') {
      yield* iterateBlocks(doc, shadow, options);
    }
  }
  yield* flush();
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
