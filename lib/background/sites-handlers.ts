/**
 * The background's answers to the sites requests: where Backstory runs (site rules, the
 * mode, the pause) and the reader's "Not {name} here" / "Not {name} anywhere" corrections.
 *
 * The state lives in the synced store (`lib/sync/store.ts`: `storage.sync`, with
 * `storage.local` as write-ahead log and overflow) and the pause in `storage.local`. It is
 * read once and kept in memory until a storage change says otherwise (a write here, or a
 * change that arrived from another browser through the sync area). After every change
 * `sitesRevision` is bumped so open tabs, the popup and the options page refresh.
 *
 * A content script (page trust) may only ask about, and write rules for, its own tab's
 * site: the site is taken from the sender, never from the message.
 */
import type { Handlers, SenderInfo, SitesView, Trust } from '../messaging';
import { t as tr } from '../i18n';
import type { BackstoryDB } from '../db/schema';
import type { StorageChange, StorageAreaLike } from '../sync/area';
import type { SyncedStore } from '../sync/store';
import { normaliseKey } from '../matcher/normalise';
import { parseSiteInput, siteCovers } from '../sites/host';
import { withRule, withRuleActive, withoutRule } from '../sites/rules';
import {
  hostOfUrl,
  notHereId,
  notHereSite,
  pageStatus,
  withNotHere,
  withSiteSwitched,
  withoutPossessive,
  type NotHereRule,
  type SitesState,
} from '../sites/state';
import { PAUSE_KEY, SITES_COLLECTIONS, SITES_REVISION_KEY, recordsOf, stateFromRecords } from '../sites/stored';
import { saveEntity } from '../packs/user-layer';
import { PACK_LIMITS } from '../packs/limits';
import type { MatcherCache } from './matcher-cache';
import { createRevisionBumper } from '../notes/revision';

export type SitesRequest = 'pageStatus' | 'sitesState' | 'updateSites' | 'notHere' | 'undoNotHere' | 'notAnywhere' | 'undoNotAnywhere';
type SitesHandlers = Pick<Handlers, SitesRequest>;
type Sender = SenderInfo & { trust: Trust };

export interface SitesDeps {
  store: SyncedStore;
  /** `storage.local`: the pause and the change signal. */
  local: StorageAreaLike;
  db: BackstoryDB;
  cache: MatcherCache;
  now?: () => number;
  /** After a change to an entity ("Not … anywhere"): the packs change signal. */
  onEntityChange?: () => Promise<unknown>;
  /** Page-trust writes allowed per minute and tab site. Default 30. */
  pageWritesPerMinute?: number;
}

/** Most "Not … here" rules kept (beyond sync's room they stay on this browser). */
export const MAX_NOT_HERE = 2_000;
/** Most site rules. */
export const MAX_SITE_RULES = 1_000;

/** The page a content script runs in, as its tab's top frame reports it. */
export function topUrlOf(sender: SenderInfo): string | undefined {
  const tab = sender.tab;
  if (typeof tab === 'object' && tab !== null && 'url' in tab && typeof tab.url === 'string') return tab.url;
  return sender.url;
}

/** The sites state as a backup carries it (`settings.sites`); the pause stays out. */
export interface SitesBackup {
  mode: SitesState['mode'];
  rules: SitesState['rules'];
  notHere: SitesState['notHere'];
}

/** What importing a backup's sites did. */
export interface SitesImportSummary {
  rulesAdded: number;
  notHereAdded: number;
  /** Records newer here, the same, or unreadable. */
  skipped: number;
}

export interface SitesService {
  handlers: SitesHandlers;
  /** For "Export everything". */
  exportSettings(): Promise<SitesBackup>;
  /**
   * A backup's `settings.sites`, merged: a rule absent here is added, one here is replaced
   * only by a newer copy; unreadable records are skipped. The backup's mode is taken only
   * when this browser has no site rules yet.
   */
  importSettings(value: unknown): Promise<SitesImportSummary>;
  /** Feed it `storage.onChanged`: drops the cached state when a sites record changed. */
  onStorageChanged(changes: Record<string, StorageChange>, area: string): void;
}

