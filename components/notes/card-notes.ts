/**
 * The card's notes dependency: how a card reads and writes the notes of its entity, and
 * the page new notes are written on. In the content script and the side panel these are
 * `notesForEntity`, `saveNote`, `deleteNote` and `restoreNote` requests to the background
 * (`requestNotesSource`); tests pass fakes.
 */
import { request, type Transport } from '../../lib/messaging';
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import type { NotePage } from './NoteEditor';

export interface CardNotes {
  /** Live notes of one entity, newest first. */
  forEntity(entityId: string): Promise<Note[]>;
  /** Create or edit one note (a stale edit comes back as a conflict, both kept). */
  save(draft: NoteDraft): Promise<SaveResult>;
  /** Move one note to the trash. */
  remove(id: string): Promise<Note>;
  /** Take one note back out of the trash. */
  restore(id: string): Promise<Note>;
}

/** What a card needs for its notes section. */
export interface CardNotesSource {
  notes: CardNotes;
  /** The page a new note is written on, read when the note is saved. */
  page(): NotePage;
}

/** The notes of a card, over requests to the background. */
export function requestNotesSource(send: Transport, page: () => NotePage): CardNotesSource {
  return {
    notes: {
      forEntity: (entityId) => request(send, 'notesForEntity', { entityId }),
      save: (draft) => request(send, 'saveNote', { draft }),
      remove: (id) => request(send, 'deleteNote', { id }),
      restore: (id) => request(send, 'restoreNote', { id }),
    },
    page,
  };
}
