/**
 * Test helpers for code that uses the database: an isolated in-memory database per call
 * and a small pack fixture. Imported only by tests.
 */
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import type { Entity, Note, Pack } from '../model';
import type { Note as NoteV1 } from './notes-types';
import { BackstoryDB } from './schema';

/** A fresh database on its own fake IndexedDB factory (no state shared between tests). */
export function openTestDB(factory: IDBFactory = new FakeIDBFactory()): BackstoryDB {
  return new BackstoryDB({ indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
}

export function entity(id: string, overrides: Partial<Entity> = {}): Entity {
  const name = overrides.name ?? id.split('/').pop() ?? id;
  return {
    id,
    kind: 'person',
    name,
    aliases: [{ text: name, case: 'proper' }],
    role: `role of ${name}`,
    summary: `${name} is a test entity.`,
    contexts: [],
    relations: [],
    ...overrides,
  };
}

/** A pack "test/pack" at `version` with Netanyahu, Schumer (relations) and Gaza. */
export function testPack(version = 1, overrides: Partial<Pack> = {}): Pack {
  return {
    format: 1,
    id: 'test/pack',
    title: 'Test pack',
    version,
    asOf: '2024-03-18',
    sources: [{ id: 'src1', title: 'Source one', date: '2024-03-18' }],
    entities: [
      entity('person/netanyahu', {
        name: 'Benjamin Netanyahu',
        aliases: [
          { text: 'Netanyahu', case: 'proper' },
          { text: 'Bibi', case: 'sensitive' },
        ],
        role: 'Prime Minister of Israel',
        relations: [
          { type: 'criticised-by', target: 'person/schumer' },
          { type: 'related-to', target: 'place/nowhere' },
        ],
      }),
      entity('person/schumer', {
        name: 'Chuck Schumer',
        aliases: [{ text: 'Schumer', case: 'proper' }],
        role: 'Senate Majority Leader',
        relations: [{ type: 'criticised', target: 'person/netanyahu' }],
        negative: ['Amy Schumer'],
      }),
      entity('place/gaza', { kind: 'place', name: 'Gaza' }),
    ],
    ...overrides,
  };
}

/** A note as schema v1 stored it (no rev, no derived fields). */
export function v1Note(id = 'note-1', overrides: Partial<NoteV1> = {}): NoteV1 {
  return {
    id,
    target: { type: 'entity', entityId: 'person/netanyahu' },
    text: 'Watch the election call.',
    tags: ['politics', 'israel'],
    pageUrl: 'https://news.example/story',
    pageTitle: 'A story',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_500,
    ...overrides,
  };
}

/** A current `Note` (rev 1) on Netanyahu, written on https://news.example/story. */
export function testNote(id = 'note-1', overrides: Partial<Note> = {}): Note {
  return { ...v1Note(id), rev: 1, ...overrides };
}
