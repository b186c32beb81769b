import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteDraft, NoteTarget } from '../model';
import {
  deleteNote,
  deleteNotes,
  emptyTrash,
  getNote,
  listNotes,
  NoteError,
  notedEntities,
  notesForEntity,
  notesForPage,
  purgeExpiredTrash,
  restoreNote,
  saveNote,
} from './notes-repo';
import type { BackstoryDB } from './schema';
import { openTestDB } from './testing';

const DAY = 24 * 60 * 60 * 1000;
const T0 = 1_710_000_000_000;
const URL_A = 'https://news.example/story?id=1';
const onNetanyahu: NoteTarget = { type: 'entity', entityId: 'person/netanyahu' };
const onPageA: NoteTarget = { type: 'page', url: URL_A };
const onPassageA: NoteTarget = {
  type: 'passage',
  url: `${URL_A}&utm_source=x#p3`,
  selector: { exact: 'a new election', prefix: 'called for ', suffix: ' in Israel', start: 200, end: 214 },
};

let db: BackstoryDB | undefined;
function open(): BackstoryDB {
  db = openTestDB();
  return db;
}
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
  db = undefined;
});

const draft = (target: NoteTarget, text = 'a note', more: Partial<NoteDraft> = {}): NoteDraft => ({ target, text, tags: [], ...more });

async function create(d: BackstoryDB, target: NoteTarget, now: number, more: Partial<NoteDraft> = {}) {
  const result = await saveNote(d, draft(target, `note at ${now}`, more), now);
  if (result.status !== 'saved') throw new Error('not saved');
  return result.note;
}

describe('saveNote', () => {
  it('creates a note: new id, rev 1, times, cleaned tags, pageUrl defaulting to the target page', async () => {
    const d = open();
    const result = await saveNote(d, draft(onPassageA, 'Schumer said it', { tags: [' israel ', 'israel', 'us'], pageTitle: 'Story' }), T0);
    expect(result.status).toBe('saved');
    const { note } = result;
    expect(note).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      target: onPassageA,
      text: 'Schumer said it',
      tags: ['israel', 'us'],
      pageUrl: onPassageA.type === 'passage' ? onPassageA.url : '',
      pageTitle: 'Story',
      createdAt: T0,
      updatedAt: T0,
      rev: 1,
    });
    expect(await getNote(d, note.id)).toEqual(note);
    const row = await d.notes.get(note.id);
    expect(row).toMatchObject({ urlKey: URL_A, site: 'news.example', words: ['schumer', 'said', 'it', 'israel', 'us', 'story'] });
    const second = await saveNote(d, draft(onNetanyahu), T0);
    expect(second.note.id).not.toBe(note.id);
    expect(await d.notes.get(second.note.id)).toMatchObject({ entityId: 'person/netanyahu' });
  });

  it('edits at the current rev: text, tags, target and title change, rev + 1, createdAt kept', async () => {
    const d = open();
    const note = await create(d, onPageA, T0, { pageTitle: 'Old' });
    const result = await saveNote(d, { ...draft(onPassageA, 'edited', { tags: ['x'], pageTitle: 'New' }), id: note.id, baseRev: 1 }, T0 + 5);
    expect(result).toEqual({
      status: 'saved',
      note: { ...note, target: onPassageA, text: 'edited', tags: ['x'], pageTitle: 'New', rev: 2, updatedAt: T0 + 5 },
    });
    expect(await getNote(d, note.id)).toEqual(result.note);
    expect((await d.notes.get(note.id))?.words).toEqual(['edited', 'new']);
  });

  it('keeps both versions of a conflicting edit: the stored note unchanged, the incoming one as a copy', async () => {
    const d = open();
    const note = await create(d, onNetanyahu, T0, { tags: ['politics'] });
    // Tab 1 saves first (rev 1 → 2); tab 2, still on rev 1, saves after.
    const first = await saveNote(d, { ...draft(onNetanyahu, 'from tab 1', { tags: ['politics'] }), id: note.id, baseRev: 1 }, T0 + 1);
    const second = await saveNote(d, { ...draft(onNetanyahu, 'from tab 2', { tags: ['politics'] }), id: note.id, baseRev: 1 }, T0 + 2);
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect(second.note).toEqual(first.note);
    expect(second.copy).toEqual({
      id: expect.any(String),
      target: onNetanyahu,
      text: 'from tab 2',
      tags: ['politics', 'conflict'],
      conflictOf: note.id,
      createdAt: T0 + 2,
      updatedAt: T0 + 2,
      rev: 1,
    });
    expect((await notesForEntity(d, 'person/netanyahu')).map((n) => n.text)).toEqual(['from tab 2', 'from tab 1']);
    expect(await d.notes.where('conflictOf').equals(note.id).primaryKeys()).toEqual([second.copy.id]);
  });

  it('refuses an edit of an unknown note, of a note in the trash, and an edit without its rev', async () => {
    const d = open();
    const note = await create(d, onNetanyahu, T0);
    await expect(saveNote(d, { ...draft(onNetanyahu), id: 'nope', baseRev: 1 })).rejects.toThrow(/no note "nope"/);
    await expect(saveNote(d, { ...draft(onNetanyahu), id: note.id })).rejects.toThrow(NoteError);
    await deleteNote(d, note.id, T0 + 1);
    await expect(saveNote(d, { ...draft(onNetanyahu), id: note.id, baseRev: 2 })).rejects.toThrow(/in the trash/);
    expect(await d.notes.count()).toBe(1);
  });

  it('runs a guard on the stored note inside the transaction; a throwing guard writes nothing', async () => {
    const d = open();
    const note = await create(d, onPageA, T0);
    const guard = vi.fn(() => {
      throw new Error('not yours');
    });
    await expect(saveNote(d, { ...draft(onPageA, 'x'), id: note.id, baseRev: 1 }, T0, guard)).rejects.toThrow('not yours');
    expect(guard).toHaveBeenCalledWith(note);
    expect(await getNote(d, note.id)).toEqual(note);
  });

  it('writes in one strict read-write transaction', async () => {
    const spy = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const d = open();
    await d.open();
    spy.mockClear();
    await saveNote(d, draft(onNetanyahu), T0);
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.[2]).toEqual({ durability: 'strict' });
  });

  it('turns a quota failure into a "storage is full" error and writes nothing', async () => {
    const d = open();
    const note = await create(d, onNetanyahu, T0);
    vi.spyOn(d.notes, 'put').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    vi.spyOn(d.notes, 'add').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    await expect(saveNote(d, { ...draft(onNetanyahu, 'edit'), id: note.id, baseRev: 1 })).rejects.toThrow(/^Storage is full/);
    await expect(saveNote(d, draft(onNetanyahu, 'new'))).rejects.toThrow(NoteError);
    vi.restoreAllMocks();
    expect((await d.notes.toArray()).map((n) => [n.text, n.rev])).toEqual([[note.text, 1]]);
  });
});

