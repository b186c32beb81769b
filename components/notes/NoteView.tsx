import type { Note } from '../../lib/model';
import { t } from '../../lib/i18n';
import { tx } from '../i18n';
import { safeHttpUrl, urlHost } from '../../lib/format';
import { noteDate, noteDateTime } from './dates';

export interface NoteViewProps {
  note: Note;
  /** Shows an "Edit" button; omitted: no button. */
  onEdit?: ((note: Note) => void) | undefined;
  /** Shows a "Delete" button (the caller moves the note to the trash); omitted: no button. */
  onDelete?: ((note: Note) => void) | undefined;
  /** Shows "on <page>" (default true). The card of the page the note was written on may hide it. */
  showPage?: boolean | undefined;
  /** Disables the buttons (e.g. while a delete is in flight). */
  busy?: boolean | undefined;
}

/** Link text of a note's page: its title, else its host, else the URL itself. */
function pageLabel(note: Note, href: string): string {
  const title = note.pageTitle?.trim();
  if (title) return title;
  return urlHost(href) || href;
}

/**
 * One note, read-only. The text is rendered as text (never parsed as HTML) with its line
 * breaks kept; tags as chips; when it was written (and last edited); the page it was
 * written on as a link, only if that is an http(s) URL; a "Conflict copy" badge on a copy
 * the background kept when two edits of one note met. Root class: `bs-note`.
 */
export function NoteView({ note, onEdit, onDelete, showPage = true, busy }: NoteViewProps) {
  const href = safeHttpUrl(note.pageUrl);
  const edited = note.updatedAt > note.createdAt && noteDate(note.updatedAt) !== '';
  return (
    <article class="bs-note" data-conflict={note.conflictOf ? 'true' : undefined}>
      {note.conflictOf ? (
        <p class="bs-note__badge" title={t('notesConflictCopyTitle')}>
          {t('notesConflictCopy')}
        </p>
      ) : null}
      <p class="bs-note__text" dir="auto">
        {note.text}
      </p>
      {note.tags.length > 0 ? (
        <ul class="bs-chips" aria-label={t('notesTags')}>
          {note.tags.map((tag) => (
            <li class="bs-chip" key={tag}>
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="bs-note__meta">
        <time dateTime={noteDateTime(note.createdAt)}>{noteDate(note.createdAt)}</time>
        {edited ? (
          <span>
            {' · '}
            {tx('notesEdited', { date: <time dateTime={noteDateTime(note.updatedAt)}>{noteDate(note.updatedAt)}</time> })}
          </span>
        ) : null}
        {showPage && href ? (
          <span class="bs-note__page">
            {' · '}
            {tx('notesOnPage', {
              page: (
                <a class="bs-note__link" href={href} target="_blank" rel="noopener noreferrer" dir="auto">
                  {pageLabel(note, href)}
                </a>
              ),
            })}
          </span>
        ) : null}
        {showPage && !href && note.pageTitle ? (
          <span class="bs-note__page">
            {' · '}
            {tx('notesOnPage', { page: <bdi>{note.pageTitle}</bdi> })}
          </span>
        ) : null}
      </p>
      {onEdit || onDelete ? (
        <div class="bs-note__actions">
          {onEdit ? (
            <button type="button" class="bs-nbutton" disabled={busy} onClick={() => onEdit(note)}>
              {t('commonEdit')}
            </button>
          ) : null}
          {onDelete ? (
            <button
              type="button"
              class="bs-nbutton bs-nbutton--danger"
              disabled={busy}
              onClick={() => onDelete(note)}
            >
              {t('commonDelete')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
