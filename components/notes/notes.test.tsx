// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import { NoteView } from './NoteView';
import { NoteEditor, buildDraft, CONFLICT_MESSAGE } from './NoteEditor';
import { NoteList } from './NoteList';
import { UndoToast } from './UndoToast';
import { addTags } from './TagInput';
import { localIsoDate } from './dates';
import { clearAllDrafts } from './drafts';

let host: HTMLElement | null = null;
function mount(vnode: VNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(vnode, host as HTMLElement));
  return host;
}
afterEach(() => {
  if (host) {
    act(() => render(null, host as HTMLElement));
    host.remove();
    host = null;
  }
  clearAllDrafts(); // after unmounting, which keeps the last editor's draft
  vi.useRealTimers();
});

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
};

const T0 = Date.UTC(2024, 2, 14, 12);
function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    target: { type: 'entity', entityId: 'person/chuck-schumer' },
    text: 'Schumer called for new elections on 14 Mar',
    tags: ['israel', 'senate'],
    pageUrl: 'https://news.example/schumer',
    pageTitle: 'Schumer speech',
    createdAt: T0,
    updatedAt: T0,
    rev: 1,
    ...overrides,
  };
}

function type(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function key(el: Element, init: KeyboardEventInit): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    el.dispatchEvent(e);
  });
  return e;
}

