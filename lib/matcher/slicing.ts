/**
 * Work in steps: the decode and the table builds are generators that `yield` after every
 * small piece of work (well under a millisecond). `runSteps` runs them to the end at once
 * (`matcherFromData`); `runSliced` gives the page back whenever a slice has used its time
 * (`loadMatcher`). One code path either way.
 */

/** A computation in steps: each `yield` is a point where the page may run. */
export type Steps<T> = Generator<void, T, void>;

/** Elements a step loop handles between two yields (a few hundred microseconds at most). */
export const CHUNK = 8192;

export interface SliceOptions {
  /** Gives the page a turn (`scheduler.yield()`, a zero timeout, a message round trip…). */
  yieldToPage: () => Promise<unknown>;
  /** Time a slice may use before the page gets a turn; default 4 ms. */
  sliceMs?: number;
  /** The clock (milliseconds); default `performance.now`. For tests. */
  now?: () => number;
}

/** Runs `steps` to the end in one go. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** Runs `steps`, awaiting `yieldToPage()` whenever a slice has used `sliceMs`. */
export async function runSliced<T>(steps: Steps<T>, opts: SliceOptions): Promise<T> {
  const sliceMs = opts.sliceMs ?? 4;
  const now = opts.now ?? (() => performance.now());
  let sliceStart = now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (now() - sliceStart >= sliceMs) {
      await opts.yieldToPage();
      sliceStart = now();
    }
  }
}

/** Calls `fn(from, to)` over `0..n` in `chunk`-sized ranges, yielding after each. */
export function* inChunks(n: number, fn: (from: number, to: number) => void, chunk = CHUNK): Steps<void> {
  for (let from = 0; from < n; from += chunk) {
    fn(from, Math.min(n, from + chunk));
    yield;
  }
}
