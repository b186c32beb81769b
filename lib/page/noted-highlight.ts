/**
 * "I have notes on this": one more registered Highlight, `backstory-noted`, holding the
 * ranges of every mention of an entity the user has notes on. It is painted as a background
 * tint (highlights.css) over the kind's own underline, at a priority between the kind
 * highlights (0) and the mention under the pointer (2). It holds the same Range objects as
 * the kind highlights; nothing in the page's DOM changes.
 *
 * PRIVACY TRADE-OFF: `CSS.highlights` is the page's own registry. A page's script can read
 * it (`CSS.highlights.get('backstory-noted')`) and learn which of its words this reader has
 * private notes on — and, by comparing with the kind highlights, that Backstory is
 * installed at all. Naming the highlight neutrally would not help (the registry can be
 * enumerated and the ranges compared). Only the *fact* of a note leaks, never its text,
 * and only for entities the page itself mentions. The content side should let the user
 * switch this mark off (or off per site) for pages they do not trust; until then this is
 * the cost of seeing notes at a glance.
 *
 * Given the scanner's `view`, it holds only the noted mentions the kind highlights hold now
 * (those near the viewport on a long page), following the view's changes in the same task:
 * Chromium repaints every registered range whenever any highlight changes, so a noted entity
 * with thousands of mentions would otherwise make every hover repaint them all.
 */
import { NOTED_HIGHLIGHT, type HighlightApi, type HighlightLike, type HighlightView } from './highlights';
import type { PageMention } from './types';

/** Between the kind highlights (0) and the active one (2). */
export const NOTED_PRIORITY = 1;

export interface NotedHighlight {
  /** False without the Custom Highlight API: every call is then a no-op. */
  readonly available: boolean;
  /** Mark exactly the mentions (of `mentions`) whose entity is in `noted`. */
  update(mentions: readonly PageMention[], noted: ReadonlySet<string>): void;
  /** How many ranges are marked. */
  readonly size: number;
  /** Unregister (only if the registration is still ours). */
  dispose(): void;
}

const NOOP: NotedHighlight = { available: false, update: () => undefined, size: 0, dispose: () => undefined };

/**
 * Register `backstory-noted` in `api`'s registry (replacing a stale one); `api` null → no-op.
 * With `view` (the page scanner's), only the marked mentions it shows are registered.
 */
export function createNotedHighlight(api: HighlightApi | null, view?: HighlightView): NotedHighlight {
  if (api === null) return NOOP;
  const { registry } = api;
  const highlight: HighlightLike = api.create();
  highlight.priority = NOTED_PRIORITY;
  registry.set(NOTED_HIGHLIGHT, highlight);
  /** Noted mentions by range (the same Range may not be marked twice). */
  let marked = new Map<Range, PageMention>();
  let disposed = false;
  const shows = (m: PageMention): boolean => view === undefined || view.isShown(m);
  const unsubscribe = view?.subscribe((shown, hidden) => {
    if (disposed) return;
    for (const m of hidden) if (marked.get(m.range) === m) highlight.delete(m.range);
    for (const m of shown) if (marked.get(m.range) === m) highlight.add(m.range);
  });

  return {
    available: true,
    update(mentions, noted) {
      if (disposed) return;
      const next = new Map<Range, PageMention>();
      for (const m of mentions) if (noted.has(m.entityId)) next.set(m.range, m);
      // Change only what changed: the browser repaints per change.
      for (const [r, m] of marked) if (next.get(r) !== m && shows(m)) highlight.delete(r);
      for (const [r, m] of next) if (marked.get(r) !== m && shows(m)) highlight.add(r);
      marked = next;
    },
    get size() {
      return marked.size;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe?.();
      highlight.clear();
      marked.clear();
      if (registry.get(NOTED_HIGHLIGHT) === highlight) registry.delete(NOTED_HIGHLIGHT);
    },
  };
}