describe('trash', () => {
  it('delete moves to the trash (rev + 1), restore takes it back (rev + 1); both are idempotent', async () => {
    const d = open();
    const note = await create(d, onNetanyahu, T0);
    const deleted = await deleteNote(d, note.id, T0 + 10);
    expect(deleted).toEqual({ ...note, deletedAt: T0 + 10, rev: 2 });
    expect(await deleteNote(d, note.id, T0 + 20)).toEqual(deleted);
    expect(await notesForEntity(d, 'person/netanyahu')).toEqual([]);
    expect(await listNotes(d, { trash: true })).toEqual([deleted]);

    const restored = await restoreNote(d, note.id);
    expect(restored).toEqual({ ...note, rev: 3 });
    expect(restored).not.toHaveProperty('deletedAt');
    expect(await restoreNote(d, note.id)).toEqual(restored);
    expect(await notesForEntity(d, 'person/netanyahu')).toEqual([restored]);
    await expect(deleteNote(d, 'nope')).rejects.toThrow(NoteError);
    await expect(restoreNote(d, 'nope')).rejects.toThrow(NoteError);
  });

  it('purges notes deleted more than 30 days ago, not before', async () => {
    const d = open();
    const old = await create(d, onNetanyahu, T0);
    const recent = await create(d, onNetanyahu, T0);
    const kept = await create(d, onNetanyahu, T0);
    await deleteNote(d, old.id, T0);
    await deleteNote(d, recent.id, T0 + DAY);
    expect(await purgeExpiredTrash(d, T0 + 30 * DAY)).toBe(0);
    expect(await purgeExpiredTrash(d, T0 + 30 * DAY + 1)).toBe(1);
    expect(await getNote(d, old.id)).toBeUndefined();
    expect(await getNote(d, recent.id)).toBeDefined();
    expect(await purgeExpiredTrash(d, T0 + 31 * DAY + 1)).toBe(1);
    expect((await d.notes.toArray()).map((n) => n.id)).toEqual([kept.id]);
  });

  it('emptyTrash deletes every note in the trash and nothing else', async () => {
    const d = open();
    const a = await create(d, onNetanyahu, T0);
    const b = await create(d, onPageA, T0);
    const c = await create(d, onPageA, T0);
    expect(await deleteNotes(d, [a.id, b.id, b.id, 'unknown'], T0 + 1)).toEqual({ deleted: 2 });
    expect(await deleteNotes(d, [a.id], T0 + 2)).toEqual({ deleted: 0 });
    expect((await listNotes(d, { trash: true })).map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
    expect(await emptyTrash(d)).toEqual({ purged: 2 });
    expect(await emptyTrash(d)).toEqual({ purged: 0 });
    expect((await d.notes.toArray()).map((n) => n.id)).toEqual([c.id]);
  });
});

describe('queries', () => {
  it('notesForEntity and notesForPage: live notes, newest first; the page by its URL key', async () => {
    const d = open();
    const e1 = await create(d, onNetanyahu, T0 + 1);
    const e2 = await create(d, onNetanyahu, T0 + 3);
    await create(d, { type: 'entity', entityId: 'person/schumer' }, T0);
    const p1 = await create(d, onPageA, T0 + 2);
    const s1 = await create(d, onPassageA, T0 + 4);
    await create(d, { type: 'page', url: 'https://news.example/story?id=2' }, T0);
    const gone = await create(d, onPageA, T0 + 9);
    await deleteNote(d, gone.id, T0 + 10);

    expect((await notesForEntity(d, 'person/netanyahu')).map((n) => n.id)).toEqual([e2.id, e1.id]);
    const page = await notesForPage(d, 'HTTPS://NEWS.example/story?id=1&fbclid=zz#top');
    expect(page.map((n) => n.id)).toEqual([s1.id, p1.id]);
    expect(page[0]).not.toHaveProperty('words');
    expect(await notesForPage(d, 'https://news.example/other')).toEqual([]);
  });

  it('notedEntities lists those of the given entities that have live notes', async () => {
    const d = open();
    await create(d, onNetanyahu, T0);
    const gaza = await create(d, { type: 'entity', entityId: 'place/gaza' }, T0);
    await create(d, { type: 'entity', entityId: 'person/schumer' }, T0);
    await deleteNote(d, gaza.id, T0);
    expect(await notedEntities(d, ['place/gaza', 'person/schumer', 'person/biden', 'person/netanyahu'])).toEqual([
      'person/schumer',
      'person/netanyahu',
    ]);
    expect(await notedEntities(d, [])).toEqual([]);
  });

  it('listNotes filters by entity, tag, site and date, combined, newest first', async () => {
    const d = open();
    const a = await create(d, onNetanyahu, T0, { tags: ['politics'], pageUrl: 'https://www.times.example/x' });
    const b = await create(d, onNetanyahu, T0 + DAY, { tags: ['election'] });
    const c = await create(d, onPageA, T0 + 2 * DAY, { tags: ['politics'] });
    const e = await create(d, onPassageA, T0 + 3 * DAY, { tags: ['politics'] });
    const ids = async (filter: Parameters<typeof listNotes>[1]) => (await listNotes(d, filter)).map((n) => n.id);

    expect(await ids({})).toEqual([e.id, c.id, b.id, a.id]);
    expect(await ids({ entityId: 'person/netanyahu' })).toEqual([b.id, a.id]);
    expect(await ids({ tag: 'politics' })).toEqual([e.id, c.id, a.id]);
    expect(await ids({ site: 'news.example' })).toEqual([e.id, c.id]);
    expect(await ids({ site: 'WWW.times.example' })).toEqual([a.id]);
    expect(await ids({ from: T0 + DAY, to: T0 + 2 * DAY })).toEqual([c.id, b.id]);
    expect(await ids({ tag: 'politics', site: 'news.example', to: T0 + 2 * DAY })).toEqual([c.id]);
    expect(await ids({ entityId: 'person/netanyahu', tag: 'politics' })).toEqual([a.id]);
    expect(await ids({ trash: true })).toEqual([]);
    await deleteNote(d, a.id, T0 + 5 * DAY);
    await deleteNote(d, e.id, T0 + 4 * DAY);
    expect(await ids({ tag: 'politics' })).toEqual([c.id]);
    expect(await ids({ trash: true })).toEqual([a.id, e.id]);
    expect(await ids({ trash: true, tag: 'politics', site: 'news.example' })).toEqual([e.id]);
  });
});
