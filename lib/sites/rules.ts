/**
 * Where Backstory runs: the reader's site rules and the mode they are read in. In the
 * default mode ("everywhere except") an active rule turns its site off; in "only on" mode
 * Backstory runs on the sites of active rules and nowhere else. A rule the reader turned
 * back on stays in the list, inactive, so it can be turned off again with one click.
 */
import { siteCovers, type SiteTarget } from './host';

export type SiteMode = 'except' | 'only';

export interface SiteRule {
  /** The host, which is also the rule's identity: one rule per host. */
  site: SiteTarget;
  /** As the reader typed it ("bücher.de"), for display. */
  label: string;
  /** Applies now; false when the reader turned it back off without removing it. */
  active: boolean;
  /** When the rule last changed (ms since the epoch). */
  updatedAt: number;
}

/** The active rule that covers `hostname`, most specific first (the longest host). */
export function ruleFor(rules: readonly SiteRule[], hostname: string): SiteRule | null {
  let best: SiteRule | null = null;
  for (const rule of rules) {
    if (!rule.active || !siteCovers(rule.site, hostname)) continue;
    if (!best || rule.site.host.length > best.site.host.length) best = rule;
  }
  return best;
}

/** Does Backstory run on a page of `hostname` under these rules? */
export function runsOn(rules: readonly SiteRule[], mode: SiteMode, hostname: string): boolean {
  const covered = ruleFor(rules, hostname) !== null;
  return mode === 'except' ? !covered : covered;
}

/**
 * Adds `site` to the rules, active. A rule for the same host is replaced (its subdomain
 * choice follows the newest), so the list never holds one host twice. Returns a new list.
 */
export function withRule(rules: readonly SiteRule[], site: SiteTarget, label: string, now: number): SiteRule[] {
  const next = rules.filter((r) => r.site.host !== site.host);
  next.push({ site, label, active: true, updatedAt: now });
  return next.sort((a, b) => a.label.localeCompare(b.label));
}

/** Turns the rule for `host` on or off (a new list; unchanged when there is none). */
export function withRuleActive(rules: readonly SiteRule[], host: string, active: boolean, now: number): SiteRule[] {
  return rules.map((r) => (r.site.host === host && r.active !== active ? { ...r, active, updatedAt: now } : r));
}

/** Removes the rule for `host` (a new list). */
export function withoutRule(rules: readonly SiteRule[], host: string): SiteRule[] {
  return rules.filter((r) => r.site.host !== host);
}
