/**
 * The synced store: small records (settings, site rules, "Not … here" rules, the reader's
 * own entities) kept in `storage.sync` so they follow the reader to every browser where
 * they are signed in, within sync's quotas, without ever losing a write.
 *
 * Every write goes to `storage.local` first (a write-ahead log, see `records.ts`) and is
 * acknowledged from there; a debounced flush then moves what fits into sync in one `set`
 * and one `remove`, collections in priority order, splitting records over 8 KB into
 * chunks. What does not fit stays on this browser (`s: 'local'`) and is offered to sync
 * again on every flush; `status()` counts it so the options page can say so. A quota
 * error halves the batch; a rate-limit or other error keeps everything local and retries
 * later. Reads merge both areas: the newer write wins (this browser's on a tie), a local
 * deletion hides an older synced record. Two browsers changing different records both
 * win; the same record, the last write wins.
 */
import type { StorageAreaLike, StorageChange } from './area';
import { SYNC_QUOTA, itemBytes, quotaErrorKind } from './quota';
import {
  CHUNK_PREFIX,
  LOCAL_PREFIX,
  SYNC_PREFIX,
  asLocalRecord,
  checkCollection,
  chunkRecordKey,
  encodeRecord,
  parseRecordKey,
  readSyncItems,
  recordKey,
  type LocalRecord,
} from './records';
import { jsonCopy, localOnly, messageOf, type Batch, type Settle, type Work } from './work';

export interface SyncStatus {
  /** Records kept on this browser only (sync storage is full), per collection. */
  localOnly: Record<string, number>;
  /** Records waiting to be written to sync. */
  pending: number;
  /** The last problem writing to sync, in words; null after a good flush. */
  lastError: string | null;
}

export interface SyncedStore {
  /** Every record of a collection, by id, as this browser sees it now. */
  all(collection: string): Promise<Map<string, unknown>>;
  /** Several collections at once, from one read of each storage area. */
  readMany(collections: readonly string[]): Promise<Map<string, Map<string, unknown>>>;
  put(collection: string, id: string, value: unknown): Promise<void>;
  putMany(collection: string, entries: ReadonlyArray<readonly [string, unknown]>): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** Moves what waits into sync now. Serialised; never rejects (problems go to `status`). */
  flush(): Promise<void>;
  status(): Promise<SyncStatus>;
  /** The collections a `storage.onChanged` event touched, in either area. */
  changedCollections(changes: Record<string, StorageChange>, areaName: string): string[];
}

export interface SyncedStoreOptions {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  /** Collections in the order they get sync space when it is short; others come last. */
  priority: readonly string[];
  now?: () => number;
  /** How long after a write the flush runs (writes in between go in the same flush). */
  flushDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** How long to wait after a rate-limit or unexpected error before trying again. */
export const RETRY_MS = 60_000;

const BUSY =
  'Sync is busy (the browser limits how often it may be written); your changes are kept on this browser and will be synced in a minute or two.';

export function createSyncedStore(options: SyncedStoreOptions): SyncedStore {
  const { sync, local } = options;
  const now = options.now ?? Date.now;
  const delay = options.flushDelayMs ?? 1_000;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const rank = (collection: string): number => {
    const i = options.priority.indexOf(collection);
    return i < 0 ? options.priority.length : i;
  };

  let lastError: string | null = null;
  let timer: { handle: unknown; at: number } | null = null;
  let tail: Promise<void> = Promise.resolve();
  /** This worker's own sync writes, to stay under Chrome's rate limits before it complains. */
  const ops: number[] = [];

  function schedule(ms: number): void {
    const at = now() + ms;
    if (timer && timer.at <= at) return;
    if (timer) clearTimer(timer.handle);
    timer = {
      at,
      handle: setTimer(() => {
        timer = null;
        void flush();
      }, ms),
    };
  }

  async function localRecords(): Promise<Work[]> {
    const items = await local.get(null);
    const out: Work[] = [];
    for (const [lk, value] of Object.entries(items)) {
      if (!lk.startsWith(LOCAL_PREFIX)) continue;
      const record = asLocalRecord(value);
      const rk = lk.slice(LOCAL_PREFIX.length);
      const parsed = parseRecordKey(rk);
      if (!record || !parsed) continue;
      out.push({ lk, rk, ...parsed, record, json: JSON.stringify(value) });
    }
    return out;
  }

  /** Rewrites (or removes, for null) local records that nothing has rewritten since they were read. */
  async function settle(changes: Settle[]): Promise<void> {
    if (changes.length === 0) return;
    const current = await local.get(changes.map((c) => c.work.lk));
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const { work, next } of changes) {
      if (JSON.stringify(current[work.lk]) !== work.json) continue;
      if (next === null) remove.push(work.lk);
      else set[work.lk] = next;
    }
    if (Object.keys(set).length > 0) await local.set(set);
    if (remove.length > 0) await local.remove(remove);
  }

