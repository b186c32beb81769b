/**
 * An in-memory `storage.sync` (or `storage.local`) for tests, enforcing the real quotas
 * and Chrome's write-rate limits with Chrome's own error messages, so the synced store is
 * tested against what the browser actually refuses. Values are deep-copied on the way in
 * and out, as the browser's structured storage does. Test code only.
 */
import type { StorageAreaLike, StorageChange } from './area';
import { SYNC_QUOTA, itemBytes, type SyncQuotas } from './quota';

export interface FakeStorageArea extends StorageAreaLike {
  /** Called after every change with the changed keys, as `storage.onChanged` is. */
  onChanged(listener: (changes: Record<string, StorageChange>) => void): () => void;
  /** The next write (`set` or `remove`) fails with this message. */
  failNext(message: string): void;
  /** Every `set`/`remove` call so far, successful or not. */
  readonly writes: Array<{ op: 'set' | 'remove'; keys: string[]; ok: boolean }>;
  /** A copy of everything stored. */
  dump(): Record<string, unknown>;
  /** Bytes in use, as the quota counts them. */
  bytesInUse(): number;
}

export interface FakeAreaOptions {
  /** The limits to enforce; `null` for none (a fake `storage.local`). Default: sync's. */
  quotas?: Partial<SyncQuotas> | null;
  now?: () => number;
}

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function createFakeStorageArea(options: FakeAreaOptions = {}): FakeStorageArea {
  const quotas: SyncQuotas | null = options.quotas === null ? null : { ...SYNC_QUOTA, ...options.quotas };
  const now = options.now ?? Date.now;
  const data = new Map<string, unknown>();
  const listeners = new Set<(changes: Record<string, StorageChange>) => void>();
  const writes: FakeStorageArea['writes'] = [];
  const opTimes: number[] = [];
  let failure: string | null = null;

  const total = (items: Map<string, unknown>): number => {
    let bytes = 0;
    for (const [key, value] of items) bytes += itemBytes(key, value);
    return bytes;
  };

  /** Checks a write operation against the rate limits; counts it when allowed. */
  function rateCheck(): void {
    if (!quotas) return;
    const t = now();
    const lastMinute = opTimes.filter((x) => x > t - 60_000).length;
    const lastHour = opTimes.filter((x) => x > t - 3_600_000).length;
    if (lastMinute >= quotas.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (lastHour >= quotas.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    opTimes.push(t);
  }

  function emit(changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    for (const listener of listeners) listener(copy(changes));
  }

  function takeFailure(): void {
    if (failure === null) return;
    const message = failure;
    failure = null;
    throw new Error(message);
  }

  return {
    writes,
    async get(keys) {
      const out: Record<string, unknown> = {};
      const wanted = keys === undefined || keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      for (const key of wanted) if (data.has(key)) out[key] = copy(data.get(key));
      return out;
    },
    async set(items) {
      const keys = Object.keys(items);
      try {
        takeFailure();
        if (quotas) {
          for (const key of keys) {
            if (itemBytes(key, items[key]) > quotas.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          }
          const next = new Map(data);
          for (const key of keys) next.set(key, items[key]);
          if (total(next) > quotas.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
          if (next.size > quotas.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
        }
        rateCheck();
      } catch (error) {
        writes.push({ op: 'set', keys, ok: false });
        throw error;
      }
      writes.push({ op: 'set', keys, ok: true });
      const changes: Record<string, StorageChange> = {};
      for (const key of keys) {
        const newValue = copy(items[key]);
        changes[key] = data.has(key) ? { oldValue: copy(data.get(key)), newValue } : { newValue };
        data.set(key, newValue);
      }
      emit(changes);
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      try {
        takeFailure();
        rateCheck();
      } catch (error) {
        writes.push({ op: 'remove', keys: list, ok: false });
        throw error;
      }
      writes.push({ op: 'remove', keys: list, ok: true });
      const changes: Record<string, StorageChange> = {};
      for (const key of list) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: copy(data.get(key)) };
        data.delete(key);
      }
      emit(changes);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failNext(message) {
      failure = message;
    },
    dump() {
      return copy(Object.fromEntries(data));
    },
    bytesInUse() {
      return total(data);
    },
  };
}
