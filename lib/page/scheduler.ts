/**
 * Time-slicing: run a generator of small work units, yielding to the page whenever a slice
 * has used its budget, so scanning never makes a long task.
 */

/** Gives the page a turn; resolves when the scan may continue. */
export type YieldToPage = () => Promise<void>;

type WindowWithScheduler = Window & {
  scheduler?: { yield?: () => Promise<void> };
};

/**
 * `scheduler.yield()` where present, else a MessageChannel macrotask (not throttled like
 * `setTimeout` and with no 4 ms clamp), else `setTimeout(0)`. Pending yields resolve at
 * once when `signal` aborts; the channel is closed then.
 */
export function createYieldToPage(win: Window, signal: AbortSignal): YieldToPage {
  const scheduler = (win as WindowWithScheduler).scheduler;
  const schedulerYield = scheduler?.yield;
  if (scheduler !== undefined && typeof schedulerYield === 'function') {
    return () => (signal.aborted ? Promise.resolve() : schedulerYield.call(scheduler));
  }
  const waiting: (() => void)[] = [];
  const release = (): void => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  signal.addEventListener('abort', release, { once: true });

  const Channel = (win as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      const resolve = waiting.shift();
      resolve?.();
    };
    signal.addEventListener('abort', () => {
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    }, { once: true });
    return () => {
      if (signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
    };
  }
  return () => {
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      const onAbort = (): void => win.clearTimeout(timer);
      const timer = win.setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        const i = waiting.indexOf(resolve);
        if (i >= 0) waiting.splice(i, 1);
        resolve();
      }, 0);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };
}

export interface SliceStats {
  /** Time spent working, summed over slices (ms). */
  busyMs: number;
  /** The longest single slice (ms). */
  longestSliceMs: number;
  slices: number;
}

export function emptySliceStats(): SliceStats {
  return { busyMs: 0, longestSliceMs: 0, slices: 0 };
}

export interface SliceOptions {
  now: () => number;
  yieldToPage: YieldToPage;
  signal: AbortSignal;
  /** Work time per slice before yielding (ms). Default 6, under the ~8 ms target. */
  budgetMs?: number;
  /** Accumulates timing across runs. */
  stats?: SliceStats;
}

/** The default slice budget. */
export const SLICE_BUDGET_MS = 6;

/**
 * Pulls `work` to completion, one unit per `next()`, yielding to the page when a slice
 * reaches the budget. A slice may overrun by at most one unit. Resolves true when the
 * work is done, false when `signal` aborted first (the generator is then closed).
 */
export async function runSliced(
  work: Iterator<unknown, unknown, undefined>,
  options: SliceOptions,
): Promise<boolean> {
  const { now, yieldToPage, signal } = options;
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const stats = options.stats ?? emptySliceStats();
  const endSlice = (started: number): void => {
    const spent = now() - started;
    stats.busyMs += spent;
    stats.slices += 1;
    if (spent > stats.longestSliceMs) stats.longestSliceMs = spent;
  };
  try {
    for (;;) {
      if (signal.aborted) return false;
      const started = now();
      for (;;) {
        const step = work.next();
        if (step.done === true) {
          endSlice(started);
          return true;
        }
        if (signal.aborted) {
          endSlice(started);
          return false;
        }
        if (now() - started >= budget) break;
      }
      endSlice(started);
      await yieldToPage();
    }
  } finally {
    work.return?.(undefined);
  }
}
