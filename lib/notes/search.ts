/**
 * Full-text search words, pure: the tokens stored with every note (a multi-entry index) and
 * the words of a query. Matching is by prefix, in any order, ignoring case and diacritics.
 */

const SEPARATOR = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;
const DIGIT = /^\p{N}$/u;

function normalise(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

function words(text: string): string[] {
  return normalise(text)
    .split(SEPARATOR)
    .filter((w) => w !== '');
}

/**
 * The search tokens of a text: NFKD with diacritics stripped, lowercased, split on anything
 * that is not a letter or digit (any script), one-character tokens dropped unless a digit,
 * duplicates dropped (first occurrence order).
 */
export function tokenize(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length > 1 || DIGIT.test(w)))];
}

/** The tokens stored for one note: its text, its tags and its page title. */
export function noteWords(note: { text: string; tags: readonly string[]; pageTitle?: string | undefined }): string[] {
  return tokenize([note.text, ...note.tags, note.pageTitle ?? ''].join(' '));
}

/**
 * The words of a query, normalised like `tokenize` (single letters kept: the user may be
 * typing). A word that is a prefix of another query word adds nothing and is dropped.
 */
export function parseQuery(query: string): string[] {
  const unique = [...new Set(words(query))];
  return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}
