/**
 * The background's answers to every request in the protocol. Inputs arrive already
 * validated and sender-checked by `route()` (lib/messaging.ts).
 */
import type { Handlers } from '../messaging';
import type { BackstoryDB } from '../db/schema';
import { listPacks } from '../db/packs-repo';
import type { MatcherCache } from './matcher-cache';
import { createNotesHandlers, type NotesHandlerOptions } from './notes-handlers';
import { createPackHandlers, type PackHandlerOptions } from './packs-handlers';
import { noInjector, type InjectContentScript } from './inject';
import type { SitesRequest } from './sites-handlers';
import type { PageSideRequest } from './page-side-handlers';

/**
 * @param whenReady resolves once the shipped pack is installed; the pack handlers wait for
 *   it, so the first page never gets a matcher over an empty database (note handlers do
 *   not: notes do not depend on packs).
 * @param notes the clock and the change signal of the note handlers.
 * @param inject runs the content script in a tab (`browser.scripting`, see `inject.ts`).
 * @param packs the clock and the change signal of the pack handlers.
 */
export function createHandlers(
  db: BackstoryDB,
  cache: MatcherCache,
  whenReady: () => Promise<unknown> = () => Promise.resolve(),
  notes: NotesHandlerOptions = {},
  inject: InjectContentScript = noInjector,
  packs: PackHandlerOptions = {},
): Omit<Handlers, SitesRequest | PageSideRequest> {
  return {
    async getMatcher() {
      await whenReady();
      return cache.get();
    },
    async listPacks() {
      await whenReady();
      return listPacks(db);
    },
    injectContentScript: (input) => inject(input),
    ...createPackHandlers(db, cache, whenReady, { now: notes.now, ...packs }),
    ...createNotesHandlers(db, {
      ...notes,
      onSourceChange: async () => {
        cache.invalidate();
        await packs.onChange?.();
      },
    }),
  };
}
