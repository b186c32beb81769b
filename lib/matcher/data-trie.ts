/**
 * Decoding the trie of `MatcherData` (untrusted): the unary child counts (`childBits`), the
 * edge classes and the terminal entries, checked so that the automaton build and the scan
 * can never index out of range or loop: every state's parent comes before it, classes
 * are sorted within a state, terminal entries are sorted and name real items.
 */
import { decodeBytesSteps, decodeInt32Steps } from './base64';
import { EDGE_BASE, gapArray, type TrieShape } from './columns';
import { CHUNK, inChunks, type Steps } from './slicing';
import { CLS_SEP } from './trie';

function fail(why: string): never {
  throw new Error(`matcher data: ${why}`);
}

/** Pass 1 over the child bits: checks the shape and the edge classes; finds the widest gap. */
class ShapeCheck {
  /** States closed so far (the index of the state whose edges come next). */
  private s = 0;
  private edges = 0;
  private prevClass = -1;
  maxGap = 1;

  constructor(
    private readonly bits: Uint8Array,
    private readonly edgeText: string,
    private readonly numClasses: number,
    private readonly numStates: number,
  ) {}

  bytes(from: number, to: number): void {
    const { bits, edgeText, numClasses, numStates: n } = this;
    const totalBits = 2 * n - 1;
    let { s, edges, prevClass, maxGap } = this;
    for (let i = from; i < to; i++) {
      const byte = bits[i] ?? 0;
      for (let k = 0; k < 8; k++) {
        const bit = (byte >> k) & 1;
        if (i * 8 + k >= totalBits) {
          if (bit !== 0) fail('childBits has bits past its end');
          continue;
        }
        if (bit === 1) {
          if (edges >= n - 1) fail('more edges than states');
          const c = edgeText.charCodeAt(edges) - EDGE_BASE;
          if (c < CLS_SEP || c >= numClasses || c <= prevClass) fail(`bad edge class at edge ${edges}`);
          prevClass = c;
          edges++;
          continue;
        }
        s++;
        prevClass = -1;
        // State `s`'s first edge is `edges`: its parent owns edge `s - 1`, so comes before it.
        if (s < n && edges < s) fail(`state ${s} comes before its parent`);
        if (edges + 1 - s > maxGap) maxGap = edges + 1 - s;
      }
    }
    this.s = s;
    this.edges = edges;
    this.prevClass = prevClass;
    this.maxGap = maxGap;
  }

  finish(): void {
    if (this.s !== this.numStates) fail('childBits does not match the edge count');
  }
}

/** Pass 2: the child gaps of checked bits, bytes `from..to` (in order). */
class GapFill {
  private s = 0;
  private edges = 0;

  constructor(
    private readonly bits: Uint8Array,
    private readonly totalBits: number,
    private readonly childGap: Uint16Array | Int32Array,
  ) {
    childGap[0] = 1;
  }

  bytes(from: number, to: number): void {
    const { bits, childGap } = this;
    const end = Math.min(this.totalBits, to * 8);
    let { s, edges } = this;
    for (let at = from * 8; at < end; at++) {
      if ((((bits[at >> 3] ?? 0) >> (at & 7)) & 1) === 1) {
        edges++;
      } else {
        s++;
        childGap[s] = edges + 1 - s;
      }
    }
    this.s = s;
    this.edges = edges;
  }
}

/** Checks the terminal entries `from..to`. */
function checkTerms(states: Int32Array, items: Int32Array, n: number, numAliases: number, numNegatives: number, from: number, to: number): void {
  let prev = from > 0 ? (states[from - 1] ?? 0) : 1;
  for (let k = from; k < to; k++) {
    const s = states[k] ?? 0;
    if (s < prev || s >= n) fail(s === 0 ? 'the root state cannot end a pattern' : 'terminal states out of order or range');
    prev = s;
    const item = items[k] ?? 0;
    if (item >= numAliases || item < -numNegatives) fail('terminal item out of range');
  }
}

export interface TrieFields {
  childBits: string;
  edgeClasses: string;
  termStates: string;
  termItems: string;
}

/** Decodes and checks the trie of a pack with `numClasses` classes. */
export function* decodeTrie(f: TrieFields, numClasses: number, numAliases: number, numNegatives: number): Steps<TrieShape> {
  const edgeText = f.edgeClasses;
  const n = edgeText.length + 1;
  const bits = yield* decodeBytesSteps(f.childBits);
  if (bits.length !== Math.ceil((2 * n - 1) / 8)) fail('childBits length does not match the edge count');
  const check = new ShapeCheck(bits, edgeText, numClasses, n);
  yield* inChunks(bits.length, (from, to) => check.bytes(from, to), CHUNK);
  check.finish();
  const childGap = gapArray(n + 1, check.maxGap);
  const gaps = new GapFill(bits, 2 * n - 1, childGap);
  yield* inChunks(bits.length, (from, to) => gaps.bytes(from, to), CHUNK);
  const termStates = yield* decodeInt32Steps(f.termStates, 'termStates');
  const termItems = yield* decodeInt32Steps(f.termItems, 'termItems');
  if (termItems.length !== termStates.length) fail('termItems length does not match termStates');
  yield* inChunks(termStates.length, (from, to) => checkTerms(termStates, termItems, n, numAliases, numNegatives, from, to), CHUNK * 4);
  return { childGap, edgeText, termStates, termItems };
}
