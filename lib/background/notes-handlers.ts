/**
 * The background's answers to the note requests. Inputs arrive validated and
 * sender-checked by `route()`; on top of that, a content script (page trust) may write or
 * read page and passage notes only of its own page (`sender.url`), while entity notes are
 * open to every page. Every successful write is followed by `onWrite` (the change signal).
 *
 * Search runs on an in-memory index of the live notes (`lib/notes/search-index.ts`), held
 * here: every note write goes through these handlers, so it is kept exact after each
 * committed write. It is built on the first search (one read of every note) and again
 * whenever it may be wrong: the service worker restarted, an import, a failed or
 * overlapping write, or a search that found a note the index should not have returned.
 */
import type { Handlers, SenderInfo, Trust } from '../messaging';
import type { Note, NoteTarget } from '../model';
import type { BackstoryDB } from '../db/schema';
import {
  deleteNote,
  deleteNotes,
  emptyTrash,
  notedEntities,
  notesForEntity,
  notesForPage,
  restoreNote,
  saveNote,
  searchNotes,
  type NoteGuard,
} from '../db/notes-repo';
import { toNote, type StoredNote } from '../db/notes-row';
import { noteUrlKey } from '../notes/url';
import { createSearchIndex, type SearchIndex } from '../notes/search-index';
import { exportBackup, exportMarkdown, importBackup, layerChanged } from '../backup';

export type NoteRequest =
  | 'notesForEntity'
  | 'notesForPage'
  | 'notedEntities'
  | 'saveNote'
  | 'deleteNote'
  | 'restoreNote'
  | 'searchNotes'
  | 'exportBackup'
  | 'exportMarkdown'
  | 'importBackup'
  | 'emptyTrash'
  | 'deleteNotes';
export type NotesHandlers = Pick<Handlers, NoteRequest>;

export interface NotesHandlerOptions {
  /** The clock; defaults to `Date.now`. */
  now?: () => number;
  /** Runs after every successful note write (bump the change signal, purge the trash). */
  onWrite?: () => Promise<unknown>;
  /** Runs after a backup import changed the reader's entities or corrections (recompile, tell the tabs). */
  onSourceChange?: () => Promise<unknown>;
  log?: { warn(...args: unknown[]): void };
}

type Sender = SenderInfo & { trust: Trust };

/** Refuse a page sender a page/passage target that is not its own page. */
function confine(sender: Sender, target: NoteTarget): void {
  if (sender.trust === 'extension' || target.type === 'entity') return;
  if (sender.url === undefined || noteUrlKey(sender.url) !== noteUrlKey(target.url)) {
    throw new Error('a page may only write notes on its own page');
  }
}

function guardFor(sender: Sender): NoteGuard | undefined {
  return sender.trust === 'extension' ? undefined : (stored) => confine(sender, stored.target);
}

/** How many notes a search returns when the request does not say. */
const DEFAULT_LIMIT = 50;

interface IndexKeeper {
  /** The exact index, built first if there is none. */
  current(): Promise<SearchIndex>;
  /** Forget the index: the next search rebuilds it. */
  stale(): void;
  /**
   * Run a write; once it has committed, `apply` brings the index up to date. A failed write,
   * or one that overlapped another write (their updates could land out of order), marks
   * the index stale instead.
   */
  track<R>(run: () => Promise<R>, apply: (index: SearchIndex, result: R) => void): Promise<R>;
}

function createIndexKeeper(db: BackstoryDB): IndexKeeper {
  let index: SearchIndex | undefined;
  let building: Promise<SearchIndex> | undefined;
  /** Bumped by `stale()`: a build started before it is used once, not kept. */
  let generation = 0;
  let writing = 0;
  let overlapped = false;

  function stale(): void {
    generation += 1;
    index = undefined;
    building = undefined;
  }

  function build(): Promise<SearchIndex> {
    const started = generation;
    const promise = db.notes.toArray().then(
      (rows) => {
        const built = createSearchIndex();
        built.replaceAll(rows);
        if (generation === started) {
          index = built;
          building = undefined;
        }
        return built;
      },
      (error: unknown) => {
        if (generation === started) building = undefined;
        throw error;
      },
    );
    building = promise;
    return promise;
  }

  return {
    current: () => (index ? Promise.resolve(index) : (building ?? build())),
    stale,
    async track(run, apply) {
      writing += 1;
      if (writing > 1) overlapped = true;
      try {
        const result = await run();
        if (index && !overlapped) apply(index, result);
        else stale();
        return result;
      } catch (error) {
        stale();
        throw error;
      } finally {
        writing -= 1;
        if (writing === 0) overlapped = false;
      }
    },
  };
}

