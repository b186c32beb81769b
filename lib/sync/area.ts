/**
 * The part of a `browser.storage` area the synced store needs (`storage.sync` and
 * `storage.local` both have it), so the store runs against a fake in unit tests.
 */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** One key's change, as `storage.onChanged` reports it. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
