import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  allEntities,
  ensureShippedPack,
  getEntity,
  getEntityWithPack,
  getPack,
  installPack,
  listPacks,
  listStoredPacks,
  PackConflictError,
} from './packs-repo';
import { shippedPack } from '../packs/shipped';
import { noteRow, toNote, type BackstoryDB } from './schema';
import { entity, openTestDB, testNote, testPack } from './testing';

const quiet = { info: vi.fn() };
let db: BackstoryDB | undefined;

function open(): BackstoryDB {
  db = openTestDB();
  return db;
}

afterEach(() => {
  db?.close();
  db = undefined;
});

/** Version 2: Gaza removed, Schumer's role changed, Biden added. */
function packV2() {
  const v1 = testPack(1);
  return testPack(2, {
    entities: [
      ...v1.entities
        .filter((e) => e.id !== 'place/gaza')
        .map((e) => (e.id === 'person/schumer' ? { ...e, role: 'Senate Majority Leader (D-NY)' } : e)),
      entity('person/biden', { name: 'Joe Biden' }),
    ],
  });
}

describe('installPack', () => {
  it('writes the pack metadata and its entities', async () => {
    const d = open();
    const pack = testPack(1);
    await installPack(d, pack, 1234);

    const { entities: _entities, ...meta } = pack;
    expect(await listPacks(d)).toEqual([meta]);
    expect(await listStoredPacks(d)).toEqual([{ ...meta, installedAt: 1234 }]);
    expect(await getPack(d, pack.id)).toEqual(meta);
    expect((await allEntities(d)).map((e) => e.id)).toEqual(['person/netanyahu', 'person/schumer', 'place/gaza']);
    expect(await getEntity(d, 'person/schumer')).toEqual(pack.entities[1]);
    expect(await getEntityWithPack(d, 'place/gaza')).toEqual({ entity: pack.entities[2], packId: 'test/pack' });
    expect(await getEntity(d, 'person/nobody')).toBeUndefined();
  });

  it('writes in one strict-durability read-write transaction', async () => {
    // Dexie binds IDBDatabase#transaction when it opens: spy on the prototype first.
    const spy = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const d = open();
    await d.open();
    await installPack(d, testPack(1));
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect([...(writes[0]?.[0] ?? [])].sort()).toEqual(['entities', 'packs']);
    expect(writes[0]?.[2]).toEqual({ durability: 'strict' });
  });

  it('indexes lowercased alias texts and the name', async () => {
    const d = open();
    await installPack(d, testPack(1));
    const hits = await d.entities.where('aliasTexts').equals('bibi').toArray();
    expect(hits.map((e) => e.id)).toEqual(['person/netanyahu']);
    const byName = await d.entities.where('aliasTexts').equals('benjamin netanyahu').primaryKeys();
    expect(byName).toEqual(['person/netanyahu']);
    expect(await d.entities.where('kind').equals('place').primaryKeys()).toEqual(['place/gaza']);
  });

  it('replaces the entities of that pack only', async () => {
    const d = open();
    const other = testPack(1, { id: 'other/pack', entities: [entity('topic/ceasefire', { kind: 'topic' })] });
    await installPack(d, testPack(1));
    await installPack(d, other);
    await installPack(d, packV2());

    const ids = (await allEntities(d)).map((e) => e.id);
    expect(ids).toEqual(['person/biden', 'person/netanyahu', 'person/schumer', 'topic/ceasefire']);
    expect((await getEntity(d, 'person/schumer'))?.role).toBe('Senate Majority Leader (D-NY)');
    expect((await listPacks(d)).map((p) => [p.id, p.version])).toEqual([
      ['other/pack', 1],
      ['test/pack', 2],
    ]);
  });

  it('refuses entity ids that clash within the pack or with another pack', async () => {
    const d = open();
    await installPack(d, testPack(1));
    const thief = testPack(1, { id: 'thief/pack', entities: [entity('person/new'), entity('place/gaza')] });
    await expect(installPack(d, thief)).rejects.toThrow(
      'entity "place/gaza" of pack "thief/pack" already belongs to pack "test/pack"',
    );
    expect(await getEntityWithPack(d, 'place/gaza')).toMatchObject({ packId: 'test/pack' });
    expect(await getEntity(d, 'person/new')).toBeUndefined();
    expect(await getPack(d, 'thief/pack')).toBeUndefined();
    const twice = testPack(2, { entities: [entity('person/a'), entity('person/a')] });
    await expect(installPack(d, twice)).rejects.toThrow(PackConflictError);
    expect((await listPacks(d))[0]?.version).toBe(1);
  });

  it('installs the shipped pack: every entity stored under it', async () => {
    const d = open();
    expect(await ensureShippedPack(d, shippedPack, quiet)).toEqual({ action: 'installed', version: shippedPack.version });
    expect(await d.entities.where('packId').equals(shippedPack.id).count()).toBe(shippedPack.entities.length);
    expect(shippedPack.entities.length).toBeGreaterThan(0);
  });

  it('is all-or-nothing: a failing write leaves the old pack in place', async () => {
    const d = open();
    await installPack(d, testPack(1));
    // The last write fails (as a quota error would), after the old entities were deleted.
    vi.spyOn(d.packs, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(installPack(d, packV2())).rejects.toThrow('QuotaExceededError');
    expect(await getEntity(d, 'person/biden')).toBeUndefined();
    expect((await listPacks(d))[0]?.version).toBe(1);
    expect((await allEntities(d)).map((e) => e.id)).toContain('place/gaza');
  });
});

describe('ensureShippedPack', () => {
  it('installs when absent', async () => {
    const d = open();
    expect(await ensureShippedPack(d, testPack(1), quiet)).toEqual({ action: 'installed', version: 1 });
    expect((await allEntities(d)).length).toBe(3);
  });

  it('upgrades when the stored version is lower: removed entity gone, changed role updated', async () => {
    const d = open();
    await ensureShippedPack(d, testPack(1), quiet);
    expect(await ensureShippedPack(d, packV2(), quiet)).toEqual({ action: 'upgraded', from: 1, version: 2 });
    expect(await getEntity(d, 'place/gaza')).toBeUndefined();
    expect((await getEntity(d, 'person/schumer'))?.role).toBe('Senate Majority Leader (D-NY)');
    expect(await getEntity(d, 'person/biden')).toBeDefined();
  });

  it('does nothing (and logs) when the stored version is equal or higher', async () => {
    const d = open();
    await ensureShippedPack(d, packV2(), quiet, 100);
    const before = await d.entities.toArray();
    const log = { info: vi.fn() };

    expect(await ensureShippedPack(d, packV2(), log, 200)).toEqual({ action: 'kept', version: 2 });
    expect(await ensureShippedPack(d, testPack(1), log, 300)).toEqual({ action: 'kept', version: 2 });
    expect(await d.entities.toArray()).toEqual(before);
    expect((await listStoredPacks(d))[0]?.installedAt).toBe(100);
    expect(log.info).toHaveBeenCalledTimes(2);
    expect(String(log.info.mock.calls[1]?.[0])).toContain('kept');
  });

  it('concurrent calls install once', async () => {
    const d = open();
    const results = await Promise.all([
      ensureShippedPack(d, testPack(1), quiet),
      ensureShippedPack(d, testPack(1), quiet),
    ]);
    expect(results.map((r) => r.action).sort()).toEqual(['installed', 'kept']);
  });

  it('never touches notes', async () => {
    const d = open();
    await ensureShippedPack(d, testPack(1), quiet);
    const notes = [
      testNote('n1'),
      testNote('n2', { target: { type: 'entity', entityId: 'place/gaza' }, deletedAt: 5 }),
      testNote('n3', {
        target: {
          type: 'passage',
          url: 'https://news.example/story',
          selector: { exact: 'Rafah', prefix: 'in ', suffix: '.', start: 10, end: 15 },
        },
      }),
    ];
    await d.notes.bulkPut(notes.map(noteRow));

    await ensureShippedPack(d, packV2(), quiet);
    await installPack(d, packV2());

    expect((await d.notes.orderBy('id').toArray()).map(toNote)).toEqual(notes);
    // The note about the removed entity is kept (it is the user's).
    expect(await d.notes.where('entityId').equals('place/gaza').primaryKeys()).toEqual(['n2']);
  });
});
