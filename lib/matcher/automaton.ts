/**
 * The runtime automaton: Aho–Corasick over the breadth-first trie, with the shallowest
 * states (all of them for ordinary packs) expanded into a flat DFA table
 * (`dense[state * numClasses + class]`, failure transitions already resolved), and the
 * deeper states of huge packs kept sparse (sorted edges + failure links).
 *
 * The automaton is anchored at word starts: a pattern that starts with a letter or digit
 * is only followed from a position after a non-word symbol (or the start of the text), so
 * matches inside words ("us" in "campus") are never even reached. Failure links skip
 * suffixes that start inside a word, and there are two roots: the trie root (after a
 * non-word symbol) and `rootW` (inside a word, where only patterns that start with a
 * non-word symbol can begin). Code units that no pattern uses are split into word and
 * non-word classes for this (`otherWordClass`).
 */
import * as T from './trie';
import type { TrieCore } from './trie';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { CLS_IGNORE, CLS_SEP, CLS_UNKNOWN } = T;

/** Upper bound on dense-table entries (4 MiB of Int32). */
const DENSE_BUDGET = 1 << 20;

/** Dense entry for `CLS_UNKNOWN`: classify the code unit, then look again. */
export const DENSE_UNKNOWN = -0x7fffffff;
/**
 * Dense entry of a code unit the normaliser skips (an ignorable, or a separator after a
 * separator): stay in the state, report nothing. The scanner notes where these are.
 */
export const DENSE_SKIP = -0x7ffffffe;

export interface Automaton {
  /** The trie's classes plus `otherWordClass`. */
  numClasses: number;
  /** Class of the letters and digits that no pattern uses (the last class). */
  otherWordClass: number;
  /** 1 for the classes of letters and digits. */
  classWord: Uint8Array;
  numStates: number;
  /** States `< denseStates` have a dense row. */
  denseStates: number;
  /** Row offset of the in-word root (after all state rows; it has no state id). */
  rootW: number;
  /**
   * Dense rows, `dense[state * numClasses + class]`. Once built, an entry is encoded for
   * the scan loop: the target's row offset (`target * numClasses`) when the target is a
   * dense state without outputs, else `-(target + 1)`. The non-symbol columns make the
   * normaliser part of the table: `CLS_UNKNOWN` is `DENSE_UNKNOWN`; `CLS_IGNORE` is
   * `DENSE_SKIP`, and so is `CLS_SEP` in a state entered by a separator (a separator run is
   * one symbol); `CLS_OTHER` goes to the root (`otherWordClass` to `rootW`).
   */
  dense: Int32Array;
  /** `edgeStart[s]..edgeStart[s + 1]` index `edgeClasses`; edge `j` leads to `j + 1`. */
  edgeStart: Int32Array;
  edgeClasses: Uint16Array;
  /** Anchored failure links (see above). */
  fail: Int32Array;
  depth: Int32Array;
  maxDepth: number;
  /** Items ending exactly at state `s`: `termItems[termStart[s]..termStart[s + 1]]`. */
  termStart: Int32Array;
  termItems: Int32Array;
  /** Next state on the failure chain that has items, or -1. */
  outLink: Int32Array;
  /** 1 when the state or its failure chain has items. */
  outMark: Uint8Array;
}

function childOf(a: Automaton, s: number, c: number): number {
  const end = a.edgeStart[s + 1] ?? 0;
  for (let j = a.edgeStart[s] ?? 0; j < end; j++) {
    const ec = a.edgeClasses[j] ?? 0;
    if (ec === c) return j + 1;
    if (ec > c) break;
  }
  return -1;
}

/** Checks a trie read from untrusted data; throws on anything inconsistent. */
export function validateCore(core: TrieCore, fail: Int32Array): void {
  const n = core.childCounts.length;
  if (n < 1) throw new Error('matcher data: the automaton has no root state');
  if (fail.length !== n) throw new Error('matcher data: fail table length does not match the state count');
  let edges = 0;
  for (let s = 0; s < n; s++) {
    const count = core.childCounts[s] ?? 0;
    let prev = -1;
    for (let j = edges; j < edges + count; j++) {
      const c = core.edgeClasses[j] ?? -1;
      if (c < CLS_SEP || c >= core.numClasses || c <= prev) {
        throw new Error(`matcher data: bad edge class at edge ${j}`);
      }
      prev = c;
    }
    edges += count;
    if (edges > n - 1) throw new Error('matcher data: more edges than states');
    const f = fail[s] ?? -1;
    if (s === 0 ? f !== 0 : f < 0 || f >= s) throw new Error(`matcher data: bad failure link at state ${s}`);
  }
  if (edges !== n - 1 || core.edgeClasses.length !== n - 1) {
    throw new Error('matcher data: edge count does not match the state count');
  }
  let prevState = 0;
  for (let i = 0; i < core.terminals.length; i += 2) {
    const s = core.terminals[i] ?? -1;
    if (s < prevState || s >= n) throw new Error('matcher data: terminal states out of order or range');
    prevState = s;
  }
}

