import { request, type Transport } from '../../lib/messaging';
import type { PageStatus } from '../../lib/sites/state';
import { SITES_REVISION_KEY } from '../../lib/notes/revision';
import type { Scope } from './scope';
import { watchRevision } from './revision-watch';

export interface SiteStatusDeps {
  send: Transport;
  /** The status changed (a site turned off or on, a pause, a "Not … here" rule). */
  onChange(status: PageStatus): void;
  /** Wait after a change signal before asking (changes come in bursts). Default 30 ms. */
  delayMs?: number;
}

/** Longest timer the browsers keep (about 24.8 days). */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Where Backstory runs, for this frame's tab: asks the background once (before any matcher
 * request or walk of the page), then again whenever `sitesRevision` changes — a rule
 * changed in the options page or the popup, in another tab, or in another browser through
 * sync — and when a pause ends. `onChange` hears only real changes. Stops with `ctx`.
 */
export async function followSiteStatus(ctx: Scope, deps: SiteStatusDeps): Promise<PageStatus> {
  const delay = deps.delayMs ?? 30;
  let last = '';
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  let asking = false;
  let again = false;

  const schedulePauseEnd = (status: PageStatus): void => {
    if (pauseTimer !== undefined) clearTimeout(pauseTimer);
    pauseTimer = undefined;
    if (typeof status.pausedUntil !== 'number') return;
    const wait = Math.min(MAX_TIMER, Math.max(0, status.pausedUntil - Date.now()) + 50);
    pauseTimer = setTimeout(ask, wait);
  };

  const seen = (status: PageStatus): boolean => {
    const key = JSON.stringify(status);
    const changed = key !== last;
    last = key;
    schedulePauseEnd(status);
    return changed;
  };

  function ask(): void {
    if (ctx.isInvalid) return;
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    request(deps.send, 'pageStatus', {})
      .then((status) => {
        if (!ctx.isInvalid && seen(status)) deps.onChange(status);
      })
      .catch((error: unknown) => {
        if (!ctx.isInvalid) console.warn('Backstory: could not read the site settings:', error);
      })
      .finally(() => {
        asking = false;
        if (again) {
          again = false;
          ask();
        }
      });
  }

  watchRevision(ctx, SITES_REVISION_KEY, delay, ask);
  ctx.onInvalidated(() => {
    if (pauseTimer !== undefined) clearTimeout(pauseTimer);
  });
  const first = await request(deps.send, 'pageStatus', {});
  seen(first);
  return first;
}
