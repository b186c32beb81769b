/**
 * The units the synced store's flush works in (store.ts): one record on its way from the
 * local write-ahead log to sync, what the flush settles it to, and a batch of sync items.
 */
import type { LocalRecord, SyncEntry } from './records';

export interface Settle {
  work: Work;
  next: LocalRecord | null;
}

export interface Batch {
  work: Work;
  items: Record<string, unknown>;
  old: SyncEntry | undefined;
}

export interface Work {
  lk: string;
  rk: string;
  collection: string;
  id: string;
  record: LocalRecord;
  /** The local record as JSON when read, to settle it only if nothing rewrote it since. */
  json: string;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function jsonCopy(value: unknown): unknown {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('a synced value must be JSON');
  return JSON.parse(json) as unknown;
}

/** A put that did not fit: kept on this browser only, offered to sync again next time. */
export function localOnly(w: Work): Settle {
  return { work: w, next: 'd' in w.record ? w.record : { v: w.record.v, t: w.record.t, s: 'local' } };
}
