/**
 * The stored row of a note: the note plus the fields its indexes need, derived from it.
 * Used by the repository on every write and by the v1→v2 upgrade.
 */
import type { Note } from '../model';
import { noteWords } from '../notes/search';
import { noteUrlKey, siteOf } from '../notes/url';

/** A notes row (schema v2): the `Note` and its derived index fields. */
export type StoredNote = Note & {
  /** Entity notes: the entity's id. */
  entityId?: string;
  /** Page and passage notes: `noteUrlKey` of the target URL. */
  urlKey?: string;
  /** Host name of the note's page (target URL, else `pageUrl`), for the site filter. */
  site?: string;
  /** Search tokens of text + tags + page title (multi-entry index). */
  words: string[];
};

/** The row to store for `note`, derived fields recomputed. */
export function noteRow(note: Note): StoredNote {
  const plain = toNote(note as StoredNote);
  const row: StoredNote = { ...plain, words: noteWords(plain) };
  const { target } = plain;
  if (target.type === 'entity') row.entityId = target.entityId;
  else row.urlKey = noteUrlKey(target.url);
  const page = target.type === 'entity' ? plain.pageUrl : target.url;
  const site = page === undefined ? undefined : siteOf(page);
  if (site !== undefined) row.site = site;
  return row;
}

/** A notes row as the plain `Note` the rest of the extension uses (derived fields removed). */
export function toNote(row: StoredNote): Note {
  const { entityId: _entityId, urlKey: _urlKey, site: _site, words: _words, ...note } = row;
  return note;
}
