import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../model';
import type { MatcherData } from '../matcher';
import type { BuildMatcherData } from './matcher-cache';
import { installPack, sourceRevision } from '../db/packs-repo';
import type { BackstoryDB } from '../db/schema';
import { entity, openTestDB, testPack } from '../db/testing';

const matcher = vi.hoisted(() => ({
  compileMatcher: vi.fn((spec: { ids: string[] }) => ({ toData: () => ({ compiled: spec.ids }) })),
  specFromEntities: vi.fn((entities: Entity[]) => ({ ids: entities.map((e) => e.id) })),
  matcherFromData: vi.fn(),
}));
vi.mock('../matcher', () => matcher);

const { createMatcherCache } = await import('./matcher-cache');

let db: BackstoryDB;
beforeEach(() => {
  db = openTestDB();
  matcher.compileMatcher.mockClear();
  matcher.specFromEntities.mockClear();
});
afterEach(() => db.close());

describe('createMatcherCache', () => {
  it('builds the payload with the real compile path: data, refs and revision', async () => {
    await installPack(db, testPack(1), 10);
    const payload = await createMatcherCache(db).get();
    expect(payload.data).toEqual({ compiled: ['person/netanyahu', 'person/schumer', 'place/gaza'] });
    expect(payload.entities['person/schumer']).toEqual({ id: 'person/schumer', kind: 'person', name: 'Chuck Schumer' });
    expect(Object.keys(payload.entities)).toHaveLength(3);
    expect(payload.revision).toBe(String(await sourceRevision(db)));
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('compiles once for sequential and concurrent calls', async () => {
    await installPack(db, testPack(1));
    const cache = createMatcherCache(db);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    const c = await cache.get();
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(matcher.compileMatcher).toHaveBeenCalledTimes(1);
  });

  it('rebuilds after a pack install and after invalidate()', async () => {
    await installPack(db, testPack(1), 10);
    const cache = createMatcherCache(db);
    const first = await cache.get();
    await installPack(db, testPack(2, { entities: [entity('person/biden')] }), 20);
    const second = await cache.get();
    expect(second.revision).not.toBe(first.revision);
    expect(Object.keys(second.entities)).toEqual(['person/biden']);
    expect(matcher.compileMatcher).toHaveBeenCalledTimes(2);
    cache.invalidate();
    await cache.get();
    expect(matcher.compileMatcher).toHaveBeenCalledTimes(3);
  });

  it('does not cache a failed build', async () => {
    const build = vi.fn<BuildMatcherData>().mockImplementationOnce(() => {
      throw new Error('boom');
    });
    build.mockReturnValue({ ok: true } as unknown as MatcherData);
    const cache = createMatcherCache(db, build);
    await expect(cache.get()).rejects.toThrow('boom');
    await expect(cache.get()).resolves.toMatchObject({ data: { ok: true } });
  });
});
