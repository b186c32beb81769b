/**
 * Everything the scanner needs besides the automaton: per-alias rule data (case pattern,
 * boundary flags, surname) and per-entity context words. Cheap to derive, so both
 * `compileMatcher` and `matcherFromData` compute it from the alias texts.
 */
import type { CaseRule } from '../model';
import { buildAutomaton, type Automaton } from './automaton';
import { foldWord, keepBeforeSet, type FoldedWordSet } from './context';
import { FOLD_IGNORE, FOLD_SEP, foldUnit, isWordFold, kindOf, K_LOWER, K_UPPER } from './normalise';
import { CLS_FIRST, type TrieCore } from './trie';
import type { AliasSpec, NegativeSpec } from './types';

export const F_STARTS_WORD = 1;
export const F_ENDS_WORD = 2;
export const F_ENDS_S = 4;
export const F_SURNAME = 8;
/** Proper alias with ≥ 4 letters: ALL CAPS is accepted too. */
export const F_CAPS_OK = 16;

export const RULE_SENSITIVE = 0;
export const RULE_PROPER = 1;
export const RULE_INSENSITIVE = 2;
export const RULE_CODES: Record<CaseRule, number> = { sensitive: 0, proper: 1, insensitive: 2 };
export const RULE_NAMES: readonly CaseRule[] = ['sensitive', 'proper', 'insensitive'];

export interface MatcherParts {
  entities: string[];
  aliases: AliasSpec[];
  negatives: NegativeSpec[];
  aliasEntity: Int32Array;
  negEntity: Int32Array;
  aliasFlags: Uint8Array;
  negFlags: Uint8Array;
  aliasRule: Uint8Array;
  /** Cased letters of alias `a` (K_UPPER / K_LOWER): `casePat[casePatStart[a]..casePatStart[a + 1]]`. */
  casePatStart: Int32Array;
  casePat: Uint8Array;
  /**
   * Per entity with surname aliases: the words that keep a surname when they come right
   * before it (titles, function words, and the entity's own multi-word alias words).
   */
  entityKeep: (FoldedWordSet | undefined)[];
  /** Pattern alphabet: symbol code unit `symbols[i]` has class `i + 4`. */
  symbols: number[];
  core: TrieCore;
  automaton: Automaton;
}

/** Boundary flags from the first and last significant folded code units of a phrase. */
function boundaryFlags(text: string): number {
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
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

export function assembleParts(
  entities: string[],
  aliases: AliasSpec[],
  aliasEntity: Int32Array,
  negatives: NegativeSpec[],
  negEntity: Int32Array,
  symbols: number[],
  core: TrieCore,
  denseBudget?: number,
): MatcherParts {
  const aliasFlags = new Uint8Array(aliases.length);
  const aliasRule = new Uint8Array(aliases.length);
  const casePatStart = new Int32Array(aliases.length + 1);
  const pattern: number[] = [];
  const surnameEntities = new Set<number>();
  aliases.forEach((alias, a) => {
    let flags = boundaryFlags(alias.text);
    let letters = 0;
    for (let i = 0; i < alias.text.length; i++) {
      const cased = kindOf(alias.text.charCodeAt(i)) & (K_UPPER | K_LOWER);
      if (cased === 0) continue;
      pattern.push(cased);
      letters++;
    }
    casePatStart[a + 1] = pattern.length;
    const rule = RULE_CODES[alias.case];
    aliasRule[a] = rule;
    if (rule === RULE_PROPER && letters >= 4) flags |= F_CAPS_OK;
    if (alias.surname === true) {
      flags |= F_SURNAME;
      surnameEntities.add(aliasEntity[a] ?? 0);
    }
    aliasFlags[a] = flags;
  });
  const entityWords = entities.map(() => new Set<string>());
  aliases.forEach((alias, a) => {
    const e = aliasEntity[a] ?? 0;
    if (!surnameEntities.has(e)) return;
    const words = alias.text.trim().split(/\s+/u);
    if (words.length < 2) return;
    for (const w of words) entityWords[e]?.add(foldWord(w));
  });
  const classWord = new Uint8Array(core.numClasses);
  symbols.forEach((c, i) => {
    classWord[CLS_FIRST + i] = isWordFold(c) ? 1 : 0;
  });
  const entityKeep = entityWords.map((words, e) => (surnameEntities.has(e) ? keepBeforeSet(words) : undefined));
  return {
    entities,
    aliases,
    negatives,
    aliasEntity,
    negEntity,
    aliasFlags,
    negFlags: Uint8Array.from(negatives, (n) => boundaryFlags(n.text)),
    aliasRule,
    casePatStart,
    casePat: Uint8Array.from(pattern),
    entityKeep,
    symbols,
    core,
    automaton: buildAutomaton(core, classWord, denseBudget),
  };
}
