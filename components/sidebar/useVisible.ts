/**
 * "Load when it comes into view": rows ask for their card, sections for their notes, only
 * once they are (nearly) on screen.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';
import type { ObserveVisible } from './types';

let shared: IntersectionObserver | null = null;
const callbacks = new Map<Element, () => void>();

/**
 * The default: one shared `IntersectionObserver` (with a margin, so rows load just before
 * they scroll in) for every row and section; at once where there is no such observer.
 */
export const observeWithIntersection: ObserveVisible = (element, onVisible) => {
  if (typeof IntersectionObserver !== 'function') {
    onVisible();
    return () => undefined;
  }
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        // In view, or already scrolled past (a jump to the end skips over it).
        const passed = entry.boundingClientRect.bottom < (entry.rootBounds?.top ?? 0);
        if (!entry.isIntersecting && !passed) continue;
        const fn = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        shared?.unobserve(entry.target);
        fn?.();
      }
    },
    { rootMargin: '300px 0px' },
  );
  const observer = shared;
  callbacks.set(element, onVisible);
  observer.observe(element);
  return () => {
    if (callbacks.get(element) === onVisible) callbacks.delete(element);
    observer.unobserve(element);
  };
};

/** True once `ref`'s element has been visible (it stays true). */
export function useSeen(ref: MutableRef<Element | null>, observe: ObserveVisible = observeWithIntersection): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return undefined;
    return observe(el, () => setSeen(true));
  }, [seen, observe]);
  return seen;
}
