// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { BackstoryDB } from '../../lib/db/schema';
import { installPack } from '../../lib/db/packs-repo';
import { openTestDB, testPack } from '../../lib/db/testing';
import { Library, SECTIONS } from './Library';
import { byText, change, enableLiveQueries, fakeBackground, putNote, textOf as text, waitFor, type FakeBackground } from './testing';

enableLiveQueries();

let host: HTMLElement | null = null;
let db: BackstoryDB;
let bg: FakeBackground;

function mount(hash: string): HTMLElement {
  window.location.hash = hash;
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Library db={db} send={bg.send} />, host as HTMLElement));
  return host;
}

const noteTexts = (el: HTMLElement) => [...el.querySelectorAll('.bs-note__text')].map((n) => text(n));

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

function chooseFile(input: HTMLInputElement, name: string, content: string): void {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Library · trash', () => {
  it('lists deleted notes with their purge date, restores one, and empties the rest after a confirm', async () => {
    const deletedAt = new Date(2024, 2, 1, 12).getTime();
    await putNote(db, { id: 'live', text: 'Still here' });
    await putNote(db, { id: 't1', text: 'Binned one', deletedAt });
    await putNote(db, { id: 't2', text: 'Binned two', deletedAt: deletedAt + 1000 });
    const el = mount('#trash');
    await waitFor(() => noteTexts(el).length === 2);
    expect(noteTexts(el)).toEqual(['Binned two', 'Binned one']);
    expect(text(el)).toContain('Notes in the trash are deleted for good after 30 days.');
    expect(text(el.querySelector('.bs-trash-row'))).toContain('Deleted 1 Mar 2024 · deleted for good on 31 Mar 2024');
    expect(el.querySelectorAll('.bs-note button')).toHaveLength(0);

    act(() => byText(el, 'button', 'Restore').click());
    await waitFor(() => noteTexts(el).length === 1);
    expect((await db.notes.get('t2'))?.deletedAt).toBeUndefined();

    act(() => byText(el, 'button', 'Empty trash').click());
    expect(text(el.querySelector('.bs-confirm'))).toContain('Delete 1 note for good? This cannot be undone.');
    expect(await db.notes.count()).toBe(3);
    act(() => byText(el, '.bs-confirm button', 'Delete for good').click());
    await waitFor(() => text(el.querySelector('.bs-status')) === 'The trash is empty.');
    expect(await db.notes.count()).toBe(2);
    expect(bg.calls.map((c) => c.type)).toEqual(['restoreNote', 'emptyTrash']);
  });
});

describe('Library · trash confirm', () => {
  it('focuses Cancel once when asked to confirm, and leaves focus alone when the list re-renders', async () => {
    await putNote(db, { id: 't1', text: 'Binned one', deletedAt: Date.now() });
    const el = mount('#trash');
    await waitFor(() => noteTexts(el).length === 1);
    act(() => byText(el, 'button', 'Empty trash').click());
    expect(document.activeElement).toBe(byText(el, '.bs-confirm button', 'Cancel'));
    const confirm = byText(el, '.bs-confirm button', 'Delete for good');
    act(() => confirm.focus());
    // Another tab moves a note to the trash: the list (and the question) re-render.
    await putNote(db, { id: 't2', text: 'Binned elsewhere', deletedAt: Date.now() });
    await waitFor(() => text(el.querySelector('.bs-confirm')).includes('Delete 2 notes'));
    expect(document.activeElement).toBe(confirm);
  });
});

