// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { BackstoryDB } from '../../../lib/db/schema';
import { installPack } from '../../../lib/db/packs-repo';
import { entity, openTestDB, testPack } from '../../../lib/db/testing';
import type { Envelope, Transport } from '../../../lib/messaging';
import { USER_PACK_ID, type Pack } from '../../../lib/model';
import { Library } from '../Library';
import { byText, change, enableLiveQueries, fakeBackground, textOf as text, waitFor, type FakeBackground } from '../testing';
import { PAGE_SIZE } from './EntityList';

enableLiveQueries();

let host: HTMLElement | null = null;
let db: BackstoryDB;
let bg: FakeBackground;

function mount(send: Transport = bg.send): HTMLElement {
  window.location.hash = '#entities';
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Library db={db} send={send} />, host as HTMLElement));
  return host;
}

const status = (el: HTMLElement) => text(el.querySelector('.bs-status'));
const rowNames = (el: HTMLElement) => [...el.querySelectorAll('.bs-entity-row__name')].map((n) => text(n));
const row = (el: HTMLElement, id: string) => {
  const found = [...el.querySelectorAll<HTMLElement>('.bs-entity-row')].find((r) => r.dataset['entityId'] === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const field = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, label: string): T => {
  const l = [...el.querySelectorAll('label')].find((x) => text(x) === label);
  const control = l ? el.querySelector<T>(`#${CSS.escape(l.htmlFor)}`) : null;
  if (!control) throw new Error(`no field "${label}"`);
  return control;
};
const calls = () => bg.calls.map((c) => c.type);

async function openEntity(el: HTMLElement, id: string): Promise<void> {
  await waitFor(() => el.querySelector(`.bs-entity-row[data-entity-id="${id}"]`));
  act(() => (row(el, id).querySelector('.bs-entity-row__open') as HTMLButtonElement).click());
  await waitFor(() => el.querySelector('.bs-editor'));
}

function submit(el: HTMLElement): void {
  act(() => (el.querySelector('.bs-editor button[type="submit"]') as HTMLButtonElement).click());
}

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

describe('Entities · list', () => {
  it('pages 5,000 entities (only a page in the DOM) and narrows them by search and kind', async () => {
    const kinds = ['person', 'organisation', 'place', 'topic'] as const;
    const big: Pack = {
      ...testPack(1, { id: 'big/pack', title: 'Big pack' }),
      entities: Array.from({ length: 5000 }, (_, i) =>
        entity(`x/e${i}`, { kind: kinds[i % 4], name: `Entity ${String(i).padStart(4, '0')}`, aliases: [{ text: `Éntité${i}`, case: 'proper' }] }),
      ),
    };
    await installPack(db, big);
    const el = mount();
    await waitFor(() => status(el).startsWith('Showing'), 10_000);
    expect(status(el)).toBe('Showing 1–50 of 5,003 entities');
    expect(el.querySelectorAll('.bs-entity-row')).toHaveLength(PAGE_SIZE);
    act(() => byText(el, '.bs-pager button', 'Next').click());
    expect(status(el)).toBe('Showing 51–100 of 5,003 entities');
    expect(el.querySelectorAll('.bs-entity-row')).toHaveLength(PAGE_SIZE);
    expect(text(el.querySelector('.bs-pager'))).toContain('Page 2 of 101');

    // Word prefix, any case, without diacritics; the page goes back to 1.
    const started = performance.now();
    change(el.querySelector('#bs-ent-q') as HTMLInputElement, 'entity 004');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(status(el)).toBe('Showing 1–10 of 10 entities matching');
    expect(rowNames(el)).toEqual(Array.from({ length: 10 }, (_, i) => `Entity 004${i}`));
    change(el.querySelector('#bs-ent-q') as HTMLInputElement, 'ENTITE4999');
    expect(rowNames(el)).toEqual(['Entity 4999']);
    change(el.querySelector('#bs-ent-q') as HTMLInputElement, 'bibi');
    expect(rowNames(el)).toEqual(['Benjamin Netanyahu']);

    change(el.querySelector('#bs-ent-q') as HTMLInputElement, '');
    change(el.querySelector('#bs-ent-kind') as HTMLSelectElement, 'place', 'change');
    expect(status(el)).toBe('Showing 1–50 of 1,251 entities matching');
    expect([...el.querySelectorAll<HTMLElement>('.bs-entity-row')].every((r) => r.dataset['kind'] === 'place')).toBe(true);
    change(el.querySelector('#bs-ent-q') as HTMLInputElement, 'nothing-like-this');
    expect(status(el)).toBe('No entity matches.');
    expect(el.querySelectorAll('.bs-entity-row')).toHaveLength(0);
  }, 30_000);

  it('names each entity’s pack, marks edits, the reader’s own and packs that are off, and which version is shown', async () => {
    const newer: Pack = { ...testPack(1, { id: 'newer/pack', title: 'Newer pack', asOf: '2024-04-01' }), entities: [entity('place/gaza', { kind: 'place', name: 'Gaza City' })] };
    await installPack(db, newer);
    await installPack(db, { ...testPack(1, { id: 'off/pack', title: 'Off pack' }), entities: [entity('topic/off', { kind: 'topic', name: 'Switched off' })] });
    await db.packs.update('off/pack', { enabled: false });
    const schumer = { ...(testPack().entities[1] ?? entity('person/schumer')), role: 'Edited role' };
    await bg.send({ backstory: 1, type: 'saveEntity', payload: { draft: { entity: schumer, isNew: false } } });
    await bg.send({ backstory: 1, type: 'saveEntity', payload: { draft: { entity: entity('user/person/mine', { name: 'Mine' }), isNew: true } } });
    const el = mount();
    await waitFor(() => status(el).startsWith('Showing'));
    expect(rowNames(el)).toEqual(['Benjamin Netanyahu', 'Chuck Schumer', 'Gaza City', 'Mine', 'Switched off']);
    expect(text(row(el, 'place/gaza').querySelector('.bs-entity-row__pack'))).toBe('Newer pack; also in “Test pack” (not shown)');
    expect(text(row(el, 'person/schumer').querySelector('.bs-entity-row__badges'))).toBe('Edited');
    expect(text(row(el, 'user/person/mine').querySelector('.bs-entity-row__badges'))).toBe('Yours');
    expect(text(row(el, 'user/person/mine').querySelector('.bs-entity-row__pack'))).toBe('My entities');
    expect(text(row(el, 'topic/off').querySelector('.bs-entity-row__badges'))).toBe('Pack off');
  });

  it('renders hostile names as text', async () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    await installPack(db, { ...testPack(1, { id: 'evil/pack', title: '<b>Evil</b>' }), entities: [entity('x/evil', { name })] });
    const el = mount();
    await waitFor(() => rowNames(el).includes(name));
    expect(el.querySelector('img, script, b')).toBeNull();
    await openEntity(el, 'x/evil');
    expect(text(el.querySelector('.bs-editor h3'))).toBe(`Edit “${name}”`);
    expect(el.querySelector('img, script, b')).toBeNull();
  });
});

