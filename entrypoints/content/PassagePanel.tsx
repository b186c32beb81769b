import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t, uiDir, uiLang } from '../../lib/i18n';
import type { Note, NoteDraft, NoteTarget, SaveResult } from '../../lib/model';
import { CONFLICT_MESSAGE, NoteEditor, NoteList, UndoToast, type NotePage } from '../../components/notes';

/** How the panel reads and writes notes (requests to the background in the content script). */
export interface PassageNoteActions {
  save(draft: NoteDraft): Promise<SaveResult>;
  remove(id: string): Promise<Note>;
  restore(id: string): Promise<Note>;
}

export interface PassagePanelProps {
  /** The passage's quote (shown shortened). */
  quote: string;
  /** The target of a new note on this passage. */
  target: NoteTarget;
  page: NotePage;
  /** The notes on this passage (none: the panel opens on a new note's editor). */
  notes: readonly Note[];
  actions: PassageNoteActions;
  theme: 'light' | 'dark';
  /** A note was saved, deleted or restored: the page re-anchors. */
  onChange(): void;
  onClose(): void;
}

const QUOTE_MAX = 160;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function shorten(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
}

/**
 * The small card next to a marked passage: its quote, its notes (Edit, Delete with Undo),
 * "Add a note"; or, for a fresh selection, the new note's editor right away (saving it
 * closes the card). Esc or the close button closes it.
 */
export function PassagePanel(props: PassagePanelProps) {
  const { quote, target, page, actions, theme, onChange, onClose } = props;
  const headingId = useId();
  const [notes, setNotes] = useState<readonly Note[]>(props.notes);
  const [editing, setEditing] = useState<null | 'new' | string>(props.notes.length === 0 ? 'new' : null);
  const [status, setStatus] = useState('');
  const [trashed, setTrashed] = useState<Note | null>(null);
  const [error, setError] = useState('');
  const closeButton = useRef<HTMLButtonElement>(null);
  const fresh = props.notes.length === 0;

  // Take new notes from the parent only when it sends a new list: the effect's first run
  // comes after paint and must not undo a delete the user made in between.
  const given = useRef(props.notes);
  useEffect(() => {
    if (given.current === props.notes) return;
    given.current = props.notes;
    setNotes(props.notes);
  }, [props.notes]);
  useEffect(() => {
    if (!fresh) closeButton.current?.focus({ preventScroll: true });
  }, []);

  const saved = (result: SaveResult): void => {
    onChange();
    if (fresh) {
      onClose();
      return;
    }
    const changed = result.status === 'conflict' ? [result.note, result.copy] : [result.note];
    const ids = new Set(changed.map((n) => n.id));
    setNotes((list) => [...changed, ...list.filter((n) => !ids.has(n.id))]);
    setStatus(result.status === 'conflict' ? CONFLICT_MESSAGE : t('psSaved'));
    setEditing(null);
  };

  const remove = (note: Note): void => {
    setError('');
    actions.remove(note.id).then(
      (gone) => {
        setNotes((list) => list.filter((n) => n.id !== gone.id));
        setTrashed(gone);
        onChange();
      },
      (e: unknown) => setError(t('notesNotDeleted', { message: messageOf(e) })),
    );
  };

  const undo = (): void => {
    if (!trashed) return;
    actions.restore(trashed.id).then(
      (back) => {
        setNotes((list) => [back, ...list.filter((n) => n.id !== back.id)]);
        setTrashed(null);
        setStatus(t('notesRestored'));
        onChange();
      },
      (e: unknown) => setError(t('notesNotRestored', { message: messageOf(e) })),
    );
  };

  const editor = (note?: Note) => (
    <NoteEditor
      target={target}
      note={note}
      page={note ? undefined : page}
      save={(draft) => actions.save(draft)}
      onSaved={saved}
      onCancel={() => (fresh ? onClose() : setEditing(null))}
      label={note ? t('psEditNote') : t('psYourNote')}
    />
  );

  return (
    <section
      class="bs-notes-theme bs-passage"
      data-theme={theme}
      lang={uiLang()}
      dir={uiDir()}
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header class="bs-passage__header">
        <h2 class="bs-passage__title" id={headingId}>
          {fresh ? t('psNewTitle') : t('psTitle')}
        </h2>
        <button type="button" class="bs-nbutton bs-passage__close" ref={closeButton} aria-label={t('commonClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <blockquote class="bs-passage__quote" dir="auto">
        {shorten(quote)}
      </blockquote>
      {fresh ? (
        editor()
      ) : (
        <>
          <NoteList
            notes={notes}
            empty={t('psNone')}
            label={t('psTitle')}
            showPage={false}
            editingId={editing !== 'new' ? editing : null}
            renderEditor={(note) => editor(note)}
            onEdit={(note) => {
              setStatus('');
              setEditing(note.id);
            }}
            onDelete={remove}
          />
          {editing === 'new' ? (
            editor()
          ) : (
            <button type="button" class="bs-nbutton bs-notes__add" onClick={() => setEditing('new')}>
              {t('notesAdd')}
            </button>
          )}
        </>
      )}
      <p class="bs-notes__status" role="status">
        {status}
      </p>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {trashed ? <UndoToast onUndo={undo} onDismiss={() => setTrashed(null)} /> : null}
    </section>
  );
}
