// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '../../../lib/messaging';
import { sampleCard } from '../../../components/__fixtures__/card';
import { createCardPopover, type CardPopover } from './popover';
import { rangeReference } from './popover-dom';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function card(id: string, name: string): CardData {
  const data = sampleCard();
  data.entity = { ...data.entity, id, name, relations: [], contexts: [] };
  return data;
}

let controller: AbortController;
let container: HTMLElement;
let shadow: ShadowRoot;
let range: Range;
let rect: DOMRect;
let popover: CardPopover | null = null;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '<p id="p">Schumer said <b>Netanyahu’s</b> coalition.</p>';
  const host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  container = document.createElement('div');
  shadow.append(container);
  const b = document.querySelector('b');
  range = document.createRange();
  if (b?.firstChild) range.selectNodeContents(b.firstChild);
  rect = new DOMRect(100, 100, 80, 18);
  // happy-dom has no layout: give the viewport (Floating UI's clipping rect) a size.
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, get: () => 1024 });
  Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, get: () => 768 });
  range.getBoundingClientRect = () => rect;
  range.getClientRects = () => [rect] as unknown as DOMRectList;
});

afterEach(() => {
  popover?.destroy();
  popover = null;
  controller.abort();
  document.body.innerHTML = '';
  document.body.style.backgroundColor = '';
});

function make(loadCard: (id: string) => Promise<CardData>, extra: Partial<Parameters<typeof createCardPopover>[0]> = {}) {
  popover = createCardPopover({ doc: document, win: window, signal: controller.signal, container, loadCard, ...extra });
  return popover;
}

const dialog = () => container.querySelector<HTMLElement>('[role="dialog"]');
const heading = () => container.querySelector('h2')?.textContent ?? null;

