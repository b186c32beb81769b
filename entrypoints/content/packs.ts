import type { Scope } from './scope';
import { watchRevision } from './revision-watch';
import { request, type MatcherPayload, type Transport } from '../../lib/messaging';
import { PACKS_REVISION_KEY } from '../../lib/notes/revision';

export interface PackChangesDeps {
  send: Transport;
  /** The revision of the matcher in use. */
  current(): string;
  /** A new matcher: swap it in and scan the page again. */
  apply(payload: MatcherPayload): Promise<void>;
  /** Wait after a change signal before asking (changes often come in bursts). Default 50 ms. */
  delayMs?: number;
}

/**
 * Packs imported, edited, turned on or off — in the options page, the review screen, a
 * "Track this name" in another tab: the background bumps `packsRevision` in
 * `storage.local`, and this frame fetches the new matcher and scans again, without a
 * reload. Bursts are coalesced; one fetch runs at a time; a failure is logged and the next
 * signal tries again. Everything stops with `ctx`.
 */
export function followPackChanges(ctx: Scope, deps: PackChangesDeps): void {
  const delay = deps.delayMs ?? 50;
  let running: Promise<void> | null = null;
  let again = false;

  const refresh = async (): Promise<void> => {
    const payload = await request(deps.send, 'getMatcher', {});
    if (ctx.isInvalid || payload.revision === deps.current()) return;
    await deps.apply(payload);
  };

  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = refresh()
      .catch((error: unknown) => {
        if (!ctx.isInvalid) console.warn('Backstory: could not load the changed packs:', error);
      })
      .finally(() => {
        running = null;
        if (again && !ctx.isInvalid) {
          again = false;
          run();
        }
      });
  };

  watchRevision(ctx, PACKS_REVISION_KEY, delay, run);
}
