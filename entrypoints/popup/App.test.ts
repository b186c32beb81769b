// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import axe from 'axe-core';
import type { Note, NoteTarget } from '../../lib/model';
import { App, type PopupDeps } from './App';
import { ORPHANED_LABEL } from './sections';
import type { SiteDeps } from './SiteControls';
import type { SitesAction, SitesView } from '../../lib/messaging';
import { EMPTY_SITES, withSiteSwitched } from '../../lib/sites/state';

/** The sites side of the popup over an in-memory state, the switch and the pause applied as the background does. */
function fakeSites(start: Partial<SitesView> = {}): SiteDeps & { actions: SitesAction[]; current(): SitesView } {
  let view: SitesView = { ...EMPTY_SITES, sync: { localOnly: {}, pending: 0, lastError: null }, ...start };
  const actions: SitesAction[] = [];
  return {
    actions,
    current: () => view,
    view: async () => view,
    async update(action) {
      actions.push(action);
      if (action.op === 'switch') view = { ...view, rules: withSiteSwitched(view.rules, view.mode, new URL(action.url).hostname, action.on, 5) };
      if (action.op === 'pause') view = { ...view, pause: action.hours === null ? { until: 'off' } : { until: 3_600_000 } };
      if (action.op === 'resume') view = { ...view, pause: null };
      return { view };
    },
    counts: async () => ({ names: 7, mentions: 23 }),
    openSidebar: vi.fn(() => true),
    onChanged: () => () => undefined,
    now: () => 0,
  };
}

const URL_ = 'https://news.example/story';

function note(id: string, target: NoteTarget, text: string): Note {
  return { id, target, text, tags: [], pageUrl: URL_, createdAt: 1, updatedAt: 1, rev: 1 };
}
const passage = (exact: string): NoteTarget => ({ type: 'passage', url: URL_, selector: { exact, prefix: '', suffix: '', start: 0, end: exact.length } });

function deps(overrides: Partial<PopupDeps> = {}): PopupDeps {
  const notes = [
    note('p1', { type: 'page', url: URL_ }, 'About the whole page'),
    note('q1', passage('Biden had called it a good speech'), 'Still here'),
    note('q2', passage('Talks with Hamas continue'), 'Gone from the page'),
  ];
  return {
    activeTab: async () => ({ id: 4, url: URL_, title: 'The story' }),
    notesForPage: async () => notes,
    actions: {
      save: vi.fn(async (draft) => ({ status: 'saved' as const, note: note('new', draft.target, draft.text) })),
      remove: vi.fn(async (id: string) => ({ ...note(id, { type: 'page', url: URL_ }, ''), deletedAt: 2 })),
      restore: vi.fn(async (id: string) => note(id, { type: 'page', url: URL_ }, '')),
    },
    passageStatus: async () => ({ url: URL_, anchored: ['q1'], orphaned: ['q2'] }),
    onNotesChanged: () => () => undefined,
    followStory: vi.fn(async () => undefined),
    sites: fakeSites(),
    ...overrides,
  };
}

async function mount(d: PopupDeps): Promise<HTMLElement> {
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app') as HTMLElement;
  render(h(App, { deps: d }), root);
  await vi.waitFor(() => expect(root.textContent).not.toContain('Loading…'));
  return root;
}

describe('the popup: where Backstory runs', () => {
  it('shows the site switch on, the tab\'s counts, and turns the site off', async () => {
    const sites = fakeSites();
    const root = await mount(deps({ sites }));
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]');
    await vi.waitFor(() => expect(toggle?.checked).toBe(true));
    expect(root.querySelector('.bs-switch')?.textContent).toContain('Backstory on this site');
    expect(root.querySelector('.bs-switch')?.textContent).toContain('news.example');
    await vi.waitFor(() => expect(root.querySelector('.bs-popup__counts')?.textContent).toBe('7 names · 23 mentions on this page'));
    toggle?.click();
    await vi.waitFor(() => expect(root.querySelector('.bs-popup__counts')?.textContent).toBe('Nothing is underlined on this page.'));
    expect(toggle?.checked).toBe(false);
    expect(sites.actions).toEqual([{ op: 'switch', url: URL_, on: false }]);
    expect(sites.current().rules.map((r) => [r.site.host, r.active])).toEqual([['news.example', true]]);
    const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('pauses everywhere for an hour or until turned back on, and turns back on', async () => {
    const sites = fakeSites();
    const root = await mount(deps({ sites }));
    const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label);
    await vi.waitFor(() => expect(button('for 1 hour')).toBeDefined());
    button('until I turn it back on')?.click();
    await vi.waitFor(() => expect(root.textContent).toContain('Paused everywhere until you turn it back on.'));
    button('Turn back on')?.click();
    await vi.waitFor(() => expect(button('for 1 hour')).toBeDefined());
    button('for 1 hour')?.click();
    await vi.waitFor(() => expect(root.textContent).toMatch(/Paused everywhere until \d/));
    expect(sites.actions).toEqual([{ op: 'pause', hours: null }, { op: 'resume' }, { op: 'pause', hours: 1 }]);
  });

  it('says why on the browser\'s own pages and the web stores, with no switch', async () => {
    for (const [url, words] of [
      ['chrome://settings/', 'browser’s own pages'],
      ['https://chromewebstore.google.com/detail/x', 'web stores'],
    ] as const) {
      const root = await mount(deps({ activeTab: async () => ({ id: 1, url, title: 'x' }) }));
      await vi.waitFor(() => expect(root.textContent).toContain(words));
      expect(root.querySelector('input[role="switch"]')).toBeNull();
    }
  });

  it('opens the sidebar for the tab', async () => {
    const sites = fakeSites();
    const root = await mount(deps({ sites }));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Open the sidebar')?.click();
    expect(sites.openSidebar).toHaveBeenCalledWith(4);
  });
});