describe('createCardPopover', () => {
  it('shows a loading card, then the loaded card, in the container', async () => {
    const d = deferred<CardData>();
    const p = make(() => d.promise);
    expect(p.visible).toBe(false);
    p.show(range, 'person/benjamin-netanyahu', 'Netanyahu’s');
    expect(p.visible).toBe(true);
    expect(p.entityId).toBe('person/benjamin-netanyahu');
    expect(dialog()?.getAttribute('aria-busy')).toBe('true');
    d.resolve(sampleCard());
    await flush();
    expect(heading()).toBe('Benjamin Netanyahu');
    expect(container.querySelector('.bs-matched')?.textContent).toContain('Netanyahu’s');
    // (vitest replaces CSS imports with '' unless css processing is on; card-css.test.ts reads the file.)
    expect(container.querySelector('style')).not.toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('loads each entity once and re-shows from the cache instantly', async () => {
    const loadCard = vi.fn((id: string) => Promise.resolve(card(id, id.toUpperCase())));
    const p = make(loadCard);
    p.show(range, 'a', 'a');
    await flush();
    p.hide();
    p.show(range, 'a', 'a');
    expect(heading()).toBe('A');
    p.show(range, 'b', 'b');
    await flush();
    p.show(range, 'a', 'a');
    expect(heading()).toBe('A');
    expect(loadCard.mock.calls.map((c) => c[0])).toEqual(['a', 'b']);
  });

  it('ignores a load that finishes after the user moved to another mention', async () => {
    const loads = new Map<string, Deferred<CardData>>();
    const p = make((id) => {
      const d = deferred<CardData>();
      loads.set(id, d);
      return d.promise;
    });
    p.show(range, 'a', 'a');
    p.show(range, 'b', 'b');
    loads.get('a')?.resolve(card('a', 'A'));
    await flush();
    expect(dialog()?.getAttribute('aria-busy')).toBe('true');
    expect(p.entityId).toBe('b');
    loads.get('b')?.resolve(card('b', 'B'));
    await flush();
    expect(heading()).toBe('B');
  });

  it('does not render a load that finishes after hide', async () => {
    const d = deferred<CardData>();
    const p = make(() => d.promise);
    p.show(range, 'a', 'a');
    p.hide();
    d.resolve(card('a', 'A'));
    await flush();
    expect(dialog()).toBeNull();
    expect(p.visible).toBe(false);
  });

  it('hide clears the card', async () => {
    const p = make((id) => Promise.resolve(card(id, 'A')));
    p.show(range, 'a', 'a');
    await flush();
    p.hide();
    expect(p.visible).toBe(false);
    expect(p.entityId).toBeNull();
    expect(dialog()).toBeNull();
    expect(container.querySelector<HTMLElement>('.bs-popover')?.hidden).toBe(true);
  });

  it('shows errors with a retry that loads again', async () => {
    const loadCard = vi.fn((id: string) =>
      loadCard.mock.calls.length === 1 ? Promise.reject(new Error('no such entity')) : Promise.resolve(card(id, 'A')),
    );
    const p = make(loadCard);
    p.show(range, 'a', 'a');
    await flush();
    expect(container.querySelector('.bs-error')?.textContent).toBe("Couldn't load this card: no such entity");
    container.querySelector<HTMLButtonElement>('.bs-button')?.click();
    await flush();
    expect(heading()).toBe('A');
    expect(loadCard).toHaveBeenCalledTimes(2);
  });

  it('opens related entities and goes back through a history', async () => {
    const loadCard = vi.fn((id: string) =>
      Promise.resolve(id === 'person/benjamin-netanyahu' ? sampleCard() : card(id, 'Joe Biden')),
    );
    const p = make(loadCard);
    p.show(range, 'person/benjamin-netanyahu', 'Netanyahu’s');
    await flush();
    expect(container.querySelector('.bs-back')).toBeNull();
    const biden = [...container.querySelectorAll<HTMLButtonElement>('.bs-relation__target')].find((b) => b.textContent === 'Joe Biden');
    biden?.click();
    await flush();
    expect(heading()).toBe('Joe Biden');
    expect(p.entityId).toBe('person/joe-biden');
    expect(container.querySelector('.bs-matched')).toBeNull();
    container.querySelector<HTMLButtonElement>('.bs-back')?.click();
    await flush();
    expect(heading()).toBe('Benjamin Netanyahu');
    expect(container.querySelector('.bs-matched')).not.toBeNull();
    expect(container.querySelector('.bs-back')).toBeNull();
    expect(loadCard).toHaveBeenCalledTimes(2);
  });

  it('positions the card next to the mention (fixed) and hides it when the mention leaves the viewport', async () => {
    const p = make((id) => Promise.resolve(card(id, 'A')));
    p.show(range, 'a', 'a');
    await vi.waitFor(() => expect(container.querySelector<HTMLElement>('.bs-popover')?.style.visibility).toBe('visible'));
    const root = container.querySelector<HTMLElement>('.bs-popover');
    expect(root?.style.position).toBe('fixed');
    expect(root?.style.top).toBe(`${100 + 18 + 8}px`);
    expect(root?.style.left).toBe('100px');
    // Scrolled far out of view: the next position update hides the card.
    rect = new DOMRect(100, -5000, 80, 18);
    p.show(range, 'b', 'b');
    await vi.waitFor(() => expect(p.visible).toBe(false));
  });

  it('takes the theme from a dark page background', () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    const p = make(() => new Promise(() => undefined));
    p.show(range, 'a', 'a');
    expect(dialog()?.getAttribute('data-theme')).toBe('dark');
    p.hide();
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    p.show(range, 'a', 'a');
    expect(dialog()?.getAttribute('data-theme')).toBe('light');
  });

  it('reports pointer enter/leave on the card and knows its nodes', () => {
    const onPointerEnter = vi.fn();
    const onPointerLeave = vi.fn();
    const p = make(() => new Promise(() => undefined), { onPointerEnter, onPointerLeave });
    p.show(range, 'a', 'a');
    const root = container.querySelector('.bs-popover');
    root?.dispatchEvent(new PointerEvent('pointerenter'));
    root?.dispatchEvent(new PointerEvent('pointerleave'));
    expect(onPointerEnter).toHaveBeenCalledOnce();
    expect(onPointerLeave).toHaveBeenCalledOnce();
    expect(p.contains(dialog())).toBe(true);
    expect(p.contains(document.body)).toBe(false);
    expect(p.contains(null)).toBe(false);
  });

  it('keeps the card "held" while keyboard focus is inside; Esc inside hides it', async () => {
    const onPointerEnter = vi.fn();
    const onPointerLeave = vi.fn();
    const p = make((id) => Promise.resolve(card(id, 'A')), { onPointerEnter, onPointerLeave });
    p.show(range, 'a', 'a');
    await flush();
    await vi.waitFor(() => expect(container.querySelector<HTMLElement>('.bs-popover')?.style.visibility).toBe('visible'));
    const root = container.querySelector('.bs-popover');
    // happy-dom does not track :focus-visible; pretend the focus came from the keyboard.
    const el = dialog();
    if (el) vi.spyOn(el, 'matches').mockImplementation((sel: string) => sel === ':focus-visible');
    root?.dispatchEvent(new PointerEvent('pointerenter'));
    p.focus();
    root?.dispatchEvent(new PointerEvent('pointerleave'));
    expect(onPointerEnter).toHaveBeenCalledTimes(1);
    expect(onPointerLeave).not.toHaveBeenCalled();
    el?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(p.visible).toBe(false);
    expect(onPointerLeave).toHaveBeenCalledTimes(1);
  });

  it('does not hold the card for focus that came from a mouse click', async () => {
    const onPointerLeave = vi.fn();
    const p = make((id) => Promise.resolve(card(id, 'A')), { onPointerLeave });
    p.show(range, 'a', 'a');
    await flush();
    const root = container.querySelector('.bs-popover');
    const el = dialog();
    if (el) vi.spyOn(el, 'matches').mockReturnValue(false);
    root?.dispatchEvent(new PointerEvent('pointerenter'));
    el?.focus();
    root?.dispatchEvent(new PointerEvent('pointerleave'));
    expect(onPointerLeave).toHaveBeenCalledTimes(1);
  });

  it('focus() moves focus into the card; hide returns it', async () => {
    const input = document.createElement('input');
    document.body.prepend(input);
    input.focus();
    const p = make((id) => Promise.resolve(card(id, 'A')));
    p.show(range, 'a', 'a');
    await flush();
    await vi.waitFor(() => expect(container.querySelector<HTMLElement>('.bs-popover')?.style.visibility).toBe('visible'));
    expect(shadow.activeElement).toBeNull();
    p.focus();
    expect(shadow.activeElement).toBe(dialog());
    p.hide();
    expect(document.activeElement).toBe(input);
  });

  it('focus() asked for before the card is positioned takes effect once it is', async () => {
    const p = make((id) => Promise.resolve(card(id, 'A')));
    p.show(range, 'a', 'a');
    p.focus();
    expect(shadow.activeElement).toBeNull();
    await vi.waitFor(() => expect(shadow.activeElement).toBe(dialog()));
  });

  it('keeps keyboard focus in the card when the loaded card replaces the skeleton', async () => {
    let resolve: (data: ReturnType<typeof card>) => void = () => undefined;
    const p = make(() => new Promise((r) => (resolve = r)));
    p.show(range, 'a', 'a');
    await vi.waitFor(() => expect(container.querySelector<HTMLElement>('.bs-popover')?.style.visibility).toBe('visible'));
    p.focus();
    const skeleton = dialog();
    expect(shadow.activeElement).toBe(skeleton);
    resolve(card('a', 'A'));
    await flush();
    expect(dialog()).not.toBe(skeleton);
    expect(shadow.activeElement).toBe(dialog());
  });

  it('destroy() unmounts and removes its nodes; so does aborting the signal', () => {
    const p = make(() => new Promise(() => undefined));
    p.show(range, 'a', 'a');
    p.destroy();
    expect(container.childNodes).toHaveLength(0);
    p.show(range, 'a', 'a');
    expect(p.visible).toBe(false);
    make(() => new Promise(() => undefined));
    expect(container.childNodes.length).toBeGreaterThan(0);
    controller.abort();
    expect(container.childNodes).toHaveLength(0);
  });

  it('builds a virtual reference from a range', () => {
    const ref = rangeReference(range);
    expect(ref.getBoundingClientRect()).toBe(rect);
    expect(ref.contextElement).toBe(document.querySelector('b'));
  });
});
