// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createYieldToPage, emptySliceStats, runSliced } from './scheduler';

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
