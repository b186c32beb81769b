/**
 * The scan: one pass over the text, normalising each UTF-16 code unit on the fly (class
 * table lookup; ignorables skipped; separator runs collapsed), one automaton transition
 * per symbol. Candidates that end at a state with outputs are checked against the
 * original text (word boundaries and the language rules, case rule, surname context:
 * checks.ts), possessives are included, negatives are applied, and the leftmost-longest
 * non-overlapping candidates win (candidates.ts).
 */
import type { Match } from '../model';
import * as A from './automaton';
import { Candidates } from './candidates';
import * as C from './columns';
import { checked, checkCandidate, itemFlags, markEnd, wordAfter } from './checks';
import * as N from './normalise';
import { encodeData } from './data';
import * as P from './parts';
import type { MatcherParts } from './parts';
import * as T from './trie';
import type { AliasSpec, Matcher, MatcherData } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts the hot loop.
const { foldUnit, kindOf, FOLD_IGNORE, FOLD_SEP, K_WORD } = N;
const { CLS_IGNORE, CLS_OTHER, CLS_SEP, CLS_UNKNOWN, CLS_FIRST } = T;
const { F_ENDS_WORD, F_LANG, aliasSpecs } = P;
const { EDGE_BASE, textAt } = C;
const { DENSE_SKIP: SKIP, DENSE_UNKNOWN: UNKNOWN, OUT_CHAIN, OUT_OWN, outMarkOf } = A;

/**
 * The hot loop: one class lookup and one transition per code unit from `from` in dense row
 * `row`, while the targets are dense states without outputs (the normaliser's rules are in
 * the table). Returns where it stopped (the text length at the end); when it stops
 * earlier, `exit` gets the row and the negative entry met there. A separate small function,
 * so that the engine optimises it on its own, with complete type feedback.
 */
function runDense(
  text: string,
  from: number,
  row0: number,
  dense: Int32Array,
  classOf: Uint16Array,
  exit: Int32Array,
): number {
  const n = text.length;
  let row = row0;
  for (let i = from; i < n; i++) {
    const v = dense[row + (classOf[text.charCodeAt(i)] as number)] as number;
    if (v < 0) {
      exit[0] = row;
      exit[1] = v;
      return i;
    }
    row = v;
  }
  return n;
}

export class AutomatonMatcher implements Matcher {
  /** Class of every code unit, filled lazily (`CLS_UNKNOWN` until first seen). */
  private readonly classOf = new Uint16Array(65536);
  private readonly symbolClass: Map<number, number>;
  /** This scan's candidates and negative occurrences. */
  private readonly found: Candidates;

  /** Entity ids, sliced from the column on first use. */
  private readonly entityIds: (string | undefined)[];
  private aliasList: AliasSpec[] | undefined;

  constructor(private readonly parts: MatcherParts) {
    const { symbols, entityEnds } = parts.columns;
    this.symbolClass = new Map();
    for (let i = 0; i < symbols.length; i++) this.symbolClass.set(symbols[i] ?? 0, CLS_FIRST + i);
    this.entityIds = new Array<string | undefined>(entityEnds.length);
    this.found = new Candidates(parts.columns);
  }

  /** Built on first use: the scan itself never needs alias objects. */
  get aliases(): readonly AliasSpec[] {
    this.aliasList ??= aliasSpecs(this.parts, (e) => this.entityId(e));
    return this.aliasList;
  }

  toData(): MatcherData {
    return encodeData(this.parts.columns);
  }

  private readonly idOf = (e: number): string => this.entityId(e);

  private entityId(e: number): string {
    let id = this.entityIds[e];
    if (id === undefined) {
      const { entityText, entityEnds } = this.parts.columns;
      id = textAt(entityText, entityEnds, e);
      this.entityIds[e] = id;
    }
    return id;
  }

  private resolveClass(c: number): number {
    const f = foldUnit(c);
    const other = (kindOf(c) & K_WORD) !== 0 ? this.parts.automaton.otherWordClass : CLS_OTHER;
    const cls = f === FOLD_IGNORE ? CLS_IGNORE : f === FOLD_SEP ? CLS_SEP : (this.symbolClass.get(f) ?? other);
    this.classOf[c] = cls;
    return cls;
  }

  scan(text: string): Match[] {
    this.found.reset();
    this.lastSkip = -1;
    const a = this.parts.automaton;
    const nc = a.numClasses;
    const denseStates = a.denseStates;
    const outMark = a.outMark;
    const n = text.length;
    const exit = this.exit;
    // The current state is dense (`row` = its row offset) except inside `sparseRun`.
    let row = 0;
    let i = 0;
    while (i < n) {
      i = runDense(text, i, row, a.dense, this.classOf, exit);
      if (i >= n) break;
      row = exit[0] as number;
      const v = exit[1] as number;
      if (v === UNKNOWN) {
        this.resolveClass(text.charCodeAt(i));
        continue;
      }
      if (v === SKIP) {
        this.lastSkip = i++;
        continue;
      }
      i++;
      const t = -v - 1;
      if ((((outMark[t >> 2] as number) >> ((t & 3) << 1)) & 3) !== 0) this.collect(text, t, i);
      if (t < denseStates) {
        row = t * nc;
      } else {
        i = this.sparseRun(text, t, i);
        row = this.sparseRow;
      }
    }
    return this.found.select(text, this.idOf);
  }

  /** Position of the last code unit the normaliser skipped (see `startOf`). */
  private lastSkip = -1;

