/**
 * Upgrade tests: for every schema version, open the database at that version with data
 * in every table, close it, reopen it through the current `BackstoryDB`, and check that
 * nothing was lost. Adding schema version N means appending one row to `FIXTURES`.
 */
import { Dexie } from 'dexie';
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listStoredPacks, sourceRevision } from './packs-repo';
import { toEntity } from './schema';
import { BackstoryDB, DB_NAME } from './schema';
import { noteRow, toNote, type StoredNote } from './notes-row';
import { testPack, v1Note } from './testing';
import { applyVersions, CURRENT_VERSION, SCHEMA_VERSIONS } from './versions';

interface Fixture {
  version: number;
  /** Write data into every table, as that version stored it. */
  seed(db: Dexie): Promise<void>;
  /** Check the data after opening with the current schema. */
  check(db: BackstoryDB): Promise<void>;
}

const pack = testPack(3);
const { entities: _entities, ...packMeta } = pack;
const v1Notes = [
  v1Note('n-entity'),
  v1Note('n-page', {
    target: { type: 'page', url: 'HTTPS://News.Example/a?utm_source=x&id=7#top' },
    pageUrl: 'https://news.example/a?id=7',
    text: 'Élection anticipée, 2024',
    tags: [],
  }),
  v1Note('n-passage', {
    target: {
      type: 'passage',
      url: 'https://news.example/a',
      selector: { exact: 'two-state solution', prefix: 'a ', suffix: ' for', start: 120, end: 138 },
    },
    pageTitle: undefined,
    deletedAt: 1_700_000_001_000,
  }),
];
const sortedEntities = [...pack.entities].sort((a, b) => a.id.localeCompare(b.id));
const firstEntity = pack.entities[0];
if (!firstEntity) throw new Error('test pack has no entities');
const v3Edit = { id: firstEntity.id, entity: { ...firstEntity, role: 'Edited role' }, basePackId: pack.id, baseVersion: 3, editedAt: 9 };

async function allEntities(db: BackstoryDB) {
  return (await db.packEntities.toArray()).map(toEntity).sort((a, b) => a.id.localeCompare(b.id));
}
const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** From v2 on: every v1 note intact (rev 1 added) with its derived index fields. */
async function checkV1NotesAtV2(db: BackstoryDB): Promise<void> {
  const rows: StoredNote[] = await db.notes.orderBy('id').toArray();
  expect(rows.map(toNote)).toEqual(byId(v1Notes).map((n) => ({ ...n, rev: 1 })));
  const derived = Object.fromEntries(rows.map((r) => [r.id, { entityId: r.entityId, urlKey: r.urlKey, site: r.site, words: r.words }]));
  expect(derived).toEqual({
    'n-entity': {
      entityId: 'person/netanyahu',
      urlKey: undefined,
      site: 'news.example',
      words: ['watch', 'the', 'election', 'call', 'politics', 'israel', 'story'],
    },
    'n-page': { entityId: undefined, urlKey: 'https://news.example/a?id=7', site: 'news.example', words: ['election', 'anticipee', '2024', 'story'] },
    'n-passage': {
      entityId: undefined,
      urlKey: 'https://news.example/a',
      site: 'news.example',
      words: ['watch', 'the', 'election', 'call', 'politics', 'israel'],
    },
  });
  expect(await db.notes.where('tags').equals('politics').count()).toBe(2);
  expect(await db.notes.where('entityId').equals('person/netanyahu').primaryKeys()).toEqual(['n-entity']);
  expect(await db.notes.where('urlKey').equals('https://news.example/a').primaryKeys()).toEqual(['n-passage']);
  expect(await db.notes.where('words').startsWith('anticip').primaryKeys()).toEqual(['n-page']);
  expect(await db.notes.where('deletedAt').above(0).primaryKeys()).toEqual(['n-passage']);
}

