/**
 * Everything that decides where Backstory runs and what it leaves alone there, as one
 * plain value: the mode, the site rules, the reader's "Not {name} here" rules and the pause
 * (which stays on this browser). Pure functions over it answer "does Backstory run on this
 * page, and which mentions does it skip?" the same way in the background, the popup, the
 * options page and the tests.
 */
import { isIpAddress, normaliseHost, pageAccess, siteCovers, type PageAccess, type SiteTarget } from './host';
import { ruleFor, runsOn, withRule, withRuleActive, type SiteMode, type SiteRule } from './rules';

/** "This alias does not mean this entity on this site." */
export interface NotHereRule {
  /** The page's host without a leading "www."; the rule covers its subdomains too. */
  site: string;
  /** The alias's matcher key (normalised, as `normaliseKey` gives it). */
  alias: string;
  /** The mention as the page wrote it ("Grace"), for display. */
  label: string;
  entityId: string;
  /** The entity's name when the rule was made ("Grace Hopper"), for the Sites list. */
  entityName: string;
  updatedAt: number;
}

/** Pause everywhere: until a time (ms since the epoch), until the reader turns it back on, or not. */
export type Pause = { until: number } | { until: 'off' } | null;

export interface SitesState {
  mode: SiteMode;
  rules: SiteRule[];
  notHere: NotHereRule[];
  pause: Pause;
}

export const EMPTY_SITES: SitesState = { mode: 'except', rules: [], notHere: [], pause: null };

/** One rule's stable identity: the site, the alias and the entity. */
export function notHereId(rule: Pick<NotHereRule, 'site' | 'alias' | 'entityId'>): string {
  return `${rule.site}|${rule.alias}|${rule.entityId}`;
}

/** The site a "Not … here" rule made on a page of `hostname` is about: "www." dropped. */
export function notHereSite(hostname: string): string {
  const host = normaliseHost(hostname);
  return host.startsWith('www.') && host.split('.').length > 2 ? host.slice(4) : host;
}

function siteOf(host: string): SiteTarget {
  return { host, subdomains: !isIpAddress(host) && host !== 'localhost' };
}

/** Is the pause in force at `now`? */
export function isPaused(pause: Pause, now: number): boolean {
  if (pause === null) return false;
  return pause.until === 'off' || pause.until > now;
}

export type PageStatusReason = 'on' | 'site-off' | 'not-listed' | 'paused' | PageAccess;

/** What a page of `url` gets: whether Backstory runs there, why not, and what it skips. */
export interface PageStatus {
  runs: boolean;
  reason: PageStatusReason;
  /** When a pause ends (ms), `'off'` for "until I turn it back on", or null. */
  pausedUntil: number | 'off' | null;
  /** The page's host ("" for pages that are not web pages). */
  host: string;
  /** The mentions it must not underline: alias key and entity. */
  notHere: Array<{ alias: string; entityId: string }>;
}

export function hostOfUrl(url: string | undefined): string {
  if (!url) return '';
  try {
    return normaliseHost(new URL(url).hostname);
  } catch {
    return '';
  }
}

export function pageStatus(state: SitesState, url: string | undefined, now: number): PageStatus {
  const access = pageAccess(url);
  const host = hostOfUrl(url);
  const paused = isPaused(state.pause, now);
  const pausedUntil = paused && state.pause ? state.pause.until : null;
  const base = { pausedUntil, host, notHere: [] };
  if (access !== 'web') return { ...base, runs: false, reason: access };
  if (paused) return { ...base, runs: false, reason: 'paused' };
  if (!runsOn(state.rules, state.mode, host)) {
    return { ...base, runs: false, reason: state.mode === 'except' ? 'site-off' : 'not-listed' };
  }
  const notHere = state.notHere
    .filter((r) => siteCovers(siteOf(r.site), host))
    .map((r) => ({ alias: r.alias, entityId: r.entityId }));
  return { ...base, runs: true, reason: 'on', notHere };
}

/**
 * The popup's switch "Backstory on this site", for a page of `hostname`. Off, in the default
 * mode, adds a rule for the site (its subdomains too) or turns a listed one back on; on
 * turns off every rule that covers the page (they stay listed, inactive). In "only on the
 * listed sites" mode the switch works the other way round. Returns the new rules.
 */
export function withSiteSwitched(
  rules: readonly SiteRule[],
  mode: SiteMode,
  hostname: string,
  on: boolean,
  now: number,
): SiteRule[] {
  const host = normaliseHost(hostname);
  const wantRule = mode === 'except' ? !on : on;
  if (!wantRule) {
    let next = [...rules];
    for (let rule = ruleFor(next, host); rule; rule = ruleFor(next, host)) {
      next = withRuleActive(next, rule.site.host, false, now);
    }
    return next;
  }
  if (ruleFor(rules, host)) return [...rules];
  const site = notHereSite(host);
  const listed = rules.find((r) => r.site.host === site && siteCovers(r.site, host));
  if (listed) return withRuleActive(rules, listed.site.host, true, now);
  return withRule(rules, siteOf(site), site, now);
}

/** Adds (or refreshes) a "Not … here" rule; one per site, alias and entity. */
export function withNotHere(rules: readonly NotHereRule[], rule: NotHereRule): NotHereRule[] {
  const id = notHereId(rule);
  return [...rules.filter((r) => notHereId(r) !== id), rule];
}

export function withoutNotHere(rules: readonly NotHereRule[], id: string): NotHereRule[] {
  return rules.filter((r) => notHereId(r) !== id);
}

/** Does the page of `status` skip a mention of `entityId` written `aliasKey`? */
export function skipsMention(notHere: PageStatus['notHere'], aliasKey: string, entityId: string): boolean {
  const key = withoutPossessive(aliasKey);
  return notHere.some((r) => r.entityId === entityId && withoutPossessive(r.alias) === key);
}

/** "schumer's" and "schumer’s" are "schumer": a rule made on one form covers the others. */
export function withoutPossessive(aliasKey: string): string {
  return aliasKey.replace(/(?<=\p{L})['’‘`](s)?$/u, '');
}
