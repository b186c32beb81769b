/**
 * A short flash on a range of the page (the side panel's "show me this mention"): the
 * `backstory-flash` highlight, registered above the others, removed `ms` after the page
 * last scrolled (the flash goes with a smooth scroll to the range, which may take longer
 * than the flash, or start late when it replaces another), and at the latest after
 * `FLASH_MAX_MS`. A second flash replaces the first. Highlights cannot animate, so reduced motion needs no other
 * treatment here; the scroll that goes with a flash is where motion is reduced
 * (`scrollBehavior`).
 */
import type { HighlightApi, HighlightLike, HighlightRegistryLike } from './highlights';

export const FLASH_HIGHLIGHT = 'backstory-flash';
/** Above the kinds (0), noted mentions (1) and the mention under the pointer (2). */
const FLASH_PRIORITY = 3;

/** However long the page keeps scrolling, the flash ends after this. */
export const FLASH_MAX_MS = 4_000;

interface Flash {
  highlight: HighlightLike;
  cancel: () => void;
}

const current = new WeakMap<HighlightRegistryLike, Flash>();

/** `win.setTimeout` (the global one where `win` has none, e.g. a test fake); → a cancel. */
function later(win: Window, fn: () => void, ms: number): () => void {
  const w = win as Partial<Pick<Window, 'setTimeout' | 'clearTimeout'>>;
  if (typeof w.setTimeout === 'function' && typeof w.clearTimeout === 'function') {
    const id = w.setTimeout.call(win, fn, ms);
    return () => w.clearTimeout?.call(win, id);
  }
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
}

/** Remove the flash now (if any). */
export function clearFlash(api: HighlightApi | null): void {
  if (api === null) return;
  const flash = current.get(api.registry);
  if (flash === undefined) return;
  current.delete(api.registry);
  flash.cancel();
  flash.highlight.clear();
  if (api.registry.get(FLASH_HIGHLIGHT) === flash.highlight) api.registry.delete(FLASH_HIGHLIGHT);
}

/**
 * Flash `range` (or several ranges: a passage across blocks) for `ms`. Returns false where
 * the browser has no Custom Highlight API (nothing is shown).
 */
export function flashRange(
  api: HighlightApi | null,
  range: AbstractRange | readonly AbstractRange[],
  win: Window,
  ms = 1200,
): boolean {
  if (api === null) return false;
  clearFlash(api);
  const highlight = api.create();
  highlight.priority = FLASH_PRIORITY;
  for (const r of Array.isArray(range) ? range : [range as AbstractRange]) highlight.add(r);
  api.registry.set(FLASH_HIGHLIGHT, highlight);
  const end = (): void => {
    if (current.get(api.registry)?.highlight === highlight) clearFlash(api);
  };
  let cancelTimer = later(win, end, ms);
  const cancelCap = later(win, end, Math.max(ms, FLASH_MAX_MS));
  // Scrolling (the window or any scroller: capture) restarts the countdown.
  const onScroll = (): void => {
    cancelTimer();
    cancelTimer = later(win, end, ms);
  };
  const listens = typeof win.addEventListener === 'function';
  if (listens) win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  const cancel = (): void => {
    cancelTimer();
    cancelCap();
    if (listens) win.removeEventListener('scroll', onScroll, { capture: true });
  };
  current.set(api.registry, { highlight, cancel });
  return true;
}

/** True when the user asked for reduced motion. */
export function prefersReducedMotion(win: Window): boolean {
  try {
    return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

/** `scrollIntoView`'s behaviour: no smooth scrolling for reduced motion. */
export function scrollBehavior(win: Window): ScrollBehavior {
  return prefersReducedMotion(win) ? 'auto' : 'smooth';
}
