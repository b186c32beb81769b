/**
 * Small, pure formatting helpers for the card UI: dates, relation labels, safe URLs and
 * the "emphasise the words that mention the entity" splitter. No DOM, no locale. Kind
 * labels live in the kind registry (lib/kinds.ts).
 */
import type { RelationType } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Format an ISO date (`YYYY-MM-DD`, optionally followed by a time) as `d MMM yyyy` in
 * English, independent of the runtime locale and time zone: "2024-03-18" → "18 Mar 2024".
 * Anything that is not such a date is returned unchanged, so bad data stays visible.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const name = MONTHS[month - 1];
  if (name === undefined || day < 1 || day > daysInMonth(year, month)) return iso;
  return `${day} ${name} ${year}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "called-for-by" → "called for by". */
export function relationLabel(type: RelationType): string {
  return type.replace(/-/g, ' ');
}

/**
 * The URL as a string if it is an absolute http(s) URL, else null. Only these ever become
 * links (no `javascript:`, `data:`, relative or protocol-relative URLs).
 */
export function safeHttpUrl(url: string | undefined): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The host of a URL without "www.", for a compact "publisher" fallback; '' if none. */
export function urlHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface Segment {
  text: string;
  mark: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Split `text` into plain and marked segments, marking every case-insensitive whole-word
 * occurrence of any of `terms` (longest term first, so "Benjamin Netanyahu" wins over
 * "Netanyahu"). Word boundaries are Unicode letters/digits, so "Netanyahu’s" marks
 * "Netanyahu" and "Hamasi" marks nothing. Concatenating the segments gives `text` back.
 */
export function markTerms(text: string, terms: readonly string[]): Segment[] {
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (unique.length === 0 || text.length === 0) return text ? [{ text, mark: false }] : [];
  unique.sort((a, b) => b.length - a.length);
  const alternation = unique.map(escapeRegExp).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`, 'giu');
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    if (m[0].length === 0) continue;
    if (start > last) out.push({ text: text.slice(last, start), mark: false });
    out.push({ text: m[0], mark: true });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}