export function createNotesHandlers(db: BackstoryDB, options: NotesHandlerOptions = {}): NotesHandlers {
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const onWrite = options.onWrite ?? (() => Promise.resolve());
  const onSourceChange = options.onSourceChange ?? (() => Promise.resolve());
  const keeper = createIndexKeeper(db);

  /**
   * Wrap a write: once it has committed, update the search index with `apply` (no `apply`:
   * mark it stale), then signal the change (a failed signal is only logged).
   */
  function written<P, R>(
    run: (payload: P, sender: Sender) => Promise<R>,
    apply?: (index: SearchIndex, result: R, payload: P) => void,
  ): (payload: P, sender: Sender) => Promise<R> {
    return async (payload, sender) => {
      const result = await keeper.track(
        () => run(payload, sender),
        (index, r) => (apply ? apply(index, r, payload) : keeper.stale()),
      );
      // The write has committed: answer now. The change signal (a storage write that other
      // tabs listen to) follows on its own; a failed signal is only logged.
      void Promise.resolve()
        .then(onWrite)
        .catch((error: unknown) => log.warn('backstory: could not signal the notes change', error));
      return result;
    };
  }

  async function search(query: string, limit = DEFAULT_LIMIT): Promise<Note[]> {
    let ids: string[];
    try {
      ids = (await keeper.current()).search(query, limit);
    } catch (error) {
      log.warn('backstory: could not build the search index; searching the database', error);
      return searchNotes(db, query, limit);
    }
    const rows = await db.notes.bulkGet(ids);
    const found = rows.filter((r): r is StoredNote => r !== undefined && r.deletedAt === undefined);
    if (found.length === ids.length) return found.map(toNote);
    // A note gone or in the trash: a write is landing, or the index is wrong. Ask the database.
    keeper.stale();
    return searchNotes(db, query, limit);
  }

  const upsert = (index: SearchIndex, note: Note): void => index.upsert(note);

  return {
    notesForEntity: ({ entityId }) => notesForEntity(db, entityId),
    async notesForPage({ url }, sender) {
      if (sender.trust !== 'extension' && (sender.url === undefined || noteUrlKey(sender.url) !== noteUrlKey(url))) {
        throw new Error('a page may only read the notes of its own page');
      }
      return notesForPage(db, url);
    },
    notedEntities: ({ entityIds }) => notedEntities(db, entityIds),
    saveNote: written(({ draft }, sender) => {
      confine(sender, draft.target);
      return saveNote(db, draft, now(), guardFor(sender));
    }, (index, result) => upsert(index, result.status === 'saved' ? result.note : result.copy)),
    deleteNote: written(({ id }, sender) => deleteNote(db, id, now(), guardFor(sender)), upsert),
    restoreNote: written(({ id }, sender) => restoreNote(db, id, guardFor(sender)), upsert),
    searchNotes: ({ query, limit }) => search(query, limit),
    exportBackup: () => exportBackup(db, now()),
    exportMarkdown: () => exportMarkdown(db),
    // Any number of notes changed: rebuild on the next search.
    // The reader's entities and corrections it brought change the matcher: signal that too.
    importBackup: written(async ({ json }) => {
      const summary = await importBackup(db, json, now());
      if (layerChanged(summary.userLayer)) await onSourceChange().catch((error: unknown) => log.warn('backstory: could not signal the new entities', error));
      return summary;
    }),
    // Only notes in the trash are deleted, and the index holds none (nor does the purge of
    // expired trash that `onWrite` may run).
    emptyTrash: written(
      () => emptyTrash(db),
      () => undefined,
    ),
    // Every given id is now in the trash or unknown: none stays in the index.
    deleteNotes: written(
      ({ ids }) => deleteNotes(db, ids, now()),
      (index, _result, { ids }) => ids.forEach((id) => index.remove(id)),
    ),
  };
}
