/**
 * The notes change signal. Content scripts cannot open the database (so no `liveQuery`):
 * the background bumps a counter in `storage.local` after every note write, and content
 * scripts refresh their cards and highlights on `storage.onChanged`.
 */

/** The `storage.local` key of the counter: `{ notesRevision: number }`. */
export const NOTES_REVISION_KEY = 'notesRevision';

/** The part of a `storage.local` area the counter needs. */
export interface RevisionStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The packs change signal, the same way: bumped after every change to packs, entities or
 * the reader's edits; content scripts fetch the new matcher and scan again.
 */
export const PACKS_REVISION_KEY = 'packsRevision';

/** Bumped after every change to the sites state (rules, pause, "Not … here"); pages and views listen. */
export const SITES_REVISION_KEY = 'sitesRevision';

/** The counter's value in `items` (from `get` or an `onChanged` change), 0 when absent. */
export function readNotesRevision(items: Record<string, unknown>, key: string = NOTES_REVISION_KEY): number {
  const value = items[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * A bumper for one storage area: each call adds 1 to the counter. Calls are serialised, so
 * concurrent writes never read the same value and skip a bump. Resolves to the new value.
 */
export function createRevisionBumper(area: RevisionStorage, key: string = NOTES_REVISION_KEY): () => Promise<number> {
  let tail: Promise<unknown> = Promise.resolve();
  return () => {
    const next = tail.then(async () => {
      const value = readNotesRevision(await area.get(key), key) + 1;
      await area.set({ [key]: value });
      return value;
    });
    tail = next.catch(() => undefined);
    return next;
  };
}
