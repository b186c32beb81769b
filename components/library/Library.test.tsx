// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { BackstoryDB } from '../../lib/db/schema';
import { installPack } from '../../lib/db/packs-repo';
import { openTestDB, testPack } from '../../lib/db/testing';
import { Library } from './Library';
import { byText, change, enableLiveQueries, fakeBackground, putNote, textOf as text, waitFor, type FakeBackground } from './testing';

enableLiveQueries();

let host: HTMLElement | null = null;
let db: BackstoryDB;
let bg: FakeBackground;

function mount(hash = '#notes'): HTMLElement {
  window.location.hash = hash;
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Library db={db} send={bg.send} />, host as HTMLElement));
  return host;
}

const noteTexts = (el: HTMLElement) => [...el.querySelectorAll('.bs-note__text')].map((n) => text(n));
const status = (el: HTMLElement) => text(el.querySelector('.bs-status'));

beforeEach(async () => {
  db = openTestDB();
  bg = fakeBackground(db);
  await installPack(db, testPack());
});

afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = null;
  }
  db.close();
});

describe('Library · notes', () => {
  it('lists live notes newest first and narrows them by entity, tag, site and date', async () => {
    const day = (d: number) => new Date(2024, 2, d, 12).getTime();
    await putNote(db, { text: 'On Bibi', tags: ['politics'], updatedAt: day(10), pageUrl: 'https://a.example/x' });
    await putNote(db, { text: 'On Schumer', target: { type: 'entity', entityId: 'person/schumer' }, tags: ['senate'], updatedAt: day(12), pageUrl: 'https://b.example/y' });
    await putNote(db, { text: 'A page note', target: { type: 'page', url: 'https://b.example/y' }, tags: ['politics'], updatedAt: day(14) });
    await putNote(db, { text: 'Gone', updatedAt: day(15), deletedAt: day(16) });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 3);
    expect(noteTexts(el)).toEqual(['A page note', 'On Schumer', 'On Bibi']);
    expect(status(el)).toBe('3 notes');

    const entity = el.querySelector<HTMLSelectElement>('#bs-f-entity');
    await waitFor(() => entity?.querySelector('option[value="person/schumer"]'));
    expect(text(entity?.querySelector('option[value="person/schumer"]'))).toBe('Chuck Schumer (1)');
    change(entity as HTMLSelectElement, 'person/schumer', 'change');
    await waitFor(() => noteTexts(el).length === 1);
    expect(noteTexts(el)).toEqual(['On Schumer']);
    expect(text(el.querySelector('.bs-note-target'))).toContain('Chuck Schumer');

    change(entity as HTMLSelectElement, '', 'change');
    change(el.querySelector('#bs-f-tag') as HTMLSelectElement, 'politics', 'change');
    await waitFor(() => noteTexts(el).length === 2);
    expect(noteTexts(el)).toEqual(['A page note', 'On Bibi']);

    change(el.querySelector('#bs-f-site') as HTMLSelectElement, 'b.example', 'change');
    await waitFor(() => noteTexts(el).length === 1);
    expect(noteTexts(el)).toEqual(['A page note']);

    act(() => byText(el, 'button', 'Clear filters').click());
    await waitFor(() => noteTexts(el).length === 3);
    change(el.querySelector('#bs-f-from') as HTMLInputElement, '2024-03-11');
    change(el.querySelector('#bs-f-to') as HTMLInputElement, '2024-03-13');
    await waitFor(() => noteTexts(el).length === 1);
    expect(noteTexts(el)).toEqual(['On Schumer']);
    expect(status(el)).toBe('1 note match the filters');
  });

  it('shows a note written to the database after render, without a reload (liveQuery)', async () => {
    const el = mount();
    await waitFor(() => status(el) === 'No notes yet.');
    await putNote(db, { text: 'Written by another tab' });
    await waitFor(() => noteTexts(el).includes('Written by another tab'));
    // A write through the background lands the same way.
    await bg.send({ backstory: 1, type: 'saveNote', payload: { draft: { target: { type: 'entity', entityId: 'place/gaza' }, text: 'Via the background', tags: [] } } });
    await waitFor(() => noteTexts(el).includes('Via the background'));
    // The navigation's count comes from its own live query, which may land a moment later.
    await waitFor(() => text(el.querySelector('.bs-lib-nav [aria-current="page"]')).includes('2'));
  });

  it('renders hostile note text literally, as text', async () => {
    await putNote(db, { text: '<img src=x onerror=alert(1)>', tags: ['<b>x</b>'], pageTitle: '<script>alert(2)</script>' });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 1);
    expect(noteTexts(el)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(el.querySelector('img, script, b')).toBeNull();
    expect(text(el)).toContain('<b>x</b>');
  });

  it('searches through the background (debounced), by a prefix of a word, and re-runs on changes', async () => {
    await putNote(db, { text: 'Schumer called for an election' });
    await putNote(db, { text: 'Ceasefire talks in Doha' });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 2);
    const q = el.querySelector('#bs-q') as HTMLInputElement;
    change(q, 'el');
    change(q, 'elec');
    change(q, 'elec sch');
    await waitFor(() => /result/.test(status(el)));
    expect(noteTexts(el)).toEqual(['Schumer called for an election']);
    expect(status(el)).toMatch(/^1 result for “elec sch” · (<1|\d+) ms$/);
    const searches = bg.calls.filter((c) => c.type === 'searchNotes');
    expect(searches.map((c) => c.payload)).toEqual([{ query: 'elec sch', limit: 200 }]);

    // Notes are written by the background (whose search index follows its own writes).
    await act(async () => {
      await bg.send({
        backstory: 1,
        type: 'saveNote',
        payload: { draft: { target: { type: 'entity', entityId: 'person/netanyahu' }, text: 'Another election in Israel: Schumer', tags: [] } },
      });
    });
    await waitFor(() => noteTexts(el).length === 2);
  });

  it('edits a note through the background with the shared editor', async () => {
    await putNote(db, { id: 'edit-me', text: 'First draft' });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 1);
    act(() => byText(el, '.bs-note button', 'Edit').click());
    const area = await waitFor(() => el.querySelector<HTMLTextAreaElement>('.bs-note-editor textarea'));
    change(area, 'Second draft');
    act(() => byText(el, '.bs-note-editor button', 'Save').click());
    await waitFor(() => noteTexts(el).includes('Second draft'));
    expect(bg.calls.find((c) => c.type === 'saveNote')?.payload).toMatchObject({ draft: { id: 'edit-me', baseRev: 1, text: 'Second draft' } });
    expect((await db.notes.get('edit-me'))?.rev).toBe(2);
  });

  it('keeps keyboard focus on the note after an edit is saved or cancelled, and after Undo', async () => {
    await putNote(db, { id: 'focus-me', text: 'First draft' });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 1);
    const editOf = () => byText(el, '.bs-note button', 'Edit');
    act(() => {
      editOf().focus();
      editOf().click();
    });
    const area = await waitFor(() => el.querySelector<HTMLTextAreaElement>('.bs-note-editor textarea'));
    act(() => area.focus());
    act(() => byText(el, '.bs-note-editor button', 'Cancel').click());
    await waitFor(() => document.activeElement === editOf());

    act(() => editOf().click());
    change(await waitFor(() => el.querySelector<HTMLTextAreaElement>('.bs-note-editor textarea')), 'Second draft');
    const save = byText(el, '.bs-note-editor button', 'Save');
    act(() => {
      save.focus();
      save.click();
    });
    await waitFor(() => noteTexts(el).includes('Second draft'));
    await waitFor(() => document.activeElement === editOf());

    act(() => byText(el, '.bs-note button', 'Delete').click());
    const undo = await waitFor(() => el.querySelector<HTMLButtonElement>('.bs-toast button:not([disabled])'));
    await waitFor(() => document.activeElement === undo);
    act(() => undo.click());
    await waitFor(() => noteTexts(el).includes('Second draft'));
    await waitFor(() => document.activeElement === editOf());
  });

  it('deletes to the trash with an Undo that restores the note', async () => {
    await putNote(db, { id: 'del-me', text: 'Delete me' });
    const el = mount();
    await waitFor(() => noteTexts(el).length === 1);
    act(() => byText(el, '.bs-note button', 'Delete').click());
    await waitFor(() => noteTexts(el).length === 0);
    expect((await db.notes.get('del-me'))?.deletedAt).toBeTypeOf('number');
    const undo = await waitFor(() => el.querySelector<HTMLButtonElement>('.bs-toast button'));
    expect(text(el.querySelector('.bs-toast'))).toContain('Note moved to the trash.');
    act(() => undo.click());
    await waitFor(() => noteTexts(el).includes('Delete me'));
    expect(bg.calls.map((c) => c.type)).toEqual(expect.arrayContaining(['deleteNote', 'restoreNote']));
    await waitFor(() => el.querySelector('.bs-toast') === null);
  });

  it('moves every note shown by a filter to the trash after a confirm step, with Undo for all', async () => {
    await putNote(db, { id: 'a', text: 'Tagged one', tags: ['bulk'] });
    await putNote(db, { id: 'b', text: 'Tagged two', tags: ['bulk'] });
    await putNote(db, { id: 'c', text: 'Other' });
    const el = mount();
    await waitFor(() => el.querySelector('#bs-f-tag option[value="bulk"]'));
    change(el.querySelector('#bs-f-tag') as HTMLSelectElement, 'bulk', 'change');
    await waitFor(() => noteTexts(el).length === 2);
    act(() => byText(el, 'button', 'Move these 2 notes to the trash').click());
    act(() => byText(el, '.bs-confirm button', 'Move to trash').click());
    await waitFor(() => noteTexts(el).length === 0);
    expect(bg.calls.find((c) => c.type === 'deleteNotes')?.payload).toEqual({ ids: ['b', 'a'] });
    expect(text(el.querySelector('.bs-toast'))).toContain('2 notes moved to the trash.');
    act(() => byText(el, '.bs-toast button', 'Undo').click());
    await waitFor(() => noteTexts(el).length === 2);
    expect(await db.notes.where('deletedAt').above(0).count()).toBe(0);
  });
});
