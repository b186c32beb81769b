/**
 * An in-memory full-text index of the live notes, pure: the background keeps one, exact
 * after every write, so a search costs no IndexedDB key reads. Same semantics as
 * `searchNotes` (lib/db/notes-search.ts): every query word must be a prefix of one of a
 * note's tokens (`noteWords`); notes in the trash are left out; the best first: more query
 * words equal to a token, then the most recently updated (then by id); an empty query lists
 * the newest notes.
 *
 * The distinct tokens are kept in a sorted array, so a prefix is a binary search and a walk
 * over the tokens that start with it; each token has a posting set of note ids. A query
 * takes the candidates of its rarest word and checks the other words on their tokens.
 */
import type { Note } from '../model';
import { noteWords, parseQuery } from './search';

/** What the index needs of a note; `words` (a stored row's tokens) saves tokenizing it. */
export type SearchableNote = Pick<Note, 'id' | 'updatedAt' | 'deletedAt' | 'text' | 'tags' | 'pageTitle'> & {
  words?: readonly string[];
};

export interface SearchIndex {
  /** Index exactly these notes (the trash among them is left out). */
  replaceAll(notes: Iterable<SearchableNote>): void;
  /** Add or replace one note; a note in the trash is removed. */
  upsert(note: SearchableNote): void;
  /** Forget one note (unknown ids are ignored). */
  remove(id: string): void;
  /** Ids of the best `limit` live notes matching `query`, best first. */
  search(query: string, limit: number): string[];
  /** How many live notes are indexed. */
  readonly size: number;
}

interface Entry {
  id: string;
  updatedAt: number;
  tokens: readonly string[];
}

/** Newest first, then by id: the order of equal scores and of the empty query. */
const newer = (a: Entry, b: Entry): boolean => (a.updatedAt !== b.updatedAt ? a.updatedAt > b.updatedAt : a.id < b.id);
const byRecency = (a: Entry, b: Entry): number => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0);

/** The first position in `list` whose item does not go before (binary search). */
function lowerBound<T>(list: readonly T[], goesBefore: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = list[mid];
    if (item !== undefined && goesBefore(item)) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Range {
  word: string;
  start: number;
  end: number;
  /** Sum of the posting sizes of the range: an upper bound of its notes. */
  size: number;
}

export function createSearchIndex(): SearchIndex {
  const entries = new Map<string, Entry>();
  const postings = new Map<string, Set<string>>();
  /** The distinct tokens, sorted by code unit. */
  let tokens: string[] = [];
  /** Every entry, newest first (`newer`). */
  let recency: Entry[] = [];

  function entryOf(note: SearchableNote): Entry {
    return { id: note.id, updatedAt: note.updatedAt, tokens: [...(note.words ?? noteWords(note))] };
  }

  function add(entry: Entry): void {
    entries.set(entry.id, entry);
    for (const token of entry.tokens) {
      let posting = postings.get(token);
      if (!posting) {
        posting = new Set();
        postings.set(token, posting);
        tokens.splice(lowerBound(tokens, (t) => t < token), 0, token);
      }
      posting.add(entry.id);
    }
    recency.splice(lowerBound(recency, (e) => newer(e, entry)), 0, entry);
  }

  function remove(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    for (const token of entry.tokens) {
      const posting = postings.get(token);
      if (!posting) continue;
      posting.delete(id);
      if (posting.size === 0) {
        postings.delete(token);
        const at = lowerBound(tokens, (t) => t < token);
        if (tokens[at] === token) tokens.splice(at, 1);
      }
    }
    const at = lowerBound(recency, (e) => newer(e, entry));
    if (recency[at] === entry) recency.splice(at, 1);
    else recency = recency.filter((e) => e !== entry);
  }

  function rangeOf(word: string): Range {
    const start = lowerBound(tokens, (t) => t < word);
    let end = start;
    let size = 0;
    for (let token = tokens[end]; token?.startsWith(word); token = tokens[end]) {
      size += postings.get(token)?.size ?? 0;
      end += 1;
    }
    return { word, start, end, size };
  }

  /** The ids of the notes with a token in `range`. */
  function idsIn(range: Range): ReadonlySet<string> {
    const first = tokens[range.start];
    if (range.end - range.start === 1 && first !== undefined) return postings.get(first) ?? new Set();
    const ids = new Set<string>();
    for (let i = range.start; i < range.end; i += 1) {
      const token = tokens[i];
      for (const id of (token === undefined ? undefined : postings.get(token)) ?? []) ids.add(id);
    }
    return ids;
  }

  function search(query: string, limit: number): string[] {
    if (limit <= 0) return [];
    const words = parseQuery(query);
    if (words.length === 0) return recency.slice(0, limit).map((e) => e.id);
    const ranges = words.map(rangeOf).sort((a, b) => a.size - b.size);
    const [rarest, ...others] = ranges;
    if (!rarest || rarest.size === 0) return [];
    // A word of a few tokens is checked on their postings, else on the note's own tokens.
    const checks = others.map((r): ((entry: Entry) => boolean) => {
      if (r.end - r.start > 4) return (entry) => entry.tokens.some((t) => t.startsWith(r.word));
      const sets = tokens.slice(r.start, r.end).flatMap((t) => postings.get(t) ?? []);
      return (entry) => sets.some((set) => set.has(entry.id));
    });
    const exact = words.flatMap((w) => postings.get(w) ?? []);
    const score = new Map<Entry, number>();
    for (const id of idsIn(rarest)) {
      const entry = entries.get(id);
      if (!entry || !checks.every((matches) => matches(entry))) continue;
      score.set(entry, exact.reduce((n, set) => (set.has(id) ? n + 1 : n), 0));
    }
    const scoreOf = (e: Entry): number => score.get(e) ?? 0;
    const matches = score.size;
    if (matches * Math.log2(matches + 1) < recency.length) {
      // Few matches: sort them.
      const ranked = [...score.keys()].sort((a, b) => scoreOf(b) - scoreOf(a) || byRecency(a, b));
      return ranked.slice(0, limit).map((e) => e.id);
    }
    // Many: one walk over the notes newest first, into one bucket per score.
    const buckets: string[][] = words.map(() => []).concat([[]]);
    for (const entry of recency) {
      const s = score.get(entry);
      if (s !== undefined) buckets[s]?.push(entry.id);
    }
    return buckets.reverse().flat().slice(0, limit);
  }

  return {
    replaceAll(notes) {
      entries.clear();
      postings.clear();
      const live = new Map<string, SearchableNote>();
      for (const note of notes) {
        if (note.deletedAt === undefined) live.set(note.id, note);
        else live.delete(note.id);
      }
      for (const note of live.values()) {
        const entry = entryOf(note);
        entries.set(entry.id, entry);
        for (const token of entry.tokens) {
          let posting = postings.get(token);
          if (!posting) {
            posting = new Set();
            postings.set(token, posting);
          }
          posting.add(entry.id);
        }
      }
      tokens = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      recency = [...entries.values()].sort(byRecency);
    },
    upsert(note) {
      remove(note.id);
      if (note.deletedAt === undefined) add(entryOf(note));
    },
    remove,
    search,
    get size() {
      return entries.size;
    },
  };
}
