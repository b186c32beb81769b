/**
 * Test fixtures for backups: notes of every kind, a database filled with them, and a full
 * dump of a database to compare before and after. Imported only by tests.
 */
import type { Backup, Note } from '../model';
import { noteRow, type BackstoryDB } from '../db/schema';
import { entity } from '../db/testing';

const T0 = 1_700_000_000_000;

export function note(id: string, overrides: Partial<Note> = {}): Note {
  return {
    id,
    target: { type: 'entity', entityId: 'person/netanyahu' },
    text: `Note ${id}.`,
    tags: [],
    createdAt: T0,
    updatedAt: T0 + 1000,
    rev: 1,
    ...overrides,
  };
}

/** Entity, page and passage notes; tags, trash, a conflict copy, unicode, HTML-like text. */
export function notesOfEveryKind(): Note[] {
  return [
    note('entity-1', {
      text: 'Watch the election call.\nSecond line.',
      tags: ['politics', 'israel'],
      pageUrl: 'https://news.example/story?utm_source=x',
      pageTitle: 'A story',
      rev: 3,
    }),
    note('entity-2', { target: { type: 'entity', entityId: 'person/unknown' }, text: 'No entity row for me.' }),
    note('page-1', {
      target: { type: 'page', url: 'https://news.example/story' },
      pageUrl: 'https://news.example/story',
      pageTitle: 'A story',
      text: '# not a heading\n<img src=x onerror=alert(1)>',
      tags: ['html'],
    }),
    note('passage-1', {
      target: {
        type: 'passage',
        url: 'https://news.example/story#section',
        selector: { exact: 'called for a new election', prefix: 'Schumer ', suffix: ' in Israel', start: 120, end: 145 },
      },
      pageUrl: 'https://news.example/story#section',
      pageTitle: 'A story',
      text: 'Key passage — 重要 🎯 éàü',
      tags: ['ünïcödé', '选举'],
    }),
    note('trashed-1', { text: 'In the bin', deletedAt: T0 + 5000, updatedAt: T0 + 5000 }),
    note('conflict-1', { text: 'My other edit', conflictOf: 'entity-1', tags: ['conflict'] }),
    note('script-1', {
      target: { type: 'page', url: 'http://plain.example/a' },
      pageUrl: 'http://plain.example/a',
      pageTitle: '<script>alert("t")</script>',
      text: '<script>alert(1)</script> & &amp; [link](javascript:alert(1))',
    }),
  ];
}

/** A database holding `notes` (stored as the repository stores them) and two entities. */
export async function fill(db: BackstoryDB, notes: readonly Note[] = notesOfEveryKind()): Promise<void> {
  await db.packEntities.bulkPut([
    { ...entity('person/netanyahu', { name: 'Benjamin Netanyahu' }), packId: 'test/pack', aliasTexts: ['netanyahu'] },
    { ...entity('person/schumer', { name: 'Chuck Schumer' }), packId: 'test/pack', aliasTexts: ['schumer'] },
  ]);
  await db.meta.put({ key: 'k', value: 1 });
  await db.notes.bulkPut(notes.map(noteRow));
}

/** Every row of every table, in key order. */
export async function dump(db: BackstoryDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** A valid backup file holding `notes`. */
export function backupJson(notes: readonly unknown[], extra: Record<string, unknown> = {}): string {
  const backup: Omit<Backup, 'notes'> & { notes: readonly unknown[] } = {
    format: 'backstory-backup',
    version: 1,
    exportedAt: '2024-03-18T00:00:00.000Z',
    notes,
    userEntities: [],
    settings: {},
  };
  return JSON.stringify({ ...backup, ...extra });
}
