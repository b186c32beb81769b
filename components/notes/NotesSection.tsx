import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Note, NoteTarget, SaveResult } from '../../lib/model';
import type { CardNotesSource } from './card-notes';
import { CONFLICT_MESSAGE, NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { UndoToast } from './UndoToast';

export interface NotesSectionProps {
  /** The entity whose notes these are. */
  entityId: string;
  source: CardNotesSource;
  /** Bump to reload the notes (they changed elsewhere). */
  version: number;
  headingId: string;
  /** Heading text; default "Your notes". */
  title?: string | undefined;
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; notes: Note[] };
/** The editor: closed, a new note, or an edit of the note with this id. */
type Editing = null | 'new' | string;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Replace (or add) `note` in `notes`, by id. */
function upsert(notes: readonly Note[], ...changed: Note[]): Note[] {
  const ids = new Set(changed.map((n) => n.id));
  return [...changed.filter((n) => n.deletedAt === undefined), ...notes.filter((n) => !ids.has(n.id))];
}

/**
 * The "Your notes" section of an entity's card: its notes newest first, "Add a note", and
 * per note Edit and Delete (to the trash, with an Undo toast). Loads once when shown and
 * again whenever `version` changes. Owns no data: everything goes through `source`.
 */
export function NotesSection({ entityId, source, version, headingId, title = t('notesYourNotes') }: NotesSectionProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const [trashed, setTrashed] = useState<Note | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  const alive = useRef(true);
  const target: NoteTarget = { type: 'entity', entityId };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    source.notes.forEntity(entityId).then(
      (notes) => {
        if (current) setLoad({ status: 'ready', notes });
      },
      (error: unknown) => {
        if (current) setLoad((prev) => (prev.status === 'ready' ? prev : { status: 'error', message: messageOf(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [entityId, source, version]);

  const notes = load.status === 'ready' ? load.notes : [];
  const setNotes = (fn: (notes: Note[]) => Note[]): void =>
    setLoad((prev) => (prev.status === 'ready' ? { status: 'ready', notes: fn(prev.notes) } : { status: 'ready', notes: fn([]) }));

  /**
   * Focus is in something that is going away (`goingAway`: editor, note, toast) or already
   * lost: after the re-render, move it to `next()`. Focus the user put elsewhere stays.
   */
  const keepFocus = (goingAway: string, next: () => HTMLElement | null): void => {
    const here = section.current;
    const scope = here?.getRootNode() as (Node & { activeElement?: Element | null }) | undefined;
    const active = scope?.activeElement ?? null;
    const lost = active === null || active === here?.ownerDocument.body;
    const leaving = active !== null && here?.contains(active) === true && active.closest(goingAway) !== null;
    if (!lost && !leaving) return;
    setTimeout(() => {
      const el = next();
      if (el?.isConnected) el.focus({ preventScroll: true });
    }, 0);
  };

  const closeEditor = (): void => {
    keepFocus('.bs-note-editor', () => addButton.current);
    setEditing(null);
  };

  const onSaved = (result: SaveResult): void => {
    setNotes((list) => (result.status === 'conflict' ? upsert(list, result.note, result.copy) : upsert(list, result.note)));
    setStatus(result.status === 'conflict' ? CONFLICT_MESSAGE : t('commonSaved'));
    keepFocus('.bs-note-editor', () => addButton.current);
    setEditing(null);
  };

  const remove = (note: Note): void => {
    setBusy((b) => new Set(b).add(note.id));
    setActionError('');
    source.notes.remove(note.id).then(
      (gone) => {
        if (!alive.current) return;
        setNotes((list) => list.filter((n) => n.id !== gone.id));
        setTrashed(gone);
        setStatus('');
        keepFocus('.bs-note', () => undoButton.current);
      },
      (error: unknown) => alive.current && setActionError(t('notesNotDeleted', { message: messageOf(error) })),
    ).finally(() => {
      if (alive.current) setBusy((b) => new Set([...b].filter((id) => id !== note.id)));
    });
  };

  const undo = (): void => {
    if (!trashed) return;
    const id = trashed.id;
    setBusy((b) => new Set(b).add(id));
    source.notes.restore(id).then(
      (back) => {
        if (!alive.current) return;
        setNotes((list) => upsert(list, back));
        setTrashed(null);
        setStatus(t('notesRestored'));
        keepFocus('.bs-toast', () => addButton.current);
      },
      (error: unknown) => alive.current && setActionError(t('notesNotRestored', { message: messageOf(error) })),
    ).finally(() => {
      if (alive.current) setBusy((b) => new Set([...b].filter((x) => x !== id)));
    });
  };

  const editor = (note?: Note) => (
    <NoteEditor
      target={target}
      note={note}
      page={note ? undefined : source.page()}
      save={(draft) => source.notes.save(draft)}
      onSaved={onSaved}
      onCancel={closeEditor}
      label={note ? t('notesEditNote') : t('notesNewNote')}
    />
  );

  return (
    <section class="bs-section bs-notes" aria-labelledby={headingId} ref={section}>
      <h3 class="bs-section__title" id={headingId}>
        {title}
      </h3>
      {load.status === 'loading' ? <p class="bs-note-list__empty">{t('notesLoading')}</p> : null}
      {load.status === 'error' ? (
        <p class="bs-note-editor__error" role="alert">
          {t('notesCouldNotLoadYours', { message: load.message })}
        </p>
      ) : null}
      {load.status === 'ready' ? (
        <NoteList
          notes={notes}
          empty={t('notesNoneOnThis')}
          label={title}
          editingId={editing !== 'new' ? editing : null}
          renderEditor={(note) => editor(note)}
          busyIds={busy}
          onEdit={(note) => {
            setStatus('');
            setEditing(note.id);
          }}
          onDelete={remove}
        />
      ) : null}
      {editing === 'new' ? (
        editor()
      ) : (
        <button
          type="button"
          class="bs-nbutton bs-notes__add"
          ref={addButton}
          disabled={load.status !== 'ready'}
          onClick={() => {
            setStatus('');
            setEditing('new');
          }}
        >
          {t('notesAdd')}
        </button>
      )}
      <p class="bs-notes__status" role="status">
        {status}
      </p>
      {actionError ? (
        <p class="bs-note-editor__error" role="alert">
          {actionError}
        </p>
      ) : null}
      {trashed ? (
        <UndoToast
          key={trashed.id}
          undoRef={undoButton}
          busy={busy.has(trashed.id)}
          onUndo={undo}
          onDismiss={() => {
            keepFocus('.bs-toast', () => addButton.current);
            setTrashed(null);
          }}
        />
      ) : null}
    </section>
  );
}