describe('Library · backup', () => {
  it('exports everything as backstory-backup-YYYY-MM-DD.json through a Blob download', async () => {
    await putNote(db, { text: 'Keep me' });
    const el = mount('#backup');
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    act(() => byText(el, 'button', 'Export everything').click());
    await waitFor(() => names.length === 1);
    expect(names[0]).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await (created[0] as Blob).text()) as { format: string; notes: { text: string }[] };
    expect(backup.format).toBe('backstory-backup');
    expect(backup.notes.map((n) => n.text)).toEqual(['Keep me']);
    await waitFor(() => /Saved backstory-backup/.test(text(el)));

    act(() => byText(el, 'button', 'Export notes as Markdown').click());
    await waitFor(() => names.length === 2);
    expect(names[1]).toMatch(/^backstory-notes-\d{4}-\d{2}-\d{2}\.md$/);
    expect(await (created[1] as Blob).text()).toContain('Keep me');
  });

  it('imports a backup and shows what was added, updated and skipped', async () => {
    const existing = await putNote(db, { id: 'same', text: 'Already here' });
    const backup = {
      format: 'backstory-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      notes: [existing, { ...existing, id: 'new-one', text: 'From the file' }],
      userEntities: [],
      settings: {},
    };
    const el = mount('#backup');
    chooseFile(el.querySelector('#bs-import') as HTMLInputElement, 'backup.json', JSON.stringify(backup));
    await waitFor(() => el.querySelector('.bs-summary-line'));
    expect(text(el.querySelector('.bs-summary-line'))).toBe('1 added, 0 updated, 1 skipped');
    expect(el.querySelector('.bs-import-result')?.getAttribute('role')).toBe('status');
    expect((await db.notes.get('new-one'))?.text).toBe('From the file');
  });

  it('rejects a malformed import with the reason, in an alert, and changes nothing', async () => {
    await putNote(db, { text: 'Untouched' });
    const el = mount('#backup');
    chooseFile(el.querySelector('#bs-import') as HTMLInputElement, 'broken.json', '{"format":"backstory-backup", nope');
    const alert = await waitFor(() => el.querySelector('[role="alert"]'));
    expect(text(alert)).toContain('broken.json was not imported; nothing changed.');
    expect(text(alert.querySelector('.bs-error__detail')).length).toBeGreaterThan(5);
    expect(text(alert.querySelector('.bs-error__detail'))).toMatch(/^This file is not JSON/);
    expect(await db.notes.count()).toBe(1);
    expect(el.querySelector('.bs-summary-line')).toBeNull();
  });
});

describe('Library · packs', () => {
  it('lists installed packs with version, as-of date, sources and entity count', async () => {
    const el = mount('#packs');
    await waitFor(() => el.querySelector('.bs-pack'));
    const pack = el.querySelector('.bs-pack');
    expect(text(pack?.querySelector('h3'))).toBe('Test pack');
    const facts = [...(pack?.querySelectorAll('.bs-facts > div') ?? [])].map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
    expect(facts).toEqual(['Version: 1', 'As of: 18 Mar 2024', 'Entities: 3']);
    expect(text(pack?.querySelector('.bs-sources-list'))).toBe('Source one · 18 Mar 2024');
  });
});

describe('Library · accessibility', () => {
  it.each(SECTIONS.map((s) => s.id))('the %s section passes axe-core and has one h1 and an h2', async (id) => {
    await putNote(db, { text: 'A note with a tag', tags: ['politics'] });
    await putNote(db, { text: 'A binned note', deletedAt: Date.now() });
    const el = mount(`#${id}`);
    if (id === 'sites') await waitFor(() => el.querySelector('.bs-sites'));
    else if (id !== 'backup') await waitFor(() => el.querySelector('.bs-status') && !/Loading/.test(text(el.querySelector('.bs-status'))));
    if (id === 'notes' || id === 'trash') await waitFor(() => el.querySelector('.bs-note'));
    if (id === 'packs') await waitFor(() => el.querySelector('.bs-pack'));
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelectorAll('h2')).toHaveLength(1);
    expect(el.querySelector('[aria-current="page"]')?.getAttribute('href')).toBe(`#${id}`);
    // color-contrast needs layout (happy-dom has none): checked from library.css in library-css.test.ts.
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });

  it('labels every form control', async () => {
    const el = mount('#notes');
    await waitFor(() => el.querySelector('.bs-status'));
    for (const control of el.querySelectorAll('input, select')) {
      expect(el.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    change(el.querySelector('#bs-q') as HTMLInputElement, '');
  });
});
