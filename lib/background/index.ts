/**
 * The background's wiring: keep the shipped pack installed, ask for persistent storage,
 * answer the protocol's requests through one `runtime.onMessage` listener, signal note
 * changes in `storage.local` (`notesRevision`) and purge the trash's expired notes.
 * Listeners are registered synchronously, as MV3 service workers require.
 */
import type { browser as wxtBrowser, Browser } from 'wxt/browser';
import type { Pack } from '../model';
import type { Handlers, Reply } from '../messaging';
import { route } from '../messaging-validation';
import type { BackstoryDB } from '../db/schema';
import { ensureShippedPack } from '../db/packs-repo';
import { createHandlers } from './handlers';
import { createMatcherCache, type BuildMatcherData, type MatcherCache } from './matcher-cache';
import { createRevisionBumper, PACKS_REVISION_KEY } from '../notes/revision';
import { createTrashJanitor, type TrashJanitor } from './trash-janitor';
import { createInjector, type InjectContentScript, type ScriptingApi } from './inject';
import { createSitesService, type SitesService } from './sites-handlers';
import { createPageSideHandlers } from './page-side-handlers';
import { createSyncedStore, type SyncedStore } from '../sync/store';
import { ENTITIES_COLLECTION, createUserLayerSync } from '../sync/user-layer-sync';
import type { StorageAreaLike, StorageChange } from '../sync/area';
import { SITES_REVISION_KEY } from '../sites/stored';

/** A backup's `settings.sites` (the file was already checked by the notes import). */
function sitesOfBackup(json: string): unknown {
  try {
    const parsed: unknown = JSON.parse(json);
    const settings = typeof parsed === 'object' && parsed !== null ? (parsed as { settings?: unknown }).settings : undefined;
    return typeof settings === 'object' && settings !== null ? (settings as { sites?: unknown }).sites : undefined;
  } catch {
    return undefined;
  }
}

export interface BackgroundLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface BackgroundDeps {
  browser: typeof wxtBrowser;
  db: BackstoryDB;
  shippedPack: Pack;
  /** Defaults to `navigator.storage` where it exists (it has no `persist` in a worker). */
  storage?: { persist?: () => Promise<boolean> } | undefined;
  log?: BackgroundLogger;
  /** Defaults to the real matcher compiler. */
  buildMatcherData?: BuildMatcherData;
  /** The clock of note writes and the trash; defaults to `Date.now`. */
  now?: () => number;
  /** Runs the content script in a tab; defaults to one over `browser.scripting`. */
  inject?: InjectContentScript;
  /** Runs the page UI or the page core in a frame; defaults to `browser.scripting`. */
  scripting?: ScriptingApi;
  /** The synced store of settings and rules; defaults to one over `storage.sync` + `storage.local`. */
  syncedStore?: SyncedStore;
}

/** The synced store's collections, in the order they get sync space when it is short. */
export const SYNC_PRIORITY = ['settings', 'sites', 'notHere', 'entities'] as const;

export interface Background {
  handlers: Handlers;
  cache: MatcherCache;
  /** Purges expired trash (at start, and at most hourly after a note write). */
  trash: TrashJanitor;
  sites: SitesService;
  store: SyncedStore;
  /** Resolves when every shipped-pack install started so far has finished (never rejects). */
  ready(): Promise<void>;
  /** Remove the listeners this call added. */
  stop(): void;
}

/** Cheap synchronous check: is this message meant for Backstory at all? */
function isBackstoryMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { backstory?: unknown }).backstory === 1;
}

