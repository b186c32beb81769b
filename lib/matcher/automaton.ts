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
 * non-word classes for this (`otherWordClass`). The one exception are the letters of
 * scripts whose names take attached prefixes (Hebrew, Arabic: `classFree`): a pattern
 * starting with one is followed inside words too (ונתניהו, بغزة), and the per-candidate
 * check decides whether what comes before is a prefix (lang.ts). Latin text never meets
 * those classes, so its scan is unchanged.
 *
 * It is built in steps (`Steps`), so that a tab can build it between the page's tasks.
 * Per state it keeps only what the scan reads (child gap, edge class, failure link, output
 * marks: under 8 bytes); the outputs are a sorted list of the terminal states.
 */
import { EDGE_BASE, type TrieShape } from './columns';
import { CHUNK, inChunks, type Steps } from './slicing';
import * as T from './trie';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { CLS_IGNORE, CLS_SEP, CLS_UNKNOWN } = T;

/** Upper bound on dense-table entries (1 MiB of Int32). */
const DENSE_BUDGET = 1 << 18;

/** Dense entry for `CLS_UNKNOWN`: classify the code unit, then look again. */
export const DENSE_UNKNOWN = -0x7fffffff;
/**
 * Dense entry of a code unit the normaliser skips (an ignorable, or a separator after a
 * separator): stay in the state, report nothing. The scanner notes where these are.
 */
export const DENSE_SKIP = -0x7ffffffe;

/** Output marks: items end at the state itself / at a state on its failure chain. */
export const OUT_OWN = 1;
export const OUT_CHAIN = 2;

/** State `s`'s output marks (two bits per state, four states per byte). */
export function outMarkOf(outMark: Uint8Array, s: number): number {
  return ((outMark[s >> 2] ?? 0) >> ((s & 3) << 1)) & 3;
}

function addOutMark(outMark: Uint8Array, s: number, bits: number): void {
  outMark[s >> 2] = (outMark[s >> 2] ?? 0) | (bits << ((s & 3) << 1));
}

export interface Automaton {
  /** The trie's classes plus `otherWordClass`. */
  numClasses: number;
  /** Class of the letters and digits that no pattern uses (the last class). */
  otherWordClass: number;
  /** 1 for the classes of letters and digits. */
  classWord: Uint8Array;
  /** 1 for the classes of Hebrew and Arabic letters: patterns starting with one start anywhere. */
  classFree: Uint8Array;
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
  /** See `TrieShape`: edges of `s` are `s - 1 + childGap[s]` to `s + childGap[s + 1]`. */
  childGap: Uint16Array | Int32Array;
  /** Per edge: `EDGE_BASE` + class. */
  edgeText: string;
  /** Anchored failure links (see above). */
  fail: Int32Array;
  /** Terminal entries, by state (see `TrieShape`). */
  termStates: Int32Array;
  termItems: Int32Array;
  /** Per terminal entry: the depth of its state (symbols of the phrase). */
  termDepth: Uint16Array | Int32Array;
  /** `OUT_OWN` | `OUT_CHAIN` per state, packed (`outMarkOf`). */
  outMark: Uint8Array;
}

/** Class of edge `j`. */
function edgeClass(a: Automaton, j: number): number {
  return a.edgeText.charCodeAt(j) - EDGE_BASE;
}

function childOf(a: Automaton, s: number, c: number): number {
  const gap = a.childGap;
  const end = s + (gap[s + 1] ?? 0);
  for (let j = s - 1 + (gap[s] ?? 0); j < end; j++) {
    const ec = edgeClass(a, j);
    if (ec === c) return j + 1;
    if (ec > c) break;
  }
  return -1;
}

