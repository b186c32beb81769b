/**
 * The stored shape of a user's note at schema v1, frozen: the v1→v2 upgrade and its test
 * read rows of this shape. Current rows are `StoredNote` (`notes-row.ts`), built on the
 * `Note` of `lib/model.ts`.
 */

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, combined. */
export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the page's text. */
  start: number;
  end: number;
}

export type NoteTarget =
  | { type: 'entity'; entityId: string }
  | { type: 'page'; url: string }
  | { type: 'passage'; url: string; selector: PassageSelector };

export interface Note {
  id: string;
  target: NoteTarget;
  text: string;
  tags: string[];
  /** The page the note was written on (always set for page and passage notes). */
  pageUrl?: string;
  pageTitle?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Soft delete: set while the note is in the bin (undo clears it). */
  deletedAt?: number;
}
