/**
 * What the two notes benchmarks share: the figure they print, the percentile they report,
 * and the search workload (so Node/fake-indexeddb and Chromium run the same queries).
 */
import { rng } from '../lib/notes/sample';

export interface NotesBenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'count';
  note?: string;
}

/** How many searches each benchmark runs. */
export const SEARCHES = 50;

/** The p-th percentile of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** SEARCHES queries of 1–3 prefixes (3–6 letters) of words that occur in the notes. */
export function searchQueries(vocabulary: readonly string[]): string[] {
  const random = rng(42);
  const words = vocabulary.filter((w) => w.length >= 3);
  return Array.from({ length: SEARCHES }, () => {
    const count = 1 + Math.floor(random() * 3);
    return Array.from({ length: count }, () => {
      const word = words[Math.floor(random() * words.length)] ?? 'the';
      return word.slice(0, Math.min(word.length, 3 + Math.floor(random() * 4)));
    }).join(' ');
  });
}
