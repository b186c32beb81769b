/** Small wording helpers shared by the Packs and Entities sections. */
import type { PackOrigin } from '../../../lib/model';

/** "1 note", "3 notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** “Title”, in curly quotes. */
export function quoted(text: string): string {
  return `“${text}”`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export const ORIGIN_LABELS: Record<PackOrigin, string> = {
  shipped: 'Shipped',
  imported: 'Imported',
  drafted: 'Drafted from an article',
  user: 'My entities',
};
