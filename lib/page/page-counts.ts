/**
 * The popup's question to a tab's top frame: how many names and mentions are underlined?
 * Answered by the content script from its mentions; anything else is not this query.
 */
export const PAGE_COUNTS_QUERY = 'page-counts';

export interface PageCountsQuery {
  backstory: 1;
  query: typeof PAGE_COUNTS_QUERY;
}

export interface PageCounts {
  /** Distinct entities underlined. */
  names: number;
  mentions: number;
}

export const pageCountsQuery: PageCountsQuery = { backstory: 1, query: PAGE_COUNTS_QUERY };

/** Exactly `{ backstory: 1, query: 'page-counts' }`. */
export function isPageCountsQuery(message: unknown): message is PageCountsQuery {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return Object.keys(m).length === 2 && m.backstory === 1 && m.query === PAGE_COUNTS_QUERY;
}

export function countMentions(mentions: ReadonlyArray<{ entityId: string }>): PageCounts {
  return { names: new Set(mentions.map((m) => m.entityId)).size, mentions: mentions.length };
}

/** A reply read defensively (it comes from a page's content script). */
export function parsePageCounts(reply: unknown): PageCounts | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as Record<string, unknown>;
  const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  return count(r.names) && count(r.mentions) ? { names: r.names, mentions: r.mentions } : null;
}
