import type { CaseRule, Match } from '../model';

export interface AliasSpec {
  entityId: string;
  text: string;
  case: CaseRule;
  /**
   * A single-word surname of a person ("Schumer"): dropped when another capitalised name
   * precedes it ("Amy Schumer"); see `context.ts`. Filled by `specFromEntities`.
   */
  surname?: boolean;
  /** `Alias.lang`: selects the language rules (lang.ts) and is reported as `Match.lang`. */
  lang?: string;
}

/** A phrase in which the entity's aliases must not match ("Amy Schumer" for Chuck Schumer). */
export interface NegativeSpec {
  entityId: string;
  text: string;
}

export interface MatcherSpec {
  aliases: AliasSpec[];
  negatives: NegativeSpec[];
}

export interface Matcher {
  /**
   * Every mention in `text`: UTF-16 offsets into `text`, sorted by start, non-overlapping,
   * leftmost-longest. A possessive ('s, ’s, or ' after an s) and a German genitive s
   * ("Netanjahus") are included in the span; a Hebrew or Arabic prefix ("ו", "ב", "ال") is
   * not. `Match.lang` is the matched alias's language.
   */
  scan(text: string): Match[];
  /** `Match.aliasIndex` indexes this. */
  readonly aliases: readonly AliasSpec[];
  /** JSON-safe serialised form; `matcherFromData` restores it quickly. */
  toData(): MatcherData;
}

/**
 * The serialised matcher (version 3, columnar): plain JSON made of a few big strings, so
 * that parsing it is close to a copy and nothing needs a long decode. Typed arrays are
 * base64 strings, little-endian. Texts are concatenated, with Int32 end offsets: item `i`
 * runs from the end of item `i - 1` (0 for the first) to `ends[i]`.
 */
export interface MatcherData {
  format: 'backstory-matcher';
  /** 3 since aliases carry a language (`languages`, `aliasLang`); 2 is rejected. */
  version: 3;
  /** Entity ids, concatenated. */
  entityText: string;
  /** Int32 per entity: where its id ends in `entityText`. */
  entityEnds: string;
  /** Alias texts, concatenated. */
  aliasText: string;
  /** Int32 per alias: where its text ends in `aliasText`. */
  aliasEnds: string;
  /** Per alias, its entity's index: Uint16 when there are at most 65,536 entities, else Int32. */
  aliasEntity: string;
  /** One character per alias: '0' + case (0 sensitive, 1 proper, 2 insensitive) + 4 for a surname. */
  aliasInfo: string;
  /** The aliases' languages, each once (tags as `isLangTag` allows), in first-use order. */
  languages: string[];
  /** One character per alias: '0' for none, else '0' + 1 + its index in `languages`. */
  aliasLang: string;
  /** Negative phrases, concatenated. */
  negativeText: string;
  /** Int32 per negative phrase: where it ends in `negativeText`. */
  negativeEnds: string;
  /** Per negative phrase, its entity's index (as `aliasEntity`). */
  negativeEntity: string;
  /** Uint16 per symbol, ascending: code units of the pattern alphabet; symbol `i` has class `i + 4`. */
  symbols: string;
  /**
   * The trie's shape, states in breadth-first order: per state one 1 bit per child, then a
   * 0 bit (bytes, least significant bit first). Edge `j` leads to state `j + 1`. Its keys
   * are the normalised phrases, except that an Arabic phrase starting with the article ال
   * is stored without it (lang.ts `keyStart`; the scan finds the article before it).
   */
  childBits: string;
  /** One character per edge: U+0020 + its class, ascending within each state. */
  edgeClasses: string;
  /** Int32 per terminal entry, ascending: the state where a phrase ends. */
  termStates: string;
  /** Int32 per terminal entry: alias index, or -(negative index + 1); ascending within a state. */
  termItems: string;
}
