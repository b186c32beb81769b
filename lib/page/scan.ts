/**
 * Scanning work as a generator of small steps, for `runSliced`. First the walk: blocks near
 * the viewport (within a few screens) are processed as soon as it reaches them and their
 * highlights registered at once; a far element is measured once and left for later, not
 * entered. Then, as background work, the far elements are walked and processed in document
 * order, their highlights held back and registered together at the end (Chromium rebuilds
 * the markers of *every* registered range in each frame where a highlight changed, so a
 * scan that adds ranges frame after frame repaints quadratically), then blocks that are
 * not rendered at all (display: none somewhere above them — they may be revealed later
 * without a DOM mutation).
 */
import { BACKGROUND_WORK } from './scheduler';
import { walkBlocks, type CollectOptions, type TextBlock, type WalkOptions, type Zone } from './text-index';

export type BlockVisibility = 'visible' | 'offscreen' | 'unrendered';
export type MeasureBlock = (block: TextBlock) => BlockVisibility;

/** Where the viewport is, for the walk (`zoneOf`) and for blocks it could not place. */
export interface Measurer {
  /** Places a boundary element's box; the walk measures nothing inside a `far` one. */
  zoneOf?: (el: Element) => Zone;
  /** `visible` here means near the viewport: within `NEAR_SCREENS` of it. */
  block: MeasureBlock;
}

/** How far from the viewport (in viewport sizes, each side) still counts as near. */
export const NEAR_SCREENS = 2;

/**
 * Measures boundary elements (one `getBoundingClientRect` each, only outside far subtrees)
 * and, for blocks whose container has no box of its own, a Range over the block's first
 * non-blank text node (text inside `display: contents` still has boxes; a zero rect means
 * not rendered). The document is not changed, so only the first measurement can force a
 * layout. Where the document has no layout (a test DOM), every block counts as near.
 */
export function createMeasurer(doc: Document, win: Window, screens = NEAR_SCREENS): Measurer {
  const root = doc.documentElement.getBoundingClientRect();
  if (root.width === 0 && root.height === 0) return { block: () => 'visible' };
  const width = win.innerWidth;
  const height = win.innerHeight;
  const mx = width * screens;
  const my = height * screens;
  const near = (r: DOMRect): boolean =>
    r.bottom >= -my && r.right >= -mx && r.top <= height + my && r.left <= width + mx;
  const range = doc.createRange();
  return {
    zoneOf(el) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return 'unknown';
      return near(r) ? 'near' : 'far';
    },
    block(block) {
      if (block.zone === 'near') return 'visible';
      if (block.zone === 'far') return 'offscreen';
      const node = block.nodes.find((n) => /\S/.test(n.data)) ?? block.nodes[0];
      if (node === undefined || !node.isConnected) return 'unrendered';
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return 'unrendered';
      return near(r) ? 'visible' : 'offscreen';
    },
  };
}

/** True when the block's nodes are all still in the document with the text collected. */
export function isBlockIntact(block: TextBlock): boolean {
  let offset = 0;
  for (let i = 0; i < block.nodes.length; i++) {
    const node = block.nodes[i];
    if (node === undefined || !node.isConnected || block.starts[i] !== offset) return false;
    offset += node.data.length;
  }
  return offset === block.text.length;
}

/** Yielded by `scanRoots` after every unit; `BACKGROUND_WORK` once the near work is done. */
export type ScanStep = undefined | typeof BACKGROUND_WORK;

export interface ScanSteps {
  collect: CollectOptions;
  measure: Measurer;
  /**
   * Matches one block and registers its mentions (highlights now when `near`, else held
   * back); yields between chunks of a block with many mentions.
   */
  process: (block: TextBlock, near: boolean) => Generator<undefined, void, undefined>;
  /** Registers the held-back highlights, yielding between batches. */
  flush: () => Generator<undefined, void, undefined>;
  /**
   * True when the DOM may have changed since the walk began: deferred blocks are then
   * checked with `isBlockIntact` before processing. Default: always check.
   */
  changed?: () => boolean;
}

/**
 * Block order numbers (`TextBlock.order`) for document order in the store: the first walk
 * gives every block, and every far element it leaves for later, a slot of its own; blocks
 * found later in a far element are numbered inside its slot.
 */
const SLOT = 2 ** 21;
let nextSlot = 1;
const takeSlot = (): number => nextSlot++ * SLOT;

/**
 * Steps that scan `roots`: first the walk, which processes near blocks and measures the
 * rest only as far as whole far elements; then, as background work, the far elements are
 * walked and processed in document order, then deferred blocks. Yields after every block,
 * every few hundred nodes of a walk and inside `process`/`flush`, so the caller can check
 * its clock.
 */
export function* scanRoots(
  doc: Document,
  roots: readonly (Element | ShadowRoot)[],
  steps: ScanSteps,
): Generator<ScanStep, void, undefined> {
  const far: { el: Element; slot: number }[] = [];
  const offscreen: TextBlock[] = [];
  const unrendered: TextBlock[] = [];
  const walk: WalkOptions = {
    ...steps.collect,
    zoneOf: steps.measure.zoneOf,
    onFar: (el) => far.push({ el, slot: takeSlot() }),
    order: takeSlot,
  };
  const changed = steps.changed ?? ((): boolean => true);
  for (const root of roots) {
    for (const block of walkBlocks(doc, root, walk)) {
      if (block !== null) {
        const visibility = steps.measure.block(block);
        if (visibility === 'visible') yield* steps.process(block, true);
        else if (visibility === 'offscreen') offscreen.push(block);
        else unrendered.push(block);
      }
      yield;
    }
  }
  if (far.length > 0 || offscreen.length > 0 || unrendered.length > 0) yield BACKGROUND_WORK;
  for (const { el, slot } of far) {
    if (!el.isConnected) continue; // gone: the observer has the removal
    let minor = 0;
    const inSlot: WalkOptions = { ...steps.collect, order: () => slot + Math.min(++minor, SLOT - 1) };
    const shadow = el.shadowRoot;
    const parts = shadow !== null && shadow.mode === 'open' ? [shadow, el] : [el];
    for (const part of parts) {
      for (const block of walkBlocks(doc, part, inSlot)) {
        if (block !== null) yield* steps.process(block, false);
        yield;
      }
    }
  }
  for (const list of [offscreen, unrendered]) {
    for (const block of list) {
      // A block changed since collection is skipped here; the observer rescans it.
      if (!changed() || isBlockIntact(block)) yield* steps.process(block, false);
      yield;
    }
  }
  yield* steps.flush();
}
