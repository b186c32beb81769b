/** Local-calendar date helpers for the library's date filter and file names. */
import { formatDay as formatLocalDay } from '../../lib/i18n';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar day of `ms` as YYYY-MM-DD. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDay(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Epoch ms of the start of a YYYY-MM-DD day (local time), or undefined. */
export function dayStart(value: string): number | undefined {
  return parseDay(value)?.getTime();
}

/** Epoch ms of the last millisecond of a YYYY-MM-DD day (local time), or undefined. */
export function dayEnd(value: string): number | undefined {
  const d = parseDay(value);
  if (!d) return undefined;
  d.setDate(d.getDate() + 1);
  return d.getTime() - 1;
}

/** "18 Mar 2024" (in the UI's language), in local time. */
export function formatDay(ms: number): string {
  return formatLocalDay(ms);
}