describe('Entities · editor', () => {
  it('edits a pack entity into an edit above the pack, and "Reset to the pack’s version" removes it', async () => {
    const el = mount();
    await openEntity(el, 'person/schumer');
    const heading = el.querySelector('.bs-editor h3');
    expect(text(heading)).toBe('Edit “Chuck Schumer”');
    expect(document.activeElement).toBe(heading);
    expect(field(el, 'Name').value).toBe('Chuck Schumer');
    expect(field<HTMLSelectElement>(el, 'Kind').value).toBe('person');
    expect(field(el, 'Alias 1').value).toBe('Schumer');
    expect(field<HTMLSelectElement>(el, 'Case rule of alias 1').value).toBe('proper');
    expect(field(el, 'Negative phrase 1').value).toBe('Amy Schumer');
    expect(field<HTMLSelectElement>(el, 'Entity of relation 1').value).toBe('person/netanyahu');
    expect(el.querySelector('.bs-editor')?.textContent).not.toContain('Reset to the pack’s version');

    change(field(el, 'Role'), 'Senate Majority Leader (D-NY)');
    act(() => byText(el, 'button', 'Add an alias').click());
    expect(document.activeElement).toBe(field(el, 'Alias 2'));
    change(field(el, 'Alias 2'), 'CS');
    expect(field<HTMLSelectElement>(el, 'Case rule of alias 2').value).toBe('sensitive');
    change(field<HTMLSelectElement>(el, 'Case rule of alias 2'), 'insensitive', 'change');
    act(() => byText(el, 'button', 'Add a negative phrase').click());
    change(field(el, 'Negative phrase 2'), 'Schumer Street');
    submit(el);
    await waitFor(() => /Saved your edit/.test(text(el.querySelector('.bs-editor .bs-notice'))));
    const edit = await db.edits.get('person/schumer');
    expect(edit?.entity.role).toBe('Senate Majority Leader (D-NY)');
    expect(edit?.entity.aliases).toEqual([
      { text: 'Schumer', case: 'proper' },
      { text: 'CS', case: 'insensitive' },
    ]);
    expect(edit?.entity.negative).toEqual(['Amy Schumer', 'Schumer Street']);
    expect((await db.packEntities.get(['test/pack', 'person/schumer']))?.role).toBe('Senate Majority Leader');
    expect(calls()).toEqual(['saveEntity']);

    act(() => byText(el, 'button', 'Reset to the pack’s version').click());
    await waitFor(() => /Reset to the pack’s version/.test(text(el.querySelector('.bs-editor .bs-notice'))));
    expect(await db.edits.get('person/schumer')).toBeUndefined();
    expect(field(el, 'Role').value).toBe('Senate Majority Leader');
    expect(el.querySelectorAll('[id^="bs-ed-alias-"]:not([id*="case"])')).toHaveLength(1);
    expect(calls()).toEqual(['saveEntity', 'resetEntity']);

    act(() => byText(el, 'button', 'Back to the list').click());
    await waitFor(() => el.querySelector('.bs-entity-row'));
    expect(document.activeElement).toBe(row(el, 'person/schumer').querySelector('.bs-entity-row__open'));
    expect(text(row(el, 'person/schumer').querySelector('.bs-entity-row__badges'))).toBe('');
  });

  it('checks the form before sending: every problem listed in an alert, nothing sent', async () => {
    const el = mount();
    await openEntity(el, 'person/netanyahu');
    change(field(el, 'Name'), '   ');
    change(field(el, 'Alias 1'), '');
    submit(el);
    const alert = await waitFor(() => el.querySelector('.bs-editor [role="alert"]'));
    const lines = [...alert.querySelectorAll('li')].map((li) => text(li));
    expect(lines).toEqual([
      'Name: must not be empty.',
      'Alias 1: must not be empty.',
      'Relation 2: “place/nowhere” is not in any installed pack; remove the relation or choose another entity.',
    ]);
    expect(field(el, 'Name').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => document.activeElement === alert);
    expect(calls()).toEqual([]);
  });

  it('shows the background’s refusal in an alert', async () => {
    const refusing: Transport = (message: Envelope) =>
      message.type === 'saveEntity' ? Promise.resolve({ ok: false, error: 'saveEntity: "My entities" is full (5000 entities)' }) : bg.send(message);
    const el = mount(refusing);
    await waitFor(() => el.querySelector('.bs-entity-add'));
    act(() => byText(el, 'button', 'Add an entity').click());
    change(field(el, 'Name'), 'Mark Warner');
    change(field(el, 'Alias 1'), 'Warner');
    submit(el);
    const alert = await waitFor(() => el.querySelector('.bs-editor [role="alert"]'));
    expect(text(alert.querySelector('p'))).toBe('Not saved.');
    expect(text(alert.querySelector('.bs-error__detail'))).toBe('"My entities" is full (5000 entities)');
  });

  it('adds a new entity to My entities, with a relation chosen by name and a negative phrase', async () => {
    const el = mount();
    await waitFor(() => status(el).startsWith('Showing'));
    act(() => byText(el, 'button', 'Add an entity').click());
    const heading = el.querySelector('.bs-editor h3');
    expect(text(heading)).toBe('Add an entity');
    expect(document.activeElement).toBe(heading);
    change(field(el, 'Name'), 'Mark Warner');
    change(field<HTMLSelectElement>(el, 'Kind'), 'person', 'change');
    change(field(el, 'Alias 1'), 'Warner');
    expect(field<HTMLSelectElement>(el, 'Case rule of alias 1').value).toBe('proper');
    change(field(el, 'Role'), 'US senator from Virginia');
    change(field<HTMLTextAreaElement>(el, 'Summary'), 'Chairs the Senate Intelligence Committee.');
    act(() => byText(el, 'button', 'Add a relation').click());
    change(field<HTMLSelectElement>(el, 'Type of relation 1'), 'ally-of', 'change');
    change(field(el, 'Find the entity of relation 1'), 'schu');
    const target = field<HTMLSelectElement>(el, 'Entity of relation 1');
    expect([...target.options].map((o) => o.value)).toEqual(['', 'person/schumer']);
    change(target, 'person/schumer', 'change');
    change(field(el, 'Wording of relation 1 (optional)'), 'a fellow Democrat');
    act(() => byText(el, 'button', 'Add a negative phrase').click());
    change(field(el, 'Negative phrase 1'), 'Warner Bros');
    submit(el);
    await waitFor(() => /Added “Mark Warner” to My entities/.test(text(el.querySelector('.bs-editor .bs-notice'))));
    const saved = await db.packEntities.get([USER_PACK_ID, 'user/person/mark-warner']);
    expect(saved?.aliases).toEqual([{ text: 'Warner', case: 'proper' }]);
    expect(saved?.relations).toEqual([{ type: 'ally-of', target: 'person/schumer', label: 'a fellow Democrat' }]);
    expect(saved?.negative).toEqual(['Warner Bros']);
    expect(saved?.summary).toBe('Chairs the Senate Intelligence Committee.');
    expect(text(el.querySelector('.bs-editor h3'))).toBe('Edit “Mark Warner”');
    expect(byText(el, '.bs-editor button', 'Delete')).toBeTruthy();
  });

  it('deletes one of the reader’s own entities after asking', async () => {
    await bg.send({ backstory: 1, type: 'saveEntity', payload: { draft: { entity: entity('user/person/mine', { name: 'Mine' }), isNew: true } } });
    bg.calls.length = 0;
    const el = mount();
    await openEntity(el, 'user/person/mine');
    expect(el.querySelector('.bs-editor')?.textContent).not.toContain('Reset to the pack’s version');
    act(() => byText(el, '.bs-editor button', 'Delete…').click());
    expect(text(el.querySelector('.bs-editor .bs-confirm'))).toContain('Delete “Mine” from My entities? Your notes on it are kept');
    expect(document.activeElement).toBe(byText(el, '.bs-confirm button', 'Cancel'));
    expect(calls()).toEqual([]);
    act(() => byText(el, '.bs-confirm button', 'Delete entity').click());
    await waitFor(() => !el.querySelector('.bs-editor'));
    await waitFor(() => !rowNames(el).includes('Mine'));
    expect(text(el.querySelector('.bs-notice'))).toBe('Deleted “Mine” from My entities.');
    expect(document.activeElement).toBe(el.querySelector('#bs-ent-q'));
    expect(await db.packEntities.get([USER_PACK_ID, 'user/person/mine'])).toBeUndefined();
    expect(calls()).toEqual(['deleteEntity']);
  });

  it('passes axe-core with the editor open', async () => {
    const el = mount();
    await openEntity(el, 'person/schumer');
    act(() => byText(el, 'button', 'Add a relation').click());
    change(field(el, 'Find the entity of relation 2'), 'gaz');
    expect(el.querySelectorAll('h2')).toHaveLength(1);
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });
});
