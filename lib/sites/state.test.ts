import { describe, expect, it } from 'vitest';
import { parseSiteInput } from './host';
import { withRule, type SiteRule } from './rules';
import {
  EMPTY_SITES,
  isPaused,
  notHereId,
  notHereSite,
  pageStatus,
  skipsMention,
  withNotHere,
  withoutNotHere,
  withSiteSwitched,
  type NotHereRule,
  type SitesState,
} from './state';

function rule(input: string, now = 1): SiteRule[] {
  const parsed = parseSiteInput(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return withRule([], parsed.site, parsed.label, now);
}

const grace: NotHereRule = {
  site: 'cooking.example',
  alias: 'grace',
  label: 'Grace',
  entityId: 'person/grace-hopper',
  entityName: 'Grace Hopper',
  updatedAt: 5,
};

describe('pageStatus', () => {
  it('runs everywhere by default and says why it does not', () => {
    expect(pageStatus(EMPTY_SITES, 'https://news.example/a', 0)).toMatchObject({ runs: true, reason: 'on', host: 'news.example' });
    expect(pageStatus(EMPTY_SITES, 'chrome://settings', 0)).toMatchObject({ runs: false, reason: 'browser-page' });
    expect(pageStatus(EMPTY_SITES, 'https://chromewebstore.google.com/x', 0)).toMatchObject({ runs: false, reason: 'web-store' });
    expect(pageStatus(EMPTY_SITES, 'file:///tmp/a.html', 0)).toMatchObject({ runs: false, reason: 'not-a-web-page' });
    expect(pageStatus(EMPTY_SITES, undefined, 0)).toMatchObject({ runs: false, reason: 'not-a-web-page' });
  });

  it('a site turned off is off with its subdomains; only-mode runs on listed sites alone', () => {
    const state: SitesState = { ...EMPTY_SITES, rules: rule('bbc.co.uk') };
    expect(pageStatus(state, 'https://www.bbc.co.uk/news', 0)).toMatchObject({ runs: false, reason: 'site-off' });
    expect(pageStatus(state, 'https://nytimes.com/', 0).runs).toBe(true);
    const only: SitesState = { ...state, mode: 'only' };
    expect(pageStatus(only, 'https://www.bbc.co.uk/news', 0).runs).toBe(true);
    expect(pageStatus(only, 'https://nytimes.com/', 0)).toMatchObject({ runs: false, reason: 'not-listed' });
  });

  it('a pause wins until it ends; "until I turn it back on" never ends', () => {
    const paused: SitesState = { ...EMPTY_SITES, pause: { until: 1000 } };
    expect(pageStatus(paused, 'https://a.example/', 999)).toMatchObject({ runs: false, reason: 'paused', pausedUntil: 1000 });
    expect(pageStatus(paused, 'https://a.example/', 1000)).toMatchObject({ runs: true, pausedUntil: null });
    expect(isPaused({ until: 'off' }, Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isPaused(null, 0)).toBe(false);
  });

  it('lists the "Not … here" rules of the page\'s site and its subdomains only', () => {
    const state: SitesState = { ...EMPTY_SITES, notHere: [grace, { ...grace, site: 'sports.example' }] };
    expect(pageStatus(state, 'https://recipes.cooking.example/pie', 0).notHere).toEqual([{ alias: 'grace', entityId: 'person/grace-hopper' }]);
    expect(pageStatus(state, 'https://othercooking.example/', 0).notHere).toEqual([]);
  });
});

describe('withSiteSwitched', () => {
  it('off adds a rule for the site without "www.", on turns it back off but keeps it listed', () => {
    const off = withSiteSwitched([], 'except', 'www.bbc.co.uk', false, 7);
    expect(off).toEqual([{ site: { host: 'bbc.co.uk', subdomains: true }, label: 'bbc.co.uk', active: true, updatedAt: 7 }]);
    const on = withSiteSwitched(off, 'except', 'news.bbc.co.uk', true, 8);
    expect(on).toEqual([{ ...off[0], active: false, updatedAt: 8 }]);
    expect(withSiteSwitched(on, 'except', 'www.bbc.co.uk', false, 9)).toEqual([{ ...off[0], active: true, updatedAt: 9 }]);
  });

  it('on turns off every rule that covers the page, the parent site too', () => {
    const rules = [...rule('example.com'), ...rule('news.example.com')];
    const next = withSiteSwitched(rules, 'except', 'news.example.com', true, 3);
    expect(next.every((r) => !r.active)).toBe(true);
    expect(pageStatus({ ...EMPTY_SITES, rules: next }, 'https://news.example.com', 0).runs).toBe(true);
  });

  it('works the other way round in only-mode', () => {
    const on = withSiteSwitched([], 'only', 'localhost', true, 1);
    expect(on).toEqual([{ site: { host: 'localhost', subdomains: false }, label: 'localhost', active: true, updatedAt: 1 }]);
    expect(pageStatus({ ...EMPTY_SITES, mode: 'only', rules: on }, 'http://localhost:8080/', 0).runs).toBe(true);
    const off = withSiteSwitched(on, 'only', 'localhost', false, 2);
    expect(pageStatus({ ...EMPTY_SITES, mode: 'only', rules: off }, 'http://localhost:8080/', 0).runs).toBe(false);
  });
});

describe('"Not … here" rules', () => {
  it('are one per site, alias and entity', () => {
    const once = withNotHere([], grace);
    const twice = withNotHere(once, { ...grace, updatedAt: 9 });
    expect(twice).toEqual([{ ...grace, updatedAt: 9 }]);
    expect(withNotHere(twice, { ...grace, entityId: 'person/other' })).toHaveLength(2);
    expect(withoutNotHere(twice, notHereId(grace))).toEqual([]);
  });

  it('the site drops "www." but never shortens an IP address or a two-part host', () => {
    expect(notHereSite('www.cooking.example')).toBe('cooking.example');
    expect(notHereSite('www.example')).toBe('www.example');
    expect(notHereSite('127.0.0.1')).toBe('127.0.0.1');
    expect(notHereSite('WWW.BBC.CO.UK.')).toBe('bbc.co.uk');
  });

  it('skip only the same alias of the same entity', () => {
    const notHere = [{ alias: 'grace', entityId: 'person/grace-hopper' }];
    expect(skipsMention(notHere, 'grace', 'person/grace-hopper')).toBe(true);
    expect(skipsMention(notHere, 'hopper', 'person/grace-hopper')).toBe(false);
    expect(skipsMention(notHere, 'grace', 'person/grace-kelly')).toBe(false);
  });

  it('a rule made on one possessive form covers the others', () => {
    expect(skipsMention([{ alias: 'schumer', entityId: 'p' }], 'schumer’s', 'p')).toBe(true);
    expect(skipsMention([{ alias: "schumer's", entityId: 'p' }], 'schumer', 'p')).toBe(true);
    expect(skipsMention([{ alias: 'schumer', entityId: 'p' }], "hopkins'", 'p')).toBe(false);
    expect(skipsMention([{ alias: 'schumers', entityId: 'p' }], 'schumer', 'p')).toBe(false);
  });
});
