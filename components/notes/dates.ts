/**
 * Note dates for display. Notes store epoch milliseconds; the card speaks `lib/format`'s
 * "18 Mar 2024", in the reader's own time zone (a note written late on the 14th is on the
 * 14th for its writer).
 */
import { formatDate } from '../../lib/format';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar date of `ms` as `YYYY-MM-DD`. */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "14 Mar 2024" for an epoch-ms time; '' for a time that is not a finite number. */
export function noteDate(ms: number): string {
  return Number.isFinite(ms) ? formatDate(localIsoDate(ms)) : '';
}

/** A machine-readable `datetime` attribute value (ISO, UTC) or undefined if invalid. */
export function noteDateTime(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
