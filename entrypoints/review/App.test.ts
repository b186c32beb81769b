// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { Pack } from '../../lib/model';
import type { ImportPackResult } from '../../lib/messaging';
import { draftFixture } from '../../lib/packs/__fixtures__/draft';
import { App, type ReviewDeps } from './App';
import { UNREADABLE } from './load';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  document.body.innerHTML = '';
  root = null;
});

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function deps(overrides: Partial<ReviewDeps> = {}): ReviewDeps {
  return {
    load: async () => ({ kind: 'draft', pack: draftFixture(), title: 'Budget', url: 'https://news.example/council' }),
    save: vi.fn(async (json: string): Promise<ImportPackResult> => {
      const { entities: _e, ...meta } = JSON.parse(json) as Pack;
      return { status: 'installed', pack: { ...meta, origin: 'drafted', enabled: true, order: 1, installedAt: 1 }, editsKept: 0 };
    }),
    backToArticle: vi.fn(async () => undefined),
    close: vi.fn(),
    ...overrides,
  };
}

function mount(d: ReviewDeps): HTMLElement {
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app') as HTMLElement;
  act(() => render(h(App, { deps: d }), root as HTMLElement));
  return root;
}

const buttonNamed = (el: HTMLElement, label: string) => {
  const b = [...el.querySelectorAll('button')].find((x) => text(x) === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};

describe('the review page', () => {
  it('reads the article, then shows the review', async () => {
    let resolve: (v: Awaited<ReturnType<ReviewDeps['load']>>) => void = () => undefined;
    const el = mount(deps({ load: () => new Promise((r) => (resolve = r)) }));
    expect(text(el.querySelector('[role="status"]'))).toBe('Reading the article…');
    expect(document.title).toContain('Reading the article…');
    await act(async () => resolve({ kind: 'draft', pack: draftFixture(), title: 'Budget', url: 'https://news.example/council' }));
    await vi.waitFor(() => expect(el.querySelectorAll('.bs-rv-card')).toHaveLength(5));
  });

  it('explains a tab that cannot be followed, with a Close button', async () => {
    const d = deps({ load: async () => ({ kind: 'unreadable', message: UNREADABLE.pdf }) });
    const el = mount(d);
    await vi.waitFor(() => expect(text(el)).toContain(UNREADABLE.pdf));
    expect(text(el.querySelector('h1'))).toBe('This tab cannot be followed');
    expect(document.activeElement).toBe(el.querySelector('h1'));
    act(() => buttonNamed(el, 'Close').click());
    expect(d.close).toHaveBeenCalled();
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('shows a drafting error and tries again', async () => {
    const load = vi.fn<ReviewDeps['load']>().mockRejectedValueOnce(new Error('boom')).mockResolvedValue({ kind: 'unreadable', message: UNREADABLE.nothing });
    const el = mount(deps({ load }));
    await vi.waitFor(() => expect(text(el.querySelector('[role="alert"]'))).toBe('Backstory could not read the article: boom'));
    act(() => buttonNamed(el, 'Try again').click());
    await vi.waitFor(() => expect(text(el)).toContain(UNREADABLE.nothing));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('saves, says what was saved, and goes back to the article', async () => {
    const d = deps();
    const el = mount(d);
    await vi.waitFor(() => expect(el.querySelectorAll('.bs-rv-card')).toHaveLength(5));
    act(() => (el.querySelector('input[type="checkbox"]') as HTMLInputElement).click());
    act(() => buttonNamed(el, 'Save pack').click());
    await vi.waitFor(() => expect(text(el.querySelector('[role="status"]'))).toBe("Saved “Council passes a leaner budget”: 4 entities. They are underlined in the article's tab now."));
    expect(d.save).toHaveBeenCalledWith(expect.any(String), false);
    expect(document.title).toContain('Saved');
    act(() => buttonNamed(el, 'Back to the article').click());
    expect(d.backToArticle).toHaveBeenCalled();
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('says so when the article’s tab is gone', async () => {
    const el = mount(deps({ backToArticle: () => Promise.reject(new Error('No tab with id: 7')) }));
    await vi.waitFor(() => expect(el.querySelectorAll('.bs-rv-card')).toHaveLength(5));
    act(() => buttonNamed(el, 'Save pack').click());
    await vi.waitFor(() => expect(text(el)).toContain('5 entities'));
    act(() => buttonNamed(el, 'Back to the article').click());
    await vi.waitFor(() => expect(text(el.querySelector('[role="alert"]'))).toBe('The article’s tab is no longer open.'));
  });

  it('Cancel leaves through close()', async () => {
    const d = deps();
    const el = mount(d);
    await vi.waitFor(() => expect(el.querySelectorAll('.bs-rv-card')).toHaveLength(5));
    act(() => buttonNamed(el, 'Cancel').click());
    expect(d.close).toHaveBeenCalled();
    expect(d.save).not.toHaveBeenCalled();
  });
});
