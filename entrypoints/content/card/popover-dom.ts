/**
 * The DOM side of the page's floating UI (the card, the passage panel): a Floating UI
 * reference for a range, and the focus tests that decide whether the card takes focus.
 */
import { flip, hide, inline, offset, shift, size, type Middleware, type VirtualElement } from '@floating-ui/dom';

/** A Floating UI virtual reference for a (possibly multi-line) range. */
export function rangeReference(range: Range): VirtualElement {
  const common = range.commonAncestorContainer;
  const contextElement = common.nodeType === 1 ? (common as Element) : common.parentElement;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    ...(contextElement ? { contextElement } : {}),
  };
}

export function isNode(t: EventTarget | null): t is Node {
  return typeof t === 'object' && t !== null && 'nodeType' in t;
}

/** Focus that shows a focus ring (keyboard, or a shortcut), as opposed to a mouse click's. */
export function isKeyboardFocus(t: EventTarget | null): boolean {
  if (!isNode(t) || t.nodeType !== 1) return false;
  try {
    return (t as Element).matches(':focus-visible');
  } catch {
    return true; // No :focus-visible support: assume it may be the keyboard.
  }
}

export function isFocusable(el: Element | null): el is HTMLElement {
  return el !== null && typeof (el as Partial<HTMLElement>).focus === 'function';
}

/**
 * How the card sits by its mention (Floating UI): below it, flipped above near the bottom,
 * shifted into view, as tall as the space allows (`--bs-available-height`), and told when
 * the mention has scrolled out of sight.
 */
export function cardMiddleware(): Middleware[] {
  return [
    inline(),
    offset(8),
    flip({ padding: 8 }),
    shift({ padding: 8 }),
    size({
      padding: 8,
      apply({ availableHeight, elements }) {
        elements.floating.style.setProperty('--bs-available-height', `${Math.max(120, Math.floor(availableHeight))}px`);
      },
    }),
    hide(),
  ];
}
