import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { RefObject } from 'preact';
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import type { PassageStatus } from '../../lib/anchoring';
import { NoteEditor, NoteList, NoteView, UndoToast } from '../../components/notes';

export interface NoteActions {
  save(draft: NoteDraft): Promise<SaveResult>;
  remove(id: string): Promise<Note>;
  restore(id: string): Promise<Note>;
}

export const ORPHANED_LABEL = t('ppOrphaned');

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Focus was dropped with the control that had it (or sits in `scope`): worth moving. */
function focusLostOrIn(scope: HTMLElement | null): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || scope?.contains(active) === true;
}

/** After this render, focus `next()` if the focused control went away (focus fell to the body). */
function refocusIfLost(next: () => HTMLElement | null | undefined): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) next()?.focus();
  }, 0);
}

/**
 * Delete with an Undo toast, shared by both sections. Keyboard focus goes to Undo after a
 * delete and to the section's heading after an undo, never to the body. `pending` holds
 * the section on screen (even with no notes left) while the toast is up or the restored
 * note has not come back yet.
 */
function useTrash(actions: NoteActions, onChange: () => void, section: RefObject<HTMLElement>, count: number) {
  const [trashed, setTrashed] = useState<Note | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setRestoring(false), [count]);
  const heading = () => section.current?.querySelector<HTMLElement>('h2');
  const remove = (note: Note): void => {
    setError('');
    const follow = focusLostOrIn(section.current);
    actions.remove(note.id).then(
      (gone) => {
        setTrashed(gone);
        onChange();
        if (follow) setTimeout(() => undoButton.current?.focus(), 0);
      },
      (e: unknown) => setError(t('notesNotDeleted', { message: messageOf(e) })),
    );
  };
  const undo = (): void => {
    if (!trashed) return;
    actions.restore(trashed.id).then(
      () => {
        setRestoring(true);
        setTrashed(null);
        onChange();
        refocusIfLost(heading);
      },
      (e: unknown) => setError(t('notesNotRestored', { message: messageOf(e) })),
    );
  };
  const view = (
    <>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {trashed ? (
        <UndoToast
          undoRef={undoButton}
          onUndo={undo}
          onDismiss={() => {
            setTrashed(null);
            refocusIfLost(heading);
          }}
        />
      ) : null}
    </>
  );
  return { remove, view, pending: trashed !== null || restoring };
}

/** Notes about the page as a whole: list, add, edit, delete. */
export function PageNotes(props: { url: string; title: string; notes: Note[]; actions: NoteActions; onChange(): void }) {
  const { url, title, notes, actions, onChange } = props;
  const headingId = useId();
  const [editing, setEditing] = useState<null | 'new' | string>(null);
  const section = useRef<HTMLElement>(null);
  const trash = useTrash(actions, onChange, section, notes.length);
  const addButton = useRef<HTMLButtonElement>(null);
  const closeEditor = (): void => {
    setEditing(null);
    refocusIfLost(() => addButton.current);
  };
  const editor = (note?: Note) => (
    <NoteEditor
      target={{ type: 'page', url }}
      note={note}
      page={note ? undefined : { url, title }}
      save={(draft) => actions.save(draft)}
      onSaved={() => {
        closeEditor();
        onChange();
      }}
      onCancel={closeEditor}
      label={note ? t('ppEditPageNote') : t('ppNewPageNote')}
    />
  );
  return (
    <section class="bs-popup__section" aria-labelledby={headingId} ref={section}>
      <h2 class="bs-popup__heading" id={headingId} tabIndex={-1}>
        {t('ppPageNotes')}
      </h2>
      <NoteList
        notes={notes}
        label={t('ppPageNotes')}
        empty={t('ppNoPageNotes')}
        showPage={false}
        editingId={editing !== 'new' ? editing : null}
        renderEditor={(note) => editor(note)}
        onEdit={(note) => setEditing(note.id)}
        onDelete={trash.remove}
      />
      {editing === 'new' ? (
        editor()
      ) : (
        <button type="button" class="bs-nbutton bs-notes__add" ref={addButton} onClick={() => setEditing('new')}>
          {t('ppAddPageNote')}
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
  const section = useRef<HTMLElement>(null);
  const trash = useTrash(actions, onChange, section, notes.length);
  const closeEditor = (): void => {
    setEditing(null);
    refocusIfLost(() => section.current?.querySelector<HTMLElement>('h2'));
  };
  // Kept (with no passage notes left) while the last one's Undo toast is up or it is on its way back.
  if (notes.length === 0 && !trash.pending) return null;
  const orphaned = new Set(status?.orphaned ?? []);
  const anchored = new Set(status?.anchored ?? []);
  const lost = notes.filter((n) => orphaned.has(n.id)).length;
  return (
    <section class="bs-popup__section" aria-labelledby={headingId} ref={section}>
      <h2 class="bs-popup__heading" id={headingId} tabIndex={-1}>
        {t('ppPassageNotes')}
      </h2>
      {lost > 0 ? <p class="bs-popup__warning">{tn('ppLost', lost)}</p> : null}
      {status === null ? <p class="bs-popup__info">{t('ppReloadToSee')}</p> : null}
      {notes.length === 0 ? <p class="bs-note-list__empty">{t('ppNoPassageNotes')}</p> : null}
      <ul class="bs-note-list" aria-label={t('ppPassageNotes')} hidden={notes.length === 0}>
        {notes.map((note) => (
          <li class="bs-note-list__item bs-popup__passage" key={note.id} data-orphaned={orphaned.has(note.id) ? 'true' : undefined}>
            {note.target.type === 'passage' ? <blockquote class="bs-popup__quote" dir="auto">{note.target.selector.exact}</blockquote> : null}
            {orphaned.has(note.id) ? <p class="bs-popup__orphan">{ORPHANED_LABEL}</p> : null}
            {anchored.has(note.id) ? <p class="bs-visually-hidden">{t('ppMarked')}</p> : null}
            {editing === note.id ? (
              <NoteEditor
                target={note.target}
                note={note}
                save={(draft) => actions.save(draft)}
                onSaved={() => {
                  closeEditor();
                  onChange();
                }}
                onCancel={closeEditor}
                label={t('ppEditPassageNote')}
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
