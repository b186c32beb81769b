// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { Note, NoteDraft, SaveResult } from '../../lib/model';
import { EntityCard } from '../EntityCard';
import { sampleCard } from '../__fixtures__/card';
import type { CardNotes, CardNotesSource } from './card-notes';
import { CONFLICT_MESSAGE } from './NoteEditor';

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
});

const flush = async () => {
  for (let i = 0; i < 6; i++) await act(async () => undefined);
};
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const ENTITY = 'person/benjamin-netanyahu';

/** An in-memory notes store with the background's behaviour (newest first, soft delete, conflicts). */
function fakeNotes(initial: Note[] = []) {
  let clock = 1_710_000_000_000;
  let seq = 0;
  const store = new Map(initial.map((n) => [n.id, n]));
  const notes: CardNotes = {
    forEntity: vi.fn(async (entityId: string) =>
      [...store.values()]
        .filter((n) => n.deletedAt === undefined && n.target.type === 'entity' && n.target.entityId === entityId)
        .sort((a, b) => b.updatedAt - a.updatedAt),
    ),
    save: vi.fn(async (draft: NoteDraft): Promise<SaveResult> => {
      const now = ++clock;
      const old = draft.id ? store.get(draft.id) : undefined;
      const fresh = (id: string, extra: Partial<Note> = {}): Note => ({
        id, target: draft.target, text: draft.text, tags: draft.tags, createdAt: now, updatedAt: now, rev: 1,
        ...(draft.pageUrl ? { pageUrl: draft.pageUrl } : {}), ...(draft.pageTitle ? { pageTitle: draft.pageTitle } : {}), ...extra,
      });
      if (old && draft.baseRev !== old.rev) {
        const copy = fresh(`c${++seq}`, { conflictOf: old.id });
        store.set(copy.id, copy);
        return { status: 'conflict', note: old, copy };
      }
      const note = old ? { ...old, text: draft.text, tags: draft.tags, updatedAt: now, rev: old.rev + 1 } : fresh(`n${++seq}`);
      store.set(note.id, note);
      return { status: 'saved', note };
    }),
    remove: vi.fn(async (id: string) => {
      const n = { ...(store.get(id) as Note), deletedAt: ++clock };
      store.set(id, n);
      return n;
    }),
    restore: vi.fn(async (id: string) => {
      const { deletedAt: _gone, ...n } = store.get(id) as Note;
      store.set(id, n);
      return n;
    }),
  };
  const source: CardNotesSource = { notes, page: () => ({ url: 'https://news.example/page', title: 'The page' }) };
  return { notes, source, store };
}

function existing(overrides: Partial<Note> = {}): Note {
  return {
    id: 'old', target: { type: 'entity', entityId: ENTITY }, text: 'An older note', tags: ['x'],
    pageUrl: 'https://other.example/', pageTitle: 'Other page', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, rev: 1,
    ...overrides,
  };
}

function card(source: CardNotesSource, version = 0): VNode {
  return <EntityCard data={sampleCard()} notes={{ source, version }} onOpenEntity={() => undefined} />;
}

const typeInto = (el: HTMLTextAreaElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const button = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll('button')].find((b) => text(b) === name) as HTMLButtonElement;
const noteTexts = (el: HTMLElement) => [...el.querySelectorAll('.bs-note__text')].map((p) => p.textContent);

