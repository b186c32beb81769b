/**
 * Builds the keyword trie in breadth-first order. In that order the children of every
 * state are consecutive and the target of edge `j` is state `j + 1`, so the trie is stored
 * as just a child count per state and a class per edge.
 *
 * It runs on every recompile (packs of tens of thousands of aliases), so it is built in
 * that order directly, from the sorted keys, with a few linear passes over typed arrays
 * (see `buildTrie`).
 */

import * as S from './trie-sort';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { sortKeys } = S;

/**
 * Class ids: 0 not yet classified (scanner cache), 1 ignorable, 2 any symbol no pattern
 * uses, 3 separator, 4… pattern symbols.
 */
export const CLS_UNKNOWN = 0;
export const CLS_IGNORE = 1;
export const CLS_OTHER = 2;
export const CLS_SEP = 3;
export const CLS_FIRST = 4;

/** The keys to insert: key `k` is `classes[start[k]..start[k + 1]]` and ends `items[k]`. */
export interface TrieKeys {
  /** Class ids of all keys, concatenated. */
  classes: Uint16Array;
  /** Per key, plus one: where each key starts in `classes`. */
  start: Int32Array;
  /** Per key: what ends there, alias index (≥ 0) or negative phrase `j` as `-(j + 1)`. */
  items: Int32Array;
}

export interface TrieCore {
  numClasses: number;
  /** Per state, breadth-first order; state 0 is the root. */
  childCounts: Uint16Array;
  /** Per edge; edge `j` leads to state `j + 1`; sorted within each state. */
  edgeClasses: Uint16Array;
  /** Pairs (state, item), sorted by state, then item. */
  terminals: Int32Array;
}

/**
 * Builds the trie from the sorted keys in two passes. In sorted order, a key adds the
 * states for its classes past its common prefix with the key before it (`lcp`), one per
 * depth; and breadth-first order is by depth, then by prefix, which is sorted order. So
 * the first pass counts the states of every depth, and the second numbers them.
 */
export function buildTrie(keys: TrieKeys, numClasses: number): TrieCore {
  const { start, classes, items } = keys;
  const order = sortKeys(keys, numClasses);
  const live = order.length;
  // Pass 1: common prefixes, and the states per depth (as differences).
  const lcp = new Int32Array(live);
  let maxLen = 0;
  for (let i = 0; i < live; i++) maxLen = Math.max(maxLen, lengthOf(start, order[i] ?? 0));
  const perDepth = new Int32Array(maxLen + 2);
  let prevFrom = 0;
  let prevLen = 0;
  for (let i = 0; i < live; i++) {
    const k = order[i] ?? 0;
    const from = start[k] ?? 0;
    const len = (start[k + 1] ?? 0) - from;
    const most = Math.min(len, prevLen);
    let l = 0;
    while (l < most && classes[from + l] === classes[prevFrom + l]) l++;
    lcp[i] = l;
    perDepth[l + 1] = (perDepth[l + 1] ?? 0) + 1;
    perDepth[len + 1] = (perDepth[len + 1] ?? 0) - 1;
    prevFrom = from;
    prevLen = len;
  }
  // next[d]: the next state id at depth d.
  const next = new Int32Array(maxLen + 2);
  let states = 0;
  let width = 0;
  for (let d = 0; d <= maxLen; d++) {
    width += perDepth[d] ?? 0;
    next[d] = states;
    states += d === 0 ? 1 : width;
  }
  const childCounts = new Uint16Array(states);
  const edgeClasses = new Uint16Array(Math.max(0, states - 1));
  const path = new Int32Array(maxLen + 1);
  const endState = new Int32Array(live);
  // Pass 2: number the states.
  for (let i = 0; i < live; i++) {
    const k = order[i] ?? 0;
    const from = start[k] ?? 0;
    const len = (start[k + 1] ?? 0) - from;
    for (let d = (lcp[i] ?? 0) + 1; d <= len; d++) {
      const s = next[d] ?? 0;
      next[d] = s + 1;
      edgeClasses[s - 1] = classes[from + d - 1] ?? 0;
      const parent = path[d - 1] ?? 0;
      childCounts[parent] = (childCounts[parent] ?? 0) + 1;
      path[d] = s;
    }
    endState[i] = path[len] ?? 0;
  }
  return { numClasses, childCounts, edgeClasses, terminals: terminalPairs(order, endState, start, items, maxLen) };
}

function lengthOf(start: Int32Array, k: number): number {
  return (start[k + 1] ?? 0) - (start[k] ?? 0);
}

/**
 * (state, item) pairs by state, then item: in sorted order the end states of one depth
 * ascend, so a stable bucketing by key length orders them; equal keys (one state) are
 * adjacent, and their items are put in order.
 */
function terminalPairs(order: Int32Array, endState: Int32Array, start: Int32Array, items: Int32Array, maxLen: number): Int32Array {
  const live = order.length;
  const at = new Int32Array(maxLen + 2);
  for (let i = 0; i < live; i++) {
    const len = lengthOf(start, order[i] ?? 0) + 1;
    at[len] = (at[len] ?? 0) + 1;
  }
  for (let d = 1; d <= maxLen + 1; d++) at[d] = (at[d] ?? 0) + (at[d - 1] ?? 0);
  const terminals = new Int32Array(2 * live);
  for (let i = 0; i < live; i++) {
    const k = order[i] ?? 0;
    const len = lengthOf(start, k);
    const state = endState[i] ?? 0;
    const item = items[k] ?? 0;
    let t = at[len] ?? 0;
    at[len] = t + 1;
    while (t > 0 && terminals[2 * t - 2] === state && (terminals[2 * t - 1] ?? 0) > item) {
      terminals[2 * t] = state;
      terminals[2 * t + 1] = terminals[2 * t - 1] ?? 0;
      t--;
    }
    terminals[2 * t] = state;
    terminals[2 * t + 1] = item;
  }
  return terminals;
}
