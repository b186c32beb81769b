/**
 * The per-candidate checks of the scan, on the original text and without allocating: word
 * boundaries (with the language rules of lang.ts: Hebrew and Arabic prefixes, the German
 * genitive), the case rule, the surname context and possessives.
 */
import { surnameIsSomeoneElseIn } from './context';
import * as L from './lang';
import * as N from './normalise';
import * as P from './parts';
import type { MatcherParts } from './parts';

// Module-local copies of imported bindings (see scanner.ts).
const { foldUnit, kindOf, K_IGNORABLE, K_MARK, K_UPPER, K_LOWER, K_WORD } = N;
const { F_CAPS_OK, F_ENDS_S, F_ENDS_WORD, F_LANG, F_STARTS_WORD, F_SURNAME, RULE_INSENSITIVE, RULE_MASK, RULE_SENSITIVE, RULE_SHIFT } = P;
const { articleStart, genitiveEnd, prefixOk, R_AR_ARTICLE, R_GENITIVE } = L;

/** Where the last candidate `checkCandidate` accepted starts (`checked[0]`). */
export const checked = new Int32Array(1);

function isWordAt(text: string, i: number): boolean {
  return i < text.length && (kindOf(text.charCodeAt(i)) & K_WORD) !== 0;
}

/** Extends a mention over a following possessive: 's / ’s, or a bare ' after an s. */
export function possessiveEnd(text: string, end: number, endsWithS: boolean): number {
  if (end >= text.length || foldUnit(text.charCodeAt(end)) !== 0x27) return end;
  const next = end + 1;
  if (next < text.length && foldUnit(text.charCodeAt(next)) === 0x73 && !isWordAt(text, next + 1)) return next + 1;
  if (endsWithS && !isWordAt(text, next)) return next;
  return end;
}

/** False when a word character (ignorables skipped) comes right before `start`. */
function wordStartOk(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0) {
    const k = kindOf(text.charCodeAt(j));
    if ((k & K_IGNORABLE) === 0) return (k & K_WORD) === 0;
    j--;
  }
  return true;
}

/** False when a word character (ignorables skipped) comes at or after `end`. */
function wordEndOk(text: string, end: number): boolean {
  const n = text.length;
  for (let j = end; j < n; j++) {
    const k = kindOf(text.charCodeAt(j));
    if ((k & K_IGNORABLE) === 0) return (k & K_WORD) === 0;
  }
  return true;
}

const CASED = K_UPPER | K_LOWER;

/** The first index from `from` on (below `end`) of a cased letter of `s`, else ≥ `end`. */
function nextCased(s: string, from: number, end: number): number {
  let k = from;
  while (k < end && (kindOf(s.charCodeAt(k)) & CASED) === 0) k++;
  return k;
}

/**
 * The case rule: the cased letters of the span match the alias's one for one (upper for
 * upper, lower for lower), or, where allowed, they are all upper case.
 */
function caseOk(p: MatcherParts, text: string, start: number, end: number, alias: number, flags: number): boolean {
  const rule = (flags >> RULE_SHIFT) & RULE_MASK;
  if (rule === RULE_INSENSITIVE) return true;
  const { aliasText, aliasEnds } = p.columns;
  let k = alias > 0 ? (aliasEnds[alias - 1] ?? 0) : 0;
  const kEnd = aliasEnds[alias] ?? 0;
  let exact = true;
  let allUpper = true;
  for (let i = start; i < end; i++) {
    const cased = kindOf(text.charCodeAt(i)) & CASED;
    if (cased === 0) continue;
    if (cased !== K_UPPER) {
      allUpper = false;
      // Neither exact nor ALL CAPS can hold any more.
      if (!exact) return false;
    }
    k = nextCased(aliasText, k, kEnd);
    const want = k < kEnd ? kindOf(aliasText.charCodeAt(k)) & CASED : 0;
    if (want !== cased) {
      exact = false;
      if (!allUpper) return false;
    }
    k++;
  }
  if (nextCased(aliasText, k, kEnd) < kEnd) exact = false;
  if (exact) return true;
  return rule !== RULE_SENSITIVE && allUpper && (flags & F_CAPS_OK) !== 0;
}

/** Where a mention ending at `rawEnd` ends: combining marks after it belong to it. */
export function markEnd(text: string, rawEnd: number): number {
  const n = text.length;
  let end = rawEnd;
  while (end < n && (kindOf(text.charCodeAt(end)) & K_MARK) !== 0) end++;
  return end;
}

/** True when a word character (ignorables skipped) follows `end`. */
export function wordAfter(text: string, end: number): boolean {
  return !wordEndOk(text, end);
}

/** Flags of an item (alias index, or negative `-(j + 1)`). */
export function itemFlags(p: MatcherParts, item: number): number {
  return item >= 0 ? (p.aliasFlags[item] as number) : (p.negFlags[-item - 1] as number);
}

/** Language rules of an item (`R_*` of lang.ts). */
function itemRules(p: MatcherParts, item: number): number {
  return item >= 0 ? (p.aliasRules[item] as number) : (p.negRules[-item - 1] as number);
}

/**
 * Checks candidate `item` (alias index, or negative `-(j + 1)`, with `itemFlags` `flags`)
 * whose key spans `start..end` (`markEnd` applied). `endBlocked` is `F_ENDS_WORD` when a
 * word character follows `end` (the caller has already dropped the items that this
 * rejects and that have no language rules), else 0. Returns the end of the mention
 * (possessive or genitive included), or -1 when it is rejected; its start (which a
 * language rule may move: the Arabic article) goes to `checked[0]`.
 */
export function checkCandidate(p: MatcherParts, text: string, item: number, flags: number, start: number, end: number, endBlocked: number): number {
  let s = start;
  let genitive = -1;
  if ((flags & F_LANG) !== 0) {
    const rules = itemRules(p, item);
    if ((flags & endBlocked & F_ENDS_WORD) !== 0) {
      if ((rules & R_GENITIVE) === 0) return -1;
      genitive = genitiveEnd(text, end);
      if (genitive < 0) return -1;
    }
    if ((rules & R_AR_ARTICLE) !== 0) {
      s = articleStart(text, start);
      if (s < 0) return -1;
    } else if ((flags & F_STARTS_WORD) !== 0 && !wordStartOk(text, start) && !prefixOk(text, start, rules)) return -1;
  } else if ((flags & F_STARTS_WORD) !== 0 && !wordStartOk(text, start)) return -1;
  if (item >= 0) {
    if (!caseOk(p, text, s, end, item, flags)) return -1;
    if ((flags & F_SURNAME) !== 0) {
      const keep = p.entityKeep.get(p.columns.aliasEntity[item] ?? 0);
      if (keep && surnameIsSomeoneElseIn(text, s, keep)) return -1;
    }
  }
  checked[0] = s;
  return genitive >= 0 ? markEnd(text, genitive) : possessiveEnd(text, end, (flags & F_ENDS_S) !== 0);
}
