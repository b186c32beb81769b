/**
 * The kind registry: one place for each entity kind's label, plural, order and underline
 * style. The card, sidebar, options page and highlight layer read kinds from here; the
 * styles that must exist per kind (highlight, card, sidebar) are checked by `kinds.test.ts`,
 * so a new kind is one entry here plus its colour token and CSS rules, and the test names
 * every rule still missing.
 */
import { ENTITY_KINDS, type EntityKind } from './model';

export type UnderlineStyle = 'solid' | 'double' | 'dotted' | 'wavy' | 'dashed';

export interface KindInfo {
  kind: EntityKind;
  /** "Person" */
  label: string;
  /** "People" */
  plural: string;
  /** Sort position in grouped lists (sidebar, entities list); lower first. */
  order: number;
  /** How its mentions are underlined on the page (and its badge in the card). */
  underline: UnderlineStyle;
  /** Underline thickness in CSS px: on the page, in the card and in the side panel. */
  thickness: number;
}

export const KINDS: Readonly<Record<EntityKind, KindInfo>> = {
  person: { kind: 'person', label: 'Person', plural: 'People', order: 0, underline: 'solid', thickness: 2 },
  organisation: { kind: 'organisation', label: 'Organisation', plural: 'Organisations', order: 1, underline: 'double', thickness: 2 },
  place: { kind: 'place', label: 'Place', plural: 'Places', order: 2, underline: 'dotted', thickness: 2 },
  topic: { kind: 'topic', label: 'Topic', plural: 'Topics', order: 3, underline: 'wavy', thickness: 2 },
  event: { kind: 'event', label: 'Event', plural: 'Events', order: 4, underline: 'dashed', thickness: 2 },
  group: { kind: 'group', label: 'Group', plural: 'Groups', order: 5, underline: 'solid', thickness: 3 },
};

/** Every kind, in display order. */
export const KIND_ORDER: readonly EntityKind[] = [...ENTITY_KINDS].sort((a, b) => KINDS[a].order - KINDS[b].order);

export function kindInfo(kind: EntityKind): KindInfo {
  return KINDS[kind];
}

/** Every Backstory page highlight (`CSS.highlights`) name starts with this. */
export const HIGHLIGHT_PREFIX = 'backstory-';

/**
 * The page highlight that paints the kind's mentions (`backstory-person`, …), styled by
 * `::highlight(<name>)` in lib/page/highlights.css.
 */
export function highlightName(kind: EntityKind): string {
  return `${HIGHLIGHT_PREFIX}${kind}`;
}

/** True for a known kind name (for untrusted strings: form fields, messages). */
export function isKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}
