import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import type { NoteDraft, NoteTarget } from '../model';
import type { SenderInfo, Trust } from '../messaging';
import { getNote, listNotes } from '../db/notes-repo';
import type { BackstoryDB } from '../db/schema';
import { openTestDB } from '../db/testing';
import { createNotesHandlers, type NotesHandlers } from './notes-handlers';

const STORY = 'https://news.example/story';
const page = (url = `${STORY}#comments`): SenderInfo & { trust: Trust } => ({ id: 'ext', url, tab: { id: 1 }, trust: 'page' });
const ext: SenderInfo & { trust: Trust } = { id: 'ext', url: 'chrome-extension://ext/options.html', trust: 'extension' };
const passage = (url: string): NoteTarget => ({ type: 'passage', url, selector: { exact: 'q', prefix: '', suffix: '', start: 0, end: 1 } });
const draft = (target: NoteTarget, text = 'note'): NoteDraft => ({ target, text, tags: [] });

let db: BackstoryDB;
let onWrite: ReturnType<typeof vi.fn<() => Promise<unknown>>>;
let h: NotesHandlers;
const clock = 1_000;
beforeEach(() => {
  db = openTestDB();
  onWrite = vi.fn(() => Promise.resolve());
  h = createNotesHandlers(db, { now: () => clock, onWrite, log: { warn: vi.fn() } });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('page confinement', () => {
  it('lets a page save a passage or page note on its own page (by URL key), not on another page', async () => {
    const own = await h.saveNote({ draft: draft(passage(`${STORY}?utm_source=x`)) }, page());
    expect(own.status).toBe('saved');
    await expect(h.saveNote({ draft: draft(passage('https://other.example/')) }, page())).rejects.toThrow(
      'a page may only write notes on its own page',
    );
    await expect(h.saveNote({ draft: draft({ type: 'page', url: 'https://other.example/' }) }, page())).rejects.toThrow(/own page/);
    await expect(h.saveNote({ draft: draft({ type: 'page', url: STORY }) }, { id: 'ext', trust: 'page' })).rejects.toThrow(/own page/);
    expect(await db.notes.count()).toBe(1);
    expect(onWrite).toHaveBeenCalledTimes(1);
  });

  it('lets any page write entity notes; the extension may write anything', async () => {
    await h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }) }, page('https://elsewhere.example/'));
    await h.saveNote({ draft: draft(passage('https://other.example/')) }, ext);
    expect(await db.notes.count()).toBe(2);
  });

  it('refuses a page editing, moving, deleting or restoring another page\'s note', async () => {
    const other = await h.saveNote({ draft: draft(passage('https://other.example/')) }, ext);
    const mine = await h.saveNote({ draft: draft(passage(STORY)) }, page());
    const edit = (target: NoteTarget, id: string) => ({ draft: { ...draft(target, 'edited'), id, baseRev: 1 } });
    // Pretending the foreign note is on this page does not help: the stored target is checked.
    await expect(h.saveNote(edit(passage(STORY), other.note.id), page())).rejects.toThrow(/own page/);
    await expect(h.saveNote(edit(passage('https://other.example/'), mine.note.id), page())).rejects.toThrow(/own page/);
    await expect(h.deleteNote({ id: other.note.id }, page())).rejects.toThrow(/own page/);
    await h.deleteNote({ id: other.note.id }, ext);
    await expect(h.restoreNote({ id: other.note.id }, page())).rejects.toThrow(/own page/);
    expect((await getNote(db, other.note.id))?.deletedAt).toBe(clock);

    expect((await h.saveNote(edit(passage(STORY), mine.note.id), page())).status).toBe('saved');
    expect((await h.deleteNote({ id: mine.note.id }, page())).deletedAt).toBe(clock);
    expect((await h.restoreNote({ id: mine.note.id }, page())).deletedAt).toBeUndefined();
  });

  it('gives a page the notes of its own page only', async () => {
    await h.saveNote({ draft: draft({ type: 'page', url: STORY }, 'mine') }, page());
    await h.saveNote({ draft: draft({ type: 'page', url: 'https://other.example/' }, 'theirs') }, ext);
    expect((await h.notesForPage({ url: STORY }, page())).map((n) => n.text)).toEqual(['mine']);
    await expect(h.notesForPage({ url: 'https://other.example/' }, page())).rejects.toThrow(/own page/);
    expect((await h.notesForPage({ url: 'https://other.example/' }, ext)).map((n) => n.text)).toEqual(['theirs']);
  });
});

