/**
 * The card's notes dependency: how a card reads and writes the notes of its entity, and
 * the page new notes are written on. In the content script these are `notesForEntity`,
 * `saveNote`, `deleteNote` and `restoreNote` requests to the background; tests pass fakes.
 *
 * The content script creates its popover (lazily, in `entrypoints/content/ui.ts`) before
 * the notes feature starts, so besides the popover's `notes` option there is a per-document
 * attachment point: `attachCardNotes(doc, …)` gives every card popover of that document its
 * notes, and `refresh()` tells them notes changed elsewhere.
 */
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import type { NotePage } from './NoteEditor';

export interface CardNotes {
  /** Live notes of one entity, newest first. */
  forEntity(entityId: string): Promise<Note[]>;
  /** Create or edit one note (a stale edit comes back as a conflict, both kept). */
  save(draft: NoteDraft): Promise<SaveResult>;
  /** Move one note to the trash. */
  remove(id: string): Promise<Note>;
  /** Take one note back out of the trash. */
  restore(id: string): Promise<Note>;
}

/** What a card needs for its notes section. */
export interface CardNotesSource {
  notes: CardNotes;
  /** The page a new note is written on, read when the note is saved. */
  page(): NotePage;
}

interface Attachment {
  source: CardNotesSource | null;
  /** Each live popover's repaint-with-fresh-notes. */
  listeners: Set<() => void>;
}

const attachments = new WeakMap<Document, Attachment>();

function attachmentOf(doc: Document): Attachment {
  let a = attachments.get(doc);
  if (!a) {
    a = { source: null, listeners: new Set() };
    attachments.set(doc, a);
  }
  return a;
}

export interface AttachedCardNotes {
  /** Notes changed elsewhere: every open card of the document reloads its notes. */
  refresh(): void;
  detach(): void;
}

/** Give the card popovers of `doc` their notes (replacing any earlier attachment). */
export function attachCardNotes(doc: Document, source: CardNotesSource): AttachedCardNotes {
  const a = attachmentOf(doc);
  a.source = source;
  const notify = (): void => {
    for (const fn of [...a.listeners]) {
      try {
        fn();
      } catch {
        // one card's failure is its own
      }
    }
  };
  notify();
  return {
    refresh: notify,
    detach() {
      if (a.source !== source) return;
      a.source = null;
      notify();
    },
  };
}

/** For popovers: the notes attached to `doc` now, or null. */
export function attachedCardNotes(doc: Document): CardNotesSource | null {
  return attachments.get(doc)?.source ?? null;
}

/** For popovers: call `onRefresh` whenever notes are attached or refreshed; returns the unsubscribe. */
export function onCardNotesRefresh(doc: Document, onRefresh: () => void): () => void {
  const a = attachmentOf(doc);
  a.listeners.add(onRefresh);
  return () => a.listeners.delete(onRefresh);
}
