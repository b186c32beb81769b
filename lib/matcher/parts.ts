/**
 * Everything the scanner needs besides the automaton: per-alias rule data (case pattern,
 * boundary flags, surname) and per-entity context words. Cheap to derive, so both
 * `compileMatcher` and `matcherFromData` compute it from the alias texts.
 */
import type { CaseRule } from '../model';
import { buildAutomaton, type Automaton } from './automaton';
import { foldWord, keepBeforeSet, type FoldedWordSet } from './context';
import * as N from './normalise';
import { CLS_FIRST, type TrieCore } from './trie';
import type { AliasSpec, NegativeSpec } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { FOLD_IGNORE, FOLD_SEP, foldUnit, isWordFold, kindOf, K_LOWER, K_UPPER } = N;

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

/** What the compiler produces, and all that `MatcherData` stores besides the failure links. */
export interface CompiledPack {
  entities: string[];
  aliases: AliasSpec[];
  negatives: NegativeSpec[];
  aliasEntity: Int32Array;
  negEntity: Int32Array;
  /** Pattern alphabet: symbol code unit `symbols[i]` has class `i + 4`. */
  symbols: number[];
  core: TrieCore;
}

export interface MatcherParts extends CompiledPack {
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

/** 1 for the trie classes of letters and digits. */
export function classWordOf(symbols: readonly number[], numClasses: number): Uint8Array {
  const classWord = new Uint8Array(numClasses);
  symbols.forEach((c, i) => {
    classWord[CLS_FIRST + i] = isWordFold(c) ? 1 : 0;
  });
  return classWord;
}

/** The scan tables (`denseBudget`: see `buildAutomaton`; tests only). */
export function assembleParts(pack: CompiledPack, denseBudget?: number): MatcherParts {
  const { entities, aliases, aliasEntity, negatives, core } = pack;
  const numAliases = aliases.length;
  const aliasFlags = new Uint8Array(numAliases);
  const aliasRule = new Uint8Array(numAliases);
  const casePatStart = new Int32Array(numAliases + 1);
  let totalLength = 0;
  for (const alias of aliases) totalLength += alias.text.length;
  const pattern = new Uint8Array(totalLength);
  let patternLength = 0;
  const surnameEntities = new Set<number>();
  for (let a = 0; a < numAliases; a++) {
    const alias = aliases[a];
    if (alias === undefined) continue;
    const text = alias.text;
    let flags = boundaryFlags(text);
    let letters = 0;
    for (let i = 0; i < text.length; i++) {
      const cased = kindOf(text.charCodeAt(i)) & (K_UPPER | K_LOWER);
      if (cased === 0) continue;
      pattern[patternLength++] = cased;
      letters++;
    }
    casePatStart[a + 1] = patternLength;
    const rule = RULE_CODES[alias.case];
    aliasRule[a] = rule;
    if (rule === RULE_PROPER && letters >= 4) flags |= F_CAPS_OK;
    if (alias.surname === true) {
      flags |= F_SURNAME;
      surnameEntities.add(aliasEntity[a] ?? 0);
    }
    aliasFlags[a] = flags;
  }
  const entityKeep: (FoldedWordSet | undefined)[] = new Array<FoldedWordSet | undefined>(entities.length).fill(undefined);
  if (surnameEntities.size > 0) {
    const entityWords = new Map<number, Set<string>>();
    for (const e of surnameEntities) entityWords.set(e, new Set<string>());
    aliases.forEach((alias, a) => {
      const words = entityWords.get(aliasEntity[a] ?? 0);
      if (words === undefined) return;
      const parts = alias.text.trim().split(/\s+/u);
      if (parts.length < 2) return;
      for (const w of parts) words.add(foldWord(w));
    });
    for (const [e, words] of entityWords) entityKeep[e] = keepBeforeSet(words);
  }
  return {
    ...pack,
    aliasFlags,
    negFlags: Uint8Array.from(negatives, (n) => boundaryFlags(n.text)),
    aliasRule,
    casePatStart,
    casePat: pattern.slice(0, patternLength),
    entityKeep,
    automaton: buildAutomaton(core, classWordOf(pack.symbols, core.numClasses), denseBudget),
  };
}
