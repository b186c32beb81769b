import { beforeEach, describe, expect, it } from 'vitest';
import type { BackstoryDB } from '../db/schema';
import { installPack } from '../db/packs-repo';
import { openTestDB, testPack } from '../db/testing';
import type { SenderInfo, Trust } from '../messaging';
import type { StorageChange } from '../sync/area';
import { createFakeStorageArea, type FakeStorageArea } from '../sync/fake-area';
import { createSyncedStore, type SyncedStore } from '../sync/store';
import { createMatcherCache } from './matcher-cache';
import { createSitesService, type SitesService } from './sites-handlers';

const page = (url: string): SenderInfo & { trust: Trust } => ({ id: 'ext', url, tab: { id: 3, url }, trust: 'page' });
const ext: SenderInfo & { trust: Trust } = { id: 'ext', url: 'chrome-extension://ext/options.html', trust: 'extension' };

let db: BackstoryDB;
let sync: FakeStorageArea;
let local: FakeStorageArea;
let clock: { t: number };

function service(onLocal: FakeStorageArea = local, store?: SyncedStore): { svc: SitesService; store: SyncedStore } {
  const s = store ?? createSyncedStore({ sync, local: onLocal, now: () => clock.t, priority: ['settings', 'sites', 'notHere'], setTimer: () => 0, clearTimer: () => undefined });
  const cache = createMatcherCache(db);
  return { svc: createSitesService({ store: s, local: onLocal, db, cache, now: () => clock.t, pageWritesPerMinute: 5 }), store: s };
}

beforeEach(async () => {
  clock = { t: 1_710_000_000_000 };
  db = openTestDB();
  await installPack(db, testPack());
  sync = createFakeStorageArea({ now: () => clock.t });
  local = createFakeStorageArea({ quotas: null, now: () => clock.t });
});

