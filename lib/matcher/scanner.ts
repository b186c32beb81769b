/**
 * The scan: one pass over the text, normalising each UTF-16 code unit on the fly (class
 * table lookup; ignorables skipped; separator runs collapsed), one automaton transition
 * per symbol. Candidates that end at a state with outputs are checked against the
 * original text (word boundaries, case rule, surname context), possessives are included,
 * negatives are applied, and the leftmost-longest non-overlapping candidates win.
 */
import type { Match } from '../model';
import { surnameIsSomeoneElse } from './context';
import * as N from './normalise';
import { encodeData } from './data';
import * as P from './parts';
import type { MatcherParts } from './parts';
import * as T from './trie';
import type { AliasSpec, Matcher, MatcherData } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts the hot loop.
const { foldUnit, kindOf, FOLD_IGNORE, FOLD_SEP, K_IGNORABLE, K_MARK, K_UPPER, K_LOWER, K_WORD } = N;
const { F_CAPS_OK, F_ENDS_S, F_ENDS_WORD, F_STARTS_WORD, F_SURNAME, RULE_INSENSITIVE, RULE_SENSITIVE } = P;
const { CLS_IGNORE, CLS_OTHER, CLS_SEP, CLS_UNKNOWN, CLS_FIRST } = T;

function isWordAt(text: string, i: number): boolean {
  return i < text.length && (kindOf(text.charCodeAt(i)) & K_WORD) !== 0;
}

export class AutomatonMatcher implements Matcher {
  private readonly classOf = new Uint16Array(65536);
  private readonly symbolClass: Map<number, number>;
  /** Accepted candidates: start, end, alias (growable, reused between scans). */
  private cand: Int32Array<ArrayBuffer> = new Int32Array(96);
  private candCount = 0;
  /** Negative occurrences: start, end, entity. */
  private neg: Int32Array<ArrayBuffer> = new Int32Array(24);
  private negCount = 0;

  constructor(private readonly parts: MatcherParts) {
    this.symbolClass = new Map(parts.symbols.map((c, i) => [c, CLS_FIRST + i]));
  }

  get aliases(): readonly AliasSpec[] {
    return this.parts.aliases;
  }

  toData(): MatcherData {
    return encodeData(this.parts);
  }

  private resolveClass(c: number): number {
    const f = foldUnit(c);
    const cls = f === FOLD_IGNORE ? CLS_IGNORE : f === FOLD_SEP ? CLS_SEP : (this.symbolClass.get(f) ?? CLS_OTHER);
    this.classOf[c] = cls;
    return cls;
  }

