/**
 * The options page's reads, each a plain async function over the database so it can run
 * inside `liveQuery`. Writes never happen here: they go to the background by message.
 */
import type { BackstoryDB, StoredPack } from '../../lib/db/schema';
import { t, uiLang } from '../../lib/i18n';
import { toEntity } from '../../lib/db/schema';
import type { AliasConflict, Entity, EntityKind, InstalledPack, Note, NoteFilter } from '../../lib/model';
import { USER_PACK_ID } from '../../lib/model';
import { readPackSource, resolveInstalled } from '../../lib/packs/source';
import { precedence } from '../../lib/packs/resolve';
import { searchKey } from './entities/search';
import { listNotes } from '../../lib/db/notes-repo';
import { entityNames } from '../../lib/db/packs-repo';
import { siteOf } from '../../lib/notes/url';

export interface Facet {
  value: string;
  label: string;
  count: number;
}

/** Counts over the live notes, for the filter menus and the navigation. */
export interface Facets {
  entities: Facet[];
  tags: Facet[];
  sites: Facet[];
  /** Live notes. */
  total: number;
  /** Notes in the trash. */
  trash: number;
}

function add(map: Map<string, number>, key: string | undefined): void {
  if (key === undefined || key === '') return;
  map.set(key, (map.get(key) ?? 0) + 1);
}

