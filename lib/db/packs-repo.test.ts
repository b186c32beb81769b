import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deleteEdit,
  ensureShippedPack,
  entityNames,
  getPack,
  installPack,
  listPacks,
  listStoredPacks,
  PackConflictError,
  putEdit,
  readPack,
  removePack,
  setPackEnabled,
  setPackOrder,
  sourceRevision,
} from './packs-repo';
import type { Entity } from '../model';
import { shippedPack } from '../packs/shipped';
import { noteRow, toEntity, toNote, type BackstoryDB } from './schema';
import { entity, openTestDB, testNote, testPack } from './testing';

const quiet = { info: vi.fn() };

/** Every entity row's id, sorted (any pack). */
async function allEntities(d: BackstoryDB): Promise<Entity[]> {
  return (await d.packEntities.toArray()).map(toEntity).sort((a, b) => a.id.localeCompare(b.id));
}
async function getEntity(d: BackstoryDB, id: string, packId = 'test/pack'): Promise<Entity | undefined> {
  const row = await d.packEntities.get([packId, id]);
  return row ? toEntity(row) : undefined;
}
const installed = (meta: object, installedAt: number, extra: object = {}) => ({
  ...meta,
  installedAt,
  origin: 'imported',
  enabled: true,
  order: 0,
  ...extra,
});
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
    expect(await listStoredPacks(d)).toEqual([installed(meta, 1234)]);
    expect(await getPack(d, pack.id)).toEqual(meta);
    expect((await allEntities(d)).map((e) => e.id)).toEqual(['person/netanyahu', 'person/schumer', 'place/gaza']);
    expect(await getEntity(d, 'person/schumer')).toEqual(pack.entities[1]);
    expect(await getEntity(d, 'person/nobody')).toBeUndefined();
    expect(await readPack(d, pack.id)).toEqual({ ...meta, entities: [...pack.entities].sort((a, b) => a.id.localeCompare(b.id)) });
    expect(await sourceRevision(d)).toBe(1);
  });

  it('writes in one strict-durability read-write transaction', async () => {
    // Dexie binds IDBDatabase#transaction when it opens: spy on the prototype first.
    const spy = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const d = open();
    await d.open();
    await installPack(d, testPack(1));
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect([...(writes[0]?.[0] ?? [])].sort()).toEqual(['edits', 'meta', 'packEntities', 'packs']);
    expect(writes[0]?.[2]).toEqual({ durability: 'strict' });
  });

  it('indexes lowercased alias texts and the name', async () => {
    const d = open();
    await installPack(d, testPack(1));
    const hits = await d.packEntities.where('aliasTexts').equals('bibi').toArray();
    expect(hits.map((e) => e.id)).toEqual(['person/netanyahu']);
    const byName = await d.packEntities.where('aliasTexts').equals('benjamin netanyahu').primaryKeys();
    expect(byName).toEqual([['test/pack', 'person/netanyahu']]);
    expect(await d.packEntities.where('kind').equals('place').primaryKeys()).toEqual([['test/pack', 'place/gaza']]);
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

  it('keeps one row per pack when two packs carry the same entity id, and refuses an id twice in one pack', async () => {
    const d = open();
    await installPack(d, testPack(1));
    const other = testPack(1, { id: 'other/pack', entities: [entity('person/new'), entity('place/gaza', { name: 'Gaza Strip' })] });
    await installPack(d, other);
    expect((await getEntity(d, 'place/gaza'))?.name).not.toBe('Gaza Strip');
    expect((await getEntity(d, 'place/gaza', 'other/pack'))?.name).toBe('Gaza Strip');
    await removePack(d, 'other/pack');
    expect(await getEntity(d, 'place/gaza')).toBeDefined();
    expect(await getEntity(d, 'person/new', 'other/pack')).toBeUndefined();
    const twice = testPack(2, { entities: [entity('person/a'), entity('person/a')] });
    await expect(installPack(d, twice)).rejects.toThrow(PackConflictError);
    expect((await listPacks(d))[0]?.version).toBe(1);
  });

  it('installs the shipped pack: every entity stored under it', async () => {
    const d = open();
    expect(await ensureShippedPack(d, shippedPack, quiet)).toEqual({ action: 'installed', version: shippedPack.version });
    expect(await d.packEntities.where('packId').equals(shippedPack.id).count()).toBe(shippedPack.entities.length);
    expect((await listStoredPacks(d))[0]).toMatchObject({ origin: 'shipped', enabled: true });
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
    const before = await d.packEntities.toArray();
    const log = { info: vi.fn() };

    expect(await ensureShippedPack(d, packV2(), log, 200)).toEqual({ action: 'kept', version: 2 });
    expect(await ensureShippedPack(d, testPack(1), log, 300)).toEqual({ action: 'kept', version: 2 });
    expect(await d.packEntities.toArray()).toEqual(before);
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

describe('the reader\'s settings and edits', () => {
  it('turns packs on and off, orders them, and bumps the source revision once per change', async () => {
    const d = open();
    await installPack(d, testPack(1), 1);
    await installPack(d, testPack(1, { id: 'b/pack', entities: [entity('person/b')] }), 2);
    const start = await sourceRevision(d);
    expect((await setPackEnabled(d, 'b/pack', false)).enabled).toBe(false);
    expect(await sourceRevision(d)).toBe(start + 1);
    await setPackEnabled(d, 'b/pack', false);
    expect(await sourceRevision(d)).toBe(start + 1);
    expect((await setPackOrder(d, ['b/pack', 'test/pack'])).map((p) => [p.id, p.order])).toEqual([
      ['b/pack', 0],
      ['test/pack', 1],
    ]);
    // A re-install keeps the reader's switch and order.
    const again = await installPack(d, testPack(2, { id: 'b/pack', entities: [entity('person/b')] }), 3);
    expect(again).toMatchObject({ enabled: false, order: 0, version: 2 });
    await expect(setPackEnabled(d, 'nope', true)).rejects.toThrow('no pack "nope"');
  });

  it('keeps edits across a pack update and a removal; names prefer the edit', async () => {
    const d = open();
    await installPack(d, testPack(1));
    const schumer = (await getEntity(d, 'person/schumer')) as Entity;
    await putEdit(d, { id: schumer.id, entity: { ...schumer, name: 'Charles Schumer' }, basePackId: 'test/pack', baseVersion: 1, editedAt: 5 });
    await installPack(d, packV2());
    expect((await d.edits.get(schumer.id))?.entity.name).toBe('Charles Schumer');
    expect((await entityNames(d, [schumer.id, 'person/biden'])).get(schumer.id)).toBe('Charles Schumer');
    await removePack(d, 'test/pack');
    expect(await d.edits.count()).toBe(1);
    expect(await deleteEdit(d, schumer.id)).toBe(true);
    expect(await deleteEdit(d, schumer.id)).toBe(false);
  });
});
