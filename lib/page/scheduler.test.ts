// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_WORK, createYieldInBackground, createYieldToPage, emptySliceStats, runSliced } from './scheduler';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

describe('runSliced', () => {
  it('yields between slices and keeps every slice within budget + one unit', async () => {
    const clock = fakeClock();
    const order: string[] = [];
    function* work(): Generator<void> {
      for (let i = 0; i < 100; i++) {
        clock.advance(1); // each unit costs 1 ms
        order.push('u');
        yield;
      }
    }
    const stats = emptySliceStats();
    const yieldToPage = vi.fn(async () => { order.push('y'); });
    const done = await runSliced(work(), {
      now: clock.now, yieldToPage, signal: new AbortController().signal, budgetMs: 8, stats,
    });
    expect(done).toBe(true);
    expect(stats.longestSliceMs).toBeLessThanOrEqual(8);
    expect(stats.busyMs).toBe(100);
    expect(stats.slices).toBe(yieldToPage.mock.calls.length + 1);
    expect(yieldToPage.mock.calls.length).toBeGreaterThanOrEqual(12);
    // never more than 8 units between two yields
    const runs = order.join('').split('y');
    expect(Math.max(...runs.map((r) => r.length))).toBeLessThanOrEqual(8);
  });

  it('stops cleanly when the signal aborts, closing the generator', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    let closed = false;
    let units = 0;
    function* work(): Generator<void> {
      try {
        for (;;) {
          clock.advance(2);
          units++;
          yield;
        }
      } finally {
        closed = true;
      }
    }
    let yields = 0;
    const done = await runSliced(work(), {
      now: clock.now,
      yieldToPage: async () => {
        if (++yields === 3) controller.abort();
      },
      signal: controller.signal,
      budgetMs: 6,
    });
    expect(done).toBe(false);
    expect(closed).toBe(true);
    expect(units).toBe(9);
  });
});

describe('createYieldToPage', () => {
  it('uses scheduler.yield() where present', async () => {
    const yieldFn = vi.fn(async () => undefined);
    const scheduler = { yield: yieldFn };
    const win = { scheduler } as unknown as Window;
    await createYieldToPage(win, new AbortController().signal)();
    expect(yieldFn).toHaveBeenCalledTimes(1);
    expect(yieldFn.mock.contexts[0]).toBe(scheduler);
  });

  it('falls back to a MessageChannel macrotask, released on abort', async () => {
    const controller = new AbortController();
    const yieldToPage = createYieldToPage(window, controller.signal);
    await yieldToPage();
    controller.abort();
    await expect(yieldToPage()).resolves.toBeUndefined();
  });

  it('falls back to setTimeout(0) without MessageChannel', async () => {
    const setTimeoutFn = vi.fn((fn: () => void) => { fn(); return 1; });
    const win = { setTimeout: setTimeoutFn, clearTimeout: vi.fn() } as unknown as Window;
    await createYieldToPage(win, new AbortController().signal)();
    expect(setTimeoutFn).toHaveBeenCalledTimes(1);
  });
});

describe('background work', () => {
  it('ends the slice at BACKGROUND_WORK and yields in the background afterwards', async () => {
    const clock = fakeClock();
    const order: string[] = [];
    function* work(): Generator<undefined | typeof BACKGROUND_WORK> {
      for (let i = 0; i < 3; i++) {
        clock.advance(1);
        order.push('n');
        yield;
      }
      yield BACKGROUND_WORK;
      for (let i = 0; i < 6; i++) {
        clock.advance(2);
        order.push('b');
        yield;
      }
    }
    const done = await runSliced(work(), {
      now: clock.now,
      yieldToPage: async () => { order.push('|'); },
      yieldInBackground: async () => { order.push('~'); },
      signal: new AbortController().signal,
      budgetMs: 4,
    });
    expect(done).toBe(true);
    expect(order.join('')).toBe('nnn~bb~bb~bb~');
  });

  it('uses a background-priority postTask where present, and never waits past the timeout', async () => {
    const posted: { priority?: string }[] = [];
    const win = {
      scheduler: {
        postTask: (cb: () => void, options?: { priority?: string }) => {
          posted.push(options ?? {});
          return Promise.resolve().then(cb);
        },
      },
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (id: number) => clearTimeout(id),
    } as unknown as Window;
    const yieldInBackground = createYieldInBackground(win, new AbortController().signal, async () => undefined);
    await yieldInBackground();
    expect(posted).toEqual([expect.objectContaining({ priority: 'background' })]);

    vi.useFakeTimers();
    try {
      const never = {
        scheduler: { postTask: () => new Promise(() => undefined) },
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
        clearTimeout: (id: number) => clearTimeout(id),
      } as unknown as Window;
      let resolved = false;
      void createYieldInBackground(never, new AbortController().signal, async () => undefined)()
        .then(() => { resolved = true; });
      await vi.advanceTimersByTimeAsync(250);
      expect(resolved).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to requestIdleCallback, then to the given yield', async () => {
    const idle = vi.fn((cb: () => void) => { setTimeout(cb, 0); return 1; });
    const win = { requestIdleCallback: idle, cancelIdleCallback: vi.fn() } as unknown as Window;
    await createYieldInBackground(win, new AbortController().signal, async () => undefined)();
    expect(idle).toHaveBeenCalledTimes(1);
    const fallback = vi.fn(async () => undefined);
    await createYieldInBackground({} as Window, new AbortController().signal, fallback)();
    expect(fallback).toHaveBeenCalledTimes(1);
  });
});
