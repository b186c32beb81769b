/**
 * The side panel ↔ content script protocol. The side panel connects a `runtime.Port` named
 * `SIDEBAR_PORT` to the active tab's content script (`tabs.connect(tabId, { name })`); the
 * content script accepts it only from this extension's own pages, answers requests on it
 * and pushes a fresh `PageSummary` whenever the page's mentions change, for as long as the
 * port is open. No broadcast: a tab nobody is looking at sends nothing.
 */
import type { EntityKind } from './model';

export const SIDEBAR_PORT = 'backstory-sidebar';

/** One entity found on the page. */
export interface PageEntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  /** Mentions on the page now. */
  count: number;
  /** Document-order index of its first mention among all the page's mentions. */
  first: number;
  /** Mentioned in the page's title or a heading (h1–h3). */
  inHeadline: boolean;
}

/** What the side panel shows about a page. Entities come ordered by prominence. */
export interface PageSummary {
  url: string;
  title: string;
  /** The initial scan has not finished yet (counts may still grow). */
  scanning: boolean;
  entities: PageEntitySummary[];
  /** Passage notes of this page: which were found on it and which not (orphaned). */
  passages: { anchored: string[]; orphaned: string[] };
}

/** Side panel → content script. */
export type SidebarRequest =
  | { type: 'summary' }
  /** Scroll to the `index`-th mention of the entity (wrapping) and flash it. */
  | { type: 'reveal'; entityId: string; index: number }
  /** Scroll to a passage note's passage and flash it. */
  | { type: 'reveal-passage'; noteId: string };

/** Content script → side panel. */
export type SidebarEvent =
  | { type: 'summary'; summary: PageSummary }
  | { type: 'revealed'; entityId: string; index: number; count: number }
  | { type: 'revealed-passage'; noteId: string; found: boolean }
  | { type: 'error'; message: string };

const MAX_ID = 200;

/** The request in `message`, or null when it is not exactly one of `SidebarRequest`. */
export function parseSidebarRequest(message: unknown): SidebarRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
  if (m.type === 'summary' && keys === 'type') return { type: 'summary' };
  if (m.type === 'reveal' && keys === 'entityId,index,type' && id(m.entityId) && Number.isInteger(m.index)) {
    return { type: 'reveal', entityId: m.entityId, index: m.index as number };
  }
  if (m.type === 'reveal-passage' && keys === 'noteId,type' && id(m.noteId)) {
    return { type: 'reveal-passage', noteId: m.noteId };
  }
  return null;
}