  /** Waits for room under the rate limits; returns false (and schedules) when there is none. */
  function rateRoom(needed: number): boolean {
    const t = now();
    while (ops.length > 0 && (ops[0] ?? t) <= t - 3_600_000) ops.shift();
    const minute = ops.filter((x) => x > t - 60_000);
    if (minute.length + needed > SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE) {
      schedule((minute[0] ?? t) + 60_000 - t + 50);
      return false;
    }
    if (ops.length + needed > SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR) {
      schedule((ops[0] ?? t) + 3_600_000 - t + 50);
      return false;
    }
    return true;
  }

  async function flushOnce(): Promise<void> {
    if (timer) {
      clearTimer(timer.handle);
      timer = null;
    }
    const work = await localRecords();
    if (work.length === 0) return;
    if (!rateRoom(3)) {
      lastError = BUSY;
      return;
    }
    let snapshot;
    try {
      snapshot = readSyncItems(await sync.get(null));
    } catch (error) {
      lastError = `Could not read sync storage (${messageOf(error)}); your changes are kept on this browser.`;
      schedule(RETRY_MS);
      return;
    }
    const { records, costs } = snapshot;
    const done: Settle[] = [];
    const deletions: Work[] = [];
    const deleteKeys: string[] = [];
    const puts: Work[] = [];
    for (const w of work) {
      const synced = records.get(w.rk);
      if (synced && synced.t > w.record.t) {
        done.push({ work: w, next: null }); // another browser wrote it later: theirs wins
      } else if ('d' in w.record) {
        if (synced) {
          deletions.push(w);
          deleteKeys.push(...synced.keys);
        } else {
          done.push({ work: w, next: null });
        }
      } else {
        puts.push(w);
      }
    }

    // 1. Deletions first: they make room for what follows.
    if (deleteKeys.length > 0) {
      ops.push(now());
      try {
        await sync.remove(deleteKeys);
        done.push(...deletions.map((w) => ({ work: w, next: null })));
      } catch (error) {
        await settle(done);
        return failed(error);
      }
    }
    let bytes = snapshot.bytes;
    let items = snapshot.items;
    for (const key of deleteKeys) {
      bytes -= costs.get(key) ?? 0;
      items--;
    }

    // 2. What fits, in priority order, in one set. Old chunks beyond the new count are
    //    removed only after it, so the set must fit beside them.
    puts.sort((a, b) => rank(a.collection) - rank(b.collection) || a.record.t - b.record.t);
    const batch: Batch[] = [];
    const overflow: Work[] = [];
    for (const w of puts) {
      if ('d' in w.record) continue;
      const encoded = encodeRecord(w.collection, w.id, w.record.v, w.record.t);
      if (!encoded) {
        overflow.push(w);
        continue;
      }
      let nextBytes = bytes;
      let nextItems = items;
      for (const [key, value] of Object.entries(encoded)) {
        nextBytes += itemBytes(key, value) - (costs.get(key) ?? 0);
        if (!costs.has(key)) nextItems++;
      }
      if (nextBytes > SYNC_QUOTA.QUOTA_BYTES || nextItems > SYNC_QUOTA.MAX_ITEMS) {
        overflow.push(w);
        continue;
      }
      bytes = nextBytes;
      items = nextItems;
      batch.push({ work: w, items: encoded, old: records.get(w.rk) });
    }
    let written = batch;
    let deferred = false;
    while (written.length > 0) {
      const all: Record<string, unknown> = {};
      for (const b of written) Object.assign(all, b.items);
      ops.push(now());
      try {
        await sync.set(all);
        break;
      } catch (error) {
        if (quotaErrorKind(error) === 'rate' || quotaErrorKind(error) === null) {
          await settle([...done, ...overflow.map(localOnly)]);
          return failed(error);
        }
        // Quota: the area holds more than it looked (another browser wrote meanwhile). Halve.
        if (written.length === 1) {
          overflow.push(...written.map((b) => b.work));
          written = [];
          break;
        }
        written = written.slice(0, Math.ceil(written.length / 2));
        deferred = true;
      }
    }
    done.push(...written.map((b) => ({ work: b.work, next: null })), ...overflow.map(localOnly));

    // 3. Chunks the new versions no longer use.
    const obsolete: string[] = [];
    for (const b of written) for (const key of b.old?.keys ?? []) if (!(key in b.items)) obsolete.push(key);
    let error: unknown = null;
    if (obsolete.length > 0) {
      ops.push(now());
      await sync.remove(obsolete).catch((e: unknown) => {
        error = e; // only space is lost; the records are whole
      });
    }
    await settle(done);
    if (deferred) schedule(delay);
    if (error !== null) failed(error);
    else lastError = null;
  }