  /** `runDense` output: the row it stopped in and the (negative) entry it stopped at. */
  private readonly exit = new Int32Array(2);

  /** The dense row `sparseRun` ended in (meaningless if the text ended). */
  private sparseRow = 0;

  /**
   * Steps through the text from sparse state `state` at `from` until a dense state is
   * reached (or the text ends); returns the position, the dense row goes to `sparseRow`.
   */
  private sparseRun(text: string, state: number, from: number): number {
    const a = this.parts.automaton;
    const { dense, childGap, edgeText, fail, outMark, denseStates, classWord } = a;
    const nc = a.numClasses;
    const n = text.length;
    let s = state;
    let i = from;
    this.sparseRow = 0;
    while (i < n) {
      const c = text.charCodeAt(i++);
      let cls = this.classOf[c] as number;
      if (cls === CLS_UNKNOWN) cls = this.resolveClass(c);
      const last = edgeText.charCodeAt(s - 1) - EDGE_BASE;
      // Ignorables are skipped, and a separator run is one symbol.
      if (cls === CLS_IGNORE || (cls === CLS_SEP && last === CLS_SEP)) {
        this.lastSkip = i - 1;
        continue;
      }
      if (cls === CLS_OTHER || cls === a.otherWordClass) {
        this.sparseRow = cls === CLS_OTHER ? 0 : a.rootW;
        return i;
      }
      let t = -1;
      let q = s;
      for (;;) {
        const end = q + (childGap[q + 1] as number);
        for (let j = q - 1 + (childGap[q] as number); j < end; j++) {
          const ec = edgeText.charCodeAt(j) - EDGE_BASE;
          if (ec >= cls) {
            if (ec === cls) t = j + 1;
            break;
          }
        }
        if (t >= 0) break;
        q = fail[q] as number;
        if (q < denseStates) {
          const w = dense[(q === 0 && classWord[last] === 1 ? a.rootW : q * nc) + cls] as number;
          if (w >= 0) {
            this.sparseRow = w;
            return i;
          }
          t = -w - 1;
          break;
        }
      }
      if ((((outMark[t >> 2] as number) >> ((t & 3) << 1)) & 3) !== 0) this.collect(text, t, i);
      if (t < denseStates) {
        this.sparseRow = t * nc;
        return i;
      }
      s = t;
    }
    return i;
  }

  /**
   * Where a match of `symbols` normalised symbols ending at `end` starts: walks back over
   * the text the way the normaliser walks forward (ignorables skipped, a run of separators
   * is one symbol; the code units were all classified by the scan). Matches never start
   * with a separator. When the scan skipped nothing in the last `symbols` code units, each
   * of them was one symbol.
   */
  private startOf(text: string, end: number, symbols: number): number {
    if (end - symbols > this.lastSkip) return end - symbols;
    const classOf = this.classOf;
    let count = 0;
    let inSep = false;
    for (let j = end - 1; j >= 0; j--) {
      const cls = classOf[text.charCodeAt(j)] as number;
      if (cls === CLS_IGNORE) continue;
      if (cls === CLS_SEP) {
        if (!inSep) count++;
        inSep = true;
        continue;
      }
      inSep = false;
      if (++count === symbols) return j;
    }
    return 0;
  }

  /** Checks every pattern ending at `end` (its last code unit is `end - 1`) in state `s`. */
  private collect(text: string, s: number, end: number): void {
    const p = this.parts;
    const a = p.automaton;
    const { termStates, termItems, termDepth, outMark } = a;
    const numTerms = termStates.length;
    // End-side facts shared by every pattern ending here; the end boundary goes first, as
    // it is the cheapest check and the one that fails most ("Gaza" in "Gazette").
    const mEnd = markEnd(text, end);
    const endBlocked = wordAfter(text, mEnd) ? F_ENDS_WORD : 0;
    let o = (outMarkOf(outMark, s) & OUT_OWN) !== 0 ? s : this.nextOutput(s);
    while (o >= 0) {
      let start = -1;
      for (let k = firstTerm(termStates, o); k < numTerms && termStates[k] === o; k++) {
        const item = termItems[k] as number;
        const flags = itemFlags(p, item);
        // (An item with language rules may still take a genitive s: checkCandidate.)
        if ((flags & endBlocked) !== 0 && (flags & F_LANG) === 0) continue;
        if (start < 0) start = this.startOf(text, end, termDepth[k] as number);
        const e = checkCandidate(p, text, item, flags, start, mEnd, endBlocked);
        if (e < 0) continue;
        const s = checked[0] as number;
        if (item >= 0) this.found.pushCandidate(s, e, item, end);
        else this.found.pushNegative(s, e, p.columns.negEntity[-item - 1] ?? 0);
      }
      o = this.nextOutput(o);
    }
  }

  /** The next state on `s`'s failure chain where items end, or -1. */
  private nextOutput(s: number): number {
    const { fail, outMark } = this.parts.automaton;
    if ((outMarkOf(outMark, s) & OUT_CHAIN) === 0) return -1;
    let q = fail[s] as number;
    while ((outMarkOf(outMark, q) & OUT_OWN) === 0) q = fail[q] as number;
    return q;
  }
}

/** The first terminal entry of state `s` (binary search; `termStates` is sorted). */
function firstTerm(termStates: Int32Array, s: number): number {
  let lo = 0;
  let hi = termStates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((termStates[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

