/**
 * Empties the trash of notes deleted more than 30 days ago: at each background start and,
 * at most once an hour, after a note write (no timers: an MV3 service worker sleeps).
 */
import { purgeExpiredTrash } from '../db/notes-repo';
import type { BackstoryDB } from '../db/schema';

export const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface TrashJanitor {
  /** Purge now (joins a purge already running). Resolves to the number of notes deleted. */
  run(): Promise<number>;
  /** Purge when the last purge started at least `PURGE_EVERY_MS` ago; else 0. */
  maybeRun(): Promise<number>;
}

export interface TrashJanitorOptions {
  now?: () => number;
  /** Called when a purge deleted notes (the change signal). */
  onPurged?: () => Promise<unknown>;
  everyMs?: number;
}

export function createTrashJanitor(db: BackstoryDB, options: TrashJanitorOptions = {}): TrashJanitor {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? PURGE_EVERY_MS;
  let lastStart = Number.NEGATIVE_INFINITY;
  let running: Promise<number> | undefined;

  function run(): Promise<number> {
    if (running) return running;
    lastStart = now();
    const purge = (async () => {
      const purged = await purgeExpiredTrash(db, lastStart);
      if (purged > 0) await options.onPurged?.();
      return purged;
    })();
    running = purge.finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    run,
    maybeRun: () => (now() - lastStart >= everyMs ? run() : Promise.resolve(0)),
  };
}