describe('note handlers', () => {
  it('signal a change after every successful write, never after a read or a failure', async () => {
    const a = await h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }) }, page());
    const b = await h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/b' }) }, page());
    await h.deleteNote({ id: a.note.id }, page());
    await h.restoreNote({ id: a.note.id }, page());
    expect(onWrite).toHaveBeenCalledTimes(4);
    expect(await h.notesForEntity({ entityId: 'person/a' }, page())).toHaveLength(1);
    expect(await h.notedEntities({ entityIds: ['person/a', 'person/b', 'person/c'] }, page())).toEqual(['person/a', 'person/b']);
    expect(await h.searchNotes({ query: 'not' }, ext)).toHaveLength(2);
    expect(onWrite).toHaveBeenCalledTimes(4);
    await expect(h.deleteNote({ id: 'nope' }, ext)).rejects.toThrow();
    expect(onWrite).toHaveBeenCalledTimes(4);
    expect(await h.deleteNotes({ ids: [a.note.id, b.note.id] }, ext)).toEqual({ deleted: 2 });
    expect(await h.emptyTrash({}, ext)).toEqual({ purged: 2 });
    expect(onWrite).toHaveBeenCalledTimes(6);
  });

  it('a failing change signal is logged; the write still succeeds', async () => {
    const warn = vi.fn();
    const failing = createNotesHandlers(db, { onWrite: () => Promise.reject(new Error('storage gone')), log: { warn } });
    const saved = await failing.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }) }, ext);
    expect(saved.status).toBe('saved');
    // The signal runs after the reply; its failure is logged, not thrown.
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
  });

  it('answers a write without waiting for the change signal', async () => {
    const started = vi.fn();
    const finished = vi.fn();
    let release: () => void = () => undefined;
    const slow = createNotesHandlers(db, {
      onWrite: () =>
        new Promise<void>((done) => {
          started();
          release = () => {
            finished();
            done();
          };
        }),
    });
    const saved = await slow.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }) }, ext);
    expect(saved.status).toBe('saved');
    expect(finished).not.toHaveBeenCalled(); // answered while the signal is still pending
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    release();
    expect(finished).toHaveBeenCalledTimes(1);
  });

  it('exports and imports through lib/backup, signalling the import', async () => {
    await h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }, 'exported') }, ext);
    const backup = await h.exportBackup({}, ext);
    expect(backup.notes.map((n) => n.text)).toEqual(['exported']);
    expect(await h.exportMarkdown({}, ext)).toContain('exported');
    await db.notes.clear();
    onWrite.mockClear();
    const summary = await h.importBackup({ json: JSON.stringify(backup) }, ext);
    expect(summary).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    expect(onWrite).toHaveBeenCalledTimes(1);
    expect((await listNotes(db)).map((n) => n.text)).toEqual(['exported']);
  });

  it('signals a source change only when an import brought entities or corrections', async () => {
    const onSourceChange = vi.fn(() => Promise.resolve());
    const layered = createNotesHandlers(db, { now: () => clock, onSourceChange });
    const plain = await layered.exportBackup({}, ext);
    await layered.importBackup({ json: JSON.stringify(plain) }, ext);
    expect(onSourceChange).not.toHaveBeenCalled();
    const edit = { id: 'person/a', entity: { id: 'person/a', kind: 'person', name: 'A', aliases: [{ text: 'A', case: 'proper' }], role: '', summary: '', contexts: [], relations: [] }, basePackId: 'p', baseVersion: 1, editedAt: 5 };
    const summary = await layered.importBackup({ json: JSON.stringify({ ...plain, entityEdits: [edit] }) }, ext);
    expect(summary.userLayer?.editsAdded).toBe(1);
    expect(onSourceChange).toHaveBeenCalledTimes(1);
    expect((await db.edits.get('person/a'))?.entity.name).toBe('A');
  });

  it('rejects with "storage is full" on a quota failure, writing nothing and signalling nothing', async () => {
    const existing = await h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }, 'kept') }, ext);
    onWrite.mockClear();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    // As Dexie reports a transaction aborted by the browser: an AbortError wrapping it.
    vi.spyOn(db.notes, 'add').mockRejectedValue(new Dexie.AbortError('Transaction aborted', quota));
    vi.spyOn(db.notes, 'put').mockRejectedValue(quota);
    await expect(h.saveNote({ draft: draft({ type: 'entity', entityId: 'person/a' }, 'new') }, page())).rejects.toThrow(/^Storage is full/);
    await expect(
      h.saveNote({ draft: { ...draft({ type: 'entity', entityId: 'person/a' }, 'edit'), id: existing.note.id, baseRev: 1 } }, page()),
    ).rejects.toThrow(/Storage is full: the note was not saved/);
    vi.spyOn(db.notes, 'bulkPut').mockRejectedValue(quota);
    await expect(h.deleteNotes({ ids: [existing.note.id] }, ext)).rejects.toThrow(/Storage is full/);
    vi.restoreAllMocks();
    expect(await listNotes(db)).toEqual([existing.note]);
    expect(onWrite).not.toHaveBeenCalled();
  });
});

