// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearFlash, FLASH_HIGHLIGHT, FLASH_MAX_MS, flashRange, prefersReducedMotion, scrollBehavior } from './flash';
import { fakeHighlightApi, type FakeHighlight } from './test-fakes';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p>Netanyahu rejects the call</p>';
});
afterEach(() => {
  vi.useRealTimers();
});

function rangeOf(text: string): Range {
  const node = document.querySelector('p')?.firstChild as Text;
  const at = (node.nodeValue ?? '').indexOf(text);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

const flashed = (registry: Map<string, unknown>): string[] =>
  [...((registry.get(FLASH_HIGHLIGHT) as FakeHighlight | undefined) ?? [])].map((r) => (r as Range).toString());

describe('flashRange', () => {
  it('registers the flash above the other highlights and removes it after ms', () => {
    const { api, registry } = fakeHighlightApi();
    expect(flashRange(api, rangeOf('Netanyahu'), window, 500)).toBe(true);
    expect(flashed(registry)).toEqual(['Netanyahu']);
    expect(registry.get(FLASH_HIGHLIGHT)?.priority).toBe(3);
    vi.advanceTimersByTime(499);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('lasts until the page has stopped scrolling for ms, and no longer than FLASH_MAX_MS', () => {
    const { api, registry } = fakeHighlightApi();
    flashRange(api, rangeOf('Netanyahu'), window, 500);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(400);
      window.dispatchEvent(new Event('scroll'));
    }
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(499);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);

    flashRange(api, rangeOf('Netanyahu'), window, 500);
    for (let elapsed = 0; elapsed < FLASH_MAX_MS; elapsed += 250) {
      vi.advanceTimersByTime(250);
      window.dispatchEvent(new Event('scroll'));
    }
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('replaces an earlier flash, whose timer then does nothing', () => {
    const { api, registry } = fakeHighlightApi();
    flashRange(api, rangeOf('Netanyahu'), window, 500);
    vi.advanceTimersByTime(400);
    flashRange(api, [rangeOf('rejects'), rangeOf('call')], window, 500);
    expect(flashed(registry)).toEqual(['rejects', 'call']);
    vi.advanceTimersByTime(200);
    expect(flashed(registry)).toEqual(['rejects', 'call']);
    vi.advanceTimersByTime(300);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('does nothing without the highlight API; clearFlash removes it at once', () => {
    expect(flashRange(null, rangeOf('Netanyahu'), window)).toBe(false);
    const { api, registry } = fakeHighlightApi();
    flashRange(api, rangeOf('Netanyahu'), window);
    clearFlash(api);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
    clearFlash(api);
    clearFlash(null);
  });

  it('leaves a flash registered by someone else alone', () => {
    const { api, registry } = fakeHighlightApi();
    flashRange(api, rangeOf('Netanyahu'), window, 100);
    const other = api.create();
    registry.set(FLASH_HIGHLIGHT, other);
    vi.advanceTimersByTime(100);
    expect(registry.get(FLASH_HIGHLIGHT)).toBe(other);
  });
});

describe('reduced motion', () => {
  const winWith = (reduce: boolean | 'throws'): Window =>
    ({
      matchMedia: (q: string) => {
        if (reduce === 'throws') throw new Error('no');
        return { matches: reduce && q.includes('reduce') };
      },
    }) as unknown as Window;
  it('scrolls smoothly unless the user asked for reduced motion', () => {
    expect(scrollBehavior(winWith(false))).toBe('smooth');
    expect(scrollBehavior(winWith(true))).toBe('auto');
    expect(prefersReducedMotion(winWith('throws'))).toBe(false);
    expect(prefersReducedMotion({} as Window)).toBe(false);
  });
});
