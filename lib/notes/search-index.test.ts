import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { searchNotes } from '../db/notes-search';
import { noteRow, type BackstoryDB } from '../db/schema';
import { openTestDB } from '../db/testing';
import { rng, sampleNotes } from './sample';
import { tokenize } from './search';
import { createSearchIndex } from './search-index';

let db: BackstoryDB | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const note = (id: string, text: string, updatedAt: number, extra: Partial<Note> = {}): Note => ({
  id,
  target: { type: 'entity', entityId: 'person/x' },
  text,
  tags: [],
  createdAt: updatedAt,
  updatedAt,
  rev: 1,
  ...extra,
});

describe('createSearchIndex', () => {
  it('matches every query word by prefix, in any order, ignoring case and diacritics', () => {
    const index = createSearchIndex();
    index.replaceAll([
      note('a', 'Schumer calls for a new election', 1),
      note('b', 'Election day in Israel', 2),
      note('c', 'Schumer and Netanyahu', 3),
      note('d', 'Le débat à São Paulo', 4, { tags: ['Diplomacy'], pageTitle: 'The Guardian' }),
    ]);
    expect(index.search('elect schum', 50)).toEqual(['a']);
    expect(index.search('SCHUMER election', 50)).toEqual(['a']);
    expect(index.search('elec', 50)).toEqual(['b', 'a']);
    expect(index.search('sao DÉBAT', 50)).toEqual(['d']);
    expect(index.search('diplom guard', 50)).toEqual(['d']);
    expect(index.search('elec zebra', 50)).toEqual([]);
    expect(index.search('elec', 1)).toEqual(['b']);
    expect(index.search('elec', 0)).toEqual([]);
  });

  it('ranks more exact word hits first, then newest, then by id', () => {
    const index = createSearchIndex();
    index.replaceAll([
      note('a', 'ceasefire talks', 3),
      note('b', 'ceasefires talked about', 5),
      note('c', 'talk of a ceasefire', 1),
      note('e', 'ceasefire talks again', 3),
    ]);
    expect(index.search('ceasefire talk', 50)).toEqual(['c', 'a', 'e', 'b']);
  });

  it('keeps the trash out and follows upserts and removals', () => {
    const index = createSearchIndex();
    index.replaceAll([note('a', 'Rafah crossing', 1), note('b', 'Rafah aid', 2, { deletedAt: 3 })]);
    expect(index.size).toBe(1);
    expect(index.search('rafah', 50)).toEqual(['a']);
    expect(index.search('', 50)).toEqual(['a']);
    index.upsert(note('b', 'Rafah aid', 2));
    expect(index.search('rafah', 50)).toEqual(['b', 'a']);
    index.upsert(note('a', 'Gaza crossing', 4));
    expect(index.search('rafah', 50)).toEqual(['b']);
    expect(index.search('', 50)).toEqual(['a', 'b']);
    index.upsert(note('b', 'Rafah aid', 2, { deletedAt: 5 }));
    expect(index.search('rafah', 50)).toEqual([]);
    index.remove('a');
    index.remove('unknown');
    expect(index.search('', 50)).toEqual([]);
    expect(index.search('gaza', 50)).toEqual([]);
    expect(index.size).toBe(0);
  });
});

/** 1–3 prefixes (1–7 letters) of words of the notes, with some odd ones. */
function queries(notes: readonly Note[], count: number, seed: number): string[] {
  const random = rng(seed);
  const vocabulary = [...new Set(notes.slice(0, 300).flatMap((n) => tokenize([n.text, ...n.tags, n.pageTitle ?? ''].join(' '))))];
  const generated = Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const word = vocabulary[Math.floor(random() * vocabulary.length)] ?? 'the';
      return word.slice(0, 1 + Math.floor(random() * 7));
    }).join(' '),
  );
  return [...generated, '', '  ', 'zzz', 'elect zzz', 'DÉBAT', 'débat 2024', 'Story 4', 's', 'the a', 'follow-up'];
}

describe('createSearchIndex against searchNotes (the database)', () => {
  it('returns the same ids in the same order, before and after writes', async () => {
    db = openTestDB();
    const random = rng(11);
    const notes = sampleNotes(2_000, 5).map((n) => (random() < 0.1 ? { ...n, deletedAt: n.updatedAt + 1, rev: 2 } : n));
    await db.notes.bulkPut(notes.map(noteRow));
    const index = createSearchIndex();
    index.replaceAll((await db.notes.toArray()).reverse());

    const compare = async (list: readonly string[]): Promise<number> => {
      let nonEmpty = 0;
      for (const query of list) {
        for (const limit of [50, 2_000]) {
          const expected = (await searchNotes(db as BackstoryDB, query, limit)).map((n) => n.id);
          expect(index.search(query, limit), `${query} (limit ${limit})`).toEqual(expected);
          if (expected.length > 0) nonEmpty += 1;
        }
      }
      return nonEmpty;
    };
    const list = queries(notes, 120, 3);
    expect(await compare(list)).toBeGreaterThan(150);

    // Edit, trash, restore and delete notes in both; the index follows.
    const edits = sampleNotes(300, 9);
    for (const [i, edit] of edits.entries()) {
      const current = notes[i * 6];
      if (!current) continue;
      const kind = i % 4;
      const next: Note =
        kind === 0
          ? { ...current, text: edit.text, tags: edit.tags, updatedAt: edit.updatedAt, rev: current.rev + 1 }
          : kind === 1
            ? { ...current, deletedAt: 5, rev: current.rev + 1 }
            : kind === 2
              ? { ...edit, id: `new-${i}` }
              : current;
      if (kind === 3) {
        await db.notes.delete(current.id);
        index.remove(current.id);
      } else {
        await db.notes.put(noteRow(next));
        index.upsert(next);
      }
    }
    expect(index.size).toBe(await db.notes.filter((r) => r.deletedAt === undefined).count());
    expect(await compare(queries(notes, 60, 4))).toBeGreaterThan(60);
  }, 60_000);
});
