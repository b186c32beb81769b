/**
 * The kind registry: one place for each entity kind's label, plural, order and underline
 * style. The card, sidebar, options page and highlight layer read kinds from here; the
 * styles that must exist per kind (highlight, card, sidebar) are checked by `kinds.test.ts`,
 * so a new kind is one entry here plus its colour token and CSS rules, and the test names
 * every rule still missing.
 */
import { ENTITY_KINDS, type EntityKind } from './model';
import { t, type PlainKey } from './i18n';

export type UnderlineStyle = 'solid' | 'double' | 'dotted' | 'wavy' | 'dashed';

export interface KindInfo {
  kind: EntityKind;
  /** "Person", in the UI's language. */
  readonly label: string;
  /** "People", in the UI's language. */
  readonly plural: string;
  /** "person", as inside a sentence ("(person, Israel–Gaza)"). */
  readonly lower: string;
  /** Sort position in grouped lists (sidebar, entities list); lower first. */
  order: number;
  /** How its mentions are underlined on the page (and its badge in the card). */
  underline: UnderlineStyle;
  /** Underline thickness in CSS px: on the page, in the card and in the side panel. */
  thickness: number;
}

interface KindEntry {
  order: number;
  underline: UnderlineStyle;
  thickness: number;
}

/** Order and style: what the page core needs (it shows no labels, so it carries no message names). */
const ENTRIES: Readonly<Record<EntityKind, KindEntry>> = {
  person: { order: 0, underline: 'solid', thickness: 2 },
  organisation: { order: 1, underline: 'double', thickness: 2 },
  place: { order: 2, underline: 'dotted', thickness: 2 },
  topic: { order: 3, underline: 'wavy', thickness: 2 },
  event: { order: 4, underline: 'dashed', thickness: 2 },
  group: { order: 5, underline: 'solid', thickness: 3 },
};

/** The messages of each kind's label, plural and lower-case label (public/_locales). */
function words(kind: EntityKind): readonly [label: PlainKey, plural: PlainKey, lower: PlainKey] {
  switch (kind) {
    case 'person':
      return ['kindPerson', 'kindPersonPlural', 'kindPersonLower'];
    case 'organisation':
      return ['kindOrganisation', 'kindOrganisationPlural', 'kindOrganisationLower'];
    case 'place':
      return ['kindPlace', 'kindPlacePlural', 'kindPlaceLower'];
    case 'topic':
      return ['kindTopic', 'kindTopicPlural', 'kindTopicLower'];
    case 'event':
      return ['kindEvent', 'kindEventPlural', 'kindEventLower'];
    case 'group':
      return ['kindGroup', 'kindGroupPlural', 'kindGroupLower'];
  }
}

function kind(kind: EntityKind): KindInfo {
  const entry = ENTRIES[kind];
  const [label, plural, lower] = words(kind);
  return {
    kind,
    order: entry.order,
    underline: entry.underline,
    thickness: entry.thickness,
    get label() {
      return t(label);
    },
    get plural() {
      return t(plural);
    },
    get lower() {
      return t(lower);
    },
  };
}

export const KINDS: Readonly<Record<EntityKind, KindInfo>> = {
  person: /*#__PURE__*/ kind('person'),
  organisation: /*#__PURE__*/ kind('organisation'),
  place: /*#__PURE__*/ kind('place'),
  topic: /*#__PURE__*/ kind('topic'),
  event: /*#__PURE__*/ kind('event'),
  group: /*#__PURE__*/ kind('group'),
};

/** Every kind, in display order. */
export const KIND_ORDER: readonly EntityKind[] = [...ENTITY_KINDS].sort((a, b) => ENTRIES[a].order - ENTRIES[b].order);

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