/**
 * Builds the runtime automaton, computing the anchored failure links in the same
 * breadth-first pass that fills the dense rows. `classWord[c]` is 1 for the trie classes
 * of letters and digits. `denseBudget` (entries) is lowered only by tests, to exercise the
 * sparse states.
 */
export function buildAutomaton(core: TrieCore, classWord: Uint8Array, denseBudget = DENSE_BUDGET): Automaton {
  const n = core.childCounts.length;
  const nc = core.numClasses + 1;
  const otherWordClass = core.numClasses;
  const denseStates = Math.max(1, Math.min(n, Math.floor(denseBudget / nc) - 1));
  const edgeStart = new Int32Array(n + 1);
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let s = 0; s < n; s++) {
    const start = edgeStart[s] ?? 0;
    const end = start + (core.childCounts[s] ?? 0);
    edgeStart[s + 1] = end;
    if (end > start) {
      const d = (depth[s] ?? 0) + 1;
      for (let t = start + 1; t <= end; t++) depth[t] = d;
      if (d > maxDepth) maxDepth = d;
    }
  }
  const word = new Uint8Array(nc);
  word.set(classWord.subarray(0, core.numClasses));
  word[otherWordClass] = 1;
  const a: Automaton = {
    numClasses: nc,
    otherWordClass,
    classWord: word,
    numStates: n,
    denseStates,
    rootW: denseStates * nc,
    dense: new Int32Array((denseStates + 1) * nc),
    edgeStart,
    edgeClasses: core.edgeClasses,
    fail: new Int32Array(n),
    depth,
    maxDepth,
    termStart: new Int32Array(n + 1),
    termItems: new Int32Array(core.terminals.length / 2),
    outLink: new Int32Array(n).fill(-1),
    outMark: new Uint8Array(n),
  };
  fillDense(a, core.edgeClasses);
  fillOutputs(a, core.terminals);
  encodeDense(a, core.edgeClasses);
  return a;
}

/** True when the last symbol of state `s`'s path is a letter or digit. */
function endsInWord(a: Automaton, s: number): boolean {
  return s > 0 && a.classWord[a.edgeClasses[s - 1] ?? 0] === 1;
}

/**
 * δ(s, c) during the build (raw state ids; `numStates` stands for the in-word root),
 * following failure links. `inWord`: the last symbol read was a letter or digit.
 */
function step(a: Automaton, state: number, c: number, inWord: boolean): number {
  let s = state;
  for (;;) {
    if (s === 0) return a.dense[(inWord ? a.rootW : 0) + c] ?? 0;
    if (s < a.denseStates) return a.dense[s * a.numClasses + c] ?? 0;
    const t = childOf(a, s, c);
    if (t >= 0) return t;
    s = a.fail[s] ?? 0;
  }
}

/** Raw dense rows (state ids) and failure links, breadth first. */
function fillDense(a: Automaton, edgeClasses: Uint16Array): void {
  const { dense, numClasses: nc, numStates: n, rootW, denseStates, edgeStart } = a;
  const rootWId = n;
  // The two roots: a letter or digit with no root edge leads into a word (`rootW`); inside
  // a word, only non-word symbols can start a pattern.
  for (let c = 0; c < nc; c++) {
    const w = a.classWord[c] === 1;
    dense[c] = w ? rootWId : 0;
    dense[rootW + c] = w ? rootWId : 0;
  }
  const rootEnd = edgeStart[1] ?? 0;
  for (let j = 0; j < rootEnd; j++) {
    const c = edgeClasses[j] ?? 0;
    dense[c] = j + 1;
    if (a.classWord[c] !== 1) dense[rootW + c] = j + 1;
  }
  // The parent of state `s` owns edge `s - 1`; states are in parent order.
  let p = 0;
  for (let s = 1; s < n; s++) {
    while ((edgeStart[p + 1] ?? 0) < s) p++;
    let f = 0;
    if (p !== 0) {
      f = step(a, a.fail[p] ?? 0, edgeClasses[s - 1] ?? 0, endsInWord(a, p));
      if (f === rootWId) f = 0;
    }
    a.fail[s] = f;
    if (s >= denseStates) continue;
    const row = s * nc;
    const from = f !== 0 ? f * nc : endsInWord(a, s) ? rootW : 0;
    dense.copyWithin(row, from, from + nc);
    const end = edgeStart[s + 1] ?? 0;
    for (let j = edgeStart[s] ?? 0; j < end; j++) dense[row + (edgeClasses[j] ?? 0)] = j + 1;
  }
}