/** True when the last symbol of state `s`'s path is a letter or digit. */
function endsInWord(a: Automaton, s: number): boolean {
  return s > 0 && a.classWord[edgeClass(a, s - 1)] === 1;
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

/** The two root rows (raw ids): a letter or digit with no root edge leads into a word. */
function fillRoots(a: Automaton): void {
  const { dense, numClasses: nc, numStates: n, rootW } = a;
  for (let c = 0; c < nc; c++) {
    const w = a.classWord[c] === 1;
    dense[c] = w ? n : 0;
    dense[rootW + c] = w ? n : 0;
  }
  // Inside a word, only non-word symbols (and prefix-script letters) can start a pattern.
  const rootEnd = a.childGap[1] ?? 0;
  for (let j = 0; j < rootEnd; j++) {
    const c = edgeClass(a, j);
    dense[c] = j + 1;
    if (a.classWord[c] !== 1 || a.classFree[c] === 1) dense[rootW + c] = j + 1;
  }
}

/** Builds failure links, depths, chain marks and raw dense rows, breadth first. */
class LinkBuilder {
  /** Parent of the state being built (it owns edge `s - 1`; states are in parent order). */
  private p = 0;

  constructor(
    private readonly a: Automaton,
    private readonly depth: Uint16Array | Int32Array,
    private readonly maxDepth: number,
  ) {}

  /** States `from..to` (≥ 1), in order. */
  links(from: number, to: number): void {
    const { a, depth } = this;
    const { dense, numClasses: nc, numStates: n, rootW, denseStates, childGap, fail, outMark } = a;
    let p = this.p;
    for (let s = from; s < to; s++) {
      while (p + (childGap[p + 1] ?? 0) < s) p++;
      let f = 0;
      if (p !== 0) {
        f = step(a, fail[p] ?? 0, edgeClass(a, s - 1), endsInWord(a, p));
        if (f === n) f = 0;
      }
      fail[s] = f;
      depth[s] = Math.min(this.maxDepth, (depth[p] ?? 0) + 1);
      if (outMarkOf(outMark, f) !== 0) addOutMark(outMark, s, OUT_CHAIN);
      if (s >= denseStates) continue;
      const row = s * nc;
      const rowFrom = f !== 0 ? f * nc : endsInWord(a, s) ? rootW : 0;
      dense.copyWithin(row, rowFrom, rowFrom + nc);
      const end = s + (childGap[s + 1] ?? 0);
      for (let j = s - 1 + (childGap[s] ?? 0); j < end; j++) dense[row + edgeClass(a, j)] = j + 1;
    }
    this.p = p;
  }
}

/** Encodes raw dense entries `from..to` for the scan loop (see `Automaton.dense`). */
function encodeDense(a: Automaton, from: number, to: number): void {
  const { dense, numClasses: nc, numStates: n, rootW, denseStates, outMark } = a;
  for (let k = from; k < to; k++) {
    const t = dense[k] ?? 0;
    dense[k] = t === n ? rootW : t < denseStates && outMarkOf(outMark, t) === 0 ? t * nc : -(t + 1);
  }
}

/** The normaliser's columns of the encoded rows. */
function encodeSpecialColumns(a: Automaton): void {
  const { dense, numClasses: nc, denseStates } = a;
  for (let s = 0; s <= denseStates; s++) {
    const row = s * nc;
    dense[row + CLS_UNKNOWN] = DENSE_UNKNOWN;
    dense[row + CLS_IGNORE] = DENSE_SKIP;
    // CLS_OTHER: the root, otherWordClass: rootW (no pattern contains such a symbol).
    if (s > 0 && s < denseStates && edgeClass(a, s - 1) === CLS_SEP) dense[row + CLS_SEP] = DENSE_SKIP;
  }
}

/**
 * Builds the runtime automaton from a valid trie with `numClasses` classes, computing the
 * anchored failure links in the same breadth-first pass that fills the dense rows.
 * `classWord[c]` is 1 for the trie classes of letters and digits, `classFree[c]` for those
 * of prefix-script letters (see `Automaton.classFree`); `maxKey` bounds the
 * phrase lengths (sizes the depth arrays). `denseBudget` (entries) is lowered only by
 * tests, to exercise the sparse states.
 */
export function* buildAutomaton(
  trie: TrieShape,
  numClasses: number,
  classWord: Uint8Array,
  classFree: Uint8Array,
  maxKey: number,
  denseBudget = DENSE_BUDGET,
): Steps<Automaton> {
  const n = trie.childGap.length - 1;
  const nc = numClasses + 1;
  const denseStates = Math.max(1, Math.min(n, Math.floor(denseBudget / nc) - 1));
  const word = new Uint8Array(nc);
  word.set(classWord.subarray(0, numClasses));
  word[numClasses] = 1;
  const free = new Uint8Array(nc);
  free.set(classFree.subarray(0, numClasses));
  const wide = maxKey > 0xffff;
  const maxDepth = wide ? 0x7fffffff : 0xffff;
  const a: Automaton = {
    numClasses: nc,
    otherWordClass: numClasses,
    classWord: word,
    classFree: free,
    numStates: n,
    denseStates,
    rootW: denseStates * nc,
    dense: new Int32Array((denseStates + 1) * nc),
    childGap: trie.childGap,
    edgeText: trie.edgeText,
    fail: new Int32Array(n),
    termStates: trie.termStates,
    termItems: trie.termItems,
    termDepth: wide ? new Int32Array(trie.termStates.length) : new Uint16Array(trie.termStates.length),
    outMark: new Uint8Array((n + 3) >> 2),
  };
  const { termStates, termDepth, outMark } = a;
  for (let k = 0; k < termStates.length; k++) addOutMark(outMark, termStates[k] ?? 0, OUT_OWN);
  yield;
  fillRoots(a);
  // Per state while building only.
  const depth = wide ? new Int32Array(n) : new Uint16Array(n);
  const links = new LinkBuilder(a, depth, maxDepth);
  yield* inChunks(n - 1, (from, to) => links.links(from + 1, to + 1));
  for (let k = 0; k < termStates.length; k++) termDepth[k] = depth[termStates[k] ?? 0] ?? 0;
  yield;
  yield* inChunks(a.dense.length, (from, to) => encodeDense(a, from, to), CHUNK * 8);
  encodeSpecialColumns(a);
  return a;
}
