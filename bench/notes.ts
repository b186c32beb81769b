/**
 * Notes benchmark, on fake-indexeddb in Node (NOT an upper bound: real IndexedDB in
 * Chromium measured slower, see `bench/notes-browser.ts`): insert 10,000 realistic notes in
 * one transaction, save 200 notes one by one (one strict transaction each, as the extension
 * does), then run 50 full-text searches of 1–3 word prefixes two ways and report median and
 * p95 latency with the result counts:
 * - the database search (`searchNotes`, IndexedDB index keys per query word);
 * - the background's in-memory index (`lib/notes/search-index.ts`): built once from every
 *   note, then each search is the index lookup plus one `bulkGet` of the notes returned,
 *   as `searchNotes` in `lib/background/notes-handlers.ts` does. Its answers are checked
 *   against the database search's (same ids, same order).
 * Run: npx tsx bench/notes.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { BackstoryDB, noteRow } from '../lib/db/schema';
import { saveNote, searchNotes } from '../lib/db/notes-repo';
import { sampleNotes } from '../lib/notes/sample';
import { tokenize } from '../lib/notes/search';
import { percentile, searchQueries, SEARCHES, type NotesBenchResult } from './notes-workload';
import { createSearchIndex } from '../lib/notes/search-index';
import type { Note } from '../lib/model';

export type { NotesBenchResult };

const NOTES = 10_000;
const SINGLE_SAVES = 200;



export async function runNotesBench(log: (line: string) => void = console.log): Promise<NotesBenchResult[]> {
  const db = new BackstoryDB({ name: 'backstory-bench', indexedDB: new FakeIDBFactory(), IDBKeyRange: FakeIDBKeyRange });
  const results: NotesBenchResult[] = [];
  try {
    log('notes bench — fake-indexeddb in Node (real IndexedDB in Chromium measured slower: see bench/notes-browser.ts)');
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
    const list = searchQueries(vocabulary);

    started = performance.now();
    const index = createSearchIndex();
    index.replaceAll(await db.notes.toArray());
    results.push({ name: `build the in-memory index (read all ${NOTES + SINGLE_SAVES} notes, index them)`, value: performance.now() - started, unit: 'ms' });
    const viaIndex = async (query: string, limit: number): Promise<Note[]> => {
      const rows = await db.notes.bulkGet(index.search(query, limit));
      return rows.filter((r) => r !== undefined);
    };

    // The library shows the first 50; "all" returns every match (limit 10,000).
    const runs = [
      ['database', 'first 50', 50],
      ['database', 'all', 10_000],
      ['index', 'first 50', 50],
      ['index', 'all', 10_000],
    ] as const;
    for (const [how, label, limit] of runs) {
      const times: number[] = [];
      const lookups: number[] = [];
      const counts: number[] = [];
      for (const query of list) {
        if (how === 'index') {
          started = performance.now();
          index.search(query, limit);
          lookups.push(performance.now() - started);
        }
        started = performance.now();
        const found = how === 'database' ? await searchNotes(db, query, limit) : await viaIndex(query, limit);
        times.push(performance.now() - started);
        counts.push(found.length);
        if (how === 'index') {
          const expected = (await searchNotes(db, query, limit)).map((n) => n.id).join();
          if (found.map((n) => n.id).join() !== expected) throw new Error(`the index differs from the database on "${query}"`);
        }
      }
      const sorted = [...times].sort((a, b) => a - b);
      const sortedCounts = [...counts].sort((a, b) => a - b);
      const total = `${NOTES + SINGLE_SAVES} notes, ${SEARCHES} searches of 1–3 prefixes, ${label}`;
      results.push(
        { name: `search, ${how} (${total}) median`, value: percentile(sorted, 50), unit: 'ms' },
        { name: `search, ${how} (${total}) p95`, value: percentile(sorted, 95), unit: 'ms' },
        {
          name: `search, ${how} (${label}) results returned, median`,
          value: percentile(sortedCounts, 50),
          unit: 'count',
          note: `min ${sortedCounts[0] ?? 0}, max ${sortedCounts[sortedCounts.length - 1] ?? 0}`,
        },
      );
      if (how === 'index') {
        lookups.sort((a, b) => a - b);
        const p95 = percentile(lookups, 95).toFixed(2);
        results.push({ name: `  of which the index lookup alone (${label}), median`, value: percentile(lookups, 50), unit: 'ms', note: `p95 ${p95} ms` });
      }
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
