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

/**
 * True for a language tag as `Alias.lang` takes it: a BCP 47 primary language subtag, two
 * or three lower-case ASCII letters ('fr', 'he', 'yue').
 */
export function isLangTag(s: string): boolean {
  return /^[a-z]{2,3}$/.test(s);
}

export interface Alias {
  text: string;
  case: CaseRule;
  /**
   * The language the alias is written in, as a BCP 47 primary language subtag ('en', 'fr',
   * 'de', 'he', 'ar'); absent: any language. It selects the matcher's language rules
   * (Hebrew and Arabic prefixes, the German genitive; see lib/matcher/lang.ts) and is
   * reported with every match of the alias (`Match.lang`).
   */
  lang?: string;
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

/** Each relation type's converse ("criticised" ↔ "criticised-by"); symmetric ones map to themselves. */
export const RELATION_CONVERSE: Record<RelationType, RelationType> = {
  criticised: 'criticised-by',
  'criticised-by': 'criticised',
  'called-for': 'called-for-by',
  'called-for-by': 'called-for',
  supports: 'supported-by',
  'supported-by': 'supports',
  opposes: 'opposed-by',
  'opposed-by': 'opposes',
  leads: 'led-by',
  'led-by': 'leads',
  'member-of': 'has-member',
  'has-member': 'member-of',
  'located-in': 'contains',
  contains: 'located-in',
  'ally-of': 'ally-of',
  'in-conflict-with': 'in-conflict-with',
  'concerned-about': 'concern-of',
  'concern-of': 'concerned-about',
  pressures: 'pressured-by',
  'pressured-by': 'pressures',
  'related-to': 'related-to',
};

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

/**
 * Where an installed pack came from. `user` is the reader's own pack ("My entities":
 * tracked names and entities added by hand), always first in precedence.
 */
export const PACK_ORIGINS = ['shipped', 'imported', 'drafted', 'user'] as const;
export type PackOrigin = (typeof PACK_ORIGINS)[number];

/** The id of the reader's own pack ("My entities"). */
export const USER_PACK_ID = 'backstory/my-entities';
export const USER_PACK_TITLE = 'My entities';

/** An installed pack as the extension keeps it: its metadata and the reader's settings for it. */
export interface InstalledPack extends PackMeta {
  origin: PackOrigin;
  enabled: boolean;
  /** The reader's order (lower first): breaks ties between packs with the same `asOf`. */
  order: number;
  /** Epoch milliseconds of the last (re)install. */
  installedAt: number;
}

/**
 * The reader's correction of a pack entity, kept above the packs (a pack update never
 * touches it): the whole entity as the reader wants it, shown instead of any pack's
 * version. "Reset to the pack's version" deletes it.
 */
export interface EntityEdit {
  /** The entity id it overrides. */
  id: string;
  entity: Entity;
  /** The pack whose version was edited, and that version (for "based on v3 of …"). */
  basePackId: string;
  baseVersion: number;
  /** Epoch milliseconds. */
  editedAt: number;
}

/** One entity as the extension uses it: after the user layer, from the pack that won. */
export interface ResolvedEntity {
  entity: Entity;
  /** The pack that provides it (the edited pack's id for an edited entity). */
  packId: string;
  /** True when the reader's edit is what is shown. */
  edited: boolean;
}

/** The pack or entity that lost an alias (or an entity id) to another, as the card names it. */
export interface ConflictSide {
  entityId: string;
  name: string;
  kind: EntityKind;
  packId: string;
  packTitle: string;
}

/**
 * Two or more entities of different packs claim one alias (compared as the matcher does:
 * normalised, case folded). The winner keeps the alias; the losers are shown as "Also: …".
 * `sameEntity`: the same entity id is in several packs (one version is used).
 */
export interface AliasConflict {
  alias: string;
  winner: ConflictSide;
  losers: ConflictSide[];
  sameEntity: boolean;
}

/** One occurrence of an entity in a text: UTF-16 offsets into the scanned string. */
export interface Match {
  entityId: string;
  start: number;
  end: number;
  /** Index of the alias (in the matcher's alias list) that matched. */
  aliasIndex: number;
  /** The language of that alias (`Alias.lang`), when it has one. */
  lang?: string;
}

/* ─── Notes ──────────────────────────────────────────────────────────────────────── */

/**
 * Where a passage is on a page: the W3C Web Annotation TextQuoteSelector (exact quote with
 * up to 32 characters of context either side) and TextPositionSelector (UTF-16 offsets into
 * the page's text, as `lib/anchoring` flattens it), combined.
 */
export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type NoteTarget =
  | { type: 'entity'; entityId: string }
  | { type: 'page'; url: string }
  | { type: 'passage'; url: string; selector: PassageSelector };

export interface Note {
  id: string;
  target: NoteTarget;
  /** Plain text (rendered as text, never as HTML). */
  text: string;
  tags: string[];
  /** The page the note was written on (always set for page and passage notes). */
  pageUrl?: string;
  pageTitle?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Soft delete: set while the note is in the trash (restore clears it). */
  deletedAt?: number;
  /** Starts at 1, +1 on every write; an edit based on an older rev is a conflict. */
  rev: number;
  /** On a copy kept when two edits of one note conflicted: the original's id. */
  conflictOf?: string;
}

/** What a writer sends: a new note (no id) or an edit (id + the rev it was based on). */
export interface NoteDraft {
  id?: string;
  /** The rev the edit started from; required with `id`. */
  baseRev?: number;
  target: NoteTarget;
  text: string;
  tags: string[];
  pageUrl?: string;
  pageTitle?: string;
}

/**
 * A save either lands, or meets a newer edit of the same note: then both are kept — the
 * stored note stays as it was and the incoming text is saved as a copy (`conflictOf`).
 */
export type SaveResult = { status: 'saved'; note: Note } | { status: 'conflict'; note: Note; copy: Note };

/** Filters of the notes library; all optional, combined with AND. */
export interface NoteFilter {
  entityId?: string;
  tag?: string;
  /** Host name, e.g. "www.example.com". */
  site?: string;
  /** updatedAt bounds, epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** true: only the trash; false/absent: only live notes. */
  trash?: boolean;
}

/** The one-file backup of everything the user made. */
export interface Backup {
  format: 'backstory-backup';
  version: 1;
  exportedAt: string;
  notes: Note[];
  /**
   * Always empty: the first backups had this field before the reader could add entities.
   * Their entities now travel as `userPack`.
   */
  userEntities: Entity[];
  /** The reader's own pack ("My entities", `USER_PACK_ID`) with its sources; absent when they have none. */
  userPack?: Pack;
  /** The reader's corrections of pack entities. */
  entityEdits?: EntityEdit[];
  settings: Record<string, unknown>;
}

export interface ImportSummary {
  added: number;
  updated: number;
  /** Already present with the same or a newer `updatedAt`. */
  skipped: number;
  /** Human-readable notes on what was changed to make the input safe, if anything. */
  warnings: string[];
  /** What the backup's own entities and corrections did (absent when it had none). */
  userLayer?: UserLayerSummary;
  /** What the backup's site rules and "Not … here" rules did (absent when it had none). */
  sites?: { rulesAdded: number; notHereAdded: number; skipped: number };
}

export interface UserLayerSummary {
  /** Entities of "My entities" added from the backup. */
  entitiesAdded: number;
  /** Already here, the same as in the backup. */
  entitiesSame: number;
  /** Here and different from the backup's copy: the copy here was kept. */
  entitiesKept: number;
  /** Corrections added, replaced (the backup's was newer) and skipped (the one here is as new or newer). */
  editsAdded: number;
  editsUpdated: number;
  editsSkipped: number;
}