describe('the card’s notes section', () => {
  it('is absent without notes, and loads the entity’s notes once', async () => {
    const plain = mount(<EntityCard data={sampleCard()} />);
    expect(plain.querySelector('.bs-notes')).toBeNull();
    act(() => render(null, plain));
    const { notes, source } = fakeNotes([existing()]);
    const el = mount(card(source));
    await flush();
    expect(text(el.querySelector('.bs-notes h3'))).toBe('Your notes');
    expect(noteTexts(el)).toEqual(['An older note']);
    act(() => render(card(source), el)); // a re-render (e.g. the popover repainting) does not reload
    await flush();
    expect(notes.forEntity).toHaveBeenCalledTimes(1);
    expect(notes.forEntity).toHaveBeenCalledWith(ENTITY);
    act(() => render(card(source, 1), el)); // notes changed elsewhere
    await flush();
    expect(notes.forEntity).toHaveBeenCalledTimes(2);
  });

  it('adds a note: the list updates and says Saved', async () => {
    const { notes, source } = fakeNotes([existing()]);
    const el = mount(card(source));
    await flush();
    act(() => button(el, 'Add a note').click());
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    typeInto(area, 'Schumer called for new elections on 14 Mar');
    act(() => button(el, 'Save').click());
    await flush();
    expect(notes.save).toHaveBeenCalledWith(
      expect.objectContaining({ target: { type: 'entity', entityId: ENTITY }, pageUrl: 'https://news.example/page', pageTitle: 'The page' }),
    );
    expect(el.querySelector('textarea')).toBeNull();
    expect(noteTexts(el)).toEqual(['Schumer called for new elections on 14 Mar', 'An older note']);
    expect(text(el.querySelector('.bs-notes__status'))).toBe('Saved');
  });

  it('edits a note in place; a stale edit keeps both versions and says so', async () => {
    const { source, store } = fakeNotes([existing()]);
    const el = mount(card(source));
    await flush();
    act(() => button(el, 'Edit').click());
    // Meanwhile another tab edits the same note.
    store.set('old', { ...existing(), text: 'edited in another tab', rev: 2, updatedAt: 1_700_000_000_500 });
    typeInto(el.querySelector('textarea') as HTMLTextAreaElement, 'edited in the card');
    act(() => button(el, 'Save').click());
    await flush();
    expect(text(el.querySelector('.bs-notes__status'))).toBe(CONFLICT_MESSAGE);
    expect(noteTexts(el).sort()).toEqual(['edited in another tab', 'edited in the card']);
    expect(el.querySelectorAll('.bs-note__badge')).toHaveLength(1);
  });

  it('deletes to the trash with an Undo toast that restores the note', async () => {
    const { notes, source } = fakeNotes([existing()]);
    const el = mount(card(source));
    await flush();
    act(() => button(el, 'Delete').click());
    await flush();
    expect(notes.remove).toHaveBeenCalledWith('old');
    expect(noteTexts(el)).toEqual([]);
    expect(text(el.querySelector('.bs-toast'))).toBe('Note moved to trash · Undo');
    act(() => button(el, 'Undo').click());
    await flush();
    expect(notes.restore).toHaveBeenCalledWith('old');
    expect(noteTexts(el)).toEqual(['An older note']);
    expect(el.querySelector('.bs-toast')).toBeNull();
  });

  it('shows an error when a delete fails, and keeps the note', async () => {
    const { notes, source } = fakeNotes([existing()]);
    notes.remove = vi.fn(() => Promise.reject(new Error('deleteNote: database is closed')));
    const el = mount(card(source));
    await flush();
    act(() => button(el, 'Delete').click());
    await flush();
    expect(noteTexts(el)).toEqual(['An older note']);
    expect(text(el.querySelector('[role="alert"]'))).toBe('Not deleted: deleteNote: database is closed');
  });

  it('passes axe-core with notes, an open editor and the toast', async () => {
    const { source } = fakeNotes([existing(), existing({ id: 'c', conflictOf: 'old', text: '<img src=x onerror=alert(1)>' })]);
    const el = mount(card(source));
    await flush();
    expect(el.querySelector('img')).toBeNull();
    expect(noteTexts(el)).toContain('<img src=x onerror=alert(1)>');
    act(() => button(el, 'Add a note').click());
    act(() => ([...el.querySelectorAll('button')].filter((b) => text(b) === 'Delete')[0] as HTMLButtonElement).click());
    await flush();
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });
});
