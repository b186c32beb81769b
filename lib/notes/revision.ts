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

/** The counter's value in `items` (from `get` or an `onChanged` change), 0 when absent. */
export function readNotesRevision(items: Record<string, unknown>): number {
  const value = items[NOTES_REVISION_KEY];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * A bumper for one storage area: each call adds 1 to the counter. Calls are serialised, so
 * concurrent writes never read the same value and skip a bump. Resolves to the new value.
 */
export function createRevisionBumper(area: RevisionStorage): () => Promise<number> {
  let tail: Promise<unknown> = Promise.resolve();
  return () => {
    const next = tail.then(async () => {
      const value = readNotesRevision(await area.get(NOTES_REVISION_KEY)) + 1;
      await area.set({ [NOTES_REVISION_KEY]: value });
      return value;
    });
    tail = next.catch(() => undefined);
    return next;
  };
}
