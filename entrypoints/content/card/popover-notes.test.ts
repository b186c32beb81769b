// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { CardData } from '../../../lib/messaging';
import type { Note, NoteDraft, SaveResult } from '../../../lib/model';
import { sampleCard } from '../../../components/__fixtures__/card';
import type { CardNotes } from '../../../components/notes/card-notes';
import { createCardPopover, type CardPopover } from './popover';

const ENTITY = 'person/benjamin-netanyahu';
/** Preact runs effects of a render outside act() after a frame: wait for those too. */
const flush = async () => {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
};

let controller: AbortController;
let container: HTMLElement;
let range: Range;
let popover: CardPopover | null = null;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '<p>Schumer said <b>Netanyahu’s</b> coalition.</p>';
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  container = document.createElement('div');
  shadow.append(container);
  range = document.createRange();
  const b = document.querySelector('b');
  if (b?.firstChild) range.selectNodeContents(b.firstChild);
  const rect = new DOMRect(100, 100, 80, 18);
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
});

function store(initial: Note[]) {
  const notes = new Map(initial.map((n) => [n.id, n]));
  let seq = 0;
  const api: CardNotes = {
    forEntity: vi.fn(async () => [...notes.values()].filter((n) => n.deletedAt === undefined)),
    save: vi.fn(async (draft: NoteDraft): Promise<SaveResult> => {
      const note: Note = { id: `n${++seq}`, target: draft.target, text: draft.text, tags: draft.tags, createdAt: 2e12, updatedAt: 2e12, rev: 1 };
      if (draft.pageUrl) note.pageUrl = draft.pageUrl;
      notes.set(note.id, note);
      return { status: 'saved', note };
    }),
    remove: vi.fn(async (id: string) => {
      const n = { ...(notes.get(id) as Note), deletedAt: 1 };
      notes.set(id, n);
      return n;
    }),
    restore: vi.fn(async (id: string) => {
      const { deletedAt: _d, ...n } = notes.get(id) as Note;
      notes.set(id, n);
      return n;
    }),
  };
  return { api, notes };
}

const old: Note = {
  id: 'old', target: { type: 'entity', entityId: ENTITY }, text: 'First note', tags: [], createdAt: 1e12, updatedAt: 1e12, rev: 1,
};

function make(extra: Partial<Parameters<typeof createCardPopover>[0]> = {}): CardPopover {
  popover = createCardPopover({
    doc: document, win: window, signal: controller.signal, container,
    loadCard: (): Promise<CardData> => Promise.resolve(sampleCard()),
    ...extra,
  });
  return popover;
}

const texts = () => [...container.querySelectorAll('.bs-note__text')].map((p) => p.textContent);
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
const typeInto = (area: HTMLTextAreaElement, value: string) =>
  act(() => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('the popover’s notes', () => {
  it('loads the notes via notes.forEntity once per open, and again on refreshNotes()', async () => {
    const { api } = store([old]);
    const p = make({ notes: api });
    p.show(range, ENTITY, 'Netanyahu’s');
    await flush();
    expect(texts()).toEqual(['First note']);
    expect(api.forEntity).toHaveBeenCalledTimes(1);
    p.show(range, ENTITY, 'Netanyahu’s'); // same mention again: nothing new
    await flush();
    expect(api.forEntity).toHaveBeenCalledTimes(1);
    p.refreshNotes();
    await flush();
    expect(api.forEntity).toHaveBeenCalledTimes(2);
    p.hide();
    p.show(range, ENTITY, 'Netanyahu’s');
    await flush();
    expect(api.forEntity).toHaveBeenCalledTimes(3);
  });

  it('adds a note from the card (with the page it was written on) and deletes it with undo', async () => {
    const { api } = store([old]);
    const p = make({ notes: api, pageUrl: 'https://news.example/story', pageTitle: 'Story' });
    p.show(range, ENTITY, 'Netanyahu’s');
    await flush();
    act(() => button('Add a note').click());
    typeInto(container.querySelector('textarea') as HTMLTextAreaElement, 'A new one');
    act(() => button('Save').click());
    await flush();
    expect(api.save).toHaveBeenCalledWith(expect.objectContaining({ text: 'A new one', pageUrl: 'https://news.example/story', pageTitle: 'Story' }));
    expect(texts()).toEqual(['A new one', 'First note']);
    expect(container.querySelector('.bs-notes__status')?.textContent).toBe('Saved');
    const del = [...container.querySelectorAll('button')].filter((b) => b.textContent === 'Delete')[0];
    act(() => del?.click());
    await flush();
    expect(texts()).toEqual(['First note']);
    act(() => button('Undo').click());
    await flush();
    expect(texts()).toEqual(['A new one', 'First note']);
    expect(p.visible).toBe(true);
  });

  it('a click into the note field holds the card while the pointer wanders off', async () => {
    const onPointerEnter = vi.fn();
    const onPointerLeave = vi.fn();
    const { api } = store([]);
    const p = make({ notes: api, onPointerEnter, onPointerLeave });
    p.show(range, ENTITY, 'Netanyahu’s');
    await flush();
    act(() => button('Add a note').click());
    const area = container.querySelector('textarea') as HTMLTextAreaElement;
    area.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(onPointerEnter).toHaveBeenCalledTimes(1);
    const root = container.querySelector('.bs-popover');
    root?.dispatchEvent(new PointerEvent('pointerenter'));
    root?.dispatchEvent(new PointerEvent('pointerleave'));
    expect(onPointerLeave).not.toHaveBeenCalled();
  });

  it('keeps keys typed in the note from the page, and Esc there cancels the editor, not the card', async () => {
    const { api } = store([]);
    const p = make({ notes: api });
    p.show(range, ENTITY, 'Netanyahu’s');
    await flush();
    act(() => button('Add a note').click());
    const area = container.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    const pageSaw: string[] = [];
    const spy = (e: Event) => pageSaw.push(`${e.type}:${(e as KeyboardEvent).key ?? ''}`);
    document.addEventListener('keydown', spy, true);
    window.addEventListener('keyup', spy);
    act(() => {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true, cancelable: true }));
      area.dispatchEvent(new KeyboardEvent('keyup', { key: 's', bubbles: true, composed: true }));
    });
    expect(pageSaw).toEqual([]);
    act(() => {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    });
    await flush();
    expect(pageSaw).toEqual([]);
    expect(container.querySelector('textarea')).toBeNull();
    expect(p.visible).toBe(true);
    document.removeEventListener('keydown', spy, true);
    window.removeEventListener('keyup', spy);
  });
});
