/**
 * Hover intent for the card (WCAG 1.4.13, content on hover: dismissible, hoverable,
 * persistent). A small state machine over three inputs — the mention under the pointer
 * (hit-tested at most once per animation frame), whether the pointer is on the card, and
 * Esc — and two timers:
 *
 * - resting on a mention for `showDelay` (300 ms) shows its card; moving within the same
 *   mention does not restart the timer, moving to another mention does;
 * - while a card is shown, moving to another mention switches after `SWITCH_DELAY`
 *   (100 ms, or `showDelay` if that is shorter): the user is already reading cards, and a
 *   short delay still lets the pointer cross a mention on its way somewhere else;
 * - the card stays while the pointer is on its mention or on the card, and hides
 *   `hideDelay` (300 ms) after the pointer has left both;
 * - Esc hides the card; that mention stays quiet until the pointer leaves it and returns;
 * - scrolling re-hit-tests at the pointer's last position (the page moved under it); the
 *   popover itself hides the card when its mention scrolls out of view;
 * - touch pointers are ignored (a tap is not a hover).
 */
import type { PageMention, HitTest } from './types';

/** What the hover intent needs of the card (the page UI's popover, or its lazy stand-in). */
export interface HoverCard {
  /** Show the entity's card next to the anchor (a mention's range). */
  show(anchor: Range, entityId: string, matchedText: string): void;
  hide(): void;
  readonly visible: boolean;
  /** The entity whose card is shown, or null. */
  readonly entityId: string | null;
  contains(node: Node | null): boolean;
}

export interface HoverIntentOptions {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  hitTest: HitTest;
  popover: HoverCard;
  /** Highlights the mention under the pointer (null: none). */
  setActive: (m: PageMention | null) => void;
  /** Resting time on a mention before its card shows; default 300 ms. */
  showDelay?: number;
  /** Time after leaving both mention and card before the card hides; default 300 ms. */
  hideDelay?: number;
}

export interface HoverIntent {
  /** The popover calls this when the pointer enters the card. */
  pointerEnteredCard(): void;
  /** The popover calls this when the pointer leaves the card. */
  pointerLeftCard(): void;
  dispose(): void;
}

export const DEFAULT_SHOW_DELAY = 300;
export const DEFAULT_HIDE_DELAY = 300;
/** Delay before switching from one shown card to another mention's card. */
export const SWITCH_DELAY = 100;

type Timer = number;

function isNode(t: EventTarget | undefined): t is Node {
  return typeof t === 'object' && t !== null && 'nodeType' in t;
}

