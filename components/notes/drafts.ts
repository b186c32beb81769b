import type { Note, NoteTarget } from '../../lib/model';

/**
 * Unsaved drafts, kept for the life of the page (the content script, the side panel, the
 * options page): an editor that disappears before its text was saved — the card closed
 * when the pointer wandered off, the mention scrolled away — leaves its draft here, and the
 * next editor for the same note or target starts from it. Saving or cancelling clears it.
 */
export interface Draft {
  text: string;
  tags: string[];
}

const drafts = new Map<string, Draft>();
const MAX_DRAFTS = 50;

/** The key of an editor: the note it edits, or the target of a new note. */
export function draftKey(target: NoteTarget, note?: Note): string {
  if (note) return `note:${note.id}`;
  switch (target.type) {
    case 'entity':
      return `new:entity:${target.entityId}`;
    case 'page':
      return `new:page:${target.url}`;
    case 'passage':
      return `new:passage:${target.url}:${target.selector.start}:${target.selector.exact}`;
  }
}

export function takeDraft(key: string): Draft | undefined {
  return drafts.get(key);
}

/** Keep a draft (empty text clears it). The oldest drafts go first past MAX_DRAFTS. */
export function keepDraft(key: string, draft: Draft): void {
  drafts.delete(key);
  if (draft.text.trim() === '') return;
  drafts.set(key, { text: draft.text, tags: [...draft.tags] });
  if (drafts.size > MAX_DRAFTS) {
    const oldest = drafts.keys().next();
    if (!oldest.done) drafts.delete(oldest.value);
  }
}

export function clearDraft(key: string): void {
  drafts.delete(key);
}

/** Forget every draft (tests; a page that wants a clean slate). */
export function clearAllDrafts(): void {
  drafts.clear();
}
