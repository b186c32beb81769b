/**
 * How the sites state is kept: the mode, the site rules and the "Not … here" rules in the
 * synced store (they follow the reader to their other browsers), the pause in
 * `storage.local` (it stays on this browser). Records read back are checked: another
 * browser, an older version or a hand-edited profile may have written anything, and a bad
 * record is skipped, never trusted.
 */
import { z } from 'zod';
import type { SiteMode, SiteRule } from './rules';
import type { NotHereRule, Pause, SitesState } from './state';
import { notHereId } from './state';

/** The synced store's collections, in the order they get sync space when it is short. */
export const SITES_COLLECTIONS = { settings: 'settings', sites: 'sites', notHere: 'notHere' } as const;

/** The `storage.local` key of the pause (never synced). */
export const PAUSE_KEY = 'pause';

/** Bumped in `storage.local` after every change to the sites state; pages and views listen. */
export { SITES_REVISION_KEY } from '../notes/revision';

const host = z.string().min(1).max(253);
const time = z.number().int().min(0).max(8.64e15);
const modeSchema = z.enum(['except', 'only']);

const siteRuleSchema = z.object({
  site: z.object({ host, subdomains: z.boolean() }),
  label: z.string().min(1).max(300),
  active: z.boolean(),
  updatedAt: time,
});

const notHereSchema = z.object({
  site: host,
  alias: z.string().min(1).max(300),
  label: z.string().min(1).max(300),
  entityId: z.string().min(1).max(200),
  entityName: z.string().max(300),
  updatedAt: time,
});

const pauseSchema = z.union([z.object({ until: time }), z.object({ until: z.literal('off') })]);

/** The records the synced store holds for one state, by collection and id. */
export function recordsOf(state: Pick<SitesState, 'mode' | 'rules' | 'notHere'>): {
  settings: Array<[string, SiteMode]>;
  sites: Array<[string, SiteRule]>;
  notHere: Array<[string, NotHereRule]>;
} {
  return {
    settings: [['mode', state.mode]],
    sites: state.rules.map((r) => [r.site.host, r]),
    notHere: state.notHere.map((r) => [notHereId(r), r]),
  };
}

/** A state from the store's maps; unreadable records are dropped (and counted). */
export function stateFromRecords(
  settings: ReadonlyMap<string, unknown>,
  sites: ReadonlyMap<string, unknown>,
  notHere: ReadonlyMap<string, unknown>,
  pause: unknown,
): { state: SitesState; skipped: number } {
  let skipped = 0;
  const mode = modeSchema.safeParse(settings.get('mode'));
  if (settings.has('mode') && !mode.success) skipped++;
  const rules: SiteRule[] = [];
  for (const [id, value] of sites) {
    const rule = siteRuleSchema.safeParse(value);
    if (rule.success && rule.data.site.host === id) rules.push(rule.data);
    else skipped++;
  }
  const notHereRules: NotHereRule[] = [];
  for (const [id, value] of notHere) {
    const rule = notHereSchema.safeParse(value);
    if (rule.success && notHereId(rule.data) === id) notHereRules.push(rule.data);
    else skipped++;
  }
  rules.sort((a, b) => a.label.localeCompare(b.label));
  notHereRules.sort((a, b) => a.site.localeCompare(b.site) || a.label.localeCompare(b.label));
  const paused = pauseSchema.safeParse(pause);
  const state: SitesState = {
    mode: mode.success ? mode.data : 'except',
    rules,
    notHere: notHereRules,
    pause: paused.success ? (paused.data as Pause) : null,
  };
  return { state, skipped };
}
