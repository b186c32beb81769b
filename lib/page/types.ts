import type { EntityKind } from '../model';

/** One mention of an entity on the live page: a DOM range over the page's own text nodes. */
export interface PageMention {
  /** Unique for the page's lifetime. */
  id: number;
  entityId: string;
  kind: EntityKind;
  /** Covers the mention's text; may span several text nodes (inline markup). */
  range: Range;
  /** The text as it appears on the page, e.g. "Netanyahu’s". */
  text: string;
  /** The language of the alias that matched ('fr', 'he' …: `Match.lang`), when it has one. */
  lang?: string;
}

/** Finds the mention under a viewport point, or null. */
export type HitTest = (clientX: number, clientY: number) => PageMention | null;
