/**
 * How the synced store lays its records out in the two storage areas, as pure functions.
 *
 * Sync: `bs:<collection>:<id>` = `{ v, t }` (the value and when it was written). A record
 * too large for one 8 KB item is split: the head `{ t, h, n }` names `n` chunks
 * `bs~<i>~<collection>:<id>`, each `<h>:` and a piece of the value's JSON, written in the
 * same `set` as the head. The chunk keys stay the same from one version to the next, so a
 * rewrite overwrites them in place; the hash `h` in the head and in every chunk tells a
 * reader in another browser when the pieces it has are of different versions (sync may
 * deliver them one by one).
 *
 * Local: `bsl:<collection>:<id>` = `{ v, t, s }` or, for a deletion, `{ d: true, t, s }`.
 * `s: 'pending'` waits for the next flush to sync; `s: 'local'` did not fit in sync and is
 * kept on this browser only (it is offered to sync again on every flush).
 */
import { SYNC_QUOTA, itemBytes, utf8Bytes } from './quota';

export const SYNC_PREFIX = 'bs:';
export const CHUNK_PREFIX = 'bs~';
export const LOCAL_PREFIX = 'bsl:';

export type LocalRecord =
  | { v: unknown; t: number; s: 'pending' | 'local' }
  | { d: true; t: number; s: 'pending' };

/** One record as found in sync storage. */
export interface SyncEntry {
  collection: string;
  id: string;
  t: number;
  /** The value, or undefined while the record is unreadable (chunks missing or garbled). */
  value: unknown;
  readable: boolean;
  /** The head's key and its chunks' keys, as stored now. */
  keys: string[];
  /** What those keys cost against the quota. */
  bytes: number;
}

export interface SyncSnapshot {
  records: Map<string, SyncEntry>;
  /** Every item in the area, Backstory's or not, as the quota counts them. */
  bytes: number;
  /** What each item costs now. */
  costs: Map<string, number>;
  items: number;
}

/** A collection name: letters and digits only, so keys parse back unambiguously. */
export function checkCollection(collection: string): void {
  if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(collection)) throw new Error(`not a collection name: "${collection}"`);
}

export const recordKey = (collection: string, id: string): string => `${collection}:${id}`;

export function parseRecordKey(rest: string): { collection: string; id: string } | null {
  const colon = rest.indexOf(':');
  if (colon <= 0) return null;
  return { collection: rest.slice(0, colon), id: rest.slice(colon + 1) };
}

export const chunkKey = (index: number, rk: string): string => `${CHUNK_PREFIX}${index}~${rk}`;

/** The record key a chunk key belongs to (`collection:id`), or null. */
export function chunkRecordKey(key: string): string | null {
  if (!key.startsWith(CHUNK_PREFIX)) return null;
  const rest = key.slice(CHUNK_PREFIX.length);
  const tilde = rest.indexOf('~');
  if (tilde <= 0 || !/^\d+$/.test(rest.slice(0, tilde))) return null;
  return rest.slice(tilde + 1);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A local record, or null when what is stored under the key is not one. */
export function asLocalRecord(value: unknown): LocalRecord | null {
  if (!isObject(value) || !isTime(value.t)) return null;
  if (value.d === true && value.s === 'pending') return { d: true, t: value.t, s: 'pending' };
  if ('v' in value && (value.s === 'pending' || value.s === 'local')) return { v: value.v, t: value.t, s: value.s };
  return null;
}

/** Reads every Backstory record out of a sync area's items, joining chunked ones. */
export function readSyncItems(items: Record<string, unknown>): SyncSnapshot {
  const records = new Map<string, SyncEntry>();
  const costs = new Map<string, number>();
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    const cost = itemBytes(key, value);
    costs.set(key, cost);
    bytes += cost;
    count++;
    if (!key.startsWith(SYNC_PREFIX) || !isObject(value) || !isTime(value.t)) continue;
    const rk = key.slice(SYNC_PREFIX.length);
    const parsed = parseRecordKey(rk);
    if (!parsed) continue;
    const entry: SyncEntry = { ...parsed, t: value.t, value: undefined, readable: false, keys: [key], bytes: itemBytes(key, value) };
    if ('v' in value) {
      entry.value = value.v;
      entry.readable = true;
    } else if (typeof value.h === 'string' && Number.isInteger(value.n) && typeof value.n === 'number' && value.n > 0 && value.n <= SYNC_QUOTA.MAX_ITEMS) {
      const pieces: string[] = [];
      for (let i = 0; i < value.n; i++) {
        const ck = chunkKey(i, rk);
        const piece = items[ck];
        if (ck in items) {
          entry.keys.push(ck);
          entry.bytes += itemBytes(ck, piece);
        }
        const mark = `${value.h}:`;
        if (typeof piece === 'string' && piece.startsWith(mark)) pieces.push(piece.slice(mark.length));
      }
      if (pieces.length === value.n) {
        try {
          entry.value = JSON.parse(pieces.join('')) as unknown;
          entry.readable = true;
        } catch {
          // Garbled or half-arrived: unreadable until the rest comes.
        }
      }
    }
    records.set(rk, entry);
  }
  return { records, bytes, items: count, costs };
}

/** Bytes a character costs inside a JSON string. */
function escapedBytes(char: string): number {
  if (char === '"' || char === '\\') return 2;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return '\b\f\n\r\t'.includes(char) ? 2 : 6;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate is escaped
  return utf8Bytes(char);
}

/** Splits `text` into pieces that each cost at most `budget` bytes as JSON string contents. */
export function splitText(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const cost = escapedBytes(char);
    if (used + cost > budget && current !== '') {
      pieces.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** A short content hash (FNV-1a, base 36) naming one version's chunks. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The sync items for one record: one item when it fits in 8 KB, else a head and chunks.
 * Null when it cannot be stored at all (the whole area would not hold it).
 */
export function encodeRecord(collection: string, id: string, value: unknown, t: number): Record<string, unknown> | null {
  const rk = recordKey(collection, id);
  const key = SYNC_PREFIX + rk;
  const single = { v: value, t };
  if (itemBytes(key, single) <= SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) return { [key]: single };
  const json = JSON.stringify(value);
  if (json.length > SYNC_QUOTA.QUOTA_BYTES) return null;
  const hash = shortHash(`${t}:${json}`);
  // The longest chunk key there can be (an index of three digits), the quotes and the mark.
  const budget = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM - utf8Bytes(chunkKey(SYNC_QUOTA.MAX_ITEMS, rk)) - 3 - utf8Bytes(hash);
  if (budget < 256) return null;
  const pieces = splitText(json, budget);
  const head = { t, h: hash, n: pieces.length };
  if (pieces.length >= SYNC_QUOTA.MAX_ITEMS || itemBytes(key, head) > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) return null;
  const items: Record<string, unknown> = { [key]: head };
  pieces.forEach((piece, i) => {
    items[chunkKey(i, rk)] = `${hash}:${piece}`;
  });
  return items;
}

/** What a set of items costs against the quota. */
export function itemCost(items: Record<string, unknown>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return bytes;
}