/** Encodes the raw rows for the scan loop (see `Automaton.dense`). */
function encodeDense(a: Automaton, edgeClasses: Uint16Array): void {
  const { dense, numClasses: nc, numStates: n, rootW, denseStates, outMark } = a;
  for (let k = 0; k < dense.length; k++) {
    const t = dense[k] ?? 0;
    dense[k] = t === n ? rootW : t < denseStates && outMark[t] === 0 ? t * nc : -(t + 1);
  }
  for (let s = 0; s <= denseStates; s++) {
    const row = s * nc;
    dense[row + CLS_UNKNOWN] = DENSE_UNKNOWN;
    dense[row + CLS_IGNORE] = DENSE_SKIP;
    // CLS_OTHER: the root, otherWordClass: rootW (no pattern contains such a symbol).
    if (s > 0 && s < denseStates && edgeClasses[s - 1] === CLS_SEP) dense[row + CLS_SEP] = DENSE_SKIP;
  }
}

function fillOutputs(a: Automaton, terminals: Int32Array): void {
  const counts = new Int32Array(a.numStates + 1);
  for (let i = 0; i < terminals.length; i += 2) {
    const s = terminals[i] ?? 0;
    counts[s + 1] = (counts[s + 1] ?? 0) + 1;
    a.termItems[i / 2] = terminals[i + 1] ?? 0;
  }
  for (let s = 0; s < a.numStates; s++) a.termStart[s + 1] = (a.termStart[s] ?? 0) + (counts[s + 1] ?? 0);
  for (let s = 1; s < a.numStates; s++) {
    const f = a.fail[s] ?? 0;
    const fHas = (a.termStart[f + 1] ?? 0) > (a.termStart[f] ?? 0);
    a.outLink[s] = fHas ? f : (a.outLink[f] ?? -1);
    const own = (a.termStart[s + 1] ?? 0) > (a.termStart[s] ?? 0);
    a.outMark[s] = own || (a.outLink[s] ?? -1) >= 0 ? 1 : 0;
  }
}

/**
 * The anchored failure links alone, as `buildAutomaton` computes them (without the dense
 * rows, only the two root rows): for serialising a compiled pack without building its
 * scan tables. `classWord[c]` is 1 for the trie classes of letters and digits.
 */
export function failLinks(core: TrieCore, classWord: Uint8Array): Int32Array {
  const { childCounts, edgeClasses } = core;
  const n = childCounts.length;
  const edgeStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) edgeStart[s + 1] = (edgeStart[s] ?? 0) + (childCounts[s] ?? 0);
  // δ from the root after a non-word symbol (`fromRoot`) and inside a word (`fromRootW`);
  // 0 stands for either root.
  const fromRoot = new Int32Array(core.numClasses);
  const fromRootW = new Int32Array(core.numClasses);
  const rootEnd = edgeStart[1] ?? 0;
  for (let j = 0; j < rootEnd; j++) {
    const c = edgeClasses[j] ?? 0;
    fromRoot[c] = j + 1;
    if (classWord[c] !== 1) fromRootW[c] = j + 1;
  }
  const fail = new Int32Array(n);
  // The parent of state `s` owns edge `s - 1`; states are in parent order.
  let p = 0;
  for (let s = 1; s < n; s++) {
    while ((edgeStart[p + 1] ?? 0) < s) p++;
    if (p === 0) continue;
    const c = edgeClasses[s - 1] ?? 0;
    const row = classWord[edgeClasses[p - 1] ?? 0] === 1 ? fromRootW : fromRoot;
    let q = fail[p] ?? 0;
    let f = -1;
    while (q !== 0) {
      const end = edgeStart[q + 1] ?? 0;
      for (let j = edgeStart[q] ?? 0; j < end; j++) {
        const ec = edgeClasses[j] ?? 0;
        if (ec >= c) {
          if (ec === c) f = j + 1;
          break;
        }
      }
      if (f >= 0) break;
      q = fail[q] ?? 0;
    }
    fail[s] = f >= 0 ? f : (row[c] ?? 0);
  }
  return fail;
}