describe('the sites service', () => {
  it('turns a site off and on, with its subdomains, and tells each page', async () => {
    const { svc } = service();
    const h = svc.handlers;
    expect((await h.pageStatus(undefined as never, page('https://www.example.com/a'))).runs).toBe(true);
    const reply = await h.updateSites({ action: { op: 'add', input: 'https://example.com/some/page', subdomains: true } }, ext);
    expect(reply.error).toBeUndefined();
    expect(reply.view.rules.map((r) => r.site)).toEqual([{ host: 'example.com', subdomains: true }]);
    expect(await h.pageStatus(undefined as never, page('https://news.example.com/a'))).toMatchObject({ runs: false, reason: 'site-off' });
    expect((await h.pageStatus(undefined as never, page('https://example.org/'))).runs).toBe(true);
    await h.updateSites({ action: { op: 'active', host: 'example.com', active: false } }, ext);
    expect((await h.pageStatus(undefined as never, page('https://example.com/'))).runs).toBe(true);
    expect((await local.get('sitesRevision')).sitesRevision).toBe(2);
  });

  it('explains junk instead of storing it', async () => {
    const { svc } = service();
    const reply = await svc.handlers.updateSites({ action: { op: 'add', input: 'not a site at all', subdomains: true } }, ext);
    expect(reply.error).toMatch(/./);
    expect(reply.view.rules).toEqual([]);
  });

  it('the only-listed mode, the popup switch and the pause', async () => {
    const { svc } = service();
    const h = svc.handlers;
    await h.updateSites({ action: { op: 'mode', mode: 'only' } }, ext);
    expect(await h.pageStatus(undefined as never, page('https://example.com/'))).toMatchObject({ runs: false, reason: 'not-listed' });
    await h.updateSites({ action: { op: 'switch', url: 'https://example.com/story', on: true } }, ext);
    expect((await h.pageStatus(undefined as never, page('https://example.com/'))).runs).toBe(true);
    await h.updateSites({ action: { op: 'pause', hours: 1 } }, ext);
    expect(await h.pageStatus(undefined as never, page('https://example.com/'))).toMatchObject({ runs: false, reason: 'paused' });
    clock.t += 3_600_001;
    expect((await h.pageStatus(undefined as never, page('https://example.com/'))).runs).toBe(true);
    await h.updateSites({ action: { op: 'pause', hours: null } }, ext);
    expect((await h.sitesState(undefined as never, ext)).pause).toEqual({ until: 'off' });
    await h.updateSites({ action: { op: 'resume' } }, ext);
    expect((await h.sitesState(undefined as never, ext)).pause).toBeNull();
    // The pause stays on this browser; the mode and the rule go to sync.
    await service().store.flush();
    expect(Object.keys(sync.dump()).sort()).toEqual(['bs:settings:mode', 'bs:sites:example.com']);
  });

  it('"Not … here" is made for the sender\'s own site only, and undone only from it', async () => {
    const { svc } = service();
    const h = svc.handlers;
    const made = await h.notHere({ text: 'Schumer', entityId: 'person/schumer' }, page('https://www.cooking.example/recipe'));
    expect(made.site).toBe('cooking.example');
    const status = await h.pageStatus(undefined as never, page('https://blog.cooking.example/'));
    expect(status.notHere).toEqual([{ alias: 'schumer', entityId: 'person/schumer' }]);
    expect((await h.pageStatus(undefined as never, page('https://news.example/'))).notHere).toEqual([]);
    await expect(h.undoNotHere({ id: made.id }, page('https://evil.example/'))).rejects.toThrow(/own site/);
    expect(await h.undoNotHere({ id: made.id }, page('https://cooking.example/'))).toEqual({ removed: true });
    expect((await h.pageStatus(undefined as never, page('https://cooking.example/'))).notHere).toEqual([]);
  });

  it('refuses an entity no pack has, and a page that writes too fast', async () => {
    const { svc } = service();
    const h = svc.handlers;
    await expect(h.notHere({ text: 'Someone', entityId: 'person/nobody' }, page('https://a.example/'))).rejects.toThrow(/no entity/);
    for (let i = 0; i < 5; i++) await h.notHere({ text: `Schumer${i}`, entityId: 'person/schumer' }, page('https://a.example/'));
    await expect(h.notHere({ text: 'Schumer9', entityId: 'person/schumer' }, page('https://a.example/'))).rejects.toThrow(/too many/);
    clock.t += 61_000;
    await expect(h.notHere({ text: 'Schumer9', entityId: 'person/schumer' }, page('https://a.example/'))).resolves.toMatchObject({ site: 'a.example' });
  });

  it('"Not … anywhere" adds the phrase as the entity\'s negative in the user layer, and undoes it', async () => {
    const { svc } = service();
    const h = svc.handlers;
    await h.notAnywhere({ text: 'Bibi', entityId: 'person/netanyahu' }, page('https://a.example/'));
    const cache = createMatcherCache(db);
    expect((await cache.snapshot()).resolution.byId.get('person/netanyahu')?.entity.negative).toContain('Bibi');
    await h.undoNotAnywhere({ entityId: 'person/netanyahu', phrase: 'Bibi' }, page('https://a.example/'));
    expect((await createMatcherCache(db).snapshot()).resolution.byId.get('person/netanyahu')?.entity.negative ?? []).not.toContain('Bibi');
  });

  it('a rule another browser wrote through sync reaches this one once the change event arrives', async () => {
    const { svc } = service();
    const other = service(createFakeStorageArea({ quotas: null, now: () => clock.t }));
    expect((await svc.handlers.pageStatus(undefined as never, page('https://example.com/'))).runs).toBe(true);
    const changes: Array<Record<string, StorageChange>> = [];
    sync.onChanged((c) => changes.push(c));
    await other.svc.handlers.updateSites({ action: { op: 'add', input: 'example.com', subdomains: true } }, ext);
    await other.store.flush();
    for (const c of changes) svc.onStorageChanged(c, 'sync');
    expect((await svc.handlers.pageStatus(undefined as never, page('https://example.com/'))).runs).toBe(false);
  });

  it('skips records it cannot read (another version, a hand-edited profile) instead of trusting them', async () => {
    await sync.set({ 'bs:sites:example.com': { v: { site: 'nope' }, t: 1 }, 'bs:settings:mode': { v: 'sideways', t: 1 } });
    const { svc } = service();
    const view = await svc.handlers.sitesState(undefined as never, ext);
    expect(view.rules).toEqual([]);
    expect(view.mode).toBe('except');
  });

  it('exports its rules for the backup and merges a backup\'s rules back: newer wins, junk skipped, the pause left out', async () => {
    const { svc } = service();
    const h = svc.handlers;
    await h.updateSites({ action: { op: 'add', input: 'example.com', subdomains: true } }, ext);
    await h.notHere({ text: 'Schumer’s', entityId: 'person/schumer' }, page('https://cooking.example/'));
    await h.updateSites({ action: { op: 'pause', hours: null } }, ext);
    const saved = await svc.exportSettings();
    expect(saved.rules.map((r) => r.site.host)).toEqual(['example.com']);
    expect(saved.notHere.map((r) => [r.alias, r.label])).toEqual([['schumer', 'Schumer']]);
    expect('pause' in saved).toBe(false);

    // Another browser, empty: everything comes in, the mode too.
    const other = service(createFakeStorageArea({ quotas: null, now: () => clock.t }), createSyncedStore({ sync: createFakeStorageArea(), local: createFakeStorageArea({ quotas: null }), now: () => clock.t, priority: [] }));
    const summary = await other.svc.importSettings({ ...saved, mode: 'only', rules: [...saved.rules, { site: 'junk' }] });
    expect(summary).toEqual({ rulesAdded: 1, notHereAdded: 1, skipped: 1 });
    const view = await other.svc.handlers.sitesState(undefined as never, ext);
    expect(view.mode).toBe('only');
    expect(view.pause).toBeNull();
    expect(view.notHere.map((r) => `${r.site} ${r.alias}`)).toEqual(['cooking.example schumer']);
    // The same file again adds nothing.
    expect(await other.svc.importSettings(saved)).toEqual({ rulesAdded: 0, notHereAdded: 0, skipped: 2 });
    await expect(other.svc.importSettings('nonsense')).resolves.toEqual({ rulesAdded: 0, notHereAdded: 0, skipped: 0 });
  });
});
