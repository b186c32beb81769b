/**
 * A deliberately naive reference matcher for property tests: every phrase tried at every
 * position of the normalised text, rules applied with plain string code, then
 * leftmost-longest selection. Shares only the normaliser and the surname rule with the
 * real matcher.
 */
import type { Match } from '../../model';
import { foldWord, surnameIsSomeoneElse } from '../context';
import { normaliseKey, normaliseWithOffsets } from '../normalise';
import type { MatcherSpec } from '../types';

const fold = (ch: string): string => normaliseWithOffsets(ch).text;
const isWord = (ch: string | undefined): boolean => ch !== undefined && /^[\p{L}\p{N}]$/u.test(fold(ch));
const isWordNorm = (ch: string | undefined): boolean => ch !== undefined && /^[\p{L}\p{N}]$/u.test(ch);

function casePattern(s: string): string {
  let out = '';
  for (const ch of s.split('')) {
    const upper = ch !== ch.toLowerCase();
    const lower = ch !== ch.toUpperCase();
    if (upper || lower) out += upper && lower ? 'B' : upper ? 'U' : 'L';
  }
  return out;
}

function caseOk(span: string, aliasText: string, rule: string): boolean {
  if (rule === 'insensitive') return true;
  const want = casePattern(aliasText);
  const got = casePattern(span);
  if (got === want) return true;
  return rule === 'proper' && want.length >= 4 && /^U+$/.test(got);
}

function possessive(text: string, end: number, endsWithS: boolean): number {
  if (fold(text.charAt(end)) !== "'") return end;
  if (fold(text.charAt(end + 1)) === 's' && !isWord(text[end + 2])) return end + 2;
  if (endsWithS && !isWord(text[end + 1])) return end + 1;
  return end;
}

export function referenceScan(spec: MatcherSpec, text: string): Match[] {
  const norm = normaliseWithOffsets(text);
  const words = new Map<string, Set<string>>();
  for (const a of spec.aliases) {
    const parts = a.text.trim().split(/\s+/u);
    if (parts.length < 2) continue;
    const set = words.get(a.entityId) ?? new Set<string>();
    for (const w of parts) set.add(foldWord(w));
    words.set(a.entityId, set);
  }
  const find = (phrase: string, each: (start: number, end: number, key: string) => void): void => {
    const key = normaliseKey(phrase);
    if (key.length === 0) return;
    for (let p = norm.text.indexOf(key); p >= 0; p = norm.text.indexOf(key, p + 1)) {
      if (isWordNorm(key[0]) && isWordNorm(norm.text[p - 1])) continue;
      if (isWordNorm(key[key.length - 1]) && isWordNorm(norm.text[p + key.length])) continue;
      const start = norm.offsets[p] ?? 0;
      let end = (norm.offsets[p + key.length - 1] ?? 0) + 1;
      while (end < text.length && /^\p{M}$/u.test(text.charAt(end))) end++;
      each(start, end, key);
    }
  };
  const negatives: { entityId: string; start: number; end: number }[] = [];
  for (const n of spec.negatives) {
    find(n.text, (start, end, key) => negatives.push({ entityId: n.entityId, start, end: possessive(text, end, key.endsWith('s')) }));
  }
  const candidates: Match[] = [];
  spec.aliases.forEach((a, aliasIndex) => {
    find(a.text, (start, end, key) => {
      if (!caseOk(text.slice(start, end), a.text, a.case)) return;
      if (a.surname === true && surnameIsSomeoneElse(text, start, words.get(a.entityId) ?? new Set())) return;
      const e = possessive(text, end, key.endsWith('s'));
      if (negatives.some((n) => n.entityId === a.entityId && n.start <= start && e <= n.end)) return;
      candidates.push({ entityId: a.entityId, start, end: e, aliasIndex });
    });
  });
  candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.aliasIndex - y.aliasIndex);
  const out: Match[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}