describe('NoteView', () => {
  it('renders note text as text: markup shows literally and no element is created', () => {
    const el = mount(<NoteView note={note({ text: '<img src=x onerror=alert(1)>\nsecond line' })} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.bs-note__text')?.textContent).toBe('<img src=x onerror=alert(1)>\nsecond line');
  });

  it('shows tags as chips, the date, and the page it was written on as a link', () => {
    const el = mount(<NoteView note={note({ updatedAt: T0 + 2 * 86_400_000 })} />);
    expect([...el.querySelectorAll('.bs-chip')].map((c) => c.textContent)).toEqual(['israel', 'senate']);
    const [created, updated] = [...el.querySelectorAll('time')];
    expect(created?.textContent).toMatch(/^1[345] Mar 2024$/);
    expect(created?.getAttribute('datetime')).toBe(new Date(T0).toISOString());
    expect(text(el.querySelector('.bs-note__meta'))).toContain('edited');
    expect(updated?.textContent).toBe(`${Number(localIsoDate(T0 + 2 * 86_400_000).slice(8))} Mar 2024`);
    const link = el.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://news.example/schumer');
    expect(link?.textContent).toBe('Schumer speech');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  it('never links a page that is not http(s)', () => {
    const el = mount(<NoteView note={note({ pageUrl: 'javascript:alert(1)', pageTitle: 'Evil' })} />);
    expect(el.querySelector('a')).toBeNull();
    expect(text(el.querySelector('.bs-note__meta'))).toContain('on Evil');
  });

  it('marks a conflict copy, and offers Edit/Delete only when asked', () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const plain = mount(<NoteView note={note()} />);
    expect(plain.querySelector('button')).toBeNull();
    expect(plain.querySelector('.bs-note__badge')).toBeNull();
    act(() => render(<NoteView note={note({ conflictOf: 'n0' })} onEdit={onEdit} onDelete={onDelete} />, plain));
    expect(text(plain.querySelector('.bs-note__badge'))).toBe('Conflict copy');
    const [edit, del] = [...plain.querySelectorAll('button')];
    act(() => edit?.click());
    act(() => del?.click());
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: 'n1' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});

describe('NoteList', () => {
  it('lists newest first, with an empty state', () => {
    const el = mount(
      <NoteList notes={[note({ id: 'old', text: 'old', updatedAt: 1 }), note({ id: 'new', text: 'new', updatedAt: 2 })]} />,
    );
    expect([...el.querySelectorAll('.bs-note__text')].map((p) => p.textContent)).toEqual(['new', 'old']);
    act(() => render(<NoteList notes={[]} empty="Nothing here." />, el));
    expect(text(el)).toBe('Nothing here.');
  });
});

function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('NoteEditor', () => {
  const target = { type: 'entity', entityId: 'person/chuck-schumer' } as const;
  const page = { url: 'https://news.example/a#frag', title: 'A page' };

  function editor(save: (d: NoteDraft) => Promise<SaveResult>, extra: Partial<Parameters<typeof NoteEditor>[0]> = {}) {
    const onCancel = vi.fn();
    const onSaved = vi.fn();
    const el = mount(<NoteEditor target={target} page={page} save={save} onCancel={onCancel} onSaved={onSaved} {...extra} />);
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    const status = () => text(el.querySelector('.bs-note-editor__status'));
    return { el, area, onCancel, onSaved, status };
  }

  it('keeps an unsaved draft when the editor vanishes, and gives it back to the next one', async () => {
    const draftTarget = { type: 'entity', entityId: 'person/draft-test' } as const;
    const first = editor(() => new Promise(() => undefined), { target: draftTarget });
    type(first.area, 'Half a thought about the Rafah offensive');
    act(() => render(null, host as HTMLElement)); // the card closed: the editor is gone
    const second = editor(() => Promise.resolve({ status: 'saved', note: note() }), { target: draftTarget });
    expect(second.area.value).toBe('Half a thought about the Rafah offensive');
    expect(text(second.el.querySelector('.bs-hint'))).toMatch(/unsaved draft is back/);
    // Saving clears it.
    act(() => (second.el.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    await flush();
    act(() => render(null, host as HTMLElement));
    const third = editor(() => new Promise(() => undefined), { target: draftTarget });
    expect(third.area.value).toBe('');
    // Cancelling clears a draft too.
    type(third.area, 'never mind');
    act(() => (third.el.querySelectorAll('button[type="button"]')[0] as HTMLButtonElement).click());
    act(() => render(null, host as HTMLElement));
    expect(editor(() => new Promise(() => undefined), { target: draftTarget }).area.value).toBe('');
  });

  it('has a visible label and focuses the textarea', () => {
    const { el, area } = editor(() => new Promise(() => undefined));
    const label = el.querySelector(`label[for="${area.id}"]`);
    expect(text(label)).toBe('Note');
    expect(document.activeElement).toBe(area);
  });

  it('says Saving… while the write is in flight and Saved only after the reply', async () => {
    const d = deferred<SaveResult>();
    const save = vi.fn((_draft: NoteDraft) => d.promise);
    const { el, area, status, onSaved } = editor(save);
    type(area, 'Schumer called for new elections on 14 Mar');
    const tags = el.querySelectorAll('input')[0] as HTMLInputElement;
    type(tags, 'senate');
    act(() => (el.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    await flush();
    expect(status()).toBe('Saving…');
    expect(save).toHaveBeenCalledWith({
      target,
      text: 'Schumer called for new elections on 14 Mar',
      tags: ['senate'],
      pageUrl: 'https://news.example/a#frag',
      pageTitle: 'A page',
    });
    expect(onSaved).not.toHaveBeenCalled();
    d.resolve({ status: 'saved', note: note({ id: 'new1' }) });
    await flush();
    expect(status()).toBe('Saved');
    expect(onSaved).toHaveBeenCalledTimes(1);
    // A second save edits the note just created (no duplicate).
    type(area, 'edited');
    act(() => (el.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    await flush();
    expect(save.mock.calls[1]?.[0]).toMatchObject({ id: 'new1', baseRev: 1, text: 'edited' });
  });

  it('shows the background’s error word for word and keeps the typed text', async () => {
    const { el, area, status } = editor(() => Promise.reject(new Error('saveNote: QuotaExceededError: storage is full')));
    type(area, 'keep me');
    key(area, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(text(el.querySelector('[role="alert"]'))).toBe('Not saved: saveNote: QuotaExceededError: storage is full');
    expect(area.value).toBe('keep me');
    expect(status()).toBe('');
  });

  it('saves with Ctrl+Enter and Cmd+Enter, but not plain Enter; empty text never saves', async () => {
    const save = vi.fn(() => Promise.resolve<SaveResult>({ status: 'saved', note: note() }));
    const { area } = editor(save);
    key(area, { key: 'Enter', ctrlKey: true });
    expect(save).not.toHaveBeenCalled();
    type(area, 'x');
    key(area, { key: 'Enter' });
    expect(save).not.toHaveBeenCalled();
    key(area, { key: 'Enter', metaKey: true });
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('cancels on Esc without letting the key bubble (a card around it stays open)', () => {
    const { el, area, onCancel } = editor(() => new Promise(() => undefined));
    const outer = vi.fn();
    el.addEventListener('keydown', outer);
    const e = key(area, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(true);
  });

  it('reports a conflict as both versions kept', async () => {
    const { area, status } = editor(() =>
      Promise.resolve<SaveResult>({ status: 'conflict', note: note({ rev: 3 }), copy: note({ id: 'c1', conflictOf: 'n1' }) }),
      { note: note() },
    );
    type(area, 'mine');
    key(area, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(status()).toBe(CONFLICT_MESSAGE);
  });

  it('turns comma/Enter separated tags into removable chips', () => {
    const { el } = editor(() => new Promise(() => undefined));
    const input = el.querySelectorAll('input')[0] as HTMLInputElement;
    type(input, 'gaza, ceasefire,');
    expect([...el.querySelectorAll('.bs-tags .bs-chip')].map((c) => c.firstChild?.textContent)).toEqual(['gaza', 'ceasefire']);
    type(input, 'rafah');
    key(input, { key: 'Enter' });
    expect(el.querySelectorAll('.bs-tags .bs-chip')).toHaveLength(3);
    act(() => (el.querySelector('[aria-label="Remove tag gaza"]') as HTMLButtonElement).click());
    expect([...el.querySelectorAll('.bs-tags .bs-chip')].map((c) => c.firstChild?.textContent)).toEqual(['ceasefire', 'rafah']);
    expect(addTags(['A'], 'a, b ,, c')).toEqual(['A', 'b', 'c']);
  });

  it('keeps focus in the tag field after a chip is removed (never dropped to the body)', () => {
    const { el } = editor(() => new Promise(() => undefined));
    const input = el.querySelectorAll('input')[0] as HTMLInputElement;
    type(input, 'gaza, ceasefire,');
    const remove = el.querySelector('[aria-label="Remove tag gaza"]') as HTMLButtonElement;
    act(() => {
      remove.focus();
      remove.click();
    });
    expect(el.querySelector('[aria-label="Remove tag gaza"]')).toBeNull();
    expect(el.contains(document.activeElement)).toBe(true);
  });
});

describe('buildDraft', () => {
  it('edits keep id, rev, target and page; new notes drop a non-http page', () => {
    const n = note({ rev: 4 });
    expect(buildDraft({ target: n.target, note: n }, 't', [])).toEqual({
      id: 'n1', baseRev: 4, target: n.target, text: 't', tags: [], pageUrl: n.pageUrl, pageTitle: n.pageTitle,
    });
    expect(buildDraft({ target: n.target, page: { url: 'file:///x.html', title: 'X' } }, 't', ['a'])).toEqual({
      target: n.target, text: 't', tags: ['a'],
    });
  });
});

describe('UndoToast', () => {
  it('is a status region with an Undo button, and goes after ~8 s', () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    const el = mount(<UndoToast onUndo={onUndo} onDismiss={onDismiss} />);
    const toast = el.querySelector('[role="status"]');
    expect(text(toast)).toBe('Note moved to trash · Undo');
    const button = el.querySelector('button');
    expect(button?.getAttribute('type')).toBe('button');
    act(() => button?.click());
    expect(onUndo).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(7_900);
    });
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