const FIXTURES: Fixture[] = [
  {
    version: 1,
    async seed(db) {
      await db.table('packs').put({ ...packMeta, installedAt: 42 });
      await db.table('entities').bulkPut(
        pack.entities.map((e) => ({ ...e, packId: pack.id, aliasTexts: e.aliases.map((a) => a.text.toLowerCase()) })),
      );
      await db.table('meta').put({ key: 'matcherRevision', value: 'abc' });
      await db.table('notes').bulkPut(v1Notes);
    },
    async check(db) {
      // From v3 on: the one pack of v1/v2 was the shipped one; it stays on, first.
      expect(await listStoredPacks(db)).toEqual([{ ...packMeta, installedAt: 42, origin: 'shipped', enabled: true, order: 0 }]);
      expect(await allEntities(db)).toEqual(sortedEntities);
      expect(await db.meta.get('matcherRevision')).toEqual({ key: 'matcherRevision', value: 'abc' });
      expect(await sourceRevision(db)).toBe(1);
      expect(await db.edits.count()).toBe(0);
      expect(db.tables.map((t) => t.name)).not.toContain('entities');
      await checkV1NotesAtV2(db);
      expect(await db.packEntities.where('aliasTexts').equals('bibi').primaryKeys()).toEqual([[pack.id, 'person/netanyahu']]);
    },
  },
  {
    version: 2,
    async seed(db) {
      await FIXTURES[0]?.seed(db);
      // v2 rows carry their rev and derived fields; reseed notes as v2 wrote them.
      await db.table('notes').clear();
      await db.table('notes').bulkPut(v1Notes.map((n) => noteRow({ ...n, rev: 1 })));
    },
    async check(db) {
      await FIXTURES[0]?.check(db);
    },
  },
  {
    version: 3,
    seed: seedV3,
    check: checkV3,
  },
  {
    version: 4,
    seed: seedV3,
    check: checkV3,
  },
];

/** v3 and v4 rows: packs with the reader's settings, entities by [packId+id], an edit. */
async function seedV3(db: Dexie): Promise<void> {
  await db.table('packs').put({ ...packMeta, installedAt: 42, origin: 'imported', enabled: false, order: 3 });
  await db.table('packEntities').bulkPut(
    pack.entities.map((e) => ({ ...e, packId: pack.id, aliasTexts: e.aliases.map((a) => a.text.toLowerCase()) })),
  );
  await db.table('edits').put(v3Edit);
  await db.table('meta').put({ key: 'sourceRevision', value: 7 });
  await db.table('notes').bulkPut(v1Notes.map((n) => noteRow({ ...n, rev: 1 })));
}

async function checkV3(db: BackstoryDB): Promise<void> {
  expect(await listStoredPacks(db)).toEqual([{ ...packMeta, installedAt: 42, origin: 'imported', enabled: false, order: 3 }]);
  expect(await allEntities(db)).toEqual(sortedEntities);
  expect(await db.edits.toArray()).toEqual([v3Edit]);
  expect(await sourceRevision(db)).toBe(7);
  await checkV1NotesAtV2(db);
}

describe('schema versions', () => {
  it('are ordered and each has an upgrade fixture', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(FIXTURES.map((f) => f.version)).toEqual(versions);
    expect(CURRENT_VERSION).toBe(versions[versions.length - 1]);
  });

  it('refuse to be declared out of order', () => {
    const db = new Dexie('x', { indexedDB: new FakeIDBFactory(), IDBKeyRange: FakeIDBKeyRange });
    expect(() => applyVersions(db, [{ version: 2, stores: {} }, { version: 1, stores: {} }])).toThrow(/order/);
  });

  it.each(FIXTURES)('data written at v$version survives reopening with the current schema', async (fixture) => {
    const factory = new FakeIDBFactory();
    const old = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    applyVersions(
      old,
      SCHEMA_VERSIONS.filter((v) => v.version <= fixture.version),
    );
    await old.open();
    expect(old.verno).toBe(fixture.version);
    await fixture.seed(old);
    old.close();

    const current = new BackstoryDB({ indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    try {
      await current.open();
      expect(current.verno).toBe(CURRENT_VERSION);
      await fixture.check(current);
    } finally {
      current.close();
    }
  });

  it('the current class opens, closes and reopens with data intact', async () => {
    const factory = new FakeIDBFactory();
    const first = new BackstoryDB({ indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    const fixture = FIXTURES[FIXTURES.length - 1];
    if (!fixture) throw new Error('no fixtures');
    await fixture.seed(first);
    first.close();
    const again = new BackstoryDB({ indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    try {
      await fixture.check(again);
    } finally {
      again.close();
    }
  });
});
