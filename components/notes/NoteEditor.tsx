import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { JSX } from 'preact';
import type { Note, NoteDraft, NoteTarget, SaveResult } from '../../lib/model';
import { safeHttpUrl } from '../../lib/format';
import { NOTE_LIMITS } from '../../lib/notes/limits';
import { TagInput, addTags } from './TagInput';
import { clearDraft, draftKey, keepDraft, takeDraft } from './drafts';

/** The page a new note is written on. */
export interface NotePage {
  url: string;
  title: string;
}

/** What the editor says after a save that landed, but met a newer edit of the same note. */
export const CONFLICT_MESSAGE = t('notesConflict');

export interface NoteEditorProps {
  /** What a new note is about; ignored for an edit (the note keeps its target). */
  target: NoteTarget;
  /** The note being edited; omitted for a new note. */
  note?: Note | undefined;
  /** The page a new note is written on (kept as the note's page only if http(s)). */
  page?: NotePage | undefined;
  /** Sends the draft; resolves after the write is durable. A rejection's message is shown as is. */
  save: (draft: NoteDraft) => Promise<SaveResult>;
  /** After a save landed (saved or kept as a conflict copy). */
  onSaved?: ((result: SaveResult) => void) | undefined;
  /** Cancel button or Esc. */
  onCancel: () => void;
  /** The textarea's visible label; default "Note". */
  label?: string | undefined;
  /** Focus the textarea when the editor appears (default true). */
  autoFocus?: boolean | undefined;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

/**
 * The draft to send: an edit carries the id and the rev it started from (so a newer edit
 * elsewhere is detected, not overwritten) and keeps the note's target and page; a new note
 * gets `target` and the current page (if http(s)).
 */
export function buildDraft(
  base: { target: NoteTarget; note?: Note | undefined; page?: NotePage | undefined },
  text: string,
  tags: readonly string[],
): NoteDraft {
  const { note } = base;
  if (note) {
    return {
      id: note.id,
      baseRev: note.rev,
      target: note.target,
      text,
      tags: [...tags],
      ...(note.pageUrl !== undefined ? { pageUrl: note.pageUrl } : {}),
      ...(note.pageTitle !== undefined ? { pageTitle: note.pageTitle } : {}),
    };
  }
  const url = safeHttpUrl(base.page?.url);
  const title = base.page?.title.trim().slice(0, NOTE_LIMITS.title) ?? '';
  return {
    target: base.target,
    text,
    tags: [...tags],
    ...(url !== null && url.length <= 4096 ? { pageUrl: url } : {}),
    ...(url !== null && title !== '' ? { pageTitle: title } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes a new note or edits one: a labelled textarea, tags, Save and Cancel.
 * Ctrl/Cmd+Enter saves; Esc cancels (and stops there, so it does not also close a card).
 * It says "Saving…" while the write is in flight and "Saved" only once it is done; a
 * failure (e.g. storage full) is shown word for word and the typed text stays.
 * Root class: `bs-note-editor`.
 */
export function NoteEditor(props: NoteEditorProps) {
  const { target, page, save, onSaved, onCancel, label = t('notesLabelNote'), autoFocus = true } = props;
  const id = useId();
  const key = draftKey(target, props.note);
  const [restored] = useState(() => takeDraft(key));
  const [text, setText] = useState(restored?.text ?? props.note?.text ?? '');
  const [tags, setTags] = useState<string[]>(restored?.tags ?? props.note?.tags ?? []);
  const [pendingTag, setPendingTag] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The note this editor now edits: after a new note is saved, further saves edit it. */
  const base = useRef<Note | undefined>(props.note);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const alive = useRef(true);
  /** What would be lost if the editor vanished now (null: nothing unsaved). */
  const unsaved = useRef<{ text: string; tags: string[] } | null>(null);

  useEffect(() => {
    if (autoFocus) textarea.current?.focus({ preventScroll: true });
    return () => {
      alive.current = false;
      if (unsaved.current) keepDraft(key, unsaved.current);
    };
  }, []);

  const cancel = (): void => {
    unsaved.current = null;
    clearDraft(key);
    onCancel();
  };

  const saving = status.kind === 'saving';
  const empty = text.trim() === '';

  const submit = async (): Promise<void> => {
    if (saving || empty) return;
    const allTags = pendingTag.trim() !== '' ? addTags(tags, pendingTag) : tags;
    if (allTags !== tags) {
      setTags(allTags);
      setPendingTag('');
    }
    setStatus({ kind: 'saving' });
    try {
      const result = await save(buildDraft({ target, note: base.current, page }, text, allTags));
      if (!alive.current) return;
      base.current = result.status === 'conflict' ? result.copy : result.note;
      unsaved.current = null;
      clearDraft(key);
      setStatus({ kind: result.status === 'conflict' ? 'conflict' : 'saved' });
      onSaved?.(result);
    } catch (error) {
      if (alive.current) setStatus({ kind: 'error', message: messageOf(error) });
    }
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (e.isComposing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void submit();
    } else if (e.key === 'Escape' || e.key === 'Esc') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };

  const edited = (nextText: string, nextTags: string[]): void => {
    unsaved.current = { text: nextText, tags: nextTags };
    if (status.kind !== 'saving' && status.kind !== 'idle') setStatus({ kind: 'idle' });
  };

  return (
    <form
      class="bs-note-editor"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label class="bs-label" for={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textarea}
        class="bs-textarea"
        rows={4}
        maxLength={NOTE_LIMITS.text}
        readOnly={saving}
        value={text}
        dir="auto"
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          setText(e.currentTarget.value);
          edited(e.currentTarget.value, tags);
        }}
      />
      <label class="bs-label" for={`${id}-tags`}>
        {t('notesTags')}
      </label>
      <TagInput
        id={`${id}-tags`}
        tags={tags}
        disabled={saving}
        pending={pendingTag}
        onPendingChange={setPendingTag}
        onChange={(next) => {
          setTags(next);
          edited(text, next);
        }}
      />
      <p class="bs-hint" id={`${id}-hint`}>
        {restored ? `${t('notesDraftBack')} ` : ''}
        {t('notesKeysHint')}
      </p>
      <div class="bs-note-editor__actions">
        <button type="submit" class="bs-nbutton bs-nbutton--primary" disabled={saving || empty}>
          {t('commonSave')}
        </button>
        <button type="button" class="bs-nbutton" onClick={cancel}>
          {t('commonCancel')}
        </button>
        <span class="bs-note-editor__status" role="status">
          {status.kind === 'saving' ? t('commonSaving') : status.kind === 'saved' ? t('commonSaved') : status.kind === 'conflict' ? CONFLICT_MESSAGE : ''}
        </span>
      </div>
      {status.kind === 'error' ? (
        <p class="bs-note-editor__error" role="alert">
          {t('notesNotSaved', { message: status.message })}
        </p>
      ) : null}
    </form>
  );
}
