import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { noteRow, toNote } from '../db/schema';
import { openTestDB } from '../db/testing';
import { BackupError, exportBackup, importBackup } from './index';
import { backupJson, dump, fill, note, notesOfEveryKind } from './testing';

const NOW = Date.UTC(2024, 2, 18, 12, 0, 0);

describe('exportBackup', () => {
  it('exports every note, the trash too, as plain notes (no derived index fields)', async () => {
    const db = openTestDB();
    await fill(db);
    const backup = await exportBackup(db, NOW);
    expect(backup).toMatchObject({ format: 'backstory-backup', version: 1, exportedAt: '2024-03-18T12:00:00.000Z' });
    expect(backup.userEntities).toEqual([]);
    expect(backup.settings).toEqual({});
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...backup.notes].sort(byId)).toEqual(notesOfEveryKind().sort(byId));
    expect(backup.notes.some((n) => n.deletedAt !== undefined)).toBe(true);
    for (const n of backup.notes) expect(n).not.toHaveProperty('words');
  });
});

describe('round trip', () => {
  it('export → import into an empty database → export gives the same data', async () => {
    const source = openTestDB();
    await fill(source);
    const first = await exportBackup(source, NOW);

    const target = openTestDB();
    const summary = await importBackup(target, JSON.stringify(first), NOW);
    expect(summary).toMatchObject({ added: first.notes.length, updated: 0, skipped: 0 });
    expect(summary.warnings).toEqual(['2 notes contain HTML-like text; it will be shown as text']);

    const second = await exportBackup(target, NOW + 60_000);
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
    // The stored rows are what the repository itself would store (indexes work).
    expect(await target.notes.toArray()).toEqual(first.notes.map(noteRow));
  });

  it('importing the same file twice skips everything the second time', async () => {
    const db = openTestDB();
    await fill(db);
    const json = JSON.stringify(await exportBackup(db, NOW));
    const before = await dump(db);
    expect(await importBackup(db, json, NOW)).toMatchObject({ added: 0, updated: 0, skipped: notesOfEveryKind().length });
    expect(await dump(db)).toEqual(before);
  });
});

describe('importBackup: merge by id, newest updatedAt wins', () => {
  it('adds absent notes, replaces older ones, skips same or newer', async () => {
    const db = openTestDB();
    await fill(db, [
      note('older', { text: 'old', updatedAt: 2000, createdAt: 1000, rev: 4 }),
      note('same', { text: 'mine', updatedAt: 2000, createdAt: 1000 }),
      note('newer', { text: 'mine, newer', updatedAt: 9000, createdAt: 1000 }),
    ]);
    const json = backupJson([
      note('older', { text: 'from the file', updatedAt: 3000, createdAt: 1000, rev: 2 }),
      note('same', { text: 'theirs', updatedAt: 2000, createdAt: 1000 }),
      note('newer', { text: 'theirs, older', updatedAt: 5000, createdAt: 1000 }),
      note('new', { text: 'brand new', tags: ['t'] }),
    ]);
    const summary = await importBackup(db, json, NOW);
    expect(summary).toEqual({ added: 1, updated: 1, skipped: 2, warnings: [] });

    const notes = new Map((await db.notes.toArray()).map((row) => [row.id, toNote(row)]));
    // Replaced: the file's note, its rev above the stored one (an open editor sees a conflict).
    expect(notes.get('older')).toEqual(note('older', { text: 'from the file', updatedAt: 3000, createdAt: 1000, rev: 5 }));
    expect(notes.get('same')?.text).toBe('mine');
    expect(notes.get('newer')?.text).toBe('mine, newer');
    expect(notes.get('new')).toEqual(note('new', { text: 'brand new', tags: ['t'] }));
    // Derived index fields are written: the new note is found by its tag and its words.
    expect(await db.notes.where('tags').equals('t').primaryKeys()).toEqual(['new']);
    expect(await db.notes.where('words').equals('brand').primaryKeys()).toEqual(['new']);
  });

  it('keeps the rev of a replacing note when it is already higher', async () => {
    const db = openTestDB();
    await fill(db, [note('a', { rev: 2 })]);
    await importBackup(db, backupJson([note('a', { updatedAt: note('a').updatedAt + 1, rev: 9 })]), NOW);
    expect((await db.notes.get('a'))?.rev).toBe(9);
  });

  it('returns the warnings of the file with the counts', async () => {
    const db = openTestDB();
    const summary = await importBackup(db, backupJson([note('a', { text: 'x\u0000<b>' })], { extra: 1 }), NOW);
    expect(summary.added).toBe(1);
    expect(summary.warnings).toEqual([
      'Ignored unknown top-level field "extra"',
      'Removed control characters from 1 note',
      '1 note contains HTML-like text; it will be shown as text',
    ]);
    expect((await db.notes.get('a'))?.text).toBe('x<b>');
  });
});

