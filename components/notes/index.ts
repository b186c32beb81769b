/**
 * Backstory's note components, shared by the hover card (content script) and the options
 * page. All render note text as text, never HTML. Styles: `notesCss` (below) — put it next
 * to the component (a `<style>` in a shadow root, or the page's head) and, outside the card,
 * `class="bs-notes-theme"` on an ancestor for the colours.
 *
 * - `NoteView`     one note: text, tags, dates, its page, conflict badge, Edit/Delete.
 * - `NoteEditor`   write or edit one note; Saving… → Saved only after the reply.
 * - `NoteList`     notes newest first, with an empty state; an editor in place of one note.
 * - `UndoToast`    "Note moved to trash · Undo".
 * - `NotesSection` the card's "Your notes" (list + add/edit/delete/undo) over a `CardNotes`.
 */
export { NoteView, type NoteViewProps } from './NoteView';
export { NoteEditor, buildDraft, CONFLICT_MESSAGE, type NoteEditorProps, type NotePage } from './NoteEditor';
export { NoteList, sortNewestFirst, type NoteListProps } from './NoteList';
export { UndoToast, UNDO_TOAST_MS, type UndoToastProps } from './UndoToast';
export { TagInput, addTags, type TagInputProps } from './TagInput';
export { NotesSection, type NotesSectionProps } from './NotesSection';
export { noteDate, noteDateTime } from './dates';
export { NOTE_LIMITS } from '../../lib/notes/limits';
export type { CardNotes, CardNotesSource } from './card-notes';
export { default as notesCss } from './notes.css?inline';
