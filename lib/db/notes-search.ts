/**
 * Full-text search over live notes, on the multi-entry `words` index: every query word must
 * be a prefix of one of a note's words (any order, case and diacritics ignored). Only keys
 * are read to find and rank the matches; rows are loaded for the returned page only.
 */
import { Dexie } from 'dexie';
import type { Note } from '../model';
import { parseQuery } from '../notes/search';
import { toNote, type StoredNote } from './notes-row';
import type { BackstoryDB } from './schema';

/** Up to this many matches are ranked from their rows; beyond, from the updatedAt index. */
const RANK_FROM_ROWS = 400;

async function keySet(keys: Promise<string[]>): Promise<Set<string>> {
  return new Set(await keys);
}

/**
 * Live notes matching `query`, best first: more query words equal to a word of the note
 * (not just a prefix) first, then the most recently updated. An empty query lists the
 * newest notes.
 */
export async function searchNotes(db: BackstoryDB, query: string, limit = 50): Promise<Note[]> {
  const words = parseQuery(query);
  return db.transaction('r', db.notes, async () => {
    if (words.length === 0) {
      const rows = await db.notes.orderBy('updatedAt').reverse().filter((r) => r.deletedAt === undefined).limit(limit).toArray();
      return rows.map(toNote);
    }
    const [trash, ...prefixSets] = await Promise.all([
      keySet(db.notes.where('deletedAt').aboveOrEqual(Dexie.minKey).primaryKeys()),
      ...words.map((w) => keySet(db.notes.where('words').startsWith(w).primaryKeys())),
    ]);
    prefixSets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = prefixSets;
    const ids = [...(smallest ?? [])].filter((id) => !trash?.has(id) && others.every((s) => s.has(id)));
    if (ids.length === 0) return [];

    const exactSets = await Promise.all(words.map((w) => keySet(db.notes.where('words').equals(w).primaryKeys())));
    const score = new Map(ids.map((id) => [id, exactSets.filter((s) => s.has(id)).length]));
    const scoreOf = (id: string): number => score.get(id) ?? 0;

    if (ids.length <= Math.max(RANK_FROM_ROWS, limit)) {
      const rows = (await db.notes.bulkGet(ids)).filter((r): r is StoredNote => r !== undefined);
      rows.sort((a, b) => scoreOf(b.id) - scoreOf(a.id) || b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
      return rows.slice(0, limit).map(toNote);
    }
    // Many matches: order them by the updatedAt index, then load only the page returned.
    const newestFirst = await db.notes.orderBy('updatedAt').reverse().primaryKeys();
    const recency = new Map(newestFirst.map((id, i) => [id, i]));
    const rank = (id: string): number => recency.get(id) ?? Number.MAX_SAFE_INTEGER;
    ids.sort((a, b) => scoreOf(b) - scoreOf(a) || rank(a) - rank(b));
    const rows = await db.notes.bulkGet(ids.slice(0, limit));
    return rows.filter((r): r is StoredNote => r !== undefined).map(toNote);
  });
}
