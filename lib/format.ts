/**
 * Small, pure formatting helpers for the card UI: dates, relation labels, safe URLs and
 * the "emphasise the words that mention the entity" splitter. No DOM. Dates and words are
 * in the UI's language (lib/i18n.ts); kind labels live in the kind registry (lib/kinds.ts).
 */
import type { RelationType } from './model';
import { formatIsoDay, t, type PlainKey } from './i18n';

/**
 * Format an ISO date (`YYYY-MM-DD`, optionally followed by a time) as a day in the UI's
 * language, independent of the time zone: "2024-03-18" → "18 Mar 2024" (British English),
 * "Mar 18, 2024" (American), "18 mars 2024", "18 במרץ 2024". Anything that is not such a
 * date is returned unchanged, so bad data stays visible.
 */
export function formatDate(iso: string): string {
  return formatIsoDay(iso);
}

/** Each relation type's words ("called-for-by" → "called for by"). */
const RELATION_LABELS: Record<RelationType, PlainKey> = {
  criticised: 'rel_criticised',
  'criticised-by': 'rel_criticised_by',
  'called-for': 'rel_called_for',
  'called-for-by': 'rel_called_for_by',
  supports: 'rel_supports',
  'supported-by': 'rel_supported_by',
  opposes: 'rel_opposes',
  'opposed-by': 'rel_opposed_by',
  leads: 'rel_leads',
  'led-by': 'rel_led_by',
  'member-of': 'rel_member_of',
  'has-member': 'rel_has_member',
  'located-in': 'rel_located_in',
  contains: 'rel_contains',
  'ally-of': 'rel_ally_of',
  'in-conflict-with': 'rel_in_conflict_with',
  'concerned-about': 'rel_concerned_about',
  'concern-of': 'rel_concern_of',
  pressures: 'rel_pressures',
  'pressured-by': 'rel_pressured_by',
  'related-to': 'rel_related_to',
};

/** "called-for-by" → "called for by" (in the UI's language). */
export function relationLabel(type: RelationType): string {
  const key = RELATION_LABELS[type] as PlainKey | undefined;
  return key ? t(key) : type.replace(/-/g, ' ');
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
