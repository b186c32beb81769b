// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from './types';
import { startHoverIntent, type HoverIntent } from './hover-intent';

function mention(id: number, entityId: string, text: string): PageMention {
  return { id, entityId, kind: 'person', range: document.createRange(), text };
}

const m1 = mention(1, 'person/benjamin-netanyahu', 'Netanyahu’s');
const m2 = mention(2, 'person/chuck-schumer', 'Schumer');

/** x in [10, 20) is over m1, [20, 30) over m2, anything else over no mention. */
let layout = (x: number): PageMention | null => (x >= 10 && x < 20 ? m1 : x >= 20 && x < 30 ? m2 : null);
const hitTest = vi.fn((x: number) => layout(x));

function fakePopover() {
  const p = {
    visible: false,
    entityId: null as string | null,
    show: vi.fn((_r: Range, entityId: string) => {
      p.visible = true;
      p.entityId = entityId;
    }),
    hide: vi.fn(() => {
      p.visible = false;
      p.entityId = null;
    }),
    contains: vi.fn(() => false),
  };
  return p;
}

let controller: AbortController;
let popover: ReturnType<typeof fakePopover>;
let setActive: ReturnType<typeof vi.fn<(m: PageMention | null) => void>>;
let intent: HoverIntent;

function move(x: number, pointerType = 'mouse'): void {
  document.body.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: 5, pointerType, bubbles: true }));
  vi.advanceTimersToNextFrame();
}

function esc(): { reachedPage: boolean } {
  const seen = { reachedPage: false };
  const onKey = () => (seen.reachedPage = true);
  document.body.addEventListener('keydown', onKey);
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  document.body.removeEventListener('keydown', onKey);
  return seen;
}

/** Rest on m1 until its card shows. */
function showM1(): void {
  move(12);
  vi.advanceTimersByTime(300);
  expect(popover.show).toHaveBeenCalledTimes(1);
}

