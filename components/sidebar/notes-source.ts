/**
 * The notes of the sidebar's cards, over requests to the background (`request(send, …)`):
 * the same `CardNotesSource` the hover card uses, so the notes section is one component.
 */
import { request, type Transport } from '../../lib/messaging';
import type { CardNotesSource } from '../notes/card-notes';
import type { NotePage } from '../notes/NoteEditor';

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
