/**
 * The user's notes. Every write is one read-write transaction on the notes table (strict
 * durability, set for the whole database in `schema.ts`); the promise resolves only once it
 * has committed, and a failed transaction (a full disk) writes nothing and rejects with a
 * `NoteError` that says so. Lists are newest first (the trash: most recently deleted first).
 */
import { Dexie } from 'dexie';
import type { Note, NoteDraft, NoteFilter, SaveResult } from '../model';
import { CONFLICT_TAG } from '../notes/conflict';
import { noteUrlKey } from '../notes/url';
import { noteRow, toNote, type StoredNote } from './notes-row';
import type { BackstoryDB } from './schema';

/** How long a note stays in the trash before `purgeExpiredTrash` deletes it. */
export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
export { CONFLICT_TAG } from '../notes/conflict';

/** A note operation that cannot be done; the message is meant for the user. */
export class NoteError extends Error {
  override name = 'NoteError';
}

/**
 * Optional check of the stored note before a write (the background confines content
 * scripts to their own page with it); throwing aborts the write.
 */
export type NoteGuard = (stored: Note) => void;

function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner ?? e.cause;
  }
  return false;
}

/** Run one write transaction on the notes table; a quota failure becomes a clear error. */
async function write<T>(db: BackstoryDB, what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', db.notes, body);
  } catch (error) {
    if (isQuotaError(error)) {
      throw new NoteError(`Storage is full: ${what} was not saved. Free some disk space, or empty the trash, and try again.`);
    }
    throw error;
  }
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

const byUpdated = (a: Note, b: Note): number => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
const byDeleted = (a: Note, b: Note): number => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || byUpdated(a, b);
const live = (row: StoredNote): boolean => row.deletedAt === undefined;

function newNote(draft: NoteDraft, now: number, extra: Partial<Note> = {}): Note {
  const pageUrl = draft.pageUrl ?? (draft.target.type === 'entity' ? undefined : draft.target.url);
  const note: Note = {
    id: crypto.randomUUID(),
    target: draft.target,
    text: draft.text,
    tags: cleanTags(draft.tags),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    ...extra,
  };
  if (pageUrl !== undefined) note.pageUrl = pageUrl;
  if (draft.pageTitle !== undefined) note.pageTitle = draft.pageTitle;
  return note;
}

async function getLive(db: BackstoryDB, id: string, guard?: NoteGuard): Promise<StoredNote> {
  const stored = await db.notes.get(id);
  if (!stored) throw new NoteError(`There is no note "${id}" (it may have been deleted for good).`);
  guard?.(toNote(stored));
  return stored;
}

/**
 * Create a note (draft without id) or edit one (id + the rev the edit started from). An edit
 * based on an older rev than the stored one is a conflict: the stored note stays as it is
 * and the incoming text is kept as a new note (`conflictOf`, tagged "conflict"); both are
 * returned. Editing a note in the trash or an unknown id fails.
 */
export async function saveNote(
  db: BackstoryDB,
  draft: NoteDraft,
  now: number = Date.now(),
  guard?: NoteGuard,
): Promise<SaveResult> {
  return write(db, 'the note', async (): Promise<SaveResult> => {
    if (draft.id === undefined) {
      const note = newNote(draft, now);
      await db.notes.add(noteRow(note));
      return { status: 'saved', note };
    }
    if (draft.baseRev === undefined) throw new NoteError('An edit must say which revision of the note it started from.');
    const stored = await getLive(db, draft.id, guard);
    if (stored.deletedAt !== undefined) throw new NoteError('This note is in the trash: restore it before editing.');
    if (stored.rev !== draft.baseRev) {
      const copy = newNote(
        { ...draft, tags: [...draft.tags, CONFLICT_TAG] },
        now,
        { conflictOf: stored.id },
      );
      await db.notes.add(noteRow(copy));
      return { status: 'conflict', note: toNote(stored), copy };
    }
    const { pageTitle: _pageTitle, ...rest } = toNote(stored);
    // Never older than the version it replaces (a clock set back): backups require
    // updatedAt >= createdAt, and the import's "newest wins" must see an edit as newer.
    const updatedAt = Math.max(now, stored.updatedAt);
    const note: Note = { ...rest, target: draft.target, text: draft.text, tags: cleanTags(draft.tags), rev: stored.rev + 1, updatedAt };
    if (draft.pageUrl !== undefined) note.pageUrl = draft.pageUrl;
    const title = draft.pageTitle ?? stored.pageTitle;
    if (title !== undefined) note.pageTitle = title;
    await db.notes.put(noteRow(note));
    return { status: 'saved', note };
  });
}