export function startHoverIntent(opts: HoverIntentOptions): HoverIntent {
  const { doc, win, signal, hitTest, popover, setActive } = opts;
  const showDelay = opts.showDelay ?? DEFAULT_SHOW_DELAY;
  const hideDelay = opts.hideDelay ?? DEFAULT_HIDE_DELAY;
  const switchDelay = Math.min(SWITCH_DELAY, showDelay);
  const life = new AbortController();

  /** The mention under the pointer. */
  let hovered: PageMention | null = null;
  /** The mention whose card this intent showed. */
  let shown: PageMention | null = null;
  let overCard = false;
  /** A mention dismissed with Esc: no card until the pointer leaves it. */
  let suppressed: number | null = null;
  let showTimer: Timer | undefined;
  let hideTimer: Timer | undefined;
  let frame: number | undefined;
  let point: { x: number; y: number } | null = null;
  let disposed = false;

  const clearShow = (): void => {
    if (showTimer !== undefined) win.clearTimeout(showTimer);
    showTimer = undefined;
  };
  const clearHide = (): void => {
    if (hideTimer !== undefined) win.clearTimeout(hideTimer);
    hideTimer = undefined;
  };

  const isShownMention = (m: PageMention | null): boolean =>
    m !== null && shown !== null && m.id === shown.id && popover.visible;

  function scheduleShow(m: PageMention, delay: number): void {
    clearShow();
    showTimer = win.setTimeout(() => {
      showTimer = undefined;
      if (disposed || hovered?.id !== m.id) return;
      // The page may have replaced the mention since its hit test (a re-render, a live
      // update) while the pointer rested: confirm it is still the one under the pointer.
      const now = point === null ? null : hitTest(point.x, point.y);
      if (now?.id !== m.id) {
        hover(now);
        return;
      }
      clearHide();
      shown = m;
      popover.show(m.range, m.entityId, m.text);
    }, delay);
  }

  function scheduleHide(): void {
    if (hideTimer !== undefined || !popover.visible) return;
    hideTimer = win.setTimeout(() => {
      hideTimer = undefined;
      if (disposed || overCard || isShownMention(hovered)) return;
      shown = null;
      popover.hide();
    }, hideDelay);
  }

  /** The pointer is now over `m` (or over no mention). */
  function hover(m: PageMention | null): void {
    if (m?.id === hovered?.id) return;
    hovered = m;
    setActive(m);
    if (suppressed !== null && m?.id !== suppressed) suppressed = null;
    clearShow();
    if (m === null) {
      if (!overCard) scheduleHide();
      return;
    }
    if (isShownMention(m)) {
      clearHide();
      return;
    }
    if (m.id === suppressed) return;
    if (popover.visible) {
      // Keep the current card while the pointer rests here; switch after a short delay.
      clearHide();
      scheduleShow(m, switchDelay);
    } else {
      scheduleShow(m, showDelay);
    }
  }

  function onFrame(): void {
    frame = undefined;
    if (disposed || point === null) return;
    // The card can vanish under a resting pointer (scrolled away) without a pointerleave.
    if (overCard && !popover.visible) overCard = false;
    hover(overCard ? null : hitTest(point.x, point.y));
  }

  function requestHitTest(): void {
    if (frame === undefined && point !== null) frame = win.requestAnimationFrame(onFrame);
  }

  function onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    // Reused, not reallocated: pointermove can fire hundreds of times a second.
    if (point === null) point = { x: e.clientX, y: e.clientY };
    else {
      point.x = e.clientX;
      point.y = e.clientY;
    }
    // Over the card (visible in the path when the shadow root is open): never on a mention.
    // `composedPath()` builds an array of every ancestor: only worth it while a card shows.
    if (!overCard && popover.visible) {
      const target = e.composedPath()[0];
      if (isNode(target) && popover.contains(target)) pointerEnteredCard();
    }
    requestHitTest();
  }

  function onPointerOut(e: PointerEvent): void {
    // relatedTarget null: the pointer left the window (or entered a frame).
    if (e.pointerType === 'touch' || e.relatedTarget !== null) return;
    point = null;
    if (frame !== undefined) win.cancelAnimationFrame(frame);
    frame = undefined;
    hover(null);
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' && e.key !== 'Esc') return;
    const wasVisible = popover.visible;
    clearShow();
    clearHide();
    if (hovered) suppressed = hovered.id;
    if (!wasVisible) return;
    shown = null;
    overCard = false;
    popover.hide();
    e.stopPropagation();
  }

  function pointerEnteredCard(): void {
    if (disposed) return;
    overCard = true;
    clearHide();
    clearShow();
  }

  function pointerLeftCard(): void {
    if (disposed) return;
    overCard = false;
    if (!isShownMention(hovered)) scheduleHide();
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    life.abort();
    clearShow();
    clearHide();
    if (frame !== undefined) win.cancelAnimationFrame(frame);
    frame = undefined;
    if (hovered) setActive(null);
    hovered = null;
    shown = null;
  }

  const listen = { capture: true, passive: true, signal: life.signal } as const;
  doc.addEventListener('pointermove', onPointerMove, listen);
  doc.addEventListener('pointerout', onPointerOut, listen);
  doc.addEventListener('scroll', requestHitTest, listen);
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal: life.signal });
  signal.addEventListener('abort', dispose, { once: true, signal: life.signal });
  if (signal.aborted) dispose();

  return { pointerEnteredCard, pointerLeftCard, dispose };
}
