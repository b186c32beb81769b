import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { tokenize } from '../notes/search';
import { sampleNotes } from '../notes/sample';
import { deleteNote, saveNote, searchNotes } from './notes-repo';
import { noteRow, type BackstoryDB } from './schema';
import { openTestDB } from './testing';

let db: BackstoryDB | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function seeded(...notes: { text: string; tags?: string[]; pageTitle?: string; at: number }[]): Promise<[BackstoryDB, Note[]]> {
  db = openTestDB();
  const saved: Note[] = [];
  for (const n of notes) {
    const result = await saveNote(db, { target: { type: 'entity', entityId: 'person/x' }, text: n.text, tags: n.tags ?? [], ...(n.pageTitle ? { pageTitle: n.pageTitle } : {}) }, n.at);
    saved.push(result.note);
  }
  return [db, saved];
}

const texts = (notes: Note[]): string[] => notes.map((n) => n.text);

describe('searchNotes', () => {
  it('matches every query word by prefix, in any order', async () => {
    const [d] = await seeded(
      { text: 'Schumer calls for a new election', at: 1 },
      { text: 'Election day in Israel', at: 2 },
      { text: 'Schumer and Netanyahu', at: 3 },
    );
    expect(texts(await searchNotes(d, 'elect schum'))).toEqual(['Schumer calls for a new election']);
    expect(texts(await searchNotes(d, 'SCHUMER election'))).toEqual(['Schumer calls for a new election']);
    expect(texts(await searchNotes(d, 'elec'))).toEqual(['Election day in Israel', 'Schumer calls for a new election']);
    expect(texts(await searchNotes(d, 'sch'))).toEqual(['Schumer and Netanyahu', 'Schumer calls for a new election']);
  });

  it('ignores case and diacritics on both sides', async () => {
    const [d] = await seeded({ text: 'Le débat à São Paulo', at: 1 }, { text: 'Debate club', at: 2 });
    expect(texts(await searchNotes(d, 'sao debat'))).toEqual(['Le débat à São Paulo']);
    expect(texts(await searchNotes(d, 'DÉBAT'))).toEqual(['Le débat à São Paulo', 'Debate club']);
  });

  it('ranks notes with more exact word hits first, then newest', async () => {
    const [d] = await seeded(
      { text: 'ceasefire talks', at: 3 },
      { text: 'ceasefires talked about', at: 5 },
      { text: 'talk of a ceasefire', at: 1 },
    );
    expect(texts(await searchNotes(d, 'ceasefire talk'))).toEqual(['talk of a ceasefire', 'ceasefire talks', 'ceasefires talked about']);
    expect(texts(await searchNotes(d, 'ceasefire talk', 2))).toHaveLength(2);
  });

  it('finds notes by tag and page title', async () => {
    const [d] = await seeded({ text: 'plain', tags: ['Diplomacy'], at: 1 }, { text: 'other', pageTitle: 'The Guardian', at: 2 });
    expect(texts(await searchNotes(d, 'diplom'))).toEqual(['plain']);
    expect(texts(await searchNotes(d, 'guard'))).toEqual(['other']);
  });

  it('returns nothing when a word matches nothing, and leaves out the trash', async () => {
    const [d, [a, b]] = await seeded({ text: 'Rafah crossing', at: 1 }, { text: 'Rafah aid', at: 2 });
    expect(await searchNotes(d, 'rafah zebra')).toEqual([]);
    if (!b || !a) throw new Error('not seeded');
    await deleteNote(d, b.id, 3);
    expect(texts(await searchNotes(d, 'rafah'))).toEqual(['Rafah crossing']);
  });

  it('lists the newest live notes for an empty query', async () => {
    const [d, [, b]] = await seeded({ text: 'one', at: 1 }, { text: 'two', at: 2 }, { text: 'three', at: 3 });
    if (!b) throw new Error('not seeded');
    await deleteNote(d, b.id, 4);
    expect(texts(await searchNotes(d, '  '))).toEqual(['three', 'one']);
    expect(texts(await searchNotes(d, '', 1))).toEqual(['three']);
  });

  it('returns exactly the right notes among 10,000', async () => {
    db = openTestDB();
    const notes = sampleNotes(10_000, 7);
    await db.notes.bulkPut(notes.map(noteRow));
    const queries = ['elect isr', 'ceasefire rafah', 'netan', 'débat 2024', 'two state solution', 'zzz'];
    let most = 0;
    for (const query of queries) {
      const words = query.split(' ').map((w) => tokenize(w)[0] ?? w);
      const expected = notes
        .filter((n) => {
          const own = tokenize([n.text, ...n.tags, n.pageTitle ?? ''].join(' '));
          return words.every((w) => own.some((t) => t.startsWith(w)));
        })
        .map((n) => n.id)
        .sort();
      expect(expected.length > 0).toBe(query !== 'zzz');
      most = Math.max(most, expected.length);
      const started = performance.now();
      const found = await searchNotes(db, query, 10_000);
      const ms = performance.now() - started;
      expect(found.map((n) => n.id).sort()).toEqual(expected);
      expect(ms).toBeLessThan(5_000);
      // The first page, ranked from the index when there are many matches, is the same.
      const page = await searchNotes(db, query, 50);
      expect(page.map((n) => n.id)).toEqual(found.slice(0, 50).map((n) => n.id));
    }
    // Some query has enough matches to be ranked from the updatedAt index.
    expect(most).toBeGreaterThan(400);
  }, 60_000);
});
