/**
 * Everything the scanner needs: the automaton, per-alias rule flags (boundaries, case rule,
 * surname) and per-entity context words. Derived from the columnar pack in steps
 * (`buildParts`), by `compileMatcher` and `matcherFromData` / `loadMatcher` alike.
 */
import type { CaseRule } from '../model';
import { buildAutomaton, type Automaton } from './automaton';
import { aliasLangOf, INFO_BASE, INFO_SURNAME, startAt, textAt, type PackColumns } from './columns';
import { foldWord, keepBeforeSet, type FoldedWordSet } from './context';
import { isPrefixScriptLetter, langRules } from './lang';
import * as N from './normalise';
import { inChunks, type Steps } from './slicing';
import { CLS_FIRST } from './trie';
import type { AliasSpec } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { FOLD_IGNORE, FOLD_SEP, foldUnit, isWordFold, kindOf, K_LOWER, K_UPPER } = N;

export const F_STARTS_WORD = 1;
export const F_ENDS_WORD = 2;
export const F_ENDS_S = 4;
export const F_SURNAME = 8;
/** Proper alias with ≥ 4 letters: ALL CAPS is accepted too. */
export const F_CAPS_OK = 16;
/** An alias's case rule is `(flags >> RULE_SHIFT) & RULE_MASK`. */
export const RULE_SHIFT = 5;
export const RULE_MASK = 3;
/** The item has language rules (`aliasRules` / `negRules`, lang.ts). */
export const F_LANG = 128;

export const RULE_SENSITIVE = 0;
export const RULE_PROPER = 1;
export const RULE_INSENSITIVE = 2;
export const RULE_CODES: Record<CaseRule, number> = { sensitive: 0, proper: 1, insensitive: 2 };
export const RULE_NAMES: readonly CaseRule[] = ['sensitive', 'proper', 'insensitive'];

/** Aliases handled per step of the per-alias passes. */
const ALIAS_CHUNK = 2048;

export interface MatcherParts {
  columns: PackColumns;
  /** Per alias: `F_*` flags | case rule << `RULE_SHIFT`. */
  aliasFlags: Uint8Array;
  /** Per negative phrase: boundary flags. */
  negFlags: Uint8Array;
  /** Per alias / negative phrase: its language rules (`R_*` of lang.ts; `F_LANG` marks them). */
  aliasRules: Uint8Array;
  negRules: Uint8Array;
  /**
   * Per entity with surname aliases: the words that keep a surname when they come right
   * before it (titles, function words, and the entity's own multi-word alias words).
   */
  entityKeep: Map<number, FoldedWordSet>;
  automaton: Automaton;
}

/** Boundary flags from the first and last significant folded code units of `text[from..to)`. */
function boundaryFlags(text: string, from: number, to: number): number {
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === FOLD_IGNORE || f === FOLD_SEP) continue;
    if (first < 0) first = f;
    last = f;
  }
  let flags = 0;
  if (isWordFold(first)) flags |= F_STARTS_WORD;
  if (isWordFold(last)) flags |= F_ENDS_WORD;
  if (last === 0x73) flags |= F_ENDS_S;
  return flags;
}

/** 1 for the trie classes of letters and digits. */
export function classWordOf(symbols: ArrayLike<number>, numClasses: number): Uint8Array {
  const classWord = new Uint8Array(numClasses);
  for (let i = 0; i < symbols.length; i++) classWord[CLS_FIRST + i] = isWordFold(symbols[i] ?? 0) ? 1 : 0;
  return classWord;
}

/** 1 for the trie classes of Hebrew and Arabic letters (see `Automaton.classFree`). */
export function classFreeOf(symbols: ArrayLike<number>, numClasses: number): Uint8Array {
  const classFree = new Uint8Array(numClasses);
  for (let i = 0; i < symbols.length; i++) classFree[CLS_FIRST + i] = isPrefixScriptLetter(symbols[i] ?? 0) ? 1 : 0;
  return classFree;
}

/**
 * Flags and language rules of aliases `from..to`; their entities with surname aliases go
 * to `surnames`.
 */
