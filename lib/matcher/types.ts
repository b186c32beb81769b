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
   * leftmost-longest. A possessive ('s, ’s, or ' after an s) is included in the span.
   */
  scan(text: string): Match[];
  /** `Match.aliasIndex` indexes this. */
  readonly aliases: readonly AliasSpec[];
  /** JSON-safe serialised form; `matcherFromData` restores it quickly. */
  toData(): MatcherData;
}

/**
 * The serialised matcher: plain JSON (strings, numbers, arrays). Typed arrays are
 * base64 strings, little-endian.
 */
export interface MatcherData {
  format: 'backstory-matcher';
  version: 1;
  entities: string[];
  /** [entity index, text, case (0 sensitive, 1 proper, 2 insensitive), surname (0/1)] */
  aliases: [number, string, number, number][];
  /** [entity index, text] */
  negatives: [number, string][];
  /** Code units of the pattern alphabet; symbol `i` has class `i + 4`. */
  symbols: number[];
  /** Uint16 per state (breadth-first order). */
  childCounts: string;
  /** Uint16 per edge. */
  edgeClasses: string;
  /** Int32 per state. */
  fail: string;
  /** Int32 pairs (state, alias index or -(negative index + 1)), sorted by state. */
  terminals: string;
}
