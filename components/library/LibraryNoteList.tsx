/**
 * The library's list of notes: each item says what the note is about (entity, page or
 * passage) above the shared `NoteView`, or the shared `NoteEditor` while it is edited.
 * Notes stay in the order given (newest first, or search rank), which is why this is not
 * `NoteList` (it always re-sorts, and has no place for the target line).
 */
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import { t } from '../../lib/i18n';
import { NoteView } from '../notes/NoteView';
import { NoteEditor } from '../notes/NoteEditor';
import { NoteTargetLine } from './NoteTargetLine';

export interface LibraryNoteListProps {
  notes: readonly Note[];
  entityNames: Record<string, string>;
  editingId: string | null;
  busyIds?: ReadonlySet<string>;
  onEdit: (note: Note) => void;
  onCancelEdit: () => void;
  save: (draft: NoteDraft) => Promise<SaveResult>;
  onSaved: (result: SaveResult) => void;
  onDelete: (note: Note) => void;
}

export function LibraryNoteList({ notes, entityNames, editingId, busyIds, onEdit, onCancelEdit, save, onSaved, onDelete }: LibraryNoteListProps) {
  if (notes.length === 0) return null;
  return (
    <ul class="bs-note-list bs-lib-notes" aria-label={t('libNotesListLabel')}>
      {notes.map((note) => (
        <li key={note.id} class="bs-note-list__item bs-note-item" data-note-id={note.id}>
          <NoteTargetLine note={note} entityNames={entityNames} />
          {editingId === note.id ? (
            <NoteEditor target={note.target} note={note} save={save} onSaved={onSaved} onCancel={onCancelEdit} label={t('libEditNote')} />
          ) : (
            <NoteView note={note} onEdit={onEdit} onDelete={onDelete} busy={busyIds?.has(note.id)} />
          )}
        </li>
      ))}
    </ul>
  );
}
