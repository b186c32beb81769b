/**
 * The shared vocabulary of Backstory. Every context (background, content script, side
 * panel, options) speaks in these types; runtime validation of anything that crosses a
 * boundary lives in `lib/packs/schema.ts` and `lib/messaging.ts`.
 */

export const ENTITY_KINDS = ['person', 'organisation', 'place', 'topic', 'event', 'group'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * How an alias's letter case must match the text.
 * - `sensitive`: exactly as written ("US", "U.S.", "Bibi"): "us" never matches.
 * - `proper`: as written, or in ALL CAPS (headlines) when the alias has at least 4 letters
 *   ("Netanyahu", "NETANYAHU"; not "netanyahu").
 * - `insensitive`: any case ("ceasefire", "Ceasefire", "CEASEFIRE").
 */
export const CASE_RULES = ['sensitive', 'proper', 'insensitive'] as const;
export type CaseRule = (typeof CASE_RULES)[number];

export interface Alias {
  text: string;
  case: CaseRule;
}

/** Where a pack's knowledge comes from. */
export interface Source {
  id: string;
  title: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  url?: string;
  publisher?: string;
}

/** A passage quoted from a source, with its date. */
export interface ContextPassage {
  text: string;
  sourceId: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export const RELATION_TYPES = [
  'criticised',
  'criticised-by',
  'called-for',
  'called-for-by',
  'supports',
  'supported-by',
  'opposes',
  'opposed-by',
  'leads',
  'led-by',
  'member-of',
  'has-member',
  'located-in',
  'contains',
  'ally-of',
  'in-conflict-with',
  'concerned-about',
  'concern-of',
  'pressures',
  'pressured-by',
  'related-to',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Relation {
  type: RelationType;
  /** Target entity id, in the same pack. */
  target: string;
  /** Optional short wording, e.g. "called for a new election in Israel". */
  label?: string;
  /** ISO date the relation was reported. */
  date?: string;
  sourceId?: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface Entity {
  /** Stable id, unique across packs, e.g. "person/benjamin-netanyahu". */
  id: string;
  kind: EntityKind;
  name: string;
  aliases: Alias[];
  /** Short role or description as of the pack's `asOf` date. */
  role: string;
  /** 1–3 sentences. */
  summary: string;
  contexts: ContextPassage[];
  relations: Relation[];
  links?: Link[];
  /**
   * Phrases that contain an alias of this entity but mean something else
   * ("Amy Schumer" for Chuck Schumer). A match inside one of them is dropped.
   */
  negative?: string[];
}

export interface Pack {
  /** Format version of the pack file itself. */
  format: 1;
  id: string;
  title: string;
  /** Integer; the background re-installs a pack when this rises. */
  version: number;
  /** ISO date the pack's knowledge is as of. */
  asOf: string;
  sources: Source[];
  entities: Entity[];
}

/** Pack metadata without its entities. */
export type PackMeta = Omit<Pack, 'entities'>;

/** One occurrence of an entity in a text: UTF-16 offsets into the scanned string. */
export interface Match {
  entityId: string;
  start: number;
  end: number;
  /** Index of the alias (in the matcher's alias list) that matched. */
  aliasIndex: number;
}
