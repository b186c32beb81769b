/**
 * The columnar pack: a handful of big strings and typed arrays instead of one object per
 * alias. It is what `MatcherData` (version 2) holds, decoded, and what the compiler
 * produces; the scan tables are built from it (`buildParts`).
 *
 * Texts are concatenated into one string with an array of end offsets; small per-item
 * codes (case rule and surname flag, edge classes) are strings of one character per item,
 * so the tab reads them in place from the received data (JSON.parse of a big string is
 * close to a copy, and the string is shared, not decoded into a second array).
 */
import type { TrieCore } from './trie';

/** Offset of the edge-class characters in `TrieShape.edgeText`: keeps JSON free of escapes. */
export const EDGE_BASE = 0x20;
/**
 * Most trie classes a pack may have: every edge character stays below the surrogate range,
 * so the string survives every message transport (lone surrogates may not).
 */
export const MAX_CLASSES = 0xd800 - EDGE_BASE;
/** `aliasInfo` character of code 0 (then case rule | surname << 2: '0'–'2', '4'–'6'). */
export const INFO_BASE = 0x30;
export const INFO_SURNAME = 4;
/** `aliasLang` character of "no language"; language `i` of the table is `LANG_BASE + 1 + i`. */
export const LANG_BASE = 0x30;
/** Most distinct alias languages a pack may have (keeps `aliasLang` one small character each). */
export const MAX_LANGUAGES = 1000;

/** The trie (breadth-first, see trie.ts) in the form the scanner reads. */
export interface TrieShape {
  /**
   * Per state, plus one: the first child's id minus the state's id. Edges of state `s` are
   * `s - 1 + childGap[s]` to `s + childGap[s + 1]` (exclusive); edge `j` leads to `j + 1`.
   * Uint16 unless a gap does not fit.
   */
  childGap: Uint16Array | Int32Array;
  /** Per edge: `EDGE_BASE` + its class. Sorted within each state. */
  edgeText: string;
  /** Per terminal entry, ascending: the state where a phrase ends. */
  termStates: Int32Array;
  /** Per terminal entry: alias index (≥ 0), or negative `j` as `-(j + 1)`. */
  termItems: Int32Array;
}

/** Per-item entity indices: Uint16 when there are at most 65,536 entities, else Int32. */
export type EntityIndices = Uint16Array | Int32Array;

/** True when entity indices of a pack with `numEntities` entities are stored as Uint16. */
export function narrowEntities(numEntities: number): boolean {
  return numEntities <= 0x10000;
}

/** `indices` in the width `narrowEntities` gives. */
export function entityIndices(indices: Int32Array, numEntities: number): EntityIndices {
  return narrowEntities(numEntities) ? Uint16Array.from(indices) : indices;
}

export interface PackColumns {
  /** Entity ids, concatenated; entity `e` ends at `entityEnds[e]`, starts where `e - 1` ends. */
  entityText: string;
  entityEnds: Int32Array;
  /** Alias texts, concatenated (ends as for entities). */
  aliasText: string;
  aliasEnds: Int32Array;
  aliasEntity: EntityIndices;
  /** One character per alias: `INFO_BASE` + (case rule | surname << 2). */
  aliasInfo: string;
  /** The aliases' languages, each once. */
  languages: string[];
  /** One character per alias: `LANG_BASE` (none) or `LANG_BASE + 1 + i` (`languages[i]`). */
  aliasLang: string;
  /** Negative phrases, concatenated (ends as for entities). */
  negText: string;
  negEnds: Int32Array;
  negEntity: EntityIndices;
  /** Pattern alphabet, ascending: code unit `symbols[i]` has class `CLS_FIRST + i`. */
  symbols: Uint16Array;
  trie: TrieShape;
}

/** The language of alias `a` (`Alias.lang`), or undefined. */
export function aliasLangOf(c: Pick<PackColumns, 'languages' | 'aliasLang'>, a: number): string | undefined {
  const code = c.aliasLang.charCodeAt(a) - LANG_BASE;
  return code > 0 ? c.languages[code - 1] : undefined;
}

/** Item `i` of a concatenated column. */
export function textAt(text: string, ends: Int32Array, i: number): string {
  return text.slice(i > 0 ? (ends[i - 1] ?? 0) : 0, ends[i] ?? 0);
}

/** Where item `i` of a concatenated column starts. */
export function startAt(ends: Int32Array, i: number): number {
  return i > 0 ? (ends[i - 1] ?? 0) : 0;
}

/** Joins `texts` into one string and its end offsets. */
export function joinTexts(texts: readonly string[]): { text: string; ends: Int32Array } {
  const ends = new Int32Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    at += texts[i]?.length ?? 0;
    ends[i] = at;
  }
  return { text: texts.join(''), ends };
}

const utf16 = new TextDecoder('utf-16le');

/**
 * A string of one character per element: `base + values[i]` (all below the surrogate
 * range, so the UTF-16 decoder keeps every unit as it is).
 */
export function codeString(values: ArrayLike<number>, base: number): string {
  const units = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) units[i] = base + (values[i] ?? 0);
  return utf16.decode(units);
}

/** An array for `childGap` values up to `max`. */
export function gapArray(length: number, max: number): Uint16Array | Int32Array {
  return max <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
}

/** The compiler's trie (`buildTrie`) as the scanner reads it. */
export function trieShapeOf(core: TrieCore): TrieShape {
  const { childCounts, terminals } = core;
  const n = childCounts.length;
  let max = 0;
  let edges = 0;
  for (let s = 0; s <= n; s++) {
    max = Math.max(max, edges + 1 - s);
    edges += childCounts[s] ?? 0;
  }
  const childGap = gapArray(n + 1, max);
  edges = 0;
  for (let s = 0; s <= n; s++) {
    childGap[s] = edges + 1 - s;
    edges += childCounts[s] ?? 0;
  }
  const pairs = terminals.length / 2;
  const termStates = new Int32Array(pairs);
  const termItems = new Int32Array(pairs);
  for (let k = 0; k < pairs; k++) {
    termStates[k] = terminals[2 * k] ?? 0;
    termItems[k] = terminals[2 * k + 1] ?? 0;
  }
  return { childGap, edgeText: codeString(core.edgeClasses, EDGE_BASE), termStates, termItems };
}

/**
 * Unary child counts, breadth first (the `childBits` of `MatcherData`): per state one 1 bit
 * per child, then a 0 bit; least significant bit first.
 */
export function childBitsOf(trie: TrieShape): Uint8Array {
  const { childGap } = trie;
  const n = childGap.length - 1;
  const bits = new Uint8Array(Math.ceil((2 * n - 1) / 8));
  let at = 0;
  for (let s = 0; s < n; s++) {
    const count = 1 + (childGap[s + 1] ?? 0) - (childGap[s] ?? 0);
    for (let k = 0; k < count; k++, at++) bits[at >> 3] = (bits[at >> 3] ?? 0) | (1 << (at & 7));
    at++;
  }
  return bits;
}
