import { useId, useState } from 'preact/hooks';
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import type { PassageStatus } from '../../lib/anchoring';
import { NoteEditor, NoteList, NoteView, UndoToast } from '../../components/notes';

export interface NoteActions {
  save(draft: NoteDraft): Promise<SaveResult>;
  remove(id: string): Promise<Note>;
  restore(id: string): Promise<Note>;
}

export const ORPHANED_LABEL = 'orphaned — the passage is no longer on this page';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Delete with an Undo toast, shared by both sections. */
function useTrash(actions: NoteActions, onChange: () => void) {
  const [trashed, setTrashed] = useState<Note | null>(null);
  const [error, setError] = useState('');
  const remove = (note: Note): void => {
    setError('');
    actions.remove(note.id).then(
      (gone) => {
        setTrashed(gone);
        onChange();
      },
      (e: unknown) => setError(`Not deleted: ${messageOf(e)}`),
    );
  };
  const undo = (): void => {
    if (!trashed) return;
    actions.restore(trashed.id).then(
      () => {
        setTrashed(null);
        onChange();
      },
      (e: unknown) => setError(`Not restored: ${messageOf(e)}`),
    );
  };
  const view = (
    <>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {trashed ? <UndoToast onUndo={undo} onDismiss={() => setTrashed(null)} /> : null}
    </>
  );
  return { remove, view };
}

/** Notes about the page as a whole: list, add, edit, delete. */
export function PageNotes(props: { url: string; title: string; notes: Note[]; actions: NoteActions; onChange(): void }) {
  const { url, title, notes, actions, onChange } = props;
  const headingId = useId();
  const [editing, setEditing] = useState<null | 'new' | string>(null);
  const trash = useTrash(actions, onChange);
  const editor = (note?: Note) => (
    <NoteEditor
      target={{ type: 'page', url }}
      note={note}
      page={note ? undefined : { url, title }}
      save={(draft) => actions.save(draft)}
      onSaved={() => {
        setEditing(null);
        onChange();
      }}
      onCancel={() => setEditing(null)}
      label={note ? 'Edit page note' : 'New page note'}
    />
  );
  return (
    <section class="bs-popup__section" aria-labelledby={headingId}>
      <h2 class="bs-popup__heading" id={headingId}>
        Page notes
      </h2>
      <NoteList
        notes={notes}
        label="Page notes"
        empty="No notes on this page yet."
        showPage={false}
        editingId={editing !== 'new' ? editing : null}
        renderEditor={(note) => editor(note)}
        onEdit={(note) => setEditing(note.id)}
        onDelete={trash.remove}
      />
      {editing === 'new' ? (
        editor()
      ) : (
        <button type="button" class="bs-nbutton bs-notes__add" onClick={() => setEditing('new')}>
          Add a page note
        </button>
      )}
      {trash.view}
    </section>
  );
}

/** Passage notes with their quotes, the orphaned ones marked and counted. */
export function PassageNotes(props: { notes: Note[]; status: PassageStatus | null; actions: NoteActions; onChange(): void }) {
  const { notes, status, actions, onChange } = props;
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const trash = useTrash(actions, onChange);
  if (notes.length === 0) return null;
  const orphaned = new Set(status?.orphaned ?? []);
  const anchored = new Set(status?.anchored ?? []);
  const lost = notes.filter((n) => orphaned.has(n.id)).length;
  return (
    <section class="bs-popup__section" aria-labelledby={headingId}>
      <h2 class="bs-popup__heading" id={headingId}>
        Passage notes
      </h2>
      {lost > 0 ? (
        <p class="bs-popup__warning">
          {lost === 1 ? '1 passage is' : `${lost} passages are`} no longer on this page; the notes are kept.
        </p>
      ) : null}
      {status === null ? <p class="bs-popup__info">Reload the page to see which passages are still on it.</p> : null}
      <ul class="bs-note-list" aria-label="Passage notes">
        {notes.map((note) => (
          <li class="bs-note-list__item bs-popup__passage" key={note.id} data-orphaned={orphaned.has(note.id) ? 'true' : undefined}>
            {note.target.type === 'passage' ? <blockquote class="bs-popup__quote">{note.target.selector.exact}</blockquote> : null}
            {orphaned.has(note.id) ? <p class="bs-popup__orphan">{ORPHANED_LABEL}</p> : null}
            {anchored.has(note.id) ? <p class="bs-visually-hidden">Marked on the page</p> : null}
            {editing === note.id ? (
              <NoteEditor
                target={note.target}
                note={note}
                save={(draft) => actions.save(draft)}
                onSaved={() => {
                  setEditing(null);
                  onChange();
                }}
                onCancel={() => setEditing(null)}
                label="Edit passage note"
              />
            ) : (
              <NoteView note={note} showPage={false} onEdit={() => setEditing(note.id)} onDelete={trash.remove} />
            )}
          </li>
        ))}
      </ul>
      {trash.view}
    </section>
  );
}
