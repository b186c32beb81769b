/**
 * Entity search for the Entities section, pure and fast enough to run on every keystroke
 * over 5,000 entities: each entity gets one folded "haystack" of its words once (when the
 * list is read); a query matches when each of its words starts a word of the haystack.
 * Folding ignores case and diacritics ("Šešelj" ↔ "seselj"); a name written with
 * punctuation also counts as one word ("cease-fire" → "ceasefire", "U.S." → "us").
 */

/** Lowercase, without diacritics. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** The haystack of `texts` (a name and its aliases): " word word … " with spaces at both ends. */
export function searchKey(texts: readonly string[]): string {
  const out = new Set<string>();
  for (const text of texts) {
    const parts = words(fold(text));
    for (const part of parts) out.add(part);
    if (parts.length > 1) out.add(parts.join(''));
  }
  return ` ${[...out].join(' ')} `;
}

/** The query's words, folded (empty for a blank query). */
export function queryWords(query: string): string[] {
  return words(fold(query));
}

/** Does the haystack match every query word as a word prefix? */
export function matchesKey(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(` ${term}`)) return false;
  return true;
}
