/**
 * `storage.sync`'s limits, the same in Chrome and Firefox (Firefox enforces the byte and
 * item limits; only Chrome has the write-rate limits), and how to tell a quota error from
 * any other failure.
 */
export const SYNC_QUOTA = {
  /** All items together: keys plus their values as JSON. */
  QUOTA_BYTES: 102_400,
  /** One item: its key plus its value as JSON. */
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  /** `set`, `remove` and `clear` calls (Chrome). */
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

export type SyncQuotas = { -readonly [K in keyof typeof SYNC_QUOTA]: number };

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** What one item costs against the quotas: its key and its value as JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? 'null');
}

export type QuotaErrorKind = 'bytes' | 'item' | 'items' | 'rate';

/**
 * Which quota a failed write ran into, or null for any other error. Chrome names the
 * quota ("QUOTA_BYTES quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded");
 * Firefox throws a QuotaExceededError without saying which.
 */
export function quotaErrorKind(error: unknown): QuotaErrorKind | null {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/MAX_WRITE_OPERATIONS_PER_(MINUTE|HOUR)|MAX_SUSTAINED_WRITE_OPERATIONS/.test(text)) return 'rate';
  if (/QUOTA_BYTES_PER_ITEM/.test(text)) return 'item';
  if (/MAX_ITEMS/.test(text)) return 'items';
  if (/QUOTA_BYTES|QuotaExceeded|quota (limitations|exceeded)/i.test(text)) return 'bytes';
  return null;
}