  /** Records a failed write: a message for the options page and a retry later. */
  function failed(error: unknown): void {
    lastError =
      quotaErrorKind(error) === 'rate'
        ? BUSY
        : `Sync storage refused a change (${messageOf(error)}); it is kept on this browser and will be tried again.`;
    schedule(RETRY_MS);
  }

  function flush(): Promise<void> {
    const run = tail.then(flushOnce).catch((error: unknown) => {
      lastError = `Could not sync (${messageOf(error)}); your changes are kept on this browser.`;
      schedule(RETRY_MS);
    });
    tail = run;
    return run;
  }

  /** Several collections from one read of each area: newer wins, a local deletion hides an older synced record. */
  async function readCollections(collections: readonly string[]): Promise<Map<string, Map<string, unknown>>> {
    for (const c of collections) checkCollection(c);
    const [work, syncItems] = await Promise.all([localRecords(), sync.get(null).catch((): Record<string, unknown> => ({}))]);
    const seen = new Map<string, Map<string, { t: number; value: unknown; deleted: boolean }>>(collections.map((c) => [c, new Map()]));
    for (const entry of readSyncItems(syncItems).records.values()) {
      if (entry.readable) seen.get(entry.collection)?.set(entry.id, { t: entry.t, value: entry.value, deleted: false });
    }
    for (const w of work) {
      const records = seen.get(w.collection);
      const synced = records?.get(w.id);
      if (!records || (synced && synced.t > w.record.t)) continue;
      records.set(w.id, 'd' in w.record ? { t: w.record.t, value: undefined, deleted: true } : { t: w.record.t, value: w.record.v, deleted: false });
    }
    const out = new Map<string, Map<string, unknown>>();
    for (const [collection, records] of seen) {
      const values = new Map<string, unknown>();
      for (const [id, { value, deleted }] of records) if (!deleted) values.set(id, value);
      out.set(collection, values);
    }
    return out;
  }

  async function writeLocal(collection: string, entries: ReadonlyArray<readonly [string, LocalRecord]>): Promise<void> {
    checkCollection(collection);
    if (entries.length === 0) return;
    const items: Record<string, unknown> = {};
    for (const [id, record] of entries) items[LOCAL_PREFIX + recordKey(collection, id)] = record;
    await local.set(items);
    schedule(delay);
  }

  return {
    async all(collection) {
      return (await readCollections([collection])).get(collection) ?? new Map();
    },
    readMany: readCollections,
    async put(collection, id, value) {
      return writeLocal(collection, [[id, { v: jsonCopy(value), t: now(), s: 'pending' }]]);
    },
    async putMany(collection, entries) {
      const t = now();
      return writeLocal(
        collection,
        entries.map(([id, value]) => [id, { v: jsonCopy(value), t, s: 'pending' }] as const),
      );
    },
    async delete(collection, id) {
      return writeLocal(collection, [[id, { d: true, t: now(), s: 'pending' }]]);
    },
    flush,
    async status() {
      const localOnly: Record<string, number> = {};
      let pending = 0;
      for (const w of await localRecords()) {
        if (w.record.s === 'local') localOnly[w.collection] = (localOnly[w.collection] ?? 0) + 1;
        else pending++;
      }
      return { localOnly, pending, lastError };
    },
    changedCollections(changes, areaName) {
      const found = new Set<string>();
      for (const key of Object.keys(changes)) {
        let rk: string | null = null;
        if (areaName === 'sync' && key.startsWith(SYNC_PREFIX)) rk = key.slice(SYNC_PREFIX.length);
        else if (areaName === 'sync' && key.startsWith(CHUNK_PREFIX)) rk = chunkRecordKey(key);
        else if (areaName === 'local' && key.startsWith(LOCAL_PREFIX)) rk = key.slice(LOCAL_PREFIX.length);
        const parsed = rk === null ? null : parseRecordKey(rk);
        if (parsed) found.add(parsed.collection);
      }
      return [...found];
    },
  };
}
