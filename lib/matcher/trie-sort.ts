/**
 * Sorts the keys of a trie build lexicographically (by class ids; a key before its
 * extensions; equal keys in index order). An LSD radix sort by the first
 * `RADIX_DEPTH` classes does nearly all the work with sequential passes; the runs of keys
 * that share all of those classes are then finished with comparisons.
 */
import type { TrieKeys } from './trie';

/** Leading classes sorted by radix passes. */
const RADIX_DEPTH = 4;

/** Compares keys `a` and `b` from depth `d` on; equal keys by index. */
function compareFrom(keys: TrieKeys, a: number, b: number, d: number): number {
  const { start, classes } = keys;
  const fa = (start[a] ?? 0) + d;
  const fb = (start[b] ?? 0) + d;
  const la = (start[a + 1] ?? 0) - fa;
  const lb = (start[b + 1] ?? 0) - fb;
  const len = Math.min(la, lb);
  for (let i = 0; i < len; i++) {
    const diff = (classes[fa + i] ?? 0) - (classes[fb + i] ?? 0);
    if (diff !== 0) return diff;
  }
  return la - lb || a - b;
}

/** Sorts `order[lo..hi)` (keys equal up to depth `d`) by the rest of the keys. */
function finishRun(keys: TrieKeys, order: Int32Array, lo: number, hi: number, d: number): void {
  if (hi - lo <= 16) {
    for (let i = lo + 1; i < hi; i++) {
      const k = order[i] ?? 0;
      let j = i;
      while (j > lo && compareFrom(keys, order[j - 1] ?? 0, k, d) > 0) {
        order[j] = order[j - 1] ?? 0;
        j--;
      }
      order[j] = k;
    }
    return;
  }
  const run = Array.from(order.subarray(lo, hi));
  run.sort((a, b) => compareFrom(keys, a, b, d));
  order.set(run, lo);
}

/** The indices of the non-empty keys, in lexicographic order. */
export function sortKeys(keys: TrieKeys, numClasses: number): Int32Array {
  const { start, classes } = keys;
  const numKeys = start.length - 1;
  let live = 0;
  for (let k = 0; k < numKeys; k++) if ((start[k + 1] ?? 0) > (start[k] ?? 0)) live++;
  let order = new Int32Array(live);
  // digits[d * live + j]: class + 1 of the `j`th non-empty key at depth `d`, 0 past its end.
  const digits = new Uint16Array(RADIX_DEPTH * live);
  let j = 0;
  for (let k = 0; k < numKeys; k++) {
    const from = start[k] ?? 0;
    const to = start[k + 1] ?? 0;
    if (to <= from) continue;
    order[j] = k;
    const end = Math.min(to, from + RADIX_DEPTH);
    for (let at = from; at < end; at++) digits[(at - from) * live + j] = (classes[at] ?? 0) + 1;
    j++;
  }
  const keyOf = order;
  let perm = new Int32Array(live);
  for (let i = 0; i < live; i++) perm[i] = i;
  let next = new Int32Array(live);
  const counts = new Int32Array(numClasses + 2);
  for (let d = RADIX_DEPTH - 1; d >= 0; d--) {
    const base = d * live;
    counts.fill(0);
    for (let i = 0; i < live; i++) {
      const c = (digits[base + i] ?? 0) + 1;
      counts[c] = (counts[c] ?? 0) + 1;
    }
    for (let c = 1; c < counts.length; c++) counts[c] = (counts[c] ?? 0) + (counts[c - 1] ?? 0);
    for (let i = 0; i < live; i++) {
      const p = perm[i] ?? 0;
      const c = digits[base + p] ?? 0;
      const at = counts[c] ?? 0;
      counts[c] = at + 1;
      next[at] = p;
    }
    [perm, next] = [next, perm];
  }
  order = next;
  for (let i = 0; i < live; i++) order[i] = keyOf[perm[i] ?? 0] ?? 0;
  // Runs that agree on all the radix digits (and go on past them) need the rest compared.
  let lo = 0;
  while (lo < live) {
    let hi = lo + 1;
    const a = perm[lo] ?? 0;
    const longer = (digits[(RADIX_DEPTH - 1) * live + a] ?? 0) !== 0;
    while (hi < live) {
      const b = perm[hi] ?? 0;
      let same = true;
      for (let d = 0; d < RADIX_DEPTH && same; d++) same = digits[d * live + a] === digits[d * live + b];
      if (!same) break;
      hi++;
    }
    if (hi - lo > 1 && longer) finishRun(keys, order, lo, hi, RADIX_DEPTH);
    lo = hi;
  }
  return order;
}
