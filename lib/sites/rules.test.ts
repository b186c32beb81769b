import { describe, expect, it } from 'vitest';
import { ruleFor, runsOn, withoutRule, withRule, withRuleActive, type SiteRule } from './rules';

const T = 1_700_000_000_000;
const rule = (host: string, subdomains = true, active = true): SiteRule => ({ site: { host, subdomains }, label: host, active, updatedAt: T });

describe('runsOn', () => {
  const rules = [rule('example.com'), rule('news.other.org', false), rule('off.net', true, false)];

  it('everywhere except: an active rule turns its site and subdomains off', () => {
    expect(runsOn(rules, 'except', 'example.com')).toBe(false);
    expect(runsOn(rules, 'except', 'www.example.com')).toBe(false);
    expect(runsOn(rules, 'except', 'news.other.org')).toBe(false);
    expect(runsOn(rules, 'except', 'sport.news.other.org')).toBe(true);
    expect(runsOn(rules, 'except', 'off.net')).toBe(true);
    expect(runsOn(rules, 'except', 'nytimes.com')).toBe(true);
    expect(runsOn([], 'except', 'nytimes.com')).toBe(true);
  });

  it('only on: runs on the sites of active rules and nowhere else', () => {
    expect(runsOn(rules, 'only', 'www.example.com')).toBe(true);
    expect(runsOn(rules, 'only', 'news.other.org')).toBe(true);
    expect(runsOn(rules, 'only', 'off.net')).toBe(false);
    expect(runsOn(rules, 'only', 'nytimes.com')).toBe(false);
    expect(runsOn([], 'only', 'nytimes.com')).toBe(false);
  });

  it('reports the most specific covering rule', () => {
    const both = [rule('example.com'), rule('blog.example.com')];
    expect(ruleFor(both, 'a.blog.example.com')?.site.host).toBe('blog.example.com');
    expect(ruleFor(both, 'shop.example.com')?.site.host).toBe('example.com');
    expect(ruleFor(both, 'example.org')).toBeNull();
  });
});

describe('editing the rules', () => {
  it('keeps one rule per host: adding it again replaces it, active, with the newest subdomain choice', () => {
    let rules = withRule([], { host: 'b.com', subdomains: true }, 'b.com', T);
    rules = withRule(rules, { host: 'a.com', subdomains: true }, 'a.com', T);
    rules = withRuleActive(rules, 'b.com', false, T + 1);
    rules = withRule(rules, { host: 'b.com', subdomains: false }, 'b.com', T + 2);
    expect(rules).toEqual([rule('a.com'), { ...rule('b.com', false), updatedAt: T + 2 }]);
  });

  it('turns a rule off and on, and removes it, without touching the others or the input', () => {
    const start = [rule('a.com'), rule('b.com')];
    const off = withRuleActive(start, 'a.com', false, T + 5);
    expect(off[0]).toEqual({ ...rule('a.com', true, false), updatedAt: T + 5 });
    expect(off[1]).toBe(start[1]);
    expect(withRuleActive(off, 'a.com', false, T + 9)[0]?.updatedAt).toBe(T + 5);
    expect(start[0]?.active).toBe(true);
    expect(withoutRule(start, 'a.com')).toEqual([rule('b.com')]);
    expect(withoutRule(start, 'x.com')).toEqual(start);
  });
});
