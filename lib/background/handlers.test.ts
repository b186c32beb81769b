import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPack } from '../db/packs-repo';
import type { BackstoryDB } from '../db/schema';
import { openTestDB, testPack } from '../db/testing';
import { createHandlers } from './handlers';
import { createMatcherCache } from './matcher-cache';
import type { MatcherData } from '../matcher';

/** Stand-in matcher data (the real type belongs to lib/matcher). */
const data = (value: unknown): MatcherData => value as MatcherData;

vi.mock('../matcher', () => ({
  compileMatcher: vi.fn(() => ({ toData: () => ({}) })),
  specFromEntities: vi.fn(() => ({})),
  matcherFromData: vi.fn(),
}));

/** The sender of extension pages (the checked sender `route()` passes on). */
const ext = { trust: 'extension' as const };

let db: BackstoryDB;
beforeEach(() => {
  db = openTestDB();
});
afterEach(() => db.close());

describe('handlers', () => {
  it('getCard returns the entity, its pack and the related entities that exist', async () => {
    const pack = testPack(1);
    await installPack(db, pack);
    const handlers = createHandlers(db, createMatcherCache(db, () => data(null)));
    const card = await handlers.getCard({ entityId: 'person/netanyahu' }, ext);
    const { entities: _entities, ...meta } = pack;
    expect(card).toEqual({
      entity: pack.entities[0],
      pack: meta,
      // 'place/nowhere' is a relation target that no pack defines: left out.
      related: [{ id: 'person/schumer', kind: 'person', name: 'Chuck Schumer' }],
      also: [],
      edited: false,
    });
    expect(card.entity).not.toHaveProperty('packId');
    expect(card.entity).not.toHaveProperty('aliasTexts');
  });

  it('getCard of an unknown id fails', async () => {
    const handlers = createHandlers(db, createMatcherCache(db, () => data(null)));
    await expect(handlers.getCard({ entityId: 'person/nobody' }, ext)).rejects.toThrow('no entity "person/nobody"');
  });

  it('getMatcher compiles once for two calls and again after a pack install', async () => {
    await installPack(db, testPack(1), 1);
    const build = vi.fn(() => data({ built: true }));
    const handlers = createHandlers(db, createMatcherCache(db, build));
    const a = await handlers.getMatcher({}, ext);
    const b = await handlers.getMatcher({}, ext);
    expect(b).toBe(a);
    expect(build).toHaveBeenCalledTimes(1);
    await installPack(db, testPack(2), 2);
    const c = await handlers.getMatcher({}, ext);
    expect(build).toHaveBeenCalledTimes(2);
    expect(c.revision).not.toBe(a.revision);
  });

  it('listPacks lists the installed packs', async () => {
    await installPack(db, testPack(1));
    const handlers = createHandlers(db, createMatcherCache(db, () => data(null)));
    expect((await handlers.listPacks({}, ext)).map((p) => p.id)).toEqual(['test/pack']);
  });

  it('every handler waits until the shipped pack is ready', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlers = createHandlers(db, createMatcherCache(db, (entities) => data(entities.length)), () => gate);
    const pending = handlers.getMatcher({}, ext);
    await installPack(db, testPack(1));
    release();
    expect((await pending).data).toBe(3);
  });

  it('injectContentScript runs the injector it was given (none by default: a reason, no throw)', async () => {
    const inject = vi.fn(async ({ tabId }: { tabId: number }) => ({ injected: tabId === 4 }));
    const handlers = createHandlers(db, createMatcherCache(db, () => data(null)), undefined, {}, inject);
    expect(await handlers.injectContentScript({ tabId: 4 }, ext)).toEqual({ injected: true });
    expect(inject).toHaveBeenCalledWith({ tabId: 4 });
    const plain = createHandlers(db, createMatcherCache(db, () => data(null)));
    expect(await plain.injectContentScript({ tabId: 4 }, ext)).toMatchObject({ injected: false, reason: expect.any(String) });
  });
});
