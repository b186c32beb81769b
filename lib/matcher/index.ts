/**
 * Pure text → mentions. Compile aliases once (`compileMatcher`), ship the compiled form
 * (`toData`; restore it with `loadMatcher`, or `matcherFromData` at once), scan many texts
 * (`Matcher.scan`).
 */
import { CompiledMatcher, compilePack } from './compile';
import { decodeSteps } from './data';
import { buildParts } from './parts';
import { AutomatonMatcher } from './scanner';
import { runSliced, runSteps, type SliceOptions, type Steps } from './slicing';
import type { Matcher, MatcherSpec } from './types';

export type { AliasSpec, Matcher, MatcherData, MatcherSpec, NegativeSpec } from './types';
export type { SliceOptions } from './slicing';
export { specFromEntities } from './spec';
export { normaliseKey, normaliseWithOffsets, type Normalised } from './normalise';

/**
 * Compiles every alias and negative phrase into one automaton. The scan tables are built
 * on the first `scan` (serialising with `toData` does not need them).
 */
export function compileMatcher(spec: MatcherSpec): Matcher {
  return new CompiledMatcher(compilePack(spec));
}

/** The one decode path: validate the data, then build every scan table. */
function* restoreSteps(data: unknown): Steps<Matcher> {
  const columns = yield* decodeSteps(data);
  return new AutomatonMatcher(yield* buildParts(columns));
}

/**
 * Restores a matcher from `Matcher.toData()` output in one go; throws an `Error` on
 * malformed data. In a page, prefer `loadMatcher`.
 */
export function matcherFromData(data: unknown): Matcher {
  return runSteps(restoreSteps(data));
}

/**
 * `matcherFromData` in slices: awaits `yieldToPage()` whenever a slice has used about
 * `sliceMs` (default 4 ms), so that a big pack never makes a long task. Every table is
 * built before it resolves: the first `scan` does no lazy build. Rejects with an `Error`
 * on malformed data.
 */
export function loadMatcher(data: unknown, opts: SliceOptions): Promise<Matcher> {
  return runSliced(restoreSteps(data), opts);
}
