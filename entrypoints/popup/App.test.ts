// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import axe from 'axe-core';
import type { Note, NoteTarget } from '../../lib/model';
import { App, type PopupDeps } from './App';
import { ORPHANED_LABEL } from './sections';

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

  it('without a content script in the tab, lists passage notes without a status', async () => {
    const root = await mount(deps({ passageStatus: async () => null }));
    expect(root.textContent).not.toContain(ORPHANED_LABEL);
    expect(root.textContent).toContain('Reload the page');
  });

  it('says so on a page that is not a web page', async () => {
    const root = await mount(deps({ activeTab: async () => ({ id: 1, url: 'chrome://extensions/' }) }));
    expect(root.textContent).toContain('web pages');
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
