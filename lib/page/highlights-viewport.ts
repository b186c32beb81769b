/**
 * Which mentions the kind highlights hold: on a long page, only those near the viewport.
 *
 * Why: in Chromium, *any* change to *any* registered highlight (and any DOM or style
 * change of the page) makes the next frame drop and rebuild the markers of every registered
 * range, and recompute the ink overflow of every text node with an underlined one
 * (`HighlightRegistry::ValidateHighlightMarkers`). Measured on the bench page (Chromium 156,
 * 12,100 ranges): one range added to a small, separate highlight costs a 90–110 ms frame
 * with everything registered, 15–25 ms with the ~100 near the viewport. So the registered
 * set is kept small instead: the mentions within `SCREENS` viewport heights above and below
 * the viewport. The rest are tracked with their measured place and registered, in one batch,
 * when scrolling brings the viewport within a screen of the registered band's edge (about
 * every two screens of scrolling; nothing is done on other frames).
 *
 * Places are document coordinates (a box's client rect plus `scrollY`), measured in steps
 * (`measure`) by the scanner's time-sliced work: a mention takes the box of the closest
 * element around it (one `getBoundingClientRect` per element), or its own range's box when
 * that element has no box or is taller than a screen. They are measured again when the
 * document's size changes (a ResizeObserver), and a mention about to be unregistered is
 * first measured again, so fixed and sticky content stays registered. Mentions inside an
 * element that scrolls on its own (an overflow container) cannot be placed that way: the
 * first time such an element scrolls, its mentions are registered for good.
 */
import type { PageMention } from './types';

/** Viewport heights registered on each side of the viewport. */
export const SCREENS = 3;
/**
 * Below this many mentions everything is registered and nothing is measured: an article's
 * few hundred ranges repaint in well under a millisecond, and every mention stays findable
 * by `highlightsFromPoint`. The band starts when a page grows past it.
 */
export const LAZY_FROM = 2_000;
/** Re-band when the viewport comes this close (in viewport heights) to the band's edge. */
const EDGE_SCREENS = 1;
/** Wait after the document last changed size before measuring again (ms). */
const RESIZE_SETTLE_MS = 200;

