/** Small fakes of browser APIs happy-dom lacks, for lib/page tests only. */
import type { Match } from '../model';
import type { HighlightApi, HighlightHitLike, HighlightLike, HighlightRegistryLike } from './highlights';

export class FakeHighlight extends Set<AbstractRange> implements HighlightLike {
  priority = 0;
}

export class FakeRegistry extends Map<string, HighlightLike> implements HighlightRegistryLike {
  hits: (HighlightHitLike | HighlightLike)[] | null = null;
  get highlightsFromPoint(): HighlightRegistryLike['highlightsFromPoint'] {
    const hits = this.hits;
    return hits === null ? undefined : () => hits;
  }
}

export function fakeHighlightApi(): { api: HighlightApi; registry: FakeRegistry } {
  const registry = new FakeRegistry();
  return { registry, api: { registry, create: () => new FakeHighlight() } };
}

/** A tiny matcher for tests: every occurrence of each phrase (case-sensitive). */
export function phraseMatcher(phrases: Record<string, string>): (text: string) => Match[] {
  const entries = Object.entries(phrases);
  return (text) => {
    const out: Match[] = [];
    entries.forEach(([phrase, entityId], aliasIndex) => {
      for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) {
        out.push({ entityId, start: i, end: i + phrase.length, aliasIndex });
      }
    });
    out.sort((a, b) => a.start - b.start);
    return out.filter((m, i) => i === 0 || m.start >= (out[i - 1]?.end ?? 0));
  };
}

/** A DOMRect-like value for fake client rects. */
export function rect(left: number, top: number, width: number, height: number): DOMRect {
  return {
    left, top, width, height, x: left, y: top, right: left + width, bottom: top + height,
    toJSON: () => ({}),
  };
}