function facetList(map: Map<string, number>, label: (value: string) => string = (v) => v): Facet[] {
  return [...map]
    .map(([value, count]) => ({ value, label: label(value), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, uiLang()));
}

/** One pass over the notes: entity, tag and site counts of the live ones, and the trash size. */
export async function loadFacets(db: BackstoryDB): Promise<Facets> {
  return db.transaction('r', [db.notes, db.packEntities, db.edits], async () => {
    const entities = new Map<string, number>();
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    let total = 0;
    let trash = 0;
    await db.notes.each((row) => {
      if (row.deletedAt !== undefined) {
        trash += 1;
        return;
      }
      total += 1;
      add(entities, row.entityId);
      add(sites, row.site);
      for (const tag of new Set(row.tags)) add(tags, tag);
    });
    const names = await entityNames(db, [...entities.keys()]);
    return {
      entities: facetList(entities, (id) => names.get(id) ?? goneEntityLabel(id)),
      tags: facetList(tags),
      sites: facetList(sites),
      total,
      trash,
    };
  });
}

/** Live notes matching `filter` (newest first), or the trash (most recently deleted first). */
export function loadNotes(db: BackstoryDB, filter: NoteFilter): Promise<Note[]> {
  return listNotes(db, filter);
}

/** How a note's entity is named once no installed pack has it (the note itself is kept). */
export function goneEntityLabel(id: string): string {
  return t('libGoneEntity', { id });
}

/**
 * Display names of entities, by id (for note headers). An entity in no installed pack any
 * more (its pack was removed) is named by its id, marked as such.
 */
export async function loadEntityNames(db: BackstoryDB, ids: readonly string[]): Promise<Record<string, string>> {
  const names = await entityNames(db, ids);
  return Object.fromEntries(ids.map((id) => [id, names.get(id) ?? goneEntityLabel(id)]));
}

export type PackRow = StoredPack & { entityCount: number };

/** Installed packs with their entity counts, by title. */
export async function loadPacks(db: BackstoryDB): Promise<PackRow[]> {
  return db.transaction('r', [db.packs, db.packEntities], async () => {
    const packs = await db.packs.toArray();
    const rows = await Promise.all(
      packs.map(async (pack) => ({ ...pack, entityCount: await db.packEntities.where('packId').equals(pack.id).count() })),
    );
    return rows.sort((a, b) => a.title.localeCompare(b.title));
  });
}

/**
 * Every pack in precedence order as the reader sees it: the enabled packs first, in the order
 * the resolver uses, then the disabled ones in the order they would take if turned on.
 */
export function fullPrecedence(packs: readonly InstalledPack[]): InstalledPack[] {
  const on = precedence(packs);
  const off = precedence(packs.filter((p) => !p.enabled).map((p) => ({ ...p, enabled: true })));
  const byId = new Map(packs.map((p) => [p.id, p]));
  return [...on, ...off.map((p) => byId.get(p.id) ?? p)];
}

/** The reader's list order: "My entities" first, then by `order`, then by id. */
export function readerOrder(packs: readonly InstalledPack[]): InstalledPack[] {
  return [...packs].sort(
    (a, b) => Number(b.origin === 'user') - Number(a.origin === 'user') || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type PackListRow = PackRow & {
  /** Position (1 = first) in the precedence rule among the enabled packs; null when off. */
  rank: number | null;
};

export interface PackOverview {
  /** In the reader's order. */
  packs: PackListRow[];
  /** Enabled packs. */
  inUse: number;
  /** Aliases (and entity ids) claimed by several enabled packs, and who keeps them. */
  conflicts: AliasConflict[];
}

/** The Packs section's data: every pack with counts and rank, and the resolver's conflicts. */
export async function loadPackOverview(db: BackstoryDB): Promise<PackOverview> {
  const { source, conflicts } = await resolveInstalled(db);
  const ranked = precedence(source.packs);
  const rank = new Map(ranked.map((p, i) => [p.id, i + 1]));
  const packs = readerOrder(source.packs).map((pack) => ({
    ...pack,
    entityCount: source.entities[pack.id]?.length ?? 0,
    rank: rank.get(pack.id) ?? null,
  }));
  return { packs, inUse: ranked.length, conflicts };
}

/** One pack an entity is in, as the Entities list names it. */
export interface EntityPackRef {
  id: string;
  title: string;
  enabled: boolean;
  version: number;
}

/** One entity (by id) in the Entities list. */
export interface EntityIndexRow {
  id: string;
  name: string;
  kind: EntityKind;
  /** Alias texts of the version shown. */
  aliases: string[];
  /** Every pack that has this id, the one whose version is shown first. */
  packs: EntityPackRef[];
  /** The reader's edit is what is shown. */
  edited: boolean;
  /** In "My entities" (the reader's own). */
  own: boolean;
  /** Folded words of the name and aliases, for `matchesKey`. */
  key: string;
}

const collator = (): Intl.Collator => new Intl.Collator(uiLang(), { sensitivity: 'base', numeric: true });

/** Every entity of every installed pack, one row per id, by name. */
export async function loadEntityIndex(db: BackstoryDB): Promise<EntityIndexRow[]> {
  const source = await readPackSource(db);
  const rows = new Map<string, EntityIndexRow>();
  for (const pack of fullPrecedence(source.packs)) {
    const ref: EntityPackRef = { id: pack.id, title: pack.title, enabled: pack.enabled, version: pack.version };
    for (const packEntity of source.entities[pack.id] ?? []) {
      const existing = rows.get(packEntity.id);
      if (existing) {
        existing.packs.push(ref);
        if (pack.id === USER_PACK_ID) existing.own = true;
        continue;
      }
      const edit = source.edits[packEntity.id];
      const entity = edit?.entity ?? packEntity;
      const aliases = entity.aliases.map((a) => a.text);
      rows.set(packEntity.id, {
        id: packEntity.id,
        name: entity.name,
        kind: entity.kind,
        aliases,
        packs: [ref],
        edited: edit !== undefined,
        own: pack.id === USER_PACK_ID,
        key: searchKey([entity.name, ...aliases]),
      });
    }
  }
  const byName = collator();
  return [...rows.values()].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One entity as the editor opens it: the version shown (the reader's edit, else the first pack's). */
export interface EntityForEdit {
  entity: Entity;
  /** The pack entity without the edit (what "Reset to the pack's version" brings back). */
  packVersion: Entity;
  packs: EntityPackRef[];
  edited: boolean;
  own: boolean;
  /** When edited: the pack and version the edit was based on. */
  basedOn?: { packId: string; version: number };
}

/** Read one entity for the editor, or null when no installed pack has it. */
export async function loadEntityForEdit(db: BackstoryDB, id: string): Promise<EntityForEdit | null> {
  return db.transaction('r', [db.packs, db.packEntities, db.edits], async () => {
    const rows = await db.packEntities.where('id').equals(id).toArray();
    if (rows.length === 0) return null;
    const packs = (await db.packs.bulkGet(rows.map((r) => r.packId))).filter((p): p is StoredPack => p !== undefined);
    const ordered = fullPrecedence(packs);
    const first = ordered[0];
    const base = rows.find((r) => r.packId === first?.id) ?? rows[0];
    if (!base) return null;
    const edit = await db.edits.get(id);
    const packVersion = toEntity(base);
    return {
      entity: edit?.entity ?? packVersion,
      packVersion,
      packs: ordered.map((p) => ({ id: p.id, title: p.title, enabled: p.enabled, version: p.version })),
      edited: edit !== undefined,
      own: rows.some((r) => r.packId === USER_PACK_ID),
      ...(edit ? { basedOn: { packId: edit.basePackId, version: edit.baseVersion } } : {}),
    };
  });
}

/** The site a note belongs to (its target page, else the page it was written on). */
export function noteSite(note: Note): string | undefined {
  const page = note.target.type === 'entity' ? note.pageUrl : note.target.url;
  return page === undefined ? undefined : siteOf(page);
}

/** Does `note` pass `filter`? (For search results, which come from the background.) */
export function matchesFilter(note: Note, filter: NoteFilter): boolean {
  const { entityId, tag, site, from, to } = filter;
  return (
    (entityId === undefined || (note.target.type === 'entity' && note.target.entityId === entityId)) &&
    (tag === undefined || note.tags.includes(tag)) &&
    (site === undefined || noteSite(note) === site.toLowerCase()) &&
    (from === undefined || note.updatedAt >= from) &&
    (to === undefined || note.updatedAt <= to)
  );
}
