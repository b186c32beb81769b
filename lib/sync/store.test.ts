import { describe, expect, it } from 'vitest';
import { createFakeStorageArea, type FakeStorageArea } from './fake-area';
import { SYNC_QUOTA, itemBytes } from './quota';
import { createSyncedStore, type SyncedStore } from './store';

interface Browser {
  store: SyncedStore;
  local: FakeStorageArea;
}

/** One browser: its own local area, a shared (or own) sync area, timers run by hand. */
function browser(sync: FakeStorageArea, clock: { t: number }): Browser {
  const local = createFakeStorageArea({ quotas: null, now: () => clock.t });
  const store = createSyncedStore({
    sync,
    local,
    now: () => clock.t,
    priority: ['settings', 'sites', 'notHere', 'entities'],
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  return { store, local };
}

function setup() {
  const clock = { t: 1_000_000 };
  const sync = createFakeStorageArea({ now: () => clock.t });
  return { clock, sync, a: browser(sync, clock), b: browser(sync, clock) };
}

const entity = (i: number, size: number) => ({ id: `user/e${i}`, name: `Entity ${i}`, about: 'x'.repeat(size) });

describe('the synced store', () => {
  it('acknowledges a write from storage.local, then moves it to sync in one set', async () => {
    const { a, b, sync } = setup();
    await a.store.put('sites', 'example.com', { active: true });
    expect(sync.writes).toHaveLength(0);
    expect((await a.store.all('sites')).get('example.com')).toEqual({ active: true });
    expect((await a.store.status()).pending).toBe(1);
    await a.store.flush();
    expect(sync.writes.map((w) => w.op)).toEqual(['set']);
    expect(a.local.dump()).toEqual({});
    expect((await a.store.status()).pending).toBe(0);
    expect((await b.store.all('sites')).get('example.com')).toEqual({ active: true });
  });

  it('deletes in sync, and a deletion not yet flushed already hides the record', async () => {
    const { a, b, clock } = setup();
    await a.store.putMany('sites', [['one.example', 1], ['two.example', 2]]);
    await a.store.flush();
    clock.t++;
    await a.store.delete('sites', 'one.example');
    expect([...(await a.store.all('sites')).keys()]).toEqual(['two.example']);
    expect([...(await b.store.all('sites')).keys()].sort()).toEqual(['one.example', 'two.example']);
    await a.store.flush();
    expect([...(await b.store.all('sites')).keys()]).toEqual(['two.example']);
    expect(a.local.dump()).toEqual({});
  });

  it('splits a record over 8 KB into chunks, rewrites it in place and removes chunks it no longer uses', async () => {
    const { a, b, sync, clock } = setup();
    const big = entity(1, 30_000);
    await a.store.put('entities', big.id, big);
    await a.store.flush();
    const keys = Object.keys(sync.dump());
    expect(keys.length).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(sync.dump())) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect((await b.store.all('entities')).get(big.id)).toEqual(big);
    clock.t++;
    const smaller = entity(1, 9_000);
    await a.store.put('entities', smaller.id, smaller);
    await a.store.flush();
    expect(Object.keys(sync.dump()).length).toBeLessThan(keys.length);
    expect((await b.store.all('entities')).get(big.id)).toEqual(smaller);
    clock.t++;
    await a.store.delete('entities', big.id);
    await a.store.flush();
    expect(sync.dump()).toEqual({});
  });

  it('keeps multibyte text whole across chunks', async () => {
    const { a, b } = setup();
    const value = { about: 'נתניהו ונתניהו, نتنياهو 👍 '.repeat(800) };
    await a.store.put('entities', 'user/he', value);
    await a.store.flush();
    expect((await b.store.all('entities')).get('user/he')).toEqual(value);
  });

  it('over 100 KB: settings and site rules first, the rest kept on this browser and counted', async () => {
    const { a, b, sync } = setup();
    await a.store.putMany('entities', Array.from({ length: 20 }, (_, i) => [`user/e${i}`, entity(i, 7_000)] as const));
    await a.store.put('settings', 'mode', 'only');
    await a.store.putMany('sites', [['a.example', { on: false }]]);
    await a.store.flush();
    expect(sync.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect((await b.store.all('settings')).get('mode')).toBe('only');
    expect((await b.store.all('sites')).size).toBe(1);
    const onB = (await b.store.all('entities')).size;
    expect(onB).toBeGreaterThan(10);
    expect(onB).toBeLessThan(20);
    const status = await a.store.status();
    expect(status.localOnly).toEqual({ entities: 20 - onB });
    expect(status.pending).toBe(0);
    expect(status.lastError).toBeNull();
    // Nothing is lost on this browser.
    expect((await a.store.all('entities')).size).toBe(20);
  });

  it('promotes what was kept locally once deletions make room', async () => {
    const { a, b, clock } = setup();
    await a.store.putMany('entities', Array.from({ length: 16 }, (_, i) => [`user/e${i}`, entity(i, 7_000)] as const));
    await a.store.flush();
    const kept = (await a.store.status()).localOnly.entities ?? 0;
    expect(kept).toBeGreaterThan(0);
    clock.t++;
    for (let i = 0; i < 6; i++) await a.store.delete('entities', `user/e${i}`);
    await a.store.flush();
    await a.store.flush();
    expect((await a.store.status()).localOnly).toEqual({});
    expect((await b.store.all('entities')).size).toBe(10);
  });

  it('beyond 512 items: the rest stays local, nothing lost', async () => {
    const { a, sync } = setup();
    await a.store.putMany('notHere', Array.from({ length: 600 }, (_, i) => [`s${i}`, i] as const));
    await a.store.flush();
    expect(Object.keys(sync.dump()).length).toBeLessThanOrEqual(SYNC_QUOTA.MAX_ITEMS);
    const status = await a.store.status();
    expect((status.localOnly.notHere ?? 0) + Object.keys(sync.dump()).length).toBe(600);
    expect((await a.store.all('notHere')).size).toBe(600);
  });

  it('a rate-limit error keeps every change and says so; the retry syncs it', async () => {
    const { a, b, sync } = setup();
    await a.store.put('settings', 'mode', 'only');
    sync.failNext('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    await a.store.flush();
    const status = await a.store.status();
    expect(status.pending).toBe(1);
    expect(status.lastError).toMatch(/busy/);
    expect((await a.store.all('settings')).get('mode')).toBe('only');
    await a.store.flush();
    expect((await b.store.all('settings')).get('mode')).toBe('only');
    expect((await a.store.status()).lastError).toBeNull();
  });

  it('stays under the write-rate limits by waiting, not by failing', async () => {
    const { a, sync, clock } = setup();
    for (let i = 0; i < 200; i++) {
      await a.store.put('settings', 'n', i);
      await a.store.flush();
      clock.t += 100;
    }
    expect(sync.writes.every((w) => w.ok)).toBe(true);
    expect((await a.store.status()).lastError).toMatch(/busy/);
    clock.t += 61_000;
    await a.store.flush();
    expect(sync.dump()['bs:settings:n']).toMatchObject({ v: 199 });
  });

  it('an unexpected error keeps everything local with the reason', async () => {
    const { a, sync } = setup();
    await a.store.put('sites', 'x.example', 1);
    sync.failNext('The browser is shutting down.');
    await expect(a.store.flush()).resolves.toBeUndefined();
    expect((await a.store.status()).lastError).toMatch(/shutting down/);
    expect((await a.store.all('sites')).get('x.example')).toBe(1);
  });

  it('a quota error from a full area (another browser filled it) halves the batch and keeps the rest', async () => {
    const { a, sync } = setup();
    await a.store.putMany('sites', Array.from({ length: 8 }, (_, i) => [`s${i}.example`, 'y'.repeat(5_000)] as const));
    sync.failNext('QUOTA_BYTES quota exceeded');
    await a.store.flush();
    expect(sync.writes.filter((w) => w.op === 'set').map((w) => [w.keys.length, w.ok])).toEqual([
      [8, false],
      [4, true],
    ]);
    expect((await a.store.status()).pending).toBe(4);
    await a.store.flush();
    expect(Object.keys(sync.dump())).toHaveLength(8);
  });

  it('two browsers: different records both win, the same record goes to the last write', async () => {
    const { a, b, clock } = setup();
    await a.store.put('sites', 'a.example', 'from a');
    clock.t += 5;
    await b.store.put('sites', 'b.example', 'from b');
    await a.store.put('settings', 'mode', 'except');
    clock.t += 5;
    await b.store.put('settings', 'mode', 'only');
    await b.store.flush();
    await a.store.flush();
    for (const s of [a, b]) {
      expect(Object.fromEntries(await s.store.all('sites'))).toEqual({ 'a.example': 'from a', 'b.example': 'from b' });
      expect((await s.store.all('settings')).get('mode')).toBe('only');
    }
    expect(a.local.dump()).toEqual({});
  });

  it('names the collections a storage change touched, in either area', async () => {
    const { a, sync } = setup();
    const seen: string[][] = [];
    sync.onChanged((changes) => seen.push(a.store.changedCollections(changes, 'sync')));
    await a.store.put('entities', 'big', 'z'.repeat(20_000));
    expect(a.store.changedCollections({ 'bsl:entities:big': {} }, 'local')).toEqual(['entities']);
    expect(a.store.changedCollections({ notesRevision: {} }, 'local')).toEqual([]);
    await a.store.flush();
    expect(seen).toEqual([['entities']]);
    expect(a.store.changedCollections({ 'bs~2~sites:x': {} }, 'sync')).toEqual(['sites']);
  });

  it('reads a half-arrived chunked record from another browser as absent until the rest comes', async () => {
    const { a, b, sync } = setup();
    await a.store.put('entities', 'big', 'q'.repeat(20_000));
    await a.store.flush();
    const chunk = Object.keys(sync.dump()).find((k) => k.startsWith('bs~1~'));
    const saved = chunk ? sync.dump()[chunk] : undefined;
    if (chunk) await sync.remove(chunk);
    expect((await b.store.all('entities')).has('big')).toBe(false);
    if (chunk) await sync.set({ [chunk]: saved });
    expect((await b.store.all('entities')).get('big')).toBe('q'.repeat(20_000));
  });

  it('refuses what is not JSON and collection names that would not parse back', async () => {
    const { a } = setup();
    await expect(a.store.put('sites', 'x', undefined)).rejects.toThrow(/JSON/);
    await expect(a.store.put('bad:name', 'x', 1)).rejects.toThrow(/collection/);
  });
});
