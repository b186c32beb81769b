// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createViewportBand, type BoxLike, type ViewportBandOptions } from './highlights-viewport';
import type { PageMention } from './types';

const SCREEN = 1000;

/**
 * A page of `n` paragraphs, paragraph `i` at document y = `i * 100` (20 px tall), each with
 * one mention; the band's seams read the places from `tops` (changeable, as a layout change).
 */
function page(n: number, overrides: Partial<ViewportBandOptions> = {}) {
  document.body.replaceChildren();
  const tops = new Map<Element, number>();
  const mentions: PageMention[] = [];
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i} names Rafah.`;
    document.body.append(p);
    tops.set(p, i * 100);
    const range = document.createRange();
    const text = p.firstChild;
    if (text === null) throw new Error('no text');
    range.setStart(text, 19);
    range.setEnd(text, 24);
    mentions.push({ id: i, entityId: 'rafah', kind: 'place', range, text: 'Rafah' });
  }
  const state = { scrollY: 0, frames: [] as (() => void)[], rectCalls: 0, stale: 0, onResize: (): void => undefined };
  const applied: { show: number[]; hide: number[] }[] = [];
  const shown = new Set<number>();
  const controller = new AbortController();
  const rectOf = (t: Element | Range): BoxLike => {
    state.rectCalls++;
    const el = t instanceof Element ? t : t.startContainer.parentElement;
    const top = el === null ? undefined : tops.get(el);
    if (top === undefined) return { top: 0, bottom: 0, width: 0, height: 0 };
    return { top: top - state.scrollY, bottom: top + 20 - state.scrollY, width: 600, height: 20 };
  };
  const band = createViewportBand({
    win: window,
    doc: document,
    signal: controller.signal,
    apply: (show, hide) => {
      applied.push({ show: show.map((m) => m.id), hide: hide.map((m) => m.id) });
      for (const m of hide) shown.delete(m.id);
      for (const m of show) shown.add(m.id);
    },
    onStale: () => void state.stale++,
    screens: 1,
    lazyFrom: 10,
    rectOf,
    scrollY: () => state.scrollY,
    viewportHeight: () => SCREEN,
    requestFrame: (cb) => void state.frames.push(cb),
    observeResize: (onResize) => {
      state.onResize = onResize;
    },
    ...overrides,
  });
  const runFrames = (): void => {
    const frames = state.frames.splice(0);
    for (const f of frames) f();
  };
  const scrollTo = (y: number, target: EventTarget = document): void => {
    state.scrollY = y;
    target.dispatchEvent(new Event('scroll', { bubbles: false }));
    runFrames();
  };
  const settleAll = (): void => {
    while (band.settle(64) > 0);
  };
  return { band, mentions, tops, state, applied, shown, controller, runFrames, scrollTo, settleAll };
}

/** Ids `from..to` inclusive. */
const ids = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('createViewportBand', () => {
  it('on a page with few mentions registers them all and measures nothing', () => {
    const p = page(8);
    p.mentions.forEach((m, i) => p.band.track(m, i < 2));
    expect([...p.shown].sort((a, b) => a - b)).toEqual([0, 1]);
    p.settleAll();
    expect(p.shown.size).toBe(8);
    expect(p.band.complete).toBe(true);
    expect(p.state.rectCalls).toBe(0);
    p.scrollTo(700);
    expect(p.state.frames).toHaveLength(0); // nothing to follow on a short page
  });

  it('on a long page registers only the mentions within the band around the viewport', () => {
    const p = page(60);
    p.mentions.forEach((m) => p.band.track(m, false));
    expect(p.state.stale).toBe(1); // crossing `lazyFrom` asks for a measuring pass
    p.settleAll();
    // Band: one screen above and below the viewport (0..1000) → y in -1000..2000.
    expect([...p.shown].sort((a, b) => a - b)).toEqual(ids(0, 20));
    expect(p.band.complete).toBe(false);
    expect(p.band.isShown(p.mentions[20] as PageMention)).toBe(true);
    expect(p.band.isShown(p.mentions[21] as PageMention)).toBe(false);
  });

  it('follows scrolling in one change per re-band, only near the band edge', () => {
    const p = page(100, { screens: 3 });
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    expect([...p.shown].sort((a, b) => a - b)).toEqual(ids(0, 40)); // -3000..4000
    p.applied.length = 0;
    p.scrollTo(1500); // more than a screen from the band's edge: nothing changes
    expect(p.applied).toHaveLength(0);
    p.scrollTo(3000); // band → 0..7000
    expect(p.applied).toEqual([{ show: ids(41, 70), hide: [] }]);
    p.scrollTo(6000); // band → 3000..10000
    expect(p.applied).toHaveLength(2);
    expect(p.applied[1]?.hide.sort((a, b) => a - b)).toEqual(ids(0, 29));
    expect([...p.shown].sort((a, b) => a - b)).toEqual(ids(30, 99));
  });

  it('keeps registered what moved into view without a scroll (measured again before hiding)', () => {
    const p = page(60);
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    // Paragraph 5 becomes sticky: wherever the reader scrolls, it is on screen.
    const sticky = p.mentions[5]?.range.startContainer.parentElement;
    if (!sticky) throw new Error('no paragraph');
    p.state.scrollY = 3000;
    p.tops.set(sticky, 3000);
    p.scrollTo(3000);
    expect(p.shown.has(5)).toBe(true);
    expect(p.shown.has(4)).toBe(false);
  });

  it('registers for good the mentions inside an element that scrolls on its own', () => {
    const p = page(60);
    const scroller = document.createElement('div');
    document.body.append(scroller);
    const last = p.mentions[59]?.range.startContainer.parentElement;
    if (!last) throw new Error('no paragraph');
    scroller.append(last);
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    expect(p.shown.has(59)).toBe(false);
    scroller.dispatchEvent(new Event('scroll'));
    expect(p.shown.has(59)).toBe(true);
    p.scrollTo(0);
    p.band.invalidate();
    p.settleAll();
    expect(p.shown.has(59)).toBe(true);
  });

  it('measures again after the document changed size, and follows the new layout', () => {
    const p = page(60);
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    const staleBefore = p.state.stale;
    // Everything moves 3000 px down (an ad above the article finished loading).
    for (const [el, top] of p.tops) p.tops.set(el, top + 3000);
    p.state.onResize();
    return new Promise<void>((done) => {
      setTimeout(() => {
        expect(p.state.stale).toBe(staleBefore + 1);
        p.settleAll();
        expect([...p.shown].sort((a, b) => a - b)).toEqual([]);
        p.scrollTo(3000);
        expect([...p.shown].sort((a, b) => a - b)).toEqual(ids(0, 20));
        done();
      }, 250);
    });
  });

  it('untracking a registered mention unregisters it; nothing happens after dispose', () => {
    const p = page(60);
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    p.band.untrack(p.mentions[3] as PageMention);
    expect(p.shown.has(3)).toBe(false);
    p.band.untrack(p.mentions[40] as PageMention); // not registered: no change
    expect(p.applied.at(-1)?.hide).toEqual([3]);
    p.band.dispose();
    p.applied.length = 0;
    p.scrollTo(4000);
    expect(p.applied).toHaveLength(0);
  });

  it('a mention without a box (not rendered) is not registered on a long page', () => {
    const p = page(60);
    const hidden = p.mentions[2]?.range.startContainer.parentElement;
    if (!hidden) throw new Error('no paragraph');
    p.tops.delete(hidden);
    p.mentions.forEach((m) => p.band.track(m, false));
    p.settleAll();
    expect(p.shown.has(2)).toBe(false);
    expect(p.shown.has(3)).toBe(true);
  });
});
