import { beforeEach, describe, expect, it } from 'vitest';
import { toEntity, type BackstoryDB } from '../db/schema';
import { installPack } from '../db/packs-repo';
import { openTestDB, testPack } from '../db/testing';
import { USER_PACK_ID } from '../model';
import { deleteUserEntity, saveEntity, trackName } from '../packs/user-layer';
import { deleteEdit } from '../db/packs-repo';
import { createFakeStorageArea, type FakeStorageArea } from './fake-area';
import { createSyncedStore } from './store';
import { createUserLayerSync, type UserLayerSync } from './user-layer-sync';

interface Browser {
  db: BackstoryDB;
  layer: UserLayerSync;
  flush(): Promise<void>;
}

let sync: FakeStorageArea;
let clock: { t: number };

async function browser(): Promise<Browser> {
  const db = openTestDB();
  await installPack(db, testPack());
  const local = createFakeStorageArea({ quotas: null });
  const store = createSyncedStore({ sync, local, now: () => clock.t, priority: ['entities'], setTimer: () => 0, clearTimer: () => undefined });
  return { db, layer: createUserLayerSync({ db, store, local, now: () => clock.t }), flush: () => store.flush() };
}

/** One browser syncs and flushes, then the other syncs. */
async function carry(from: Browser, to: Browser) {
  await from.layer.sync();
  await from.flush();
  clock.t += 1000;
  return to.layer.sync();
}

const track = (db: BackstoryDB, name: string) =>
  trackName(db, { name, kind: 'person', aliases: [], role: 'Senator', context: `${name} said so.`, page: { url: 'https://news.example/a', title: 'A story' } }, clock.t);

const own = (db: BackstoryDB) => db.packEntities.where('packId').equals(USER_PACK_ID).toArray().then((rows) => rows.map((r) => ({ entity: toEntity(r) })));

beforeEach(() => {
  clock = { t: 1_710_000_000_000 };
  sync = createFakeStorageArea({ now: () => clock.t });
});

describe('the user layer in sync', () => {
  it('carries My entities (with the pages they cite) and corrections to the other browser', async () => {
    const [a, b] = [await browser(), await browser()];
    const tracked = await track(a.db, 'Mark Warner');
    const schumer = await a.db.packEntities.where('id').equals('person/schumer').first().then((r) => r && toEntity(r));
    if (!schumer) throw new Error('no Schumer');
    await saveEntity(a.db, { ...schumer, role: 'Senator from New York' }, false, clock.t);
    expect(await carry(a, b)).toEqual({ pushed: 0, pulled: 2, skipped: 0 });
    const onB = await own(b.db);
    expect(onB.map((r) => r.entity.name)).toEqual(['Mark Warner']);
    expect((await b.db.packs.get(USER_PACK_ID))?.sources.map((s) => s.url)).toEqual(['https://news.example/a']);
    expect(onB[0]?.entity.contexts[0]?.sourceId).toBe(tracked.contexts[0]?.sourceId);
    expect((await b.db.edits.get('person/schumer'))?.entity.role).toBe('Senator from New York');
    // Settled: nothing more to do on either side.
    expect(await b.layer.sync()).toEqual({ pushed: 0, pulled: 0, skipped: 0 });
    expect(await a.layer.sync()).toEqual({ pushed: 0, pulled: 0, skipped: 0 });
  });

  it('carries deletions and resets both ways, and changes made on the other browser', async () => {
    const [a, b] = [await browser(), await browser()];
    const tracked = await track(a.db, 'Mark Warner');
    const schumer = await a.db.packEntities.where('id').equals('person/schumer').first().then((r) => r && toEntity(r));
    if (!schumer) throw new Error('no Schumer');
    await saveEntity(a.db, { ...schumer, role: 'edited' }, false, clock.t);
    await carry(a, b);
    const onB = (await own(b.db))[0]?.entity;
    if (!onB) throw new Error('not carried');
    await saveEntity(b.db, { ...onB, role: 'Senator from Virginia' }, false, clock.t);
    await deleteEdit(b.db, 'person/schumer');
    await carry(b, a);
    expect((await own(a.db))[0]?.entity.role).toBe('Senator from Virginia');
    expect(await a.db.edits.get('person/schumer')).toBeUndefined();
    await deleteUserEntity(a.db, tracked.id, clock.t);
    await carry(a, b);
    expect(await own(b.db)).toEqual([]);
  });

  it('both browsers changed the same entity: the one that syncs last wins, and both settle on it', async () => {
    const [a, b] = [await browser(), await browser()];
    await track(a.db, 'Mark Warner');
    await carry(a, b);
    const base = (await own(a.db))[0]?.entity;
    if (!base) throw new Error('no entity');
    await saveEntity(a.db, { ...base, role: 'from a' }, false, clock.t);
    await saveEntity(b.db, { ...base, role: 'from b' }, false, clock.t);
    await carry(a, b); // b changed too: b's own version is written
    await b.flush();
    await a.layer.sync();
    expect((await own(a.db))[0]?.entity.role).toBe('from b');
    expect((await own(b.db))[0]?.entity.role).toBe('from b');
  });

  it('skips a record from sync it cannot read, and writes nothing of it', async () => {
    const a = await browser();
    await sync.set({
      'bs:entities:own:user/person/x': { v: { entity: { id: 'user/person/x', name: 42 }, sources: [] }, t: 1 },
      'bs:entities:own:user/person/y': {
        v: { entity: { id: 'user/person/y', kind: 'person', name: 'Y', aliases: [{ text: 'Y', case: 'proper' }], role: '', summary: '', contexts: [{ text: 'Y said.', sourceId: 'missing', date: '2024-03-18' }], relations: [] }, sources: [] },
        t: 1,
      },
      'bs:entities:edit:person/schumer': { v: { id: 'person/other', entity: {}, basePackId: 'p', baseVersion: 1, editedAt: 1 }, t: 1 },
    });
    expect(await a.layer.sync()).toEqual({ pushed: 0, pulled: 0, skipped: 3 });
    expect(await own(a.db)).toEqual([]);
    expect(await a.db.edits.count()).toBe(0);
  });
});
