// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, Transport } from '../../lib/messaging';
import { childScope } from './scope';
import { createUiLoader } from './ui-loader';
import { createLazyCard } from './lazy-card';
import { PAGE_UI_SLOT, type PageCard, type PageUi, type PageUiDeps, type PageUiFactory } from './ui-contract';

const root = () => ({ signal: new AbortController().signal, isInvalid: false, onInvalidated: () => () => undefined });

function fakeCard(): PageCard & { shown: string[] } {
  let visible = false;
  let entityId: string | null = null;
  const shown: string[] = [];
  return {
    shown,
    show(_anchor, id) {
      shown.push(id);
      visible = true;
      entityId = id;
    },
    hide() {
      visible = false;
      entityId = null;
    },
    get visible() {
      return visible;
    },
    get entityId() {
      return entityId;
    },
    contains: () => false,
    focus: vi.fn(),
    refreshNotes: vi.fn(),
    forgetCards: vi.fn(),
    onPointer: vi.fn(),
  };
}

/** A background whose `loadPageUi` runs a UI "script" that calls the slot, as page-ui.js does. */
function setup(opts: { fail?: boolean } = {}) {
  const global = {};
  const card = fakeCard();
  const ui: PageUi = {
    card,
    newPassageNote: vi.fn(),
    trackSelection: vi.fn(() => true),
    passageStatus: () => Promise.resolve({ url: '', anchored: [], orphaned: [] }),
    mentionsChanged: vi.fn(),
    ownsNode: () => false,
  };
  const factory = vi.fn<PageUiFactory>(() => ui);
  const calls: Envelope[] = [];
  const send: Transport = (message) => {
    calls.push(message);
    if (opts.fail) return Promise.resolve({ ok: false, error: 'loadPageUi: no frame' });
    const slot: unknown = Reflect.get(global, PAGE_UI_SLOT);
    if (typeof slot === 'function') (slot as (f: PageUiFactory) => void)(factory);
    return Promise.resolve({ ok: true, value: { loaded: true } });
  };
  const scope = childScope(root());
  const deps = () => ({ scope }) as unknown as PageUiDeps;
  const loader = createUiLoader(scope, { send, deps, global });
  return { global, card, ui, factory, calls, loader, scope };
}

describe('the page UI loader', () => {
  it('asks once, however many want it, and starts the UI with the core deps', async () => {
    const { loader, calls, factory, ui, global } = setup();
    expect(loader.current()).toBeNull();
    const [a, b] = await Promise.all([loader.ensure(), loader.ensure()]);
    loader.preload();
    expect(a).toBe(ui);
    expect(b).toBe(ui);
    expect(calls.map((c) => c.type)).toEqual(['loadPageUi']);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(loader.current()).toBe(ui);
    // The slot is gone once the UI is in: nothing is left on the global object.
    expect(Reflect.has(global, PAGE_UI_SLOT)).toBe(false);
  });

  it('a failed load is reported and tried again on the next need', async () => {
    const { loader, calls } = setup({ fail: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(loader.ensure()).rejects.toThrow(/no frame/);
    await expect(loader.ensure()).rejects.toThrow(/no frame/);
    expect(calls).toHaveLength(2);
    expect(warn).toHaveBeenCalled();
  });

  it('never starts a UI for a scope that ended while it loaded', async () => {
    const { loader, scope, factory } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pending = loader.ensure();
    scope.end();
    await expect(pending).rejects.toThrow(/stopped/);
    expect(factory).not.toHaveBeenCalled();
  });
});

describe('the lazy card', () => {
  const anchor = () => document.createRange();

  it('shows the card once the UI is in, and is "visible" while it loads', async () => {
    const { loader, card } = setup();
    const lazy = createLazyCard(loader);
    lazy.show(anchor(), 'netanyahu', 'Netanyahu');
    expect(lazy.visible).toBe(true);
    expect(lazy.entityId).toBe('netanyahu');
    await loader.ensure();
    await Promise.resolve();
    expect(card.shown).toEqual(['netanyahu']);
    expect(card.onPointer).toHaveBeenCalledTimes(1);
    // Loaded: straight through.
    lazy.show(anchor(), 'schumer', 'Schumer');
    expect(card.shown).toEqual(['netanyahu', 'schumer']);
  });

  it('a card hidden before the UI arrives is never shown; the last one asked for wins', async () => {
    const { loader, card } = setup();
    const lazy = createLazyCard(loader);
    lazy.show(anchor(), 'netanyahu', 'Netanyahu');
    lazy.hide();
    expect(lazy.visible).toBe(false);
    await loader.ensure();
    await Promise.resolve();
    expect(card.shown).toEqual([]);

    const second = setup();
    const lazy2 = createLazyCard(second.loader);
    lazy2.show(anchor(), 'netanyahu', 'Netanyahu');
    lazy2.show(anchor(), 'hamas', 'Hamas');
    lazy2.focus();
    await second.loader.ensure();
    await Promise.resolve();
    expect(second.card.shown).toEqual(['hamas']);
    expect(second.card.focus).toHaveBeenCalledTimes(1);
  });
});
