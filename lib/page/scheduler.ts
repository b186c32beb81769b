/**
 * Time-slicing: run a generator of small work units, yielding to the page whenever a slice
 * has used its budget, so scanning never makes a long task.
 */

/** Gives the page a turn; resolves when the scan may continue. */
export type YieldToPage = () => Promise<void>;

interface PostTaskOptions {
  priority?: 'user-blocking' | 'user-visible' | 'background';
  signal?: AbortSignal;
}

type WindowWithScheduler = Window & {
  scheduler?: {
    yield?: () => Promise<void>;
    postTask?: (callback: () => void, options?: PostTaskOptions) => Promise<unknown>;
  };
  requestIdleCallback?: (callback: () => void, options?: { timeout?: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** The longest wait for an idle period before background work runs anyway (ms). */
export const IDLE_TIMEOUT_MS = 200;

/**
 * Gives the page a turn and resumes only when it has nothing more urgent (or after
 * `IDLE_TIMEOUT_MS`): a `scheduler.postTask` task of `background` priority where present
 * (no wait when the page is idle; chained `requestIdleCallback`s wait for a new idle period
 * each, up to 50 ms), else `requestIdleCallback`, else `fallback`. Resolves at once when
 * `signal` aborts.
 */
export function createYieldInBackground(win: Window, signal: AbortSignal, fallback: YieldToPage): YieldToPage {
  const w = win as WindowWithScheduler;
  const scheduler = w.scheduler;
  const postTask = scheduler?.postTask;
  if (scheduler !== undefined && typeof postTask === 'function') {
    return () => {
      if (signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // A page that is never idle must not starve the scan: the timer ends the wait.
        const timer = win.setTimeout(resolve, IDLE_TIMEOUT_MS);
        const done = (): void => {
          win.clearTimeout(timer);
          resolve();
        };
        postTask.call(scheduler, () => undefined, { priority: 'background', signal }).then(done, done);
      });
    };
  }
  const idle = w.requestIdleCallback;
  const cancel = w.cancelIdleCallback;
  if (typeof idle !== 'function' || typeof cancel !== 'function') return fallback;
  return () => {
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const onAbort = (): void => {
        cancel.call(win, handle);
        resolve();
      };
      const handle = idle.call(win, () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, { timeout: IDLE_TIMEOUT_MS });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };
}

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
  /** Used once the work yields `BACKGROUND_WORK`; default `yieldToPage`. */
  yieldInBackground?: YieldToPage;
  signal: AbortSignal;
  /** Work time per slice before yielding (ms). Default 6, under the ~8 ms target. */
  budgetMs?: number;
  /** Accumulates timing across runs. */
  stats?: SliceStats;
}

/** The default slice budget. */
export const SLICE_BUDGET_MS = 6;

/** Yielded by work whose remaining units are background work: the slice ends there. */
export const BACKGROUND_WORK = 'background';

/**
 * Pulls `work` to completion, one unit per `next()`, yielding to the page when a slice
 * reaches the budget. A slice may overrun by at most one unit. Once a unit yields
 * `BACKGROUND_WORK`, the slice ends and later slices wait for `yieldInBackground`.
 * Resolves true when the work is done, false when `signal` aborted first (the generator
 * is then closed).
 */
export async function runSliced(
  work: Iterator<unknown, unknown, undefined>,
  options: SliceOptions,
): Promise<boolean> {
  const { now, signal } = options;
  let yieldToPage = options.yieldToPage;
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
        if (step.value === BACKGROUND_WORK) {
          yieldToPage = options.yieldInBackground ?? yieldToPage;
          break;
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
