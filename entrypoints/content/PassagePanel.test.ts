// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import axe from 'axe-core';
import type { Note, NoteTarget } from '../../lib/model';
import { PassagePanel, type PassagePanelProps } from './PassagePanel';

const URL_ = 'https://news.example/story';
const target: NoteTarget = { type: 'passage', url: URL_, selector: { exact: 'a good speech', prefix: 'called it ', suffix: '.', start: 10, end: 23 } };
const note = (id: string, text: string): Note => ({ id, target, text, tags: [], pageUrl: URL_, createdAt: 1, updatedAt: 1, rev: 1 });

function mount(overrides: Partial<PassagePanelProps> = {}) {
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root') as HTMLElement;
  const props: PassagePanelProps = {
    quote: 'a good speech',
    target,
    page: { url: URL_, title: 'The story' },
    notes: [],
    actions: {
      save: vi.fn(async (draft) => ({ status: 'saved' as const, note: { ...note('n', draft.text), text: draft.text } })),
      remove: vi.fn(async (id: string) => ({ ...note(id, ''), deletedAt: 5 })),
      restore: vi.fn(async (id: string) => note(id, 'back')),
    },
    theme: 'light',
    onChange: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(h(PassagePanel, props), root);
  return { root, props };
}

describe('PassagePanel', () => {
  it('opens a new note’s editor on a fresh passage; saving sends the passage target and closes', async () => {
    const { root, props } = mount();
    expect(root.querySelector('[role="dialog"]')?.textContent).toContain('a good speech');
    const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'Worth checking';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect((root.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false));
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(props.onClose).toHaveBeenCalled());
    const draft = vi.mocked(props.actions.save).mock.calls[0]?.[0];
    expect(draft).toMatchObject({ target, text: 'Worth checking', pageUrl: URL_, pageTitle: 'The story' });
    expect(props.onChange).toHaveBeenCalled();
  });

  it('lists a marked passage’s notes; delete offers Undo; Esc closes', async () => {
    const { root, props } = mount({ notes: [note('a', 'First thought')] });
    expect(root.textContent).toContain('First thought');
    const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete')?.click();
    await vi.waitFor(() => {
      expect(root.textContent).toContain('Undo');
      expect(root.textContent).not.toContain('First thought');
    });
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')?.click();
    await vi.waitFor(() => expect(props.actions.restore).toHaveBeenCalledWith('a'));
    root.querySelector('[role="dialog"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(props.onClose).toHaveBeenCalled();
  });
});