/** Move a note to the trash (rev + 1). A note already in the trash is returned unchanged. */
export async function deleteNote(db: BackstoryDB, id: string, now: number = Date.now(), guard?: NoteGuard): Promise<Note> {
  return write(db, 'the deletion', async () => {
    const stored = await getLive(db, id, guard);
    if (stored.deletedAt !== undefined) return toNote(stored);
    const note: Note = { ...toNote(stored), deletedAt: now, rev: stored.rev + 1 };
    await db.notes.put(noteRow(note));
    return note;
  });
}

/** Take a note out of the trash (rev + 1). A live note is returned unchanged. */
export async function restoreNote(db: BackstoryDB, id: string, guard?: NoteGuard): Promise<Note> {
  return write(db, 'the restored note', async () => {
    const stored = await getLive(db, id, guard);
    if (stored.deletedAt === undefined) return toNote(stored);
    const { deletedAt: _deletedAt, ...rest } = toNote(stored);
    const note: Note = { ...rest, rev: stored.rev + 1 };
    await db.notes.put(noteRow(note));
    return note;
  });
}

/** Move several notes to the trash; unknown ids and notes already there are skipped. */
export async function deleteNotes(db: BackstoryDB, ids: readonly string[], now: number = Date.now()): Promise<{ deleted: number }> {
  return write(db, 'the deletion', async () => {
    const rows = (await db.notes.bulkGet([...new Set(ids)])).filter((r): r is StoredNote => r !== undefined && live(r));
    await db.notes.bulkPut(rows.map((r) => noteRow({ ...toNote(r), deletedAt: now, rev: r.rev + 1 })));
    return { deleted: rows.length };
  });
}

/** Delete every note in the trash for good. */
export async function emptyTrash(db: BackstoryDB): Promise<{ purged: number }> {
  return write(db, 'the emptied trash', async () => ({
    purged: await db.notes.where('deletedAt').aboveOrEqual(Dexie.minKey).delete(),
  }));
}

/** Delete for good the notes that went to the trash more than `TRASH_DAYS` days before `now`. */
export async function purgeExpiredTrash(db: BackstoryDB, now: number = Date.now()): Promise<number> {
  return write(db, 'the emptied trash', () => db.notes.where('deletedAt').below(now - TRASH_DAYS * DAY).delete());
}

/** One note (live or in the trash), or undefined. */
export async function getNote(db: BackstoryDB, id: string): Promise<Note | undefined> {
  const row = await db.notes.get(id);
  return row ? toNote(row) : undefined;
}

/** Live notes on one entity, newest first. */
export async function notesForEntity(db: BackstoryDB, entityId: string): Promise<Note[]> {
  const rows = await db.notes.where('entityId').equals(entityId).filter(live).toArray();
  return rows.map(toNote).sort(byUpdated);
}

/** Live page and passage notes of the page at `url` (compared by `noteUrlKey`), newest first. */
export async function notesForPage(db: BackstoryDB, url: string): Promise<Note[]> {
  const rows = await db.notes.where('urlKey').equals(noteUrlKey(url)).filter(live).toArray();
  return rows.map(toNote).sort(byUpdated);
}

/** Those of `entityIds` that have at least one live note, in the order given. */
export async function notedEntities(db: BackstoryDB, entityIds: readonly string[]): Promise<string[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.notes.where('entityId').anyOf([...entityIds]).filter(live).toArray();
  const noted = new Set(rows.map((r) => r.entityId));
  return [...new Set(entityIds)].filter((id) => noted.has(id));
}

/** Notes matching every given filter (live ones, or the trash with `trash: true`). */
export async function listNotes(db: BackstoryDB, filter: NoteFilter = {}): Promise<Note[]> {
  const { entityId, tag, site, from, to, trash = false } = filter;
  const collection =
    entityId !== undefined
      ? db.notes.where('entityId').equals(entityId)
      : tag !== undefined
        ? db.notes.where('tags').equals(tag)
        : site !== undefined
          ? db.notes.where('site').equals(site.toLowerCase())
          : db.notes.toCollection();
  const rows = await collection
    .filter(
      (r) =>
        (r.deletedAt !== undefined) === trash &&
        (entityId === undefined || r.entityId === entityId) &&
        (tag === undefined || r.tags.includes(tag)) &&
        (site === undefined || r.site === site.toLowerCase()) &&
        (from === undefined || r.updatedAt >= from) &&
        (to === undefined || r.updatedAt <= to),
    )
    .toArray();
  return rows.map(toNote).sort(trash ? byDeleted : byUpdated);
}

export { searchNotes } from './notes-search';
