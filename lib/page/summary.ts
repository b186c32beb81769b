/**
 * What the side panel shows about a page (`PageSummary`), from the page's mentions. Pure
 * over plain data: the DOM side (which mention is in a heading) comes in as a predicate.
 *
 * Entities are ordered by prominence: those in the page's title or a heading first, then
 * by count (most first), then by first appearance.
 */
import type { EntityKind } from '../model';
import type { PageEntitySummary, PageSummary } from '../sidebar-protocol';

/** The part of a mention the summary reads (a `PageMention` is one). */
export interface SummaryMention {
  entityId: string;
  kind: EntityKind;
  /** The text as it appears on the page (compared with the title). */
  text?: string;
}

export interface SummaryInput<M extends SummaryMention> {
  /** The entity's display name and kind; undefined → the mention's kind and the id. */
  names: (entityId: string) => { name: string; kind: EntityKind } | undefined;
  url: string;
  title: string;
  scanning: boolean;
  /** True when this mention is in a heading (h1–h3). Asked at most until one is. */
  inHeadline: (mention: M) => boolean;
  passages?: { anchored: readonly string[]; orphaned: readonly string[] };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `phrase` occurs in `text` as whole words (case-insensitive). */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = phrase.trim();
  if (p.length === 0 || text.length === 0) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Most prominent first: headline, then count desc, then first asc. */
export function compareProminence(a: PageEntitySummary, b: PageEntitySummary): number {
  if (a.inHeadline !== b.inHeadline) return a.inHeadline ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return a.first - b.first;
}

/** `mentions` in document order → the page's summary. */
export function summarise<M extends SummaryMention>(mentions: readonly M[], input: SummaryInput<M>): PageSummary {
  const byId = new Map<string, PageEntitySummary & { texts: Set<string> }>();
  mentions.forEach((mention, index) => {
    let entry = byId.get(mention.entityId);
    if (entry === undefined) {
      const named = input.names(mention.entityId);
      entry = {
        id: mention.entityId,
        kind: named?.kind ?? mention.kind,
        name: named?.name ?? mention.entityId,
        count: 0,
        first: index,
        inHeadline: false,
        texts: new Set(),
      };
      byId.set(mention.entityId, entry);
    }
    entry.count += 1;
    if (mention.text !== undefined) entry.texts.add(mention.text);
    if (!entry.inHeadline && input.inHeadline(mention)) entry.inHeadline = true;
  });
  const entities: PageEntitySummary[] = [];
  for (const { texts, ...entity } of byId.values()) {
    if (!entity.inHeadline) {
      entity.inHeadline = containsPhrase(input.title, entity.name) || [...texts].some((t) => containsPhrase(input.title, t));
    }
    entities.push(entity);
  }
  entities.sort(compareProminence);
  return {
    url: input.url,
    title: input.title,
    scanning: input.scanning,
    entities,
    passages: {
      anchored: [...(input.passages?.anchored ?? [])],
      orphaned: [...(input.passages?.orphaned ?? [])],
    },
  };
}