  scan(text: string): Match[] {
    this.candCount = 0;
    this.negCount = 0;
    const a = this.parts.automaton;
    const dense = a.dense;
    const nc = a.numClasses;
    const denseStates = a.denseStates;
    const edgeStart = a.edgeStart;
    const edgeClasses = a.edgeClasses;
    const fail = a.fail;
    const outMark = a.outMark;
    const classOf = this.classOf;
    const n = text.length;
    // `row` is the current dense row offset, or -1 when in sparse state `s`.
    let row = 0;
    let s = 0;
    let lastSep = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let cls = classOf[c] as number;
      if (cls === CLS_UNKNOWN) cls = this.resolveClass(c);
      if (cls > CLS_SEP) {
        lastSep = false;
      } else if (cls === CLS_SEP) {
        if (lastSep) continue;
        lastSep = true;
      } else {
        if (cls === CLS_OTHER) {
          row = 0;
          lastSep = false;
        }
        continue;
      }
      let t = -1;
      if (row >= 0) {
        const v = dense[row + cls] as number;
        if (v >= 0) {
          row = v;
          continue;
        }
        t = -v - 1;
      } else {
        let q = s;
        for (;;) {
          const end = edgeStart[q + 1] as number;
          for (let j = edgeStart[q] as number; j < end; j++) {
            const ec = edgeClasses[j] as number;
            if (ec >= cls) {
              if (ec === cls) t = j + 1;
              break;
            }
          }
          if (t >= 0) break;
          q = fail[q] as number;
          if (q < denseStates) {
            const v = dense[q * nc + cls] as number;
            if (v >= 0) row = v;
            else t = -v - 1;
            break;
          }
        }
        if (t < 0) continue;
      }
      if (outMark[t] !== 0) this.collect(text, t, i + 1);
      if (t < denseStates) {
        row = t * nc;
      } else {
        row = -1;
        s = t;
      }
    }
    return this.select();
  }

  /** Checks every pattern ending at `end` (its last code unit is `end - 1`) in state `s`. */
  private collect(text: string, s: number, end: number): void {
    const a = this.parts.automaton;
    let o = (a.termStart[s + 1] ?? 0) > (a.termStart[s] ?? 0) ? s : (a.outLink[s] ?? -1);
    while (o >= 0) {
      const start = startOf(text, end, a.depth[o] ?? 0);
      const last = a.termStart[o + 1] ?? 0;
      for (let t = a.termStart[o] ?? 0; t < last; t++) this.consider(text, a.termItems[t] ?? 0, start, end);
      o = a.outLink[o] ?? -1;
    }
  }

  private consider(text: string, item: number, start: number, rawEnd: number): void {
    const p = this.parts;
    const n = text.length;
    let end = rawEnd;
    while (end < n && (kindOf(text.charCodeAt(end)) & K_MARK) !== 0) end++;
    const flags = item >= 0 ? (p.aliasFlags[item] ?? 0) : (p.negFlags[-item - 1] ?? 0);
    if ((flags & F_STARTS_WORD) !== 0) {
      let j = start - 1;
      while (j >= 0 && (kindOf(text.charCodeAt(j)) & K_IGNORABLE) !== 0) j--;
      if (j >= 0 && (kindOf(text.charCodeAt(j)) & K_WORD) !== 0) return;
    }
    if ((flags & F_ENDS_WORD) !== 0) {
      let j = end;
      while (j < n && (kindOf(text.charCodeAt(j)) & K_IGNORABLE) !== 0) j++;
      if (isWordAt(text, j)) return;
    }
    if (item >= 0) {
      if (!this.caseOk(text, start, end, item, flags)) return;
      if ((flags & F_SURNAME) !== 0) {
        const words = p.entityWords[p.aliasEntity[item] ?? 0];
        if (words && surnameIsSomeoneElse(text, start, words)) return;
      }
    }
    end = possessiveEnd(text, end, (flags & F_ENDS_S) !== 0);
    if (item >= 0) this.pushCandidate(start, end, item);
    else this.pushNegative(start, end, p.negEntity[-item - 1] ?? 0);
  }

  private caseOk(text: string, start: number, end: number, alias: number, flags: number): boolean {
    const p = this.parts;
    const rule = p.aliasRule[alias] ?? RULE_INSENSITIVE;
    if (rule === RULE_INSENSITIVE) return true;
    let k = p.casePatStart[alias] ?? 0;
    const kEnd = p.casePatStart[alias + 1] ?? 0;
    let exact = true;
    let allUpper = true;
    for (let i = start; i < end; i++) {
      const cased = kindOf(text.charCodeAt(i)) & (K_UPPER | K_LOWER);
      if (cased === 0) continue;
      if (cased !== K_UPPER) allUpper = false;
      if (k >= kEnd || p.casePat[k] !== cased) exact = false;
      k++;
    }
    if (k !== kEnd) exact = false;
    if (exact) return true;
    return rule !== RULE_SENSITIVE && allUpper && (flags & F_CAPS_OK) !== 0;
  }

  private pushCandidate(start: number, end: number, alias: number): void {
    const at = this.candCount * 3;
    if (at + 3 > this.cand.length) this.cand = grow(this.cand);
    this.cand[at] = start;
    this.cand[at + 1] = end;
    this.cand[at + 2] = alias;
    this.candCount++;
  }

  private pushNegative(start: number, end: number, entity: number): void {
    const at = this.negCount * 3;
    if (at + 3 > this.neg.length) this.neg = grow(this.neg);
    this.neg[at] = start;
    this.neg[at + 1] = end;
    this.neg[at + 2] = entity;
    this.negCount++;
  }

  private insideNegative(start: number, end: number, entity: number): boolean {
    for (let j = 0; j < this.negCount * 3; j += 3) {
      if (this.neg[j + 2] === entity && (this.neg[j] ?? 0) <= start && end <= (this.neg[j + 1] ?? 0)) return true;
    }
    return false;
  }

  /** Leftmost-longest, non-overlapping; ties go to the lower alias index. */
  private select(): Match[] {
    const cand = this.cand;
    const { aliasEntity, entities } = this.parts;
    const order: number[] = [];
    for (let c = 0; c < this.candCount; c++) {
      const at = c * 3;
      const alias = cand[at + 2] ?? 0;
      const entity = aliasEntity[alias] ?? 0;
      if (this.negCount > 0 && this.insideNegative(cand[at] ?? 0, cand[at + 1] ?? 0, entity)) continue;
      order.push(at);
    }
    // Candidates arrive in end order, which is usually already start order: sort only when not.
    let sorted = true;
    for (let k = 1; k < order.length && sorted; k++) {
      if (compareCandidates(cand, order[k - 1] ?? 0, order[k] ?? 0) > 0) sorted = false;
    }
    if (!sorted) order.sort((x, y) => compareCandidates(cand, x, y));
    const out: Match[] = [];
    let lastEnd = -1;
    for (const at of order) {
      const start = cand[at] ?? 0;
      if (start < lastEnd) continue;
      const aliasIndex = cand[at + 2] ?? 0;
      lastEnd = cand[at + 1] ?? 0;
      out.push({ entityId: entities[aliasEntity[aliasIndex] ?? 0] ?? '', start, end: lastEnd, aliasIndex });
    }
    return out;
  }
}

/** Start ascending, then end descending, then alias index ascending. */
function compareCandidates(cand: Int32Array, x: number, y: number): number {
  return (cand[x] ?? 0) - (cand[y] ?? 0) || (cand[y + 1] ?? 0) - (cand[x + 1] ?? 0) || (cand[x + 2] ?? 0) - (cand[y + 2] ?? 0);
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Where a match of `symbols` normalised symbols ending at `end` starts: walks back over
 * the original text the way the normaliser walks forward (ignorables skipped, a run of
 * separators is one symbol). Matches never start with a separator.
 */
function startOf(text: string, end: number, symbols: number): number {
  let count = 0;
  let inSep = false;
  for (let j = end - 1; j >= 0; j--) {
    const f = foldUnit(text.charCodeAt(j));
    if (f === FOLD_IGNORE) continue;
    if (f === FOLD_SEP) {
      if (!inSep) count++;
      inSep = true;
      continue;
    }
    inSep = false;
    if (++count === symbols) return j;
  }
  return 0;
}

/** Extends a mention over a following possessive: 's / ’s, or a bare ' after an s. */
export function possessiveEnd(text: string, end: number, endsWithS: boolean): number {
  if (end >= text.length || foldUnit(text.charCodeAt(end)) !== 0x27) return end;
  const next = end + 1;
  if (next < text.length && foldUnit(text.charCodeAt(next)) === 0x73 && !isWordAt(text, next + 1)) return next + 1;
  if (endsWithS && !isWordAt(text, next)) return next;
  return end;
}
