/**
 * Hover hit-testing: which mention is under a viewport point? Highlight ranges receive no
 * events, so this asks the browser: `CSS.highlights.highlightsFromPoint()` where present,
 * else the caret position under the point and the mentions on that text node, always
 * confirmed against the mention's client rects (caret APIs snap to the nearest text).
 */
import type { HitTest, PageMention } from './types';
import type { HighlightApi, HighlightHitLike, HighlightLike, HighlightRegistryLike } from './highlights';
import { highlightApiOf } from './highlights';

/** What the hit test needs from the scanner's bookkeeping. */
export interface HitTestStore {
  mentionsAtNode(node: Node): readonly PageMention[];
  mentionOfRange(range: AbstractRange): PageMention | undefined;
  /** Open shadow roots that hold mentions (passed to the point APIs so they look inside). */
  shadowRoots(): ShadowRoot[];
  /** True for the layer's own Highlight registrations. */
  ownsHighlight(highlight: HighlightLike): boolean;
}

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

type DocumentWithCaret = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => CaretPositionLike | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

const TEXT_NODE = 3;

/** True when (x, y) is inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r !== undefined && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

function isHit(value: HighlightHitLike | HighlightLike): value is HighlightHitLike {
  return 'highlight' in value && Array.isArray((value as { ranges?: unknown }).ranges);
}

/** The caret (text node, offset) under a point, or null. */
export function caretFromPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): CaretPositionLike | null {
  const d = doc as DocumentWithCaret;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length > 0
      ? d.caretPositionFromPoint(x, y, { shadowRoots })
      : d.caretPositionFromPoint(x, y);
    return pos === null ? null : { offsetNode: pos.offsetNode, offset: pos.offset };
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range === null ? null : { offsetNode: range.startContainer, offset: range.startOffset };
  }
  return null;
}

function viaCaret(doc: Document, store: HitTestStore, x: number, y: number): PageMention | null {
  const caret = caretFromPoint(doc, x, y, store.shadowRoots());
  if (caret === null || caret.offsetNode.nodeType !== TEXT_NODE) return null;
  const candidates = store.mentionsAtNode(caret.offsetNode);
  if (candidates.length === 0) return null;
  // Mentions containing the caret offset first (cheap), then only a rect check confirms.
  for (const m of candidates) {
    let inside = false;
    try {
      inside = m.range.isPointInRange(caret.offsetNode, caret.offset);
    } catch {
      inside = false;
    }
    if (inside && rangeContainsPoint(m.range, x, y)) return m;
  }
  // The caret snapped to a neighbouring boundary: try the node's other mentions' rects.
  for (const m of candidates) if (rangeContainsPoint(m.range, x, y)) return m;
  return null;
}

/**
 * `highlightsFromPoint` answer: a mention, null (point is on none of ours: a cheap miss),
 * or undefined (the answer has no ranges, so fall back to the caret path).
 */
function viaHighlights(
  registry: HighlightRegistryLike,
  store: HitTestStore,
  x: number,
  y: number,
): PageMention | null | undefined {
  const fromPoint = registry.highlightsFromPoint;
  if (typeof fromPoint !== 'function') return undefined;
  const roots = store.shadowRoots();
  const hits = roots.length > 0
    ? fromPoint.call(registry, x, y, { shadowRoots: roots })
    : fromPoint.call(registry, x, y);
  let ours = false;
  for (const hit of hits) {
    if (isHit(hit)) {
      if (!store.ownsHighlight(hit.highlight)) continue;
      ours = true;
      for (const range of hit.ranges) {
        const m = store.mentionOfRange(range);
        if (m !== undefined) return m;
      }
    } else if (store.ownsHighlight(hit)) {
      ours = true;
    }
  }
  return ours ? undefined : null;
}

/** Creates the hit test for one page. Cheap enough to call on every (rAF-throttled) move. */
export function createHitTest(
  win: Window,
  doc: Document,
  store: HitTestStore,
  api: HighlightApi | null = highlightApiOf(win),
): HitTest {
  const registry = api?.registry ?? null;
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (registry !== null) {
      const answer = viaHighlights(registry, store, x, y);
      if (answer !== undefined) return answer;
    }
    return viaCaret(doc, store, x, y);
  };
}
