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
 */
import { NOTED_HIGHLIGHT, type HighlightApi, type HighlightLike } from './highlights';
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

/** Register `backstory-noted` in `api`'s registry (replacing a stale one); `api` null → no-op. */
export function createNotedHighlight(api: HighlightApi | null): NotedHighlight {
  if (api === null) return NOOP;
  const { registry } = api;
  const highlight: HighlightLike = api.create();
  highlight.priority = NOTED_PRIORITY;
  registry.set(NOTED_HIGHLIGHT, highlight);
  let marked = new Set<Range>();
  let disposed = false;

  return {
    available: true,
    update(mentions, noted) {
      if (disposed) return;
      const next = new Set<Range>();
      for (const m of mentions) if (noted.has(m.entityId)) next.add(m.range);
      // Change only what changed: the browser repaints per change.
      for (const r of marked) if (!next.has(r)) highlight.delete(r);
      for (const r of next) if (!marked.has(r)) highlight.add(r);
      marked = next;
    },
    get size() {
      return marked.size;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      highlight.clear();
      marked.clear();
      if (registry.get(NOTED_HIGHLIGHT) === highlight) registry.delete(NOTED_HIGHLIGHT);
    },
  };
}
