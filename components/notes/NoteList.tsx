import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { Note } from '../../lib/model';
import { NoteView } from './NoteView';

export interface NoteListProps {
  notes: readonly Note[];
  /** Shown when there are no notes. */
  empty?: ComponentChildren;
  onEdit?: ((note: Note) => void) | undefined;
  onDelete?: ((note: Note) => void) | undefined;
  /** The note being edited: rendered with `renderEditor` in place of its view. */
  editingId?: string | null | undefined;
  renderEditor?: ((note: Note) => ComponentChildren) | undefined;
  /** Ids of notes with an action in flight (their buttons are disabled). */
  busyIds?: ReadonlySet<string> | undefined;
  showPage?: boolean | undefined;
  /** Accessible name of the list (default "Notes"). */
  label?: string | undefined;
}

/** Newest first: last edited first, then last created, then by id (stable). */
export function sortNewestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort(
    (a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * A list of notes, newest first, each a `NoteView` (or its editor while being edited), or
 * the `empty` content when there are none. Root class: `bs-note-list`.
 */
export function NoteList({ notes, empty, onEdit, onDelete, editingId, renderEditor, busyIds, showPage, label = t('notesListLabel') }: NoteListProps) {
  if (notes.length === 0) {
    return <p class="bs-note-list__empty">{empty ?? t('notesNoneYet')}</p>;
  }
  return (
    <ul class="bs-note-list" aria-label={label}>
      {sortNewestFirst(notes).map((note) => (
        <li class="bs-note-list__item" key={note.id}>
          {editingId === note.id && renderEditor ? (
            renderEditor(note)
          ) : (
            <NoteView note={note} onEdit={onEdit} onDelete={onDelete} busy={busyIds?.has(note.id)} showPage={showPage} />
          )}
        </li>
      ))}
    </ul>
  );
}
