/**
 * Where a mention is among its entity's mentions on the page ("mention 2 of 5"), and the
 * language of the alias that matched it: what the card tells a reader who cannot see the
 * page around it (a screen reader names the card by it).
 */
export interface MentionPlace {
  /** 1-based, in document order. */
  index: number;
  total: number;
  /** The language of the alias that matched (`PageMention.lang`), when it has one. */
  lang?: string;
}

interface Placed {
  range: Range;
  lang?: string;
}

const sameSpan = (a: Range, b: Range): boolean =>
  a === b || (a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0);

/**
 * The place of `anchor` among `mentions` (one entity's), or undefined when it is not one of
 * them (a card opened from a relation, a mention removed meanwhile). Ranges in other
 * documents or detached ones are skipped, never thrown on.
 */
export function mentionPlace(mentions: readonly Placed[], anchor: Range): MentionPlace | undefined {
  const doc = anchor.startContainer.ownerDocument;
  const live = mentions.filter((m) => m.range.startContainer.ownerDocument === doc && m.range.startContainer.isConnected);
  live.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const at = live.findIndex((m) => sameSpan(m.range, anchor));
  if (at < 0) return undefined;
  const lang = live[at]?.lang;
  return { index: at + 1, total: live.length, ...(lang ? { lang } : {}) };
}