export function createSitesService(deps: SitesDeps): SitesService {
  const { store, local, db, cache } = deps;
  const now = deps.now ?? Date.now;
  const bump = createRevisionBumper(local, SITES_REVISION_KEY);
  const perMinute = deps.pageWritesPerMinute ?? 30;
  const pageWrites = new Map<string, number[]>();
  let cached: Promise<SitesState> | null = null;

  async function read(): Promise<SitesState> {
    const { settings, sites, notHere } = SITES_COLLECTIONS;
    const [records, pause] = await Promise.all([store.readMany([settings, sites, notHere]), local.get(PAUSE_KEY)]);
    const of = (c: string): Map<string, unknown> => records.get(c) ?? new Map();
    return stateFromRecords(of(settings), of(sites), of(notHere), pause[PAUSE_KEY]).state;
  }
  const state = (): Promise<SitesState> => {
    cached ??= read().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    return cached;
  };

  /** Writes what changed between two states (records compared as JSON), then signals. */
  async function commit(before: SitesState, after: SitesState): Promise<void> {
    const was = recordsOf(before);
    const is = recordsOf(after);
    for (const collection of ['settings', 'sites', 'notHere'] as const) {
      const old = new Map<string, string>(was[collection].map(([id, v]) => [id, JSON.stringify(v)]));
      const puts = is[collection].filter(([id, v]) => old.get(id) !== JSON.stringify(v));
      if (puts.length > 0) await store.putMany(SITES_COLLECTIONS[collection], puts);
      const kept = new Set(is[collection].map(([id]) => id));
      for (const id of old.keys()) if (!kept.has(id)) await store.delete(SITES_COLLECTIONS[collection], id);
    }
    if (JSON.stringify(before.pause) !== JSON.stringify(after.pause)) {
      await (after.pause === null ? local.remove(PAUSE_KEY) : local.set({ [PAUSE_KEY]: after.pause }));
    }
    cached = Promise.resolve(after);
    await bump().catch(() => undefined);
  }

  async function view(): Promise<SitesView> {
    const [current, sync] = await Promise.all([state(), store.status()]);
    const t = now();
    const paused = current.pause !== null && (current.pause.until === 'off' || current.pause.until > t);
    return { ...current, pause: paused ? current.pause : null, sync };
  }

  /** A page may write a few rules a minute for its own site, no more. */
  function checkPageRate(sender: Sender, site: string): void {
    if (sender.trust !== 'page') return;
    const t = now();
    const times = (pageWrites.get(site) ?? []).filter((x) => x > t - 60_000);
    if (times.length >= perMinute) throw new Error('too many changes from this page in a minute; try again shortly');
    times.push(t);
    pageWrites.set(site, times);
  }

  function pageSite(sender: Sender): string {
    const host = hostOfUrl(topUrlOf(sender));
    if (host === '' || !/^https?:/i.test(topUrlOf(sender) ?? '')) throw new Error('only a web page has a site');
    return notHereSite(host);
  }

  async function entityNamed(entityId: string) {
    const resolved = (await cache.snapshot()).resolution.byId.get(entityId);
    if (!resolved) throw new Error(`no entity "${entityId}" in any enabled pack`);
    return resolved.entity;
  }

  const changeEntity = async (entityId: string, negatives: (current: string[]) => string[]) => {
    const { byId } = (await cache.snapshot()).resolution;
    const found = await entityNamed(entityId);
    // A relation to an entity no pack has any more shows nothing; it must not block the edit.
    const entity = { ...found, relations: found.relations.filter((r) => byId.has(r.target)) };
    const negative = negatives(entity.negative ?? []);
    if (negative.length > PACK_LIMITS.negativesPerEntity) {
      throw new Error(`"${entity.name}" already has ${PACK_LIMITS.negativesPerEntity} phrases it is not; remove some in the options page`);
    }
    await saveEntity(db, { ...entity, negative }, false, now());
    cache.invalidate();
    await deps.onEntityChange?.().catch(() => undefined);
  };

  const handlers: SitesHandlers = {
    async pageStatus(_input, sender) {
      return pageStatus(await state(), topUrlOf(sender), now());
    },
    sitesState: () => view(),
    async updateSites({ action }) {
      const before = await state();
      const t = now();
      let after: SitesState = before;
      let notes: string[] = [];
      switch (action.op) {
        case 'mode':
          after = { ...before, mode: action.mode };
          break;
        case 'add': {
          const parsed = parseSiteInput(action.input, action.subdomains);
          if (!parsed.ok) return { view: await view(), error: parsed.error };
          if (before.rules.length >= MAX_SITE_RULES && !before.rules.some((r) => r.site.host === parsed.site.host)) {
            return { view: await view(), error: tr('bgTooManyRules', { max: MAX_SITE_RULES }) };
          }
          notes = parsed.notes;
          after = { ...before, rules: withRule(before.rules, parsed.site, parsed.label, t) };
          break;
        }
        case 'active':
          after = { ...before, rules: withRuleActive(before.rules, action.host, action.active, t) };
          break;
        case 'remove':
          after = { ...before, rules: withoutRule(before.rules, action.host) };
          break;
        case 'switch': {
          const host = hostOfUrl(action.url);
          if (host === '') return { view: await view(), error: tr('bgNoSite') };
          after = { ...before, rules: withSiteSwitched(before.rules, before.mode, host, action.on, t) };
          break;
        }
        case 'removeNotHere':
          after = { ...before, notHere: before.notHere.filter((r) => notHereId(r) !== action.id) };
          break;
        case 'pause':
          after = { ...before, pause: action.hours === null ? { until: 'off' } : { until: t + action.hours * 3_600_000 } };
          break;
        case 'resume':
          after = { ...before, pause: null };
          break;
      }
      await commit(before, after);
      return { view: await view(), ...(notes.length > 0 ? { notes } : {}) };
    },
    async notHere({ text, entityId }, sender) {
      const site = pageSite(sender);
      // Made on "Schumer’s", the rule is about "Schumer" (and covers every possessive form).
      const alias = withoutPossessive(normaliseKey(text));
      if (alias === '') throw new Error('no name to leave alone');
      const entity = await entityNamed(entityId);
      const before = await state();
      const label = text.trim().replace(/(?<=\p{L})['’‘`]s?$/u, '');
      const rule: NotHereRule = { site, alias, label, entityId, entityName: entity.name, updatedAt: now() };
      const exists = before.notHere.some((r) => notHereId(r) === notHereId(rule));
      if (!exists && before.notHere.length >= MAX_NOT_HERE) throw new Error(`there are already ${MAX_NOT_HERE} "Not … here" rules; remove some in the options page`);
      checkPageRate(sender, site);
      await commit(before, { ...before, notHere: withNotHere(before.notHere, rule) });
      return { id: notHereId(rule), site };
    },
    async undoNotHere({ id }, sender) {
      const before = await state();
      const rule = before.notHere.find((r) => notHereId(r) === id);
      if (!rule) return { removed: false };
      if (sender.trust === 'page') {
        const host = hostOfUrl(topUrlOf(sender));
        if (!siteCovers({ host: rule.site, subdomains: true }, host)) throw new Error('a page may only undo the rules of its own site');
      }
      await commit(before, { ...before, notHere: before.notHere.filter((r) => notHereId(r) !== id) });
      return { removed: true };
    },
    async notAnywhere({ text, entityId }, sender) {
      const phrase = text.trim();
      if (normaliseKey(phrase) === '') throw new Error('no name to leave alone');
      if (sender.trust === 'page') checkPageRate(sender, pageSite(sender));
      await changeEntity(entityId, (current) => (current.includes(phrase) ? current : [...current, phrase]));
      return { entityId, phrase };
    },
    async undoNotAnywhere({ entityId, phrase }, sender) {
      if (sender.trust === 'page') checkPageRate(sender, pageSite(sender));
      await changeEntity(entityId, (current) => current.filter((p) => p !== phrase));
      return { entityId, phrase };
    },
  };

  return {
    handlers,
    async exportSettings() {
      const { mode, rules, notHere } = await state();
      return { mode, rules, notHere };
    },
    async importSettings(value) {
      const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_NOT_HERE + MAX_SITE_RULES) : []);
      const hostOf = (r: unknown): string => {
        const site = typeof r === 'object' && r !== null ? (r as { site?: { host?: unknown } }).site : undefined;
        return typeof site?.host === 'string' ? site.host : '';
      };
      const idOf = (r: unknown): string => {
        try {
          return notHereId(r as NotHereRule);
        } catch {
          return '';
        }
      };
      const rawRules = list(input.rules);
      const rawNotHere = list(input.notHere);
      const read = stateFromRecords(
        new Map(input.mode === undefined ? [] : [['mode', input.mode]]),
        new Map(rawRules.map((r) => [hostOf(r), r])),
        new Map(rawNotHere.map((r) => [idOf(r), r])),
        null,
      );
      const before = await state();
      const rules = new Map(before.rules.map((r) => [r.site.host, r]));
      const notHere = new Map(before.notHere.map((r) => [notHereId(r), r]));
      let rulesAdded = 0;
      let notHereAdded = 0;
      for (const rule of read.state.rules) {
        const here = rules.get(rule.site.host);
        if (here && here.updatedAt >= rule.updatedAt) continue;
        if (!here && rules.size >= MAX_SITE_RULES) continue;
        rules.set(rule.site.host, rule);
        rulesAdded++;
      }
      for (const rule of read.state.notHere) {
        const id = notHereId(rule);
        const here = notHere.get(id);
        if (here && here.updatedAt >= rule.updatedAt) continue;
        if (!here && notHere.size >= MAX_NOT_HERE) continue;
        notHere.set(id, rule);
        notHereAdded++;
      }
      const mode = before.rules.length === 0 && input.mode !== undefined ? read.state.mode : before.mode;
      const after: SitesState = { ...before, mode, rules: [...rules.values()], notHere: [...notHere.values()] };
      const sorted = stateFromRecords(new Map([['mode', after.mode]]), new Map(after.rules.map((r) => [r.site.host, r])), new Map(after.notHere.map((r) => [notHereId(r), r])), before.pause).state;
      await commit(before, sorted);
      const total = rawRules.length + rawNotHere.length;
      return { rulesAdded, notHereAdded, skipped: total - rulesAdded - notHereAdded };
    },
    onStorageChanged(changes, area) {
      if (area === 'local' && PAUSE_KEY in changes) cached = null;
      else if (store.changedCollections(changes, area).some((c) => c in SITES_COLLECTIONS)) cached = null;
    },
  };
}