function defaultStorage(): BackgroundDeps['storage'] {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** The real injector: `browser.scripting` (absent without the permission), tab URLs from `tabs`. */
function defaultInjector(browser: typeof wxtBrowser): InjectContentScript {
  const scripting = (browser as { scripting?: ScriptingApi }).scripting;
  return createInjector({
    scripting,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  });
}

function requestPersistence(storage: BackgroundDeps['storage'], log: BackgroundLogger): void {
  const persist = storage?.persist;
  if (typeof persist !== 'function') return;
  persist.call(storage).then(
    (granted) => log.info(`backstory: persistent storage ${granted ? 'granted' : 'not granted'}`),
    (error: unknown) => log.warn('backstory: navigator.storage.persist() failed', error),
  );
}

export function startBackground(deps: BackgroundDeps): Background {
  const { browser, db, shippedPack } = deps;
  const log = deps.log ?? console;
  const cache = createMatcherCache(db, deps.buildMatcherData);

  // Installs run one after another; `ready` is the tail of that chain.
  let ready: Promise<void> = Promise.resolve();
  function ensure(): Promise<void> {
    ready = ready
      .then(() => ensureShippedPack(db, shippedPack, log))
      .then(
        (result) => {
          if (result.action !== 'kept') {
            cache.invalidate();
            void bumpPacks().catch(() => undefined);
          }
        },
        (error: unknown) => log.error(`backstory: could not install pack "${shippedPack.id}"`, error),
      );
    return ready;
  }

  // After every note write: bump `notesRevision` (content scripts listen), purge old trash.
  const now = deps.now ?? Date.now;
  const bump = createRevisionBumper(browser.storage.local);
  const bumpPacks = createRevisionBumper(browser.storage.local, PACKS_REVISION_KEY);
  const trash = createTrashJanitor(db, { now, onPurged: bump });
  const local = browser.storage.local as unknown as StorageAreaLike;
  const store =
    deps.syncedStore ??
    createSyncedStore({ sync: browser.storage.sync as unknown as StorageAreaLike, local, priority: SYNC_PRIORITY, now });
  // The reader's own entities and corrections follow them through sync too: after every
  // change here (pushed), and when another browser's change arrives (pulled into IndexedDB).
  const layer = createUserLayerSync({ db, store, local, now });
  const syncLayer = (): Promise<void> =>
    layer.sync().then(
      (result) => {
        if (result.pulled > 0) {
          cache.invalidate();
          void bumpPacks().catch(() => undefined);
        }
      },
      (error: unknown) => log.warn('backstory: could not sync your entities', error),
    );
  const onLayerChange = async (): Promise<void> => {
    await bumpPacks();
    void syncLayer();
  };
  const sites = createSitesService({ store, local, db, cache, now, onEntityChange: onLayerChange });
  const base = createHandlers(
    db,
    cache,
    () => ready,
    {
      now,
      log,
      onWrite: async () => {
        await bump();
        await trash.maybeRun();
      },
    },
    deps.inject ?? defaultInjector(browser),
    { onChange: onLayerChange },
  );
  const pageSide = createPageSideHandlers({
    scripting: deps.scripting ?? (browser as { scripting?: ScriptingApi }).scripting,
    matcher: async () => {
      await ready;
      return cache.get();
    },
    runs: async (sender) => (await sites.handlers.pageStatus({}, { ...sender, trust: 'page' })).runs,
  });
  const handlers: Handlers = {
    ...sites.handlers,
    ...base,
    ...pageSide,
    // The backup carries where Backstory runs too (`settings.sites`; the pause stays out).
    async exportBackup(payload, sender) {
      const backup = await base.exportBackup(payload, sender);
      return { ...backup, settings: { ...backup.settings, sites: await sites.exportSettings() } };
    },
    async importBackup(payload, sender) {
      const summary = await base.importBackup(payload, sender);
      const fromFile = sitesOfBackup(payload.json);
      if (fromFile === undefined) return summary;
      return { ...summary, sites: await sites.importSettings(fromFile) };
    },
  };
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');

  const onInstalled = (details: Browser.runtime.InstalledDetails): void => {
    if (details.reason === 'install' || details.reason === 'update') void ensure();
  };
  const onMessage = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<Reply<unknown>> | undefined => {
    if (!isBackstoryMessage(message)) return undefined;
    return route(handlers, message, sender, extensionId, extensionOrigin).then(
      (reply) => reply ?? { ok: false, error: 'unknown request' },
    );
  };

  // Sites records changed: a write here (already signalled) or one from another browser
  // arriving through the sync area, which open tabs hear of through the same signal.
  const onStorage = (changes: Record<string, StorageChange>, area: string): void => {
    sites.onStorageChanged(changes, area);
    const touched = area === 'sync' ? store.changedCollections(changes, area) : [];
    if (touched.some((c) => c !== ENTITIES_COLLECTION)) void bumpSites().catch(() => undefined);
    if (touched.includes(ENTITIES_COLLECTION)) void syncLayer();
  };
  const bumpSites = createRevisionBumper(browser.storage.local, SITES_REVISION_KEY);

  browser.runtime.onInstalled.addListener(onInstalled);
  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);
  // Writes that waited (the worker stopped before its flush, or sync was full or busy).
  void store.flush();
  // What changed on the reader's other browsers while this worker was stopped.
  void syncLayer();
  // Service workers restart often; the install event does not fire then.
  void ensure();
  trash.run().catch((error: unknown) => log.warn('backstory: could not purge the trash', error));
  requestPersistence('storage' in deps ? deps.storage : defaultStorage(), log);

  return {
    handlers,
    cache,
    trash,
    sites,
    store,
    ready: () => ready,
    stop() {
      browser.runtime.onInstalled.removeListener(onInstalled);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    },
  };
}
