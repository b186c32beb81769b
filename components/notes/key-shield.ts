/**
 * Keeps what the user types into the card's text fields (a note, its tags) from the page.
 *
 * Key and input events are `composed`: from a field inside the UI's shadow root they still
 * travel through the page's `window` and `document`, retargeted to the shadow host, with
 * `key` and `data` intact. WXT's `isolateEvents` stops them only when they bubble out of the
 * shadow tree — after every capture listener of the page (and the hover intent's Esc
 * listener on `document`) has seen them. So here, at the earliest point the content script
 * can reach — a capture listener on `window` — such an event from one of our text fields is
 * stopped (`stopImmediatePropagation`: the page's later listeners never see it) and a copy
 * that is *not* composed is dispatched on the field, so the card's own handlers still run
 * and never leave the shadow tree. The browser's default actions (typing, caret moves)
 * belong to the original event and still happen; a copy's `preventDefault()` is passed back.
 *
 * Limit: a page listener added on `window` in the capture phase *before* the content script
 * ran (it runs at `document_idle`) still sees the original event first.
 */

const SHIELDED = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
] as const;

type Win = Window & typeof globalThis;

/** A field the user types text in. */
export function isTextField(el: Element | null): el is HTMLElement {
  if (el === null) return false;
  if (el.nodeType !== 1) return false;
  const tag = el.localName;
  if (tag === 'textarea') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return ['text', 'search', 'url', 'email', 'tel', 'password', 'number', ''].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/** A non-composed copy of `e` (the parts the card's handlers read), or null to only swallow it. */
function copyOf(win: Win, e: Event): Event | null {
  const base = { bubbles: true, cancelable: e.cancelable, composed: false };
  if (e.type.startsWith('key') && typeof win.KeyboardEvent === 'function') {
    const k = e as KeyboardEvent;
    return new win.KeyboardEvent(e.type, {
      ...base,
      key: k.key,
      code: k.code,
      location: k.location,
      repeat: k.repeat,
      isComposing: k.isComposing,
      ctrlKey: k.ctrlKey,
      shiftKey: k.shiftKey,
      altKey: k.altKey,
      metaKey: k.metaKey,
    });
  }
  if ((e.type === 'input' || e.type === 'beforeinput') && typeof win.InputEvent === 'function') {
    const i = e as InputEvent;
    return new win.InputEvent(e.type, { ...base, data: i.data, inputType: i.inputType, isComposing: i.isComposing });
  }
  if (e.type.startsWith('composition') && typeof win.CompositionEvent === 'function') {
    return new win.CompositionEvent(e.type, { ...base, data: (e as CompositionEvent).data });
  }
  return null;
}

/**
 * Shield typing in the text fields under `root` (which lives in a shadow root) from the
 * page, until `signal` aborts. Outside a shadow root it does nothing.
 */
export function shieldTyping(win: Window, root: HTMLElement, signal: AbortSignal): void {
  const w = win as Win;
  const onEvent = (e: Event): void => {
    const scope = root.getRootNode() as Node & Partial<ShadowRoot>;
    // From our UI: the path crosses our shadow host (the target itself is retargeted to it).
    if (scope.nodeType !== 11 || scope.host === undefined || !e.composedPath().includes(scope.host)) return;
    const field = scope.activeElement ?? null;
    if (!isTextField(field) || !root.contains(field)) return;
    e.stopImmediatePropagation();
    const copy = copyOf(w, e);
    if (copy === null) return;
    field.dispatchEvent(copy);
    if (copy.defaultPrevented) e.preventDefault();
  };
  for (const type of SHIELDED) w.addEventListener(type, onEvent, { capture: true, signal });
}