describe('search (in-memory index)', () => {
  const entity = (text: string): NoteDraft => draft({ type: 'entity', entityId: 'person/a' }, text);
  const found = async (query: string, handlers = h): Promise<string[]> =>
    (await handlers.searchNotes({ query }, ext)).map((n) => n.text);

  it('finds a note saved, edited, deleted or restored on the very next search', async () => {
    expect(await found('ceasefire')).toEqual([]);
    const saved = await h.saveNote({ draft: entity('Ceasefire talks in Cairo') }, ext);
    expect(await found('ceasefire')).toEqual(['Ceasefire talks in Cairo']);
    const edit = { ...entity('Hostage talks in Doha'), id: saved.note.id, baseRev: 1 };
    await h.saveNote({ draft: edit }, ext);
    expect(await found('ceasefire')).toEqual([]);
    expect(await found('doha host')).toEqual(['Hostage talks in Doha']);
    // An edit from an old revision keeps the stored note and adds a conflict copy.
    const conflict = await h.saveNote({ draft: { ...edit, text: 'Ceasefire in Doha' } }, ext);
    expect(conflict.status).toBe('conflict');
    expect((await found('doha')).sort()).toEqual(['Ceasefire in Doha', 'Hostage talks in Doha']);
    await h.deleteNote({ id: saved.note.id }, ext);
    expect(await found('doha')).toEqual(['Ceasefire in Doha']);
    expect(await found('')).toEqual(['Ceasefire in Doha']);
    await h.restoreNote({ id: saved.note.id }, ext);
    expect(await found('hostage')).toEqual(['Hostage talks in Doha']);
    await h.deleteNotes({ ids: [saved.note.id, 'unknown'] }, ext);
    expect(await found('doha')).toEqual(['Ceasefire in Doha']);
    await h.emptyTrash({}, ext);
    expect(await found('doha')).toEqual(['Ceasefire in Doha']);
  });

  it('reads the notes once, then answers from the index', async () => {
    await h.saveNote({ draft: entity('Rafah crossing') }, ext);
    const toArray = vi.spyOn(db.notes, 'toArray');
    expect(await found('rafah')).toEqual(['Rafah crossing']);
    await h.saveNote({ draft: entity('Rafah aid') }, ext);
    expect(await found('rafah aid')).toEqual(['Rafah aid']);
    expect(await found('raf')).toHaveLength(2);
    expect(toArray).toHaveBeenCalledTimes(1);
  });

  it('rebuilds the index after an import, a failed write, or in a new background', async () => {
    await h.saveNote({ draft: entity('Exported note') }, ext);
    const backup = await h.exportBackup({}, ext);
    await h.saveNote({ draft: entity('Local note') }, ext);
    expect(await found('note')).toHaveLength(2);
    const toArray = vi.spyOn(db.notes, 'toArray');
    const imported = { ...backup, notes: backup.notes.map((n) => ({ ...n, id: 'imported', text: 'Imported note' })) };
    await h.importBackup({ json: JSON.stringify(imported) }, ext);
    expect((await found('note')).sort()).toEqual(['Exported note', 'Imported note', 'Local note']);
    expect(toArray).toHaveBeenCalledTimes(1);

    await expect(h.deleteNote({ id: 'nope' }, ext)).rejects.toThrow();
    expect(await found('imported')).toEqual(['Imported note']);
    expect(toArray).toHaveBeenCalledTimes(2);

    // A restarted service worker: new handlers, a fresh index over the same database.
    const restarted = createNotesHandlers(db, { now: () => clock });
    expect((await found('note', restarted)).sort()).toEqual(['Exported note', 'Imported note', 'Local note']);
  });

  it('falls back to the database when the index returns a note it should not', async () => {
    const saved = await h.saveNote({ draft: entity('Famine warning') }, ext);
    expect(await found('famine')).toEqual(['Famine warning']);
    // A write behind the background's back (never done by the extension).
    await db.notes.update(saved.note.id, { deletedAt: 5 });
    expect(await found('famine')).toEqual([]);
    await db.notes.update(saved.note.id, { deletedAt: undefined });
    expect(await found('famine')).toEqual(['Famine warning']);
  });

  it('searches the database when the index cannot be built', async () => {
    await h.saveNote({ draft: entity('Security council') }, ext);
    vi.spyOn(db.notes, 'toArray').mockRejectedValueOnce(new Error('read failed'));
    expect(await found('secur')).toEqual(['Security council']);
    expect(await found('council')).toEqual(['Security council']);
  });
});
