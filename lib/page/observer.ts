/**
 * Incremental updates: one MutationObserver (childList + characterData, subtree) on the
 * body and on every open shadow root found, records batched (at most one flush per
 * `delayMs`), each batch reduced to the smallest set of block containers ("scopes") whose
 * text may have changed. Attributes are ignored; the extension never mutates the page.
 */
import {
  INLINE_ELEMENTS,
  closestBlock,
  composedParent,
  isExcluded,
  type BlockContainer,
} from './text-index';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface ChangeBatch {
  /** Outermost changed containers, none inside another; rescan each fully. */
  scopes: BlockContainer[];
  /** Nodes were removed: drop blocks whose text nodes left the document. */
  removals: boolean;
}

function isInlineContent(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return true;
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return INLINE_ELEMENTS.has(el.localName) && el.shadowRoot === null;
}

function isBlank(node: Node): boolean {
  return node.nodeType === TEXT_NODE && !/\S/.test((node as Text).data);
}

/** True when `parent` has text or inline elements of its own (not only block children). */
function hasInlineChildren(parent: Node): boolean {
  for (let c = parent.firstChild; c !== null; c = c.nextSibling) {
    if (isInlineContent(c) && !isBlank(c)) return true;
  }
  return false;
}

/**
 * Reduces mutation records to scopes. Text edits and inline insertions/removals rescan the
 * closest block around them; an inserted block element is its own scope; a block element
 * removed or inserted among inline text rescans the parent's block (the text around it
 * joins or splits).
 */
export function scopesFromRecords(
  records: readonly MutationRecord[],
  isOwnUi?: (node: Node) => boolean,
): ChangeBatch {
  const scopes = new Set<BlockContainer>();
  const inlineParents = new Map<Node, boolean>();
  let removals = false;
  const addClosest = (node: Node): void => {
    const block = closestBlock(node);
    if (block !== null) scopes.add(block);
  };
  const parentHasInline = (node: Node): boolean => {
    let v = inlineParents.get(node);
    if (v === undefined) {
      v = hasInlineChildren(node);
      inlineParents.set(node, v);
    }
    return v;
  };

  for (const record of records) {
    const target = record.target;
    if (record.type === 'characterData') {
      addClosest(target.parentNode ?? target);
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.removedNodes) if (isOwnUi?.(node) !== true) removals = true;
    let rescanParent = false;
    const changed = [...record.addedNodes, ...record.removedNodes];
    for (const node of changed) {
      // The extension's own UI host coming or going changes none of the page's text.
      if (isOwnUi?.(node) === true) continue;
      if (isInlineContent(node)) {
        if (!isBlank(node) || parentHasInline(target)) rescanParent = true;
      } else if (node.nodeType === ELEMENT_NODE) {
        if (parentHasInline(target)) rescanParent = true;
      }
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === ELEMENT_NODE && !isInlineContent(node)) scopes.add(node as Element);
    }
    if (rescanParent) addClosest(target);
  }

  // Keep the outermost connected scopes that are not excluded (own UI, script, …).
  const outer: BlockContainer[] = [];
  for (const scope of scopes) {
    if (!scope.isConnected || isExcluded(scope, isOwnUi)) continue;
    let nested = false;
    for (let p = composedParent(scope); p !== null; p = composedParent(p)) {
      if (scopes.has(p as BlockContainer)) {
        nested = true;
        break;
      }
    }
    if (!nested) outer.push(scope);
  }
  return { scopes: outer, removals };
}

export interface PageObserverOptions {
  win: Window;
  signal: AbortSignal;
  isOwnUi?: (node: Node) => boolean;
  onBatch: (batch: ChangeBatch) => void;
  /** Maximum wait from the first record to its batch (ms). Default 100. */
  delayMs?: number;
}

export interface PageObserver {
  /** Starts observing a root (the body, an open shadow root); repeated calls are ignored. */
  observe(root: Node): void;
  /** Processes pending records now (tests, shutdown). */
  flush(): void;
  /**
   * How many mutation records have arrived so far. Records reach the observer before the
   * next task, so an unchanged count across tasks means the observed DOM did not change.
   */
  received(): number;
}

/**
 * `to.push(...from)` passes every record as an argument: a page that makes ~100k+ changes in
 * one task overflows the stack with it, and the whole batch (and every later one) is lost.
 */
function append<T>(to: T[], from: readonly T[]): void {
  for (const item of from) to.push(item);
}

type WindowWithObserver = Window & { MutationObserver?: typeof MutationObserver };

export function createPageObserver(options: PageObserverOptions): PageObserver {
  const { win, signal, isOwnUi, onBatch } = options;
  const delay = options.delayMs ?? 100;
  const observed = new WeakSet<Node>();
  let pending: MutationRecord[] = [];
  let timer: number | undefined;
  let received = 0;
  const Observer = (win as WindowWithObserver).MutationObserver;

  const flush = (): void => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    if (observer !== null) append(pending, observer.takeRecords());
    const records = pending;
    pending = [];
    if (records.length === 0 || signal.aborted) return;
    const batch = scopesFromRecords(records, isOwnUi);
    if (batch.scopes.length > 0 || batch.removals) onBatch(batch);
  };

  const observer = typeof Observer === 'function'
    ? new Observer((records) => {
      if (signal.aborted) return;
      received += records.length;
      append(pending, records);
      if (timer === undefined) timer = win.setTimeout(flush, delay);
    })
    : null;

  signal.addEventListener('abort', () => {
    observer?.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    pending = [];
  }, { once: true });

  return {
    observe(root) {
      if (observer === null || signal.aborted || observed.has(root)) return;
      observed.add(root);
      observer.observe(root, { childList: true, characterData: true, subtree: true });
    },
    flush,
    received: () => received,
  };
}
