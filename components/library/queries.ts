/**
 * The options page's reads, each a plain async function over the database so it can run
 * inside `liveQuery`. Writes never happen here: they go to the background by message.
 */
import type { BackstoryDB, StoredPack } from '../../lib/db/schema';
import type { Note, NoteFilter } from '../../lib/model';
import { listNotes } from '../../lib/db/notes-repo';
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
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** One pass over the notes: entity, tag and site counts of the live ones, and the trash size. */
export async function loadFacets(db: BackstoryDB): Promise<Facets> {
  return db.transaction('r', [db.notes, db.entities], async () => {
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
    const names = new Map<string, string>();
    for (const entity of await db.entities.bulkGet([...entities.keys()])) {
      if (entity) names.set(entity.id, entity.name);
    }
    return {
      entities: facetList(entities, (id) => names.get(id) ?? id),
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

/** Display names of entities, by id (for note headers). */
export async function loadEntityNames(db: BackstoryDB, ids: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const unique = [...new Set(ids)];
  const rows = await db.entities.bulkGet(unique);
  rows.forEach((row, i) => {
    const id = unique[i];
    if (row && id !== undefined) out[id] = row.name;
  });
  return out;
}

export type PackRow = StoredPack & { entityCount: number };

/** Installed packs with their entity counts, by title. */
export async function loadPacks(db: BackstoryDB): Promise<PackRow[]> {
  return db.transaction('r', [db.packs, db.entities], async () => {
    const packs = await db.packs.toArray();
    const rows = await Promise.all(
      packs.map(async (pack) => ({ ...pack, entityCount: await db.entities.where('packId').equals(pack.id).count() })),
    );
    return rows.sort((a, b) => a.title.localeCompare(b.title));
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
