/**
 * The scan: one pass over the text, normalising each UTF-16 code unit on the fly (class
 * table lookup; ignorables skipped; separator runs collapsed), one automaton transition
 * per symbol. Candidates that end at a state with outputs are checked against the
 * original text (word boundaries, case rule, surname context), possessives are included,
 * negatives are applied, and the leftmost-longest non-overlapping candidates win.
 */
import type { Match } from '../model';
import { DENSE_STAY, DENSE_UNKNOWN } from './automaton';
import { checkCandidate, startOf } from './checks';
import * as N from './normalise';
import { encodeData } from './data';
import type { MatcherParts } from './parts';
import * as T from './trie';
import type { AliasSpec, Matcher, MatcherData } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts the hot loop.
const { foldUnit, FOLD_IGNORE, FOLD_SEP } = N;
const { CLS_IGNORE, CLS_OTHER, CLS_SEP, CLS_UNKNOWN, CLS_FIRST } = T;
const STAY = DENSE_STAY;
const UNKNOWN = DENSE_UNKNOWN;

/** Ints per stored candidate: start, end, alias, scan position (raw end). */
const CAND = 4;
/** Ints per stored negative occurrence: start, end, entity. */
const NEG = 3;

export class AutomatonMatcher implements Matcher {
  /** Class of every code unit, filled lazily (`CLS_UNKNOWN` until first seen). */
  private readonly classOf = new Uint16Array(65536);
  private readonly symbolClass: Map<number, number>;
  /** Accepted candidates (`CAND` ints each; growable, reused between scans). */
  private cand: Int32Array<ArrayBuffer> = new Int32Array(CAND * 64);
  private candCount = 0;
  /** Negative occurrences (`NEG` ints each). */
  private neg: Int32Array<ArrayBuffer> = new Int32Array(NEG * 8);
  private negCount = 0;
  /** Candidate order for the selection (reused). */
  private order: Int32Array<ArrayBuffer> = new Int32Array(64);

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
    const outMark = a.outMark;
    const classOf = this.classOf;
    const n = text.length;
    // The current state is dense (`row` = its row offset) except inside `sparseRun`.
    let row = 0;
    let i = 0;
    while (i < n) {
      // Hot loop: one class lookup and one transition per code unit, while the targets
      // are dense states without outputs (the normaliser's rules are in the table).
      let v = 0;
      for (; i < n; i++) {
        v = dense[row + (classOf[text.charCodeAt(i)] as number)] as number;
        if (v < 0) break;
        row = v;
      }
      if (i >= n) break;
      if (v === UNKNOWN) {
        this.resolveClass(text.charCodeAt(i));
        continue;
      }
      i++;
      if (v === STAY) continue;
      let t = -v - 1;
      if (outMark[t] !== 0) this.collect(text, t, i);
      if (t >= denseStates) {
        i = this.sparseRun(text, t, i);
        t = this.sparseState;
      }
      row = t * nc;
    }
    return this.select();
  }

  /** The state `sparseRun` ended in (a dense state unless the text ended). */
  private sparseState = 0;

  /**
   * Steps through the text from sparse state `state` at `from` until a dense state is
   * reached (or the text ends); returns the position, the state goes to `sparseState`.
   */
  private sparseRun(text: string, state: number, from: number): number {
    const a = this.parts.automaton;
    const { dense, edgeStart, edgeClasses, fail, outMark, denseStates } = a;
    const nc = a.numClasses;
    const n = text.length;
    let s = state;
    let i = from;
    while (s >= denseStates && i < n) {
      const c = text.charCodeAt(i++);
      let cls = this.classOf[c] as number;
      if (cls === CLS_UNKNOWN) cls = this.resolveClass(c);
      if (cls === CLS_IGNORE) continue;
      if (cls === CLS_OTHER) {
        s = 0;
        break;
      }
      // A separator run is one symbol.
      if (cls === CLS_SEP && edgeClasses[s - 1] === CLS_SEP) continue;
      let t = -1;
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
          const w = dense[q * nc + cls] as number;
          t = w >= 0 ? w / nc : -w - 1;
          break;
        }
      }
      if (outMark[t] !== 0) this.collect(text, t, i);
      s = t;
    }
    this.sparseState = s;
    return i;
  }

  /** Checks every pattern ending at `end` (its last code unit is `end - 1`) in state `s`. */
  private collect(text: string, s: number, end: number): void {
    const p = this.parts;
    const a = p.automaton;
    const termStart = a.termStart;
    const termItems = a.termItems;
    const outLink = a.outLink;
    let o = (termStart[s + 1] as number) > (termStart[s] as number) ? s : (outLink[s] as number);
    while (o >= 0) {
      const start = startOf(text, end, a.depth[o] as number);
      const last = termStart[o + 1] as number;
      for (let k = termStart[o] as number; k < last; k++) {
        const item = termItems[k] as number;
        const e = checkCandidate(p, text, item, start, end);
        if (e < 0) continue;
        if (item >= 0) this.pushCandidate(start, e, item, end);
        else this.pushNegative(start, e, p.negEntity[-item - 1] ?? 0);
      }
      o = outLink[o] as number;
    }
  }

  private pushCandidate(start: number, end: number, alias: number, scanEnd: number): void {
    const at = this.candCount * CAND;
    if (at + CAND > this.cand.length) this.cand = grow(this.cand);
    const cand = this.cand;
    cand[at] = start;
    cand[at + 1] = end;
    cand[at + 2] = alias;
    cand[at + 3] = scanEnd;
    this.candCount++;
  }

  private pushNegative(start: number, end: number, entity: number): void {
    const at = this.negCount * NEG;
    if (at + NEG > this.neg.length) this.neg = grow(this.neg);
    this.neg[at] = start;
    this.neg[at + 1] = end;
    this.neg[at + 2] = entity;
    this.negCount++;
  }

  /**
   * Leftmost-longest, non-overlapping; ties go to the lower alias index. Candidates inside
   * a negative phrase of their entity are dropped first.
   */
  private select(): Match[] {
    const cand = this.cand;
    const neg = this.neg;
    const negEnd = this.negCount * NEG;
    const { aliasEntity, entities } = this.parts;
    if (this.order.length < this.candCount) this.order = new Int32Array(this.candCount * 2);
    const order = this.order;
    let count = 0;
    // Negatives that end before a candidate's scan position cannot contain it or any later one.
    let lo = 0;
    for (let at = 0; at < this.candCount * CAND; at += CAND) {
      if (negEnd > 0) {
        const start = cand[at] as number;
        const end = cand[at + 1] as number;
        const entity = aliasEntity[cand[at + 2] as number] as number;
        while (lo < negEnd && (neg[lo + 1] as number) < (cand[at + 3] as number)) lo += NEG;
        let inside = false;
        for (let j = lo; j < negEnd; j += NEG) {
          if (neg[j + 2] === entity && (neg[j] as number) <= start && end <= (neg[j + 1] as number)) {
            inside = true;
            break;
          }
        }
        if (inside) continue;
      }
      order[count++] = at;
    }
    // Candidates arrive in end order, which is nearly start order (only overlapping
    // candidates are out of place), so an insertion sort is linear in practice.
    for (let k = 1; k < count; k++) {
      const x = order[k] as number;
      let j = k - 1;
      if (compareCandidates(cand, order[j] as number, x) <= 0) continue;
      do {
        order[j + 1] = order[j] as number;
        j--;
      } while (j >= 0 && compareCandidates(cand, order[j] as number, x) > 0);
      order[j + 1] = x;
    }
    const out: Match[] = [];
    let lastEnd = -1;
    for (let k = 0; k < count; k++) {
      const at = order[k] as number;
      const start = cand[at] as number;
      if (start < lastEnd) continue;
      const aliasIndex = cand[at + 2] as number;
      lastEnd = cand[at + 1] as number;
      out.push({ entityId: entities[aliasEntity[aliasIndex] as number] ?? '', start, end: lastEnd, aliasIndex });
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