export interface BoxLike {
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** Registers (`show`) and unregisters (`hide`) mentions, both in the same task. */
export type ApplyMembership = (show: readonly PageMention[], hide: readonly PageMention[]) => void;

/** Which tracked mentions are registered; the eager kind registers them all. */
export interface Membership {
  /** Starts tracking; `near` mentions are registered at once, the rest wait for `settle`. */
  track(m: PageMention, near: boolean): void;
  /** Stops tracking (unregistering it if it was registered). */
  untrack(m: PageMention): void;
  isShown(m: PageMention): boolean;
  /** True when every tracked mention is registered. */
  readonly complete: boolean;
  /** Works through up to `max` waiting mentions; returns how many still wait. */
  settle(max: number): number;
  /** The layout may have moved: place everything again (no-op for the eager kind). */
  invalidate(): void;
  dispose(): void;
}

export interface ViewportBandOptions {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  apply: ApplyMembership;
  /** Mentions wait to be measured again: the owner should run `settle` steps soon. */
  onStale: () => void;
  screens?: number;
  /** Mentions from which the band applies (default `LAZY_FROM`). */
  lazyFrom?: number;
  /** Test seams; the defaults use `win` and `doc`. */
  rectOf?: (target: Element | Range) => BoxLike;
  scrollY?: () => number;
  viewportHeight?: () => number;
  requestFrame?: (callback: () => void) => void;
  /** Calls `onResize` when the document's size changes; default a ResizeObserver. */
  observeResize?: (onResize: () => void) => void;
}

type State = 'unmeasured' | 'placed' | 'hidden' | 'eager';

interface Entry {
  m: PageMention;
  state: State;
  shown: boolean;
  top: number;
  bottom: number;
}

type WindowWithResize = Window & { ResizeObserver?: typeof ResizeObserver };

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

function parentOf(node: Node): Node | null {
  if (node.parentNode !== null) return node.parentNode;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in node ? (node as ShadowRoot).host : null;
}

/** The closest element around the range (a shadow root's host for text directly in it). */
function elementOf(range: Range): Element | null {
  for (let cur: Node | null = range.commonAncestorContainer; cur !== null; cur = parentOf(cur)) {
    if (cur.nodeType === ELEMENT_NODE) return cur as Element;
  }
  return null;
}

function composedContains(ancestor: Node, node: Node): boolean {
  for (let cur: Node | null = node; cur !== null; cur = parentOf(cur)) if (cur === ancestor) return true;
  return false;
}

/** Tracks mentions by their place and keeps the ones near the viewport registered. */
export function createViewportBand(opts: ViewportBandOptions): Membership {
  const { win, doc, signal, apply, onStale } = opts;
  const screens = opts.screens ?? SCREENS;
  const lazyFrom = opts.lazyFrom ?? LAZY_FROM;
  /** True once the page has had `lazyFrom` mentions: from then on places are measured. */
  let lazy = false;
  const rectOf = opts.rectOf ?? ((t: Element | Range): BoxLike => t.getBoundingClientRect());
  const scrollY = opts.scrollY ?? ((): number => win.scrollY);
  const height = opts.viewportHeight ?? ((): number => win.innerHeight);
  const requestFrame = opts.requestFrame ?? ((cb: () => void): void => void win.requestAnimationFrame(cb));
  const entries = new Map<PageMention, Entry>();
  /** Element places of the current measuring pass, in document coordinates. */
  let boxes = new Map<Element, BoxLike | null>();
  let queue: Entry[] = [];
  let head = 0;
  /** True while the queue holds every entry (a full pass): `invalidate` has nothing to add. */
  let fullPass = false;
  let shownCount = 0;
  /** The registered band, in document coordinates; null until the first pass is done. */
  let band: { top: number; bottom: number } | null = null;
  let frameRequested = false;
  const scrollers = new Set<Node>();
  let disposed = false;

  const setShown = (e: Entry, shown: boolean): void => {
    if (e.shown === shown) return;
    e.shown = shown;
    shownCount += shown ? 1 : -1;
  };

  /** Measures one entry's place now (`cached`: element boxes of this pass may be reused). */
  const place = (e: Entry, cached: boolean): void => {
    const el = elementOf(e.m.range);
    if (el === null || !el.isConnected) {
      e.state = 'hidden';
      return;
    }
    for (const s of scrollers) {
      if (composedContains(s, el)) {
        e.state = 'eager';
        return;
      }
    }
    const y = scrollY();
    const screen = height();
    let box = cached ? boxes.get(el) : undefined;
    if (box === undefined) {
      const r = rectOf(el);
      box = (r.width === 0 && r.height === 0) || r.height > screen ? null : { top: r.top + y, bottom: r.bottom + y, width: r.width, height: r.height };
      if (cached) boxes.set(el, box);
    }
    if (box === null) {
      // No box of its own (display: contents, or not rendered), or too tall to say: the range's own.
      const r = rectOf(e.m.range);
      if (r.width === 0 && r.height === 0) {
        e.state = 'hidden';
        return;
      }
      box = { top: r.top + y, bottom: r.bottom + y, width: r.width, height: r.height };
    }
    e.state = 'placed';
    e.top = box.top;
    e.bottom = box.bottom;
  };

  const inBand = (e: Entry, top: number, bottom: number): boolean =>
    e.state === 'eager' || (e.state === 'placed' && e.bottom >= top && e.top <= bottom);

  /** Registers the band around the viewport as it is now: one `apply` with the difference. */
  const reband = (): void => {
    if (disposed) return;
    const y = scrollY();
    const screen = height();
    const top = y - screens * screen;
    const bottom = y + (1 + screens) * screen;
    band = { top, bottom };
    const show: PageMention[] = [];
    const hide: PageMention[] = [];
    for (const e of entries.values()) {
      // Not measured yet: stays as it is (registered when the scanner found it near).
      const want = !lazy || (e.state === 'unmeasured' ? e.shown : inBand(e, top, bottom));
      if (want === e.shown) continue;
      if (!want && e.state === 'placed') {
        place(e, false); // fixed or sticky content, or a layout that moved: measured afresh
        if (inBand(e, top, bottom)) continue;
      }
      setShown(e, want);
      (want ? show : hide).push(e.m);
    }
    if (show.length > 0 || hide.length > 0) apply(show, hide);
  };

  const onFrame = (): void => {
    frameRequested = false;
    if (disposed || band === null) return;
    const y = scrollY();
    const screen = height();
    const edge = EDGE_SCREENS * screen;
    if (y - edge < band.top || y + screen + edge > band.bottom) reband();
  };
  const requestCheck = (): void => {
    if (frameRequested || disposed || !lazy) return;
    frameRequested = true;
    requestFrame(onFrame);
  };

  /** An element scrolled on its own: its mentions cannot be placed, so they stay registered. */
  const onScroller = (el: Node): void => {
    if (scrollers.has(el)) return;
    scrollers.add(el);
    let found = false;
    for (const e of entries.values()) {
      if (e.state === 'eager' || !composedContains(el, e.m.range.startContainer)) continue;
      e.state = 'eager';
      found = true;
    }
    if (found) reband();
  };

  const onScroll = (event: Event): void => {
    const target = event.target;
    if (target !== null && target !== doc && target !== win && (target as Node).nodeType === ELEMENT_NODE) {
      const el = target as Element;
      if (el !== doc.documentElement && el !== doc.body && el !== doc.scrollingElement) onScroller(el);
    }
    requestCheck();
  };

  const invalidate = (): void => {
    if (disposed || !lazy || fullPass || entries.size === 0) return;
    queue = [...entries.values()].filter((e) => e.state !== 'eager');
    head = 0;
    boxes = new Map();
    fullPass = true;
    onStale();
  };

  let resizeTimer: number | undefined;
  const onResize = (): void => {
    if (resizeTimer !== undefined) win.clearTimeout(resizeTimer);
    resizeTimer = win.setTimeout(() => {
      resizeTimer = undefined;
      invalidate();
    }, RESIZE_SETTLE_MS);
  };

  doc.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
  win.addEventListener('resize', requestCheck, { passive: true, signal });
  if (opts.observeResize !== undefined) opts.observeResize(onResize);
  else if (typeof (win as WindowWithResize).ResizeObserver === 'function') {
    const Observer = (win as WindowWithResize).ResizeObserver as typeof ResizeObserver;
    let last = '';
    const observer = new Observer((records) => {
      const box = records[records.length - 1]?.contentRect;
      const size = box === undefined ? '' : `${Math.round(box.width)}x${Math.round(box.height)}`;
      const first = last === '';
      if (size === last) return;
      last = size;
      if (!first) onResize(); // the first report is the size it had when observed
    });
    observer.observe(doc.documentElement);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  return {
    track(m, near) {
      if (disposed || entries.has(m)) return;
      const e: Entry = { m, state: 'unmeasured', shown: false, top: 0, bottom: 0 };
      entries.set(m, e);
      queue.push(e);
      if (near) {
        setShown(e, true);
        apply([m], []);
      }
      if (!lazy && entries.size >= lazyFrom) {
        // A long page: from now on every mention is placed, and only the band registered.
        lazy = true;
        invalidate();
      }
    },
    untrack(m) {
      const e = entries.get(m);
      if (e === undefined) return;
      entries.delete(m);
      if (e.shown) {
        setShown(e, false);
        apply([], [m]);
      }
    },
    isShown: (m) => entries.get(m)?.shown === true,
    get complete() {
      return shownCount === entries.size;
    },
    settle(max) {
      let n = 0;
      while (head < queue.length && n < max) {
        const e = queue[head++];
        if (e === undefined || entries.get(e.m) !== e || e.state === 'eager') continue;
        if (lazy) place(e, true);
        n++;
      }
      if (head < queue.length) return queue.length - head;
      queue = [];
      head = 0;
      boxes = new Map();
      fullPass = false;
      reband();
      return 0;
    },
    invalidate,
    dispose() {
      disposed = true;
      if (resizeTimer !== undefined) win.clearTimeout(resizeTimer);
      entries.clear();
      queue = [];
      boxes = new Map();
      shownCount = 0;
    },
  };
}
