/**
 * The DOM side of passage notes. A page's text is flattened into one string the same way
 * every time — its text blocks (`collectBlocks`) joined with '\n' — and `lib/anchoring`
 * works on that string. Here: the flattening, DOM `Range` ↔ [start, end) offsets in it, the
 * selection as a passage, and the `backstory-passage` highlight. Nothing mutates the page.
 */
import type { PassageSelector } from '../model';
import { describePassage } from '../anchoring';
import { collectBlocks, isExcluded, locate, type TextBlock } from './text-index';
import type { HighlightApi, HighlightLike } from './highlights';
import { isOwnUiNode } from './own-ui';

/** The tags of Backstory's own UI hosts: never part of the page's text. */
export { OWN_UI_TAGS, isOwnUiNode } from './own-ui';
export const PASSAGE_HIGHLIGHT = 'backstory-passage';
export const BLOCK_SEPARATOR = '\n';

/** The page's text as one string, with the blocks it came from. */
export interface PageText {
  text: string;
  blocks: TextBlock[];
  /** `starts[i]` is the offset of `blocks[i].text` in `text`. */
  starts: number[];
}

/** True for Backstory's UI hosts (and anything inside them). */

/** Flatten the page's visible text (the body, open shadow roots included). */
export function flattenPage(doc: Document, root: Element | null = doc.body): PageText {
  const blocks = root === null ? [] : collectBlocks(doc, root, { isOwnUi: isOwnUiNode });
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    parts.push(block.text);
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks, starts };
}

/** Where a text node's boundary point lies relative to `range`: -1 before, 0 inside, 1 after. */
function compare(range: Range, node: Node, offset: number): number | null {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return null; // Another tree (a shadow root the range is not in).
  }
}

/**
 * The offsets in `page.text` covered by `range`: from the first collected character at or
 * after its start to the last one before its end. Null when it covers no collected text.
 */
export function rangeToOffsets(page: PageText, range: Range): { start: number; end: number } | null {
  let start: number | null = null;
  let end: number | null = null;
  page.blocks.forEach((block, b) => {
    const base = page.starts[b] ?? 0;
    block.nodes.forEach((node, i) => {
      const nodeStart = base + (block.starts[i] ?? 0);
      const length = node.data.length;
      if (length === 0) return;
      const atEnd = compare(range, node, length);
      const atStart = compare(range, node, 0);
      if (atEnd === null || atStart === null) return;
      // The node overlaps the range when its end is not before the range and its start not after.
      if (atEnd < 0 || atStart > 0) return;
      const from = node === range.startContainer ? Math.min(range.startOffset, length) : 0;
      const to = node === range.endContainer ? Math.min(range.endOffset, length) : length;
      if (to <= from) return;
      if (start === null) start = nodeStart + from;
      end = nodeStart + to;
    });
  });
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Index of the block holding offset `at` (`side` 'end': the block that ends there). */
function blockAt(page: PageText, at: number, side: 'start' | 'end'): number {
  const { starts, blocks } = page;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid] ?? 0;
    if (side === 'start' ? s <= at : s < at) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return side === 'start' ? 0 : -1;
  const block = blocks[found];
  // A start on the separator after a block belongs to the next block.
  if (side === 'start' && block !== undefined && at >= (starts[found] ?? 0) + block.text.length) return found + 1;
  return found;
}

/** A live `Range` over page.text[start, end), across text nodes and blocks; null if impossible. */
export function offsetsToRange(doc: Document, page: PageText, start: number, end: number): Range | null {
  if (end <= start || start < 0 || end > page.text.length) return null;
  const sb = blockAt(page, start, 'start');
  const eb = blockAt(page, end, 'end');
  const startBlock = page.blocks[sb];
  const endBlock = page.blocks[eb];
  if (startBlock === undefined || endBlock === undefined || eb < sb) return null;
  const s = locate(startBlock, Math.max(0, start - (page.starts[sb] ?? 0)), 'start');
  const e = locate(endBlock, Math.min(endBlock.text.length, end - (page.starts[eb] ?? 0)), 'end');
  if (s === null || e === null) return null;
  if (s.node.getRootNode() !== e.node.getRootNode()) return null;
  const range = doc.createRange();
  try {
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}

/**
 * page.text[start, end) as one range per block it touches: what gets painted, so editable
 * content or a form field between two blocks of a passage is never painted with it.
 */
export function offsetsToRanges(doc: Document, page: PageText, start: number, end: number): Range[] {
  const out: Range[] = [];
  if (end <= start) return out;
  for (let b = blockAt(page, start, 'start'); b < page.blocks.length; b++) {
    const blockStart = page.starts[b] ?? 0;
    if (blockStart >= end) break;
    const blockEnd = blockStart + (page.blocks[b]?.text.length ?? 0);
    const range = offsetsToRange(doc, page, Math.max(start, blockStart), Math.min(end, blockEnd));
    if (range !== null) out.push(range);
  }
  return out;
}

/** True when `node` is inside a form field, editable content, or Backstory's own UI. */
function inInput(node: Node): boolean {
  if (isExcluded(node, isOwnUiNode)) return true;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') != null;
}

/** A passage the user selected: its selector and the range it covers now. */
export interface SelectedPassage {
  selector: PassageSelector;
  range: Range;
}

/**
 * The current selection as a passage, or null: nothing selected, only whitespace, or a
 * selection in a text field, editable content or Backstory's UI.
 */
export function selectedPassage(doc: Document, page: PageText = flattenPage(doc)): SelectedPassage | null {
  const selection = doc.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (inInput(range.startContainer) || inInput(range.endContainer)) return null;
  const offsets = rangeToOffsets(page, range);
  if (offsets === null || !/\S/.test(page.text.slice(offsets.start, offsets.end))) return null;
  const selector = describePassage(page.text, offsets.start, offsets.end);
  const marked = offsetsToRange(doc, page, selector.start, selector.end);
  return marked === null ? null : { selector, range: marked };
}

/** The `backstory-passage` highlight: the anchored passages of the page. */
export interface PassageHighlight {
  set(ranges: readonly Range[]): void;
  dispose(): void;
}

/** Registers `backstory-passage` (priority 1: above the kind underlines, below the active mention). */
export function createPassageHighlight(api: HighlightApi | null): PassageHighlight {
  if (api === null) return { set: () => undefined, dispose: () => undefined };
  const highlight: HighlightLike = api.create();
  highlight.priority = 1;
  api.registry.set(PASSAGE_HIGHLIGHT, highlight);
  let disposed = false;
  return {
    set(ranges) {
      if (disposed) return;
      highlight.clear();
      for (const range of ranges) highlight.add(range);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      highlight.clear();
      if (api.registry.get(PASSAGE_HIGHLIGHT) === highlight) api.registry.delete(PASSAGE_HIGHLIGHT);
    },
  };
}