describe('importBackup: all or nothing', () => {
  it('leaves the database exactly as it was when the second write throws', async () => {
    const db = openTestDB();
    await fill(db);
    const before = await dump(db);
    let writes = 0;
    const boom = () => {
      writes += 1;
      if (writes === 2) throw new Error('disk on fire');
    };
    db.notes.hook('creating', boom);
    db.notes.hook('updating', boom);
    const json = backupJson([
      note('new-1'),
      note('new-2'),
      note('new-3'),
      { ...notesOfEveryKind()[0], text: 'replaced', updatedAt: NOW },
    ]);
    const failure = importBackup(db, json, NOW);
    await expect(failure).rejects.toThrow(BackupError);
    await expect(failure).rejects.toThrow(/^The backup could not be written; nothing was imported \(.*disk on fire.*\)$/);
    expect(writes).toBe(2);
    db.notes.hook('creating').unsubscribe(boom);
    db.notes.hook('updating').unsubscribe(boom);
    expect(await dump(db)).toEqual(before);
  });
});

describe('importBackup: hostile files leave the database unchanged', () => {
  const cases: [string, () => string, RegExp][] = [
    ['100 MB', () => 'x'.repeat(100 * 1024 * 1024), /^The file is 100\.0 MB; backups over 64 MB are not accepted$/],
    ['not JSON', () => '<html><body>hi</body></html>', /^This file is not JSON \(/],
    ['not an object', () => '[1, 2, 3]', /expected a JSON object, got an array/],
    ['wrong format', () => JSON.stringify({ format: 'other-tool', notes: [] }), /not a Backstory backup \(its format is "other-tool"/],
    ['newer version', () => backupJson([], { version: 7 }), /made by a newer Backstory \(version 7\); update the extension/],
    ['duplicate ids', () => backupJson([note('entity-1'), note('x'), note('entity-1')]), /notes\[2\]\.id: duplicate id "entity-1"/],
    [
      'javascript: URL',
      () => backupJson([note('ok'), note('bad', { target: { type: 'page', url: 'javascript:alert(1)' } })]),
      /notes\[1\]\.target\.url: must be an http\(s\) URL/,
    ],
    [
      'negative offsets',
      () =>
        backupJson([
          note('bad', {
            target: { type: 'passage', url: 'https://a.example/', selector: { exact: 'q', prefix: '', suffix: '', start: -5, end: -1 } },
          }),
        ]),
      /notes\[0\]\.target\.selector\.start: must not be negative, got -5/,
    ],
    ['huge tag arrays', () => backupJson([note('bad', { tags: new Array(100_000).fill('spam') })]), /notes\[0\]\.tags: too many tags: 100000 \(max 20\)/],
    ['a note that is not an object', () => backupJson([note('ok'), 'DROP TABLE notes']), /notes\[1\]: expected an object/],
  ];

  it.each(cases)('rejects %s', async (_name, make, message) => {
    const db = openTestDB();
    await fill(db);
    const before = await dump(db);
    const result = importBackup(db, make(), NOW);
    await expect(result).rejects.toThrow(BackupError);
    await expect(result).rejects.toThrow(message);
    expect(await dump(db)).toEqual(before);
  });
});
