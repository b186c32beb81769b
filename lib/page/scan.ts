/**
 * Scanning work as a generator of small steps (one block each), for `runSliced`: visible
 * blocks are processed as soon as they are collected; blocks below/above the viewport
 * follow in document order, then blocks that are not rendered at all (display: none
 * somewhere above them — they may be revealed later without a DOM mutation).
 */
import { iterateBlocks, type CollectOptions, type TextBlock } from './text-index';

export type BlockVisibility = 'visible' | 'offscreen' | 'unrendered';
export type MeasureBlock = (block: TextBlock) => BlockVisibility;

/**
 * One `getBoundingClientRect` per block, on a Range over its first non-blank text node
 * (text inside `display: contents` still has boxes; a zero rect means not rendered).
 * Where the document has no layout (a test DOM), every block counts as visible.
 */
export function createBlockMeasurer(doc: Document, win: Window): MeasureBlock {
  const root = doc.documentElement.getBoundingClientRect();
  if (root.width === 0 && root.height === 0) return () => 'visible';
  const range = doc.createRange();
  return (block) => {
    const node = block.nodes.find((n) => /\S/.test(n.data)) ?? block.nodes[0];
    if (node === undefined || !node.isConnected) return 'unrendered';
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return 'unrendered';
    const inView = r.bottom >= 0 && r.right >= 0 && r.top <= win.innerHeight && r.left <= win.innerWidth;
    return inView ? 'visible' : 'offscreen';
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

export interface ScanSteps {
  collect: CollectOptions;
  measure: MeasureBlock;
  /** Matches one block and registers its mentions. */
  process: (block: TextBlock) => void;
}

/** Steps that scan `roots` (visible blocks first). Yields after every block. */
export function* scanRoots(
  doc: Document,
  roots: readonly (Element | ShadowRoot)[],
  steps: ScanSteps,
): Generator<void, void, undefined> {
  const offscreen: TextBlock[] = [];
  const unrendered: TextBlock[] = [];
  for (const root of roots) {
    for (const block of iterateBlocks(doc, root, steps.collect)) {
      const visibility = steps.measure(block);
      if (visibility === 'visible') steps.process(block);
      else if (visibility === 'offscreen') offscreen.push(block);
      else unrendered.push(block);
      yield;
    }
  }
  for (const list of [offscreen, unrendered]) {
    for (const block of list) {
      // A block changed since collection is skipped here; the observer rescans it.
      if (isBlockIntact(block)) steps.process(block);
      yield;
    }
  }
}