function aliasFlagsRange(c: PackColumns, flags: Uint8Array, rules: Uint8Array, surnames: Set<number>, from: number, to: number): void {
  const { aliasText: text, aliasEnds: ends, aliasInfo } = c;
  for (let a = from; a < to; a++) {
    const start = startAt(ends, a);
    const end = ends[a] ?? 0;
    let f = boundaryFlags(text, start, end);
    const r = langRules(text, start, end, aliasLangOf(c, a));
    if (r !== 0) {
      rules[a] = r;
      f |= F_LANG;
    }
    let letters = 0;
    for (let i = start; i < end; i++) if ((kindOf(text.charCodeAt(i)) & (K_UPPER | K_LOWER)) !== 0) letters++;
    const info = aliasInfo.charCodeAt(a) - INFO_BASE;
    const rule = info & 3;
    if (rule === RULE_PROPER && letters >= 4) f |= F_CAPS_OK;
    if ((info & INFO_SURNAME) !== 0) {
      f |= F_SURNAME;
      surnames.add(c.aliasEntity[a] ?? 0);
    }
    flags[a] = f | (rule << RULE_SHIFT);
  }
}

/** Adds the words of the multi-word aliases `from..to` of the entities in `words`. */
function entityWordsRange(c: PackColumns, words: Map<number, Set<string>>, from: number, to: number): void {
  for (let a = from; a < to; a++) {
    const set = words.get(c.aliasEntity[a] ?? 0);
    if (set === undefined) continue;
    const parts = textAt(c.aliasText, c.aliasEnds, a).trim().split(/\s+/u);
    if (parts.length < 2) continue;
    for (const w of parts) set.add(foldWord(w));
  }
}

function maxLength(ends: Int32Array): number {
  let max = 0;
  let prev = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] ?? 0;
    max = Math.max(max, end - prev);
    prev = end;
  }
  return max;
}

/** The scan tables of a valid columnar pack, in steps (`denseBudget`: see `buildAutomaton`). */
export function* buildParts(c: PackColumns, denseBudget?: number): Steps<MatcherParts> {
  const numAliases = c.aliasEnds.length;
  const aliasFlags = new Uint8Array(numAliases);
  const aliasRules = new Uint8Array(numAliases);
  const surnames = new Set<number>();
  yield* inChunks(numAliases, (from, to) => aliasFlagsRange(c, aliasFlags, aliasRules, surnames, from, to), ALIAS_CHUNK);
  const negFlags = new Uint8Array(c.negEnds.length);
  const negRules = new Uint8Array(c.negEnds.length);
  yield* inChunks(
    negFlags.length,
    (from, to) => {
      for (let j = from; j < to; j++) {
        const start = startAt(c.negEnds, j);
        const end = c.negEnds[j] ?? 0;
        const r = langRules(c.negText, start, end, undefined);
        negRules[j] = r;
        negFlags[j] = boundaryFlags(c.negText, start, end) | (r !== 0 ? F_LANG : 0);
      }
    },
    ALIAS_CHUNK,
  );
  const entityKeep = new Map<number, FoldedWordSet>();
  if (surnames.size > 0) {
    const words = new Map<number, Set<string>>();
    for (const e of surnames) words.set(e, new Set<string>());
    yield* inChunks(numAliases, (from, to) => entityWordsRange(c, words, from, to), ALIAS_CHUNK);
    for (const [e, set] of words) entityKeep.set(e, keepBeforeSet(set));
    yield;
  }
  const numClasses = CLS_FIRST + c.symbols.length;
  const maxKey = Math.max(maxLength(c.aliasEnds), maxLength(c.negEnds));
  const classWord = classWordOf(c.symbols, numClasses);
  const classFree = classFreeOf(c.symbols, numClasses);
  const automaton = yield* buildAutomaton(c.trie, numClasses, classWord, classFree, maxKey, denseBudget);
  return { columns: c, aliasFlags, negFlags, aliasRules, negRules, entityKeep, automaton };
}

/** The aliases as `AliasSpec`s (`surname` and `lang` only where set). */
export function aliasSpecs(p: MatcherParts, entityId: (e: number) => string): AliasSpec[] {
  const { aliasText, aliasEnds, aliasEntity, aliasInfo } = p.columns;
  const out: AliasSpec[] = [];
  for (let a = 0; a < aliasEnds.length; a++) {
    const info = aliasInfo.charCodeAt(a) - INFO_BASE;
    const spec: AliasSpec = { entityId: entityId(aliasEntity[a] ?? 0), text: textAt(aliasText, aliasEnds, a), case: RULE_NAMES[info & 3] ?? 'sensitive' };
    if ((info & INFO_SURNAME) !== 0) spec.surname = true;
    const lang = aliasLangOf(p.columns, a);
    if (lang !== undefined) spec.lang = lang;
    out.push(spec);
  }
  return out;
}
