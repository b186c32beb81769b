/** The trash's notes: the shared `NoteView` (no edit/delete), when each goes for good, and Restore. */
import type { Note } from '../../lib/model';
import { t } from '../../lib/i18n';
import { NoteView } from '../notes/NoteView';
import { NoteTargetLine } from './NoteTargetLine';

export interface TrashListProps {
  notes: readonly Note[];
  entityNames: Record<string, string>;
  busyIds?: ReadonlySet<string>;
  onRestore: (note: Note) => void;
  describeDeletion: (note: Note) => string;
}

export function TrashList({ notes, entityNames, busyIds, onRestore, describeDeletion }: TrashListProps) {
  if (notes.length === 0) return null;
  return (
    <ul class="bs-note-list bs-lib-notes" aria-label={t('libTrashListLabel')}>
      {notes.map((note) => (
        <li key={note.id} class="bs-note-list__item bs-note-item">
          <NoteTargetLine note={note} entityNames={entityNames} />
          <NoteView note={note} />
          <div class="bs-trash-row">
            <p class="bs-meta">{describeDeletion(note)}</p>
            <button type="button" class="bs-btn" disabled={busyIds?.has(note.id)} onClick={() => onRestore(note)}>
              {t('libRestore')}
              <span class="bs-sr">{`: ${note.text.slice(0, 60)}`}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
