/**
 * The popup asks a tab's content script which of the page's passage notes it could anchor:
 * `{ backstory: 1, query: 'passage-status' }` → `PassageStatus`. Answered only by the top
 * frame, and only to the extension itself (`sender.id === runtime.id`, no `sender.tab`).
 */

export const PASSAGE_STATUS_QUERY = 'passage-status';

export interface PassageStatusQuery {
  backstory: 1;
  query: typeof PASSAGE_STATUS_QUERY;
}

/** Note ids: passages found on the page now, and those that are not (orphaned). */
export interface PassageStatus {
  /** The page URL the content script loaded notes for. */
  url: string;
  anchored: string[];
  orphaned: string[];
}

export const passageStatusQuery: PassageStatusQuery = { backstory: 1, query: PASSAGE_STATUS_QUERY };

/** Exactly `{ backstory: 1, query: 'passage-status' }`. */
export function isPassageStatusQuery(message: unknown): message is PassageStatusQuery {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return Object.keys(m).length === 2 && m.backstory === 1 && m.query === PASSAGE_STATUS_QUERY;
}

/** A reply that has the shape of a `PassageStatus` (the popup checks what a tab sends back). */
export function parsePassageStatus(reply: unknown): PassageStatus | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as Record<string, unknown>;
  const ids = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof r.url !== 'string' || !ids(r.anchored) || !ids(r.orphaned)) return null;
  return { url: r.url, anchored: r.anchored, orphaned: r.orphaned };
}
