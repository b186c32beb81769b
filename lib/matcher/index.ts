/**
 * Pure text → mentions. Compile aliases once (`compileMatcher`), ship the compiled form
 * (`toData` / `matcherFromData`), scan many texts (`Matcher.scan`).
 */
import { CompiledMatcher, compilePack } from './compile';
import { decodeData } from './data';
import { AutomatonMatcher } from './scanner';
import type { Matcher, MatcherSpec } from './types';

export type { AliasSpec, Matcher, MatcherData, MatcherSpec, NegativeSpec } from './types';
export { specFromEntities } from './spec';
export { normaliseKey, normaliseWithOffsets, type Normalised } from './normalise';

/**
 * Compiles every alias and negative phrase into one automaton. The scan tables are built
 * on the first `scan` (serialising with `toData` does not need them).
 */
export function compileMatcher(spec: MatcherSpec): Matcher {
  return new CompiledMatcher(compilePack(spec));
}

/** Restores a matcher from `Matcher.toData()` output; throws an `Error` on malformed data. */
export function matcherFromData(data: unknown): Matcher {
  return new AutomatonMatcher(decodeData(data));
}
