/**
 * A deliberately naive reference matcher for property tests: every phrase tried at every
 * position of the normalised text, rules applied with plain string code (the language
 * rules with regular expressions over the normalised text), then leftmost-longest
 * selection. Shares only the normaliser and the surname rule with the real matcher.
 */
import type { Match } from '../../model';
import { foldWord, surnameIsSomeoneElse } from '../context';
import { isWordFold, normaliseKey, normaliseWithOffsets } from '../normalise';
import type { MatcherSpec } from '../types';

const fold = (ch: string): string => normaliseWithOffsets(ch).text;
const isWordNorm = (ch: string | undefined): boolean => ch !== undefined && ch.length === 1 && isWordFold(ch.charCodeAt(0));
const isWord = (ch: string | undefined): boolean => ch !== undefined && isWordNorm(fold(ch));

/** The language rules, as lang.ts documents them. */
const HE_PREFIX = /^ו?(?:ש|כש|לכש)?[בלמכ]?$/u;
const AR_PREFIX = /^[وف]?[بلك]?$/u;
const AR_ARTICLE = /^[وف]?[بك]?ال$/u;
const AR_LL = /^[وف]?لل$/u;
const GENITIVE_S = ['de', 'da', 'sv', 'no', 'nb', 'nn'];

type Rule = 'he' | 'ar' | 'ar-article' | 'genitive' | null;

function letters(s: string): number {
  return [...s].filter((ch) => isWordNorm(ch)).length;
}

function ruleOf(key: string, lang: string | undefined): Rule {
  const first = [...key].find((ch) => isWordNorm(ch)) ?? '';
  if (/\p{Script=Hebrew}/u.test(first) && (lang === undefined || lang === 'he')) return letters(key) >= 3 ? 'he' : null;
  if (/\p{Script=Arabic}/u.test(first) && (lang === undefined || lang === 'ar')) {
    if (/^ال/u.test(key) && isWordNorm(key[2]) && letters(key.slice(2)) >= 3) return 'ar-article';
    return letters(key) >= 3 ? 'ar' : null;
  }
  const last = key.charAt(key.length - 1);
  if (lang !== undefined && GENITIVE_S.includes(lang) && isWordNorm(last) && !'sßxz'.includes(last)) return 'genitive';
  return null;
}

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

interface Found {
  start: number;
  /** Where the phrase itself ends (trailing combining marks included). */
  keyEnd: number;
  /** Before any possessive. */
  end: number;
  /** A genitive s was taken (no possessive then). */
  genitive: boolean;
  endsWithS: boolean;
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
  const withMarks = (end: number): number => {
    let e = end;
    while (e < text.length && /^\p{M}$/u.test(text.charAt(e))) e++;
    return e;
  };
  /** The run of word characters of the normalised text right before `p`. */
  const wordBefore = (p: number): string => {
    let q = p;
    while (q > 0 && isWordNorm(norm.text[q - 1])) q--;
    return norm.text.slice(q, p);
  };
  const find = (phrase: string, lang: string | undefined, each: (f: Found) => void): void => {
    const full = normaliseKey(phrase);
    if (full.length === 0) return;
    const rule = ruleOf(full, lang);
    const key = rule === 'ar-article' ? full.slice(2) : full;
    for (let p = norm.text.indexOf(key); p >= 0; p = norm.text.indexOf(key, p + 1)) {
      let start = norm.offsets[p] ?? 0;
      const before = wordBefore(p);
      if (rule === 'ar-article') {
        if (AR_ARTICLE.test(before)) start = norm.offsets[p - 2] ?? 0;
        else if (AR_LL.test(before)) start = norm.offsets[p - 1] ?? 0;
        else continue;
      } else if (isWordNorm(key[0]) && before !== '') {
        const ok = (rule === 'he' && before.length <= 3 && HE_PREFIX.test(before)) || (rule === 'ar' && before.length <= 2 && AR_PREFIX.test(before));
        if (!ok) continue;
      }
      const end = withMarks((norm.offsets[p + key.length - 1] ?? 0) + 1);
      let genitive = false;
      let e = end;
      if (isWordNorm(key[key.length - 1]) && isWordNorm(norm.text[p + key.length])) {
        // Only a genitive s (the next code unit itself, then no word character) may follow.
        const q = norm.offsets.indexOf(end);
        if (rule !== 'genitive' || fold(text.charAt(end)) !== 's' || q < 0 || isWordNorm(norm.text[q + 1])) continue;
        genitive = true;
        e = withMarks(end + 1);
      }
      each({ start, keyEnd: end, end: e, genitive, endsWithS: key.endsWith('s') });
    }
  };
  const endOf = (f: Found): number => (f.genitive ? f.end : possessive(text, f.end, f.endsWithS));
  const negatives: { entityId: string; start: number; end: number }[] = [];
  for (const n of spec.negatives) {
    find(n.text, undefined, (f) => negatives.push({ entityId: n.entityId, start: f.start, end: endOf(f) }));
  }
  const candidates: Match[] = [];
  spec.aliases.forEach((a, aliasIndex) => {
    find(a.text, a.lang, (f) => {
      const { start } = f;
      if (!caseOk(text.slice(start, f.keyEnd), a.text, a.case)) return;
      if (a.surname === true && surnameIsSomeoneElse(text, start, words.get(a.entityId) ?? new Set())) return;
      const e = endOf(f);
      if (negatives.some((n) => n.entityId === a.entityId && n.start <= start && e <= n.end)) return;
      const m: Match = { entityId: a.entityId, start, end: e, aliasIndex };
      if (a.lang !== undefined) m.lang = a.lang;
      candidates.push(m);
    });
  });
  candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.aliasIndex - y.aliasIndex);
  const exact = (c: Match): boolean => {
    const t = spec.aliases[c.aliasIndex]?.text ?? '';
    return text.slice(c.start, c.start + t.length) === t;
  };
  const out: Match[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    const ties = candidates.filter((x) => x.start === c.start && x.end === c.end);
    out.push(ties.find(exact) ?? c);
    lastEnd = c.end;
  }
  return out;
}
