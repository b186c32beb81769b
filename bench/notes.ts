/**
 * Notes benchmark, on fake-indexeddb in Node (real IndexedDB in Chromium is faster, so
 * these are upper bounds): insert 10,000 realistic notes in one transaction, save 200
 * notes one by one (one strict transaction each, as the extension does), then run 50
 * full-text searches of 1–3 word prefixes and report median and p95 latency with the
 * result counts. Run: npx tsx bench/notes.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { BackstoryDB, noteRow } from '../lib/db/schema';
import { saveNote, searchNotes } from '../lib/db/notes-repo';
import { rng, sampleNotes } from '../lib/notes/sample';
import { tokenize } from '../lib/notes/search';

export interface NotesBenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'count';
  note?: string;
}

const NOTES = 10_000;
const SINGLE_SAVES = 200;
const SEARCHES = 50;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** 50 queries of 1–3 prefixes (3–6 letters) of words that occur in the notes. */
function queries(vocabulary: readonly string[]): string[] {
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

export async function runNotesBench(log: (line: string) => void = console.log): Promise<NotesBenchResult[]> {
  const db = new BackstoryDB({ name: 'backstory-bench', indexedDB: new FakeIDBFactory(), IDBKeyRange: FakeIDBKeyRange });
  const results: NotesBenchResult[] = [];
  try {
    log('notes bench — fake-indexeddb in Node; real IndexedDB in Chromium is faster');
    const notes = sampleNotes(NOTES, 1);
    let started = performance.now();
    await db.transaction('rw', db.notes, () => db.notes.bulkPut(notes.map(noteRow)));
    const bulk = performance.now() - started;
    results.push({ name: `insert ${NOTES} notes (one transaction)`, value: bulk, unit: 'ms' });

    const extra = sampleNotes(SINGLE_SAVES, 2);
    started = performance.now();
    for (const n of extra) {
      await saveNote(db, { target: n.target, text: n.text, tags: n.tags, pageTitle: n.pageTitle ?? '' }, n.updatedAt);
    }
    const single = (performance.now() - started) / SINGLE_SAVES;
    results.push({ name: `saveNote, one transaction per note (mean of ${SINGLE_SAVES})`, value: single, unit: 'ms' });

    const vocabulary = [...new Set(notes.slice(0, 500).flatMap((n) => tokenize(n.text)))];
    const list = queries(vocabulary);
    // The library shows the first 50; "all" returns every match (limit 10,000).
    for (const [label, limit] of [['first 50', 50], ['all', 10_000]] as const) {
      const times: number[] = [];
      const counts: number[] = [];
      for (const query of list) {
        started = performance.now();
        const found = await searchNotes(db, query, limit);
        times.push(performance.now() - started);
        counts.push(found.length);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const sortedCounts = [...counts].sort((a, b) => a - b);
      const total = `${NOTES + SINGLE_SAVES} notes, ${SEARCHES} searches of 1–3 prefixes, ${label}`;
      results.push(
        { name: `search (${total}) median`, value: percentile(sorted, 50), unit: 'ms' },
        { name: `search (${total}) p95`, value: percentile(sorted, 95), unit: 'ms' },
        {
          name: `search (${label}) results returned, median`,
          value: percentile(sortedCounts, 50),
          unit: 'count',
          note: `min ${sortedCounts[0] ?? 0}, max ${sortedCounts[sortedCounts.length - 1] ?? 0}`,
        },
      );
    }
    for (const r of results) {
      log(`  ${r.name}: ${r.unit === 'ms' ? r.value.toFixed(2) : r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
    }
    return results;
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runNotesBench();
}
