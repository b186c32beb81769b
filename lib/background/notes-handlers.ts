/**
 * The background's answers to the note requests. Inputs arrive validated and
 * sender-checked by `route()`; on top of that, a content script (page trust) may write or
 * read page and passage notes only of its own page (`sender.url`), while entity notes are
 * open to every page. Every successful write is followed by `onWrite` (the change signal).
 */
import type { Handlers, SenderInfo, Trust } from '../messaging';
import type { NoteTarget } from '../model';
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
import { noteUrlKey } from '../notes/url';
import { exportBackup, exportMarkdown, importBackup } from '../backup';

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

export function createNotesHandlers(db: BackstoryDB, options: NotesHandlerOptions = {}): NotesHandlers {
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const onWrite = options.onWrite ?? (() => Promise.resolve());

  /** Wrap a write: after it succeeds, signal the change (a failed signal is only logged). */
  function written<P, R>(run: (payload: P, sender: Sender) => Promise<R>): (payload: P, sender: Sender) => Promise<R> {
    return async (payload, sender) => {
      const result = await run(payload, sender);
      try {
        await onWrite();
      } catch (error) {
        log.warn('backstory: could not signal the notes change', error);
      }
      return result;
    };
  }

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
    }),
    deleteNote: written(({ id }, sender) => deleteNote(db, id, now(), guardFor(sender))),
    restoreNote: written(({ id }, sender) => restoreNote(db, id, guardFor(sender))),
    searchNotes: ({ query, limit }) => searchNotes(db, query, limit),
    exportBackup: () => exportBackup(db, now()),
    exportMarkdown: () => exportMarkdown(db),
    importBackup: written(({ json }) => importBackup(db, json, now())),
    emptyTrash: written(() => emptyTrash(db)),
    deleteNotes: written(({ ids }) => deleteNotes(db, ids, now())),
  };
}