beforeEach(() => {
  vi.useFakeTimers();
  layout = (x) => (x >= 10 && x < 20 ? m1 : x >= 20 && x < 30 ? m2 : null);
  hitTest.mockClear();
  controller = new AbortController();
  popover = fakePopover();
  setActive = vi.fn<(m: PageMention | null) => void>();
  intent = startHoverIntent({ doc: document, win: window, signal: controller.signal, hitTest, popover, setActive });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('startHoverIntent', () => {
  it('shows the card after resting 300 ms on a mention, not before', () => {
    move(12);
    expect(setActive).toHaveBeenLastCalledWith(m1);
    vi.advanceTimersByTime(280);
    expect(popover.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(popover.show).toHaveBeenCalledWith(m1.range, m1.entityId, 'Netanyahu’s');
  });

  it('does not restart the timer when moving within the same mention', () => {
    move(11);
    vi.advanceTimersByTime(150);
    move(15);
    move(18);
    // Had the moves restarted the timer, it would not fire for another ~280 ms.
    vi.advanceTimersByTime(150);
    expect(popover.show).toHaveBeenCalledTimes(1);
    expect(setActive).toHaveBeenCalledTimes(1);
  });

  it('restarts the timer on another mention, and cancels it when leaving mentions', () => {
    move(12);
    vi.advanceTimersByTime(200);
    move(22);
    vi.advanceTimersByTime(200);
    expect(popover.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(popover.show).toHaveBeenCalledWith(m2.range, m2.entityId, 'Schumer');
    popover.show.mockClear();
    popover.hide();
    move(50);
    move(12);
    vi.advanceTimersByTime(100);
    move(50);
    expect(setActive).toHaveBeenLastCalledWith(null);
    vi.advanceTimersByTime(1000);
    expect(popover.show).not.toHaveBeenCalled();
  });

  it('hides 300 ms after the pointer leaves the mention', () => {
    showM1();
    move(50);
    vi.advanceTimersByTime(280);
    expect(popover.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(popover.hide).toHaveBeenCalledTimes(1);
  });

  it('stays open while the pointer is on the card, hides 300 ms after leaving it', () => {
    showM1();
    move(50);
    vi.advanceTimersByTime(100);
    intent.pointerEnteredCard();
    move(200); // over the card: no mention, but the card stays
    vi.advanceTimersByTime(5000);
    expect(popover.hide).not.toHaveBeenCalled();
    intent.pointerLeftCard();
    vi.advanceTimersByTime(299);
    expect(popover.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(popover.hide).toHaveBeenCalledTimes(1);
  });

  it('keeps the card when the pointer comes back to its mention in time', () => {
    showM1();
    move(50);
    vi.advanceTimersByTime(200);
    move(12);
    vi.advanceTimersByTime(5000);
    expect(popover.hide).not.toHaveBeenCalled();
    expect(popover.show).toHaveBeenCalledTimes(1);
  });

  it('switches to another mention’s card after 100 ms while a card is shown', () => {
    showM1();
    move(22);
    vi.advanceTimersByTime(90);
    expect(popover.show).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10);
    expect(popover.show).toHaveBeenLastCalledWith(m2.range, m2.entityId, 'Schumer');
    expect(popover.hide).not.toHaveBeenCalled();
  });

  it('Esc hides the card, stops the key, and the mention stays quiet until re-entered', () => {
    showM1();
    expect(esc().reachedPage).toBe(false);
    expect(popover.hide).toHaveBeenCalledTimes(1);
    move(14);
    vi.advanceTimersByTime(1000);
    expect(popover.show).toHaveBeenCalledTimes(1);
    move(50);
    move(14);
    vi.advanceTimersByTime(300);
    expect(popover.show).toHaveBeenCalledTimes(2);
  });

  it('Esc without a visible card cancels a pending show but lets the key through', () => {
    move(12);
    vi.advanceTimersByTime(100);
    expect(esc().reachedPage).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(popover.show).not.toHaveBeenCalled();
    expect(popover.hide).not.toHaveBeenCalled();
    expect(esc().reachedPage).toBe(true);
  });

  it('does not show a card for a mention the page replaced while the pointer rested on it', () => {
    move(12);
    // A re-render removes m1 (the scanner drops it); the pointer has not moved.
    layout = () => null;
    vi.advanceTimersByTime(300);
    expect(popover.show).not.toHaveBeenCalled();
    expect(setActive).toHaveBeenLastCalledWith(null);
    // The same text comes back as a new mention: its card shows after a rest of its own.
    const m3 = mention(3, m1.entityId, m1.text);
    layout = () => m3;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(300);
    expect(popover.show).toHaveBeenCalledTimes(1);
    expect(popover.show).toHaveBeenCalledWith(m3.range, m3.entityId, m3.text);
  });

  it('hit-tests at most once per animation frame', () => {
    for (let x = 10; x < 16; x++) {
      document.body.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: 5, pointerType: 'mouse' }));
    }
    expect(hitTest).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(hitTest).toHaveBeenCalledTimes(1);
    expect(hitTest).toHaveBeenCalledWith(15, 5);
  });

  it('does not look for the card in the event path while no card is shown', () => {
    move(50);
    move(60);
    move(12);
    expect(popover.contains).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    move(13);
    expect(popover.contains).toHaveBeenCalled();
  });

  it('ignores touch pointers', () => {
    move(12, 'touch');
    vi.advanceTimersByTime(1000);
    expect(hitTest).not.toHaveBeenCalled();
    expect(popover.show).not.toHaveBeenCalled();
  });

  it('re-hit-tests on scroll (the page moved under the pointer)', () => {
    showM1();
    layout = () => null;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersToNextFrame();
    expect(setActive).toHaveBeenLastCalledWith(null);
    vi.advanceTimersByTime(300);
    expect(popover.hide).toHaveBeenCalledTimes(1);
  });

  it('treats the pointer leaving the window as leaving the mention', () => {
    showM1();
    document.body.dispatchEvent(new PointerEvent('pointerout', { pointerType: 'mouse', relatedTarget: null, bubbles: true }));
    vi.advanceTimersByTime(300);
    expect(popover.hide).toHaveBeenCalledTimes(1);
  });

  it('recovers when the popover hid itself while the pointer was on the card', () => {
    showM1();
    move(50);
    intent.pointerEnteredCard();
    popover.hide(); // e.g. the mention scrolled out of view; no pointerleave follows
    move(22);
    vi.advanceTimersByTime(300);
    expect(popover.show).toHaveBeenLastCalledWith(m2.range, m2.entityId, 'Schumer');
  });

  it('does nothing after its signal aborts (timers and listeners are gone)', () => {
    move(12);
    controller.abort();
    expect(setActive).toHaveBeenLastCalledWith(null);
    vi.advanceTimersByTime(1000);
    move(22);
    vi.advanceTimersByTime(1000);
    expect(popover.show).not.toHaveBeenCalled();
    expect(hitTest).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose() stops it too', () => {
    move(12);
    intent.dispose();
    vi.advanceTimersByTime(1000);
    expect(popover.show).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