describe('the popup', () => {
  it('shows the page notes and the passage notes with their quotes, orphans marked and counted', async () => {
    const root = await mount(deps());
    const text = root.textContent ?? '';
    expect(text).toContain('The story');
    expect(text).toContain('About the whole page');
    expect(text).toContain('Biden had called it a good speech');
    expect(text).toContain('1 passage is no longer on this page');
    const items = [...root.querySelectorAll('.bs-popup__passage')];
    expect(items.map((li) => li.getAttribute('data-orphaned'))).toEqual([null, 'true']);
    expect(items[1]?.textContent).toContain(ORPHANED_LABEL);
    expect(items[0]?.textContent).not.toContain(ORPHANED_LABEL);
    const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('"Follow this story" opens the review for this tab, and says so when it cannot', async () => {
    const followStory = vi.fn(async () => undefined);
    const root = await mount(deps({ followStory }));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Follow this story');
    button?.click();
    expect(followStory).toHaveBeenCalledWith({ id: 4, url: URL_, title: 'The story' });
    const failing = await mount(deps({ followStory: async () => Promise.reject(new Error('no tab')) }));
    [...failing.querySelectorAll('button')].find((b) => b.textContent === 'Follow this story')?.click();
    await vi.waitFor(() => expect(failing.querySelector('[role="alert"]')?.textContent).toContain('no tab'));
  });

  it('without a content script in the tab, lists passage notes without a status', async () => {
    const root = await mount(deps({ passageStatus: async () => null }));
    expect(root.textContent).not.toContain(ORPHANED_LABEL);
    expect(root.textContent).toContain('Reload the page');
  });

  it('says so on a page that is not a web page', async () => {
    const root = await mount(deps({ activeTab: async () => ({ id: 1, url: 'chrome://extensions/' }) }));
    expect(root.textContent).toContain('browser’s own pages');
  });

  it('writes a page note for the tab’s URL', async () => {
    const d = deps();
    const root = await mount(d);
    const add = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add a page note');
    add?.click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'A page note';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect((root.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false));
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(d.actions.save).toHaveBeenCalledTimes(1));
    const [draft] = vi.mocked(d.actions.save).mock.calls[0] ?? [];
    expect(draft?.target).toEqual({ type: 'page', url: URL_ });
    expect(draft?.text).toBe('A page note');
    expect(draft?.pageTitle).toBe('The story');
  });
});

describe('the popup’s undo', () => {
  it('offers Undo after the last passage note is deleted, and Undo brings it back', async () => {
    let notes = [note('q1', passage('Biden had called it a good speech'), 'Only passage note')];
    const d = deps({ notesForPage: async () => notes });
    vi.mocked(d.actions.remove).mockImplementation(async (id: string) => {
      const gone = notes.find((n) => n.id === id);
      notes = notes.filter((n) => n.id !== id);
      return { ...(gone ?? note(id, { type: 'page', url: URL_ }, '')), deletedAt: 2 };
    });
    const only = notes[0];
    vi.mocked(d.actions.restore).mockImplementation(async (id: string) => {
      if (only) notes = [only];
      return only ?? note(id, { type: 'page', url: URL_ }, '');
    });
    const root = await mount(d);
    const del = [...root.querySelectorAll('.bs-popup__passage button')].find((b) => b.textContent?.trim() === 'Delete') as HTMLButtonElement | undefined;
    del?.click();
    await vi.waitFor(() => expect(d.actions.remove).toHaveBeenCalledWith('q1'));
    await vi.waitFor(() => expect(root.textContent).not.toContain('Only passage note'));
    const undo = await vi.waitFor(() => {
      const b = root.querySelector('.bs-toast__undo');
      expect(b).not.toBeNull();
      return b as HTMLButtonElement;
    });
    undo.click();
    await vi.waitFor(() => expect(d.actions.restore).toHaveBeenCalledWith('q1'));
    await vi.waitFor(() => expect(root.textContent).toContain('Only passage note'));
  });
});

describe('the popup’s keyboard focus', () => {
  it('moves focus to Undo after a delete, and back into the section after Undo or Cancel', async () => {
    let notes = [note('p1', { type: 'page', url: URL_ }, 'About the whole page')];
    const d = deps({ notesForPage: async () => notes });
    const kept = notes[0];
    vi.mocked(d.actions.remove).mockImplementation(async () => {
      notes = [];
      return { ...(kept ?? note('p1', { type: 'page', url: URL_ }, '')), deletedAt: 2 };
    });
    vi.mocked(d.actions.restore).mockImplementation(async () => {
      if (kept) notes = [kept];
      return kept ?? note('p1', { type: 'page', url: URL_ }, '');
    });
    const root = await mount(d);
    const del = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Delete');
    del?.focus();
    del?.click();
    await vi.waitFor(() => expect(document.activeElement?.classList.contains('bs-toast__undo')).toBe(true));
    (document.activeElement as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.textContent).toContain('About the whole page'));
    await vi.waitFor(() => expect(document.activeElement?.closest('.bs-popup__section')).not.toBeNull());

    const add = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add a page note');
    add?.focus();
    add?.click();
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('TEXTAREA'));
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    cancel?.click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Add a page note'));
  });
});
