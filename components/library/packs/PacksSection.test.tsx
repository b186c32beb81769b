// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { BackstoryDB } from '../../../lib/db/schema';
import { installPack } from '../../../lib/db/packs-repo';
import { entity, openTestDB } from '../../../lib/db/testing';
import type { Pack } from '../../../lib/model';
import { MAX_PACK_FILE_BYTES } from '../../../lib/messaging-validation';
import { Library } from '../Library';
import { byText, enableLiveQueries, fakeBackground, putNote, textOf as text, waitFor, type FakeBackground } from '../testing';

enableLiveQueries();

let host: HTMLElement | null = null;
let db: BackstoryDB;
let bg: FakeBackground;

/** A pack `parsePack` accepts: Netanyahu, Schumer (relations to each other) and Gaza. */
function pack(version = 1, overrides: Partial<Pack> = {}): Pack {
  return {
    format: 1,
    id: 'test/pack',
    title: 'Test pack',
    version,
    asOf: '2024-03-18',
    sources: [{ id: 'src1', title: 'Source one', date: '2024-03-18' }],
    entities: [
      entity('person/netanyahu', {
        name: 'Benjamin Netanyahu',
        aliases: [
          { text: 'Netanyahu', case: 'proper' },
          { text: 'Bibi', case: 'sensitive' },
        ],
        relations: [{ type: 'criticised-by', target: 'person/schumer' }],
      }),
      entity('person/schumer', { name: 'Chuck Schumer', aliases: [{ text: 'Schumer', case: 'proper' }], relations: [{ type: 'criticised', target: 'person/netanyahu' }] }),
      entity('place/gaza', { kind: 'place', name: 'Gaza' }),
    ],
    ...overrides,
  };
}

/** A second pack of the same date that also claims "Gaza" (a different entity). */
function otherPack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 1,
    id: 'other/pack',
    title: 'Other pack',
    version: 1,
    asOf: '2024-03-18',
    sources: [],
    entities: [entity('place/gaza-strip', { kind: 'place', name: 'Gaza Strip', aliases: [{ text: 'Gaza', case: 'proper' }, { text: 'Gaza Strip', case: 'proper' }] })],
    ...overrides,
  };
}

function mount(hash = '#packs'): HTMLElement {
  window.location.hash = hash;
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Library db={db} send={bg.send} />, host as HTMLElement));
  return host;
}

function chooseFile(input: HTMLInputElement, name: string, content: string, size?: number): void {
  const file = new File([content], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const importInput = (el: HTMLElement) => {
  const input = el.querySelector<HTMLInputElement>('#bs-pack-import');
  if (!input) throw new Error('no import input');
  return input;
};
const status = (el: HTMLElement) => text(el.querySelector('.bs-status'));
const packTitles = (el: HTMLElement) => [...el.querySelectorAll('.bs-pack h3')].map((h) => text(h));
const packItem = (el: HTMLElement, id: string) => {
  const item = [...el.querySelectorAll<HTMLElement>('.bs-pack')].find((li) => li.dataset['packId'] === id);
  if (!item) throw new Error(`no pack ${id}`);
  return item;
};
const calls = () => bg.calls.map((c) => c.type);

beforeEach(async () => {
  db = openTestDB();
  bg = fakeBackground(db);
  await installPack(db, pack(), 1_700_000_000_000, 'shipped');
});

afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = null;
  }
  db.close();
});

describe('Packs · import', () => {
  it('has a labelled "Import a pack" control and installs a new pack, saying what it did', async () => {
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    const input = importInput(el);
    expect(text(el.querySelector(`label[for="${input.id}"]`))).toContain('Import a pack');
    chooseFile(input, 'other.json', JSON.stringify(otherPack()));
    await waitFor(() => status(el) === '2 installed packs');
    await waitFor(() => /Installed/.test(text(el.querySelector('.bs-pack-import__result'))));
    expect(text(el.querySelector('.bs-pack-import__result'))).toBe('Installed “Other pack” v1 (1 entity).');
    expect(el.querySelector('.bs-pack-import__result')?.getAttribute('role')).toBe('status');
    expect((await db.packs.get('other/pack'))?.origin).toBe('imported');
    expect(packTitles(el)).toEqual(['Test pack', 'Other pack']);
    expect(text(packItem(el, 'other/pack').querySelector('.bs-pack__origin'))).toContain('Imported');
    expect(text(packItem(el, 'test/pack').querySelector('.bs-pack__origin'))).toContain('Shipped');
  });

  it('shows every error of an invalid pack in an alert and changes nothing', async () => {
    const broken = pack(2, { asOf: '2024-13-01' });
    const entities = broken.entities.map((e, i) => (i === 1 ? { ...e, aliases: [{ text: '', case: 'proper' as const }] } : e));
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    const before = await db.packs.get('test/pack');
    chooseFile(importInput(el), 'broken.json', JSON.stringify({ ...broken, entities }));
    const alert = await waitFor(() => el.querySelector('.bs-pack-import [role="alert"]'));
    expect(text(alert)).toContain('broken.json is not a valid pack; nothing changed.');
    const lines = [...alert.querySelectorAll('li')].map((li) => text(li));
    expect(lines).toContain('entities[1].aliases[0].text: must not be empty');
    expect(lines.some((l) => l.startsWith('asOf: '))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(await db.packs.get('test/pack')).toEqual(before);
    expect(status(el)).toBe('1 installed pack');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    chooseFile(importInput(el), 'huge.json', '{}', MAX_PACK_FILE_BYTES + 1);
    const alert = await waitFor(() => el.querySelector('.bs-pack-import [role="alert"]'));
    expect(text(alert)).toContain('huge.json was not imported; nothing changed.');
    expect(text(alert)).toContain('a pack file can be at most 32 MB');
    expect(calls()).not.toContain('importPack');
  });

  it('asks before replacing the same version, naming both versions, and replaces only after Replace', async () => {
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    const same = pack(1, { title: 'Test pack (fixed)' });
    chooseFile(importInput(el), 'same.json', JSON.stringify(same));
    const confirm = await waitFor(() => el.querySelector('.bs-pack-import .bs-confirm'));
    expect(text(confirm)).toContain('“Test pack” v1 is already installed, and same.json holds the same version (v1)');
    expect(document.activeElement).toBe(byText(el, '.bs-confirm button', 'Keep v1'));
    expect((await db.packs.get('test/pack'))?.title).toBe('Test pack');

    act(() => byText(el, '.bs-confirm button', 'Replace with v1').click());
    await waitFor(() => /Replaced/.test(text(el.querySelector('.bs-pack-import__result'))));
    expect(text(el.querySelector('.bs-pack-import__result'))).toBe('Replaced “Test pack (fixed)” v1 with the file’s v1 (3 entities).');
    expect((await db.packs.get('test/pack'))?.title).toBe('Test pack (fixed)');
    const imports = bg.calls.filter((c) => c.type === 'importPack').map((c) => (c.payload as { replace?: boolean }).replace);
    expect(imports).toEqual([undefined, true]);
  });

  it('asks before going back to an older version, and Keep changes nothing', async () => {
    await installPack(db, pack(3));
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    chooseFile(importInput(el), 'old.json', JSON.stringify(pack(2)));
    const confirm = await waitFor(() => el.querySelector('.bs-pack-import .bs-confirm'));
    expect(text(confirm)).toContain('“Test pack” v3 is installed; old.json holds the older v2. Replace v3 with v2?');
    act(() => byText(el, '.bs-confirm button', 'Keep v3').click());
    await waitFor(() => !el.querySelector('.bs-pack-import .bs-confirm'));
    expect(text(el.querySelector('.bs-pack-import__result'))).toContain('Nothing was imported');
    expect((await db.packs.get('test/pack'))?.version).toBe(3);
  });

  it('replaces a pack with a higher version at once, keeping the reader’s edits and notes', async () => {
    const edited = { ...entity('person/schumer', { name: 'Chuck Schumer', aliases: [{ text: 'Schumer', case: 'proper' }] }), role: 'My own wording' };
    await bg.send({ backstory: 1, type: 'saveEntity', payload: { draft: { entity: edited, isNew: false } } });
    await putNote(db, { target: { type: 'entity', entityId: 'person/schumer' }, text: 'Keep me' });
    const el = mount();
    // An edit of a pack entity lives in the user layer, not in a pack.
    await waitFor(() => status(el) === '1 installed pack');
    chooseFile(importInput(el), 'v2.json', JSON.stringify(pack(2)));
    await waitFor(() => /Updated/.test(text(el.querySelector('.bs-pack-import__result'))));
    expect(text(el.querySelector('.bs-pack-import__result'))).toBe('Updated “Test pack” from v1 to v2 (3 entities); kept 1 of your edits.');
    expect(el.querySelector('.bs-pack-import .bs-confirm')).toBeNull();
    expect((await db.packs.get('test/pack'))?.version).toBe(2);
    expect((await db.edits.get('person/schumer'))?.entity.role).toBe('My own wording');
    expect(await db.notes.count()).toBe(1);
  });
});

describe('Packs · manage', () => {
  it('turns a pack off and on', async () => {
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    const box = packItem(el, 'test/pack').querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(box?.checked).toBe(true);
    expect(text(box?.closest('label'))).toBe('Enabled: Test pack');
    act(() => box?.click());
    await waitFor(() => /Off: not used/.test(text(packItem(el, 'test/pack'))));
    expect((await db.packs.get('test/pack'))?.enabled).toBe(false);
    expect(text(el.querySelector('.bs-notice'))).toContain('“Test pack” is off');
    act(() => packItem(el, 'test/pack').querySelector<HTMLInputElement>('input[type="checkbox"]')?.click());
    await waitFor(() => /In use: 1st of 1/.test(text(packItem(el, 'test/pack'))));
    expect((await db.packs.get('test/pack'))?.enabled).toBe(true);
    expect(calls()).toEqual(['setPackEnabled', 'setPackEnabled']);
  });

  it('asks before removing a pack, then removes it and says how many notes were kept', async () => {
    await putNote(db, { target: { type: 'entity', entityId: 'person/schumer' }, text: 'On Schumer' });
    await putNote(db, { target: { type: 'entity', entityId: 'place/gaza' }, text: 'On Gaza' });
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
    act(() => byText(packItem(el, 'test/pack'), 'button', 'Remove…').click());
    const confirm = packItem(el, 'test/pack').querySelector('.bs-confirm');
    expect(text(confirm)).toContain('Remove “Test pack” v1? Its 3 entities stop being recognised.');
    expect(text(confirm)).toContain('notes on them are kept');
    expect(document.activeElement).toBe(byText(el, '.bs-confirm button', 'Cancel'));
    expect(await db.packs.count()).toBe(1);
    expect(calls()).toEqual([]);

    act(() => byText(el, '.bs-confirm button', 'Remove pack').click());
    await waitFor(() => status(el) === 'No packs are installed.');
    await waitFor(() => /Removed/.test(text(el.querySelector('.bs-notice'))));
    expect(text(el.querySelector('.bs-notice'))).toBe('Removed “Test pack”. 2 notes on its entities were kept; they show as “entity no longer in any pack”.');
    expect(document.activeElement).toBe(el.querySelector('.bs-notice'));
    expect(await db.notes.count()).toBe(2);

    // The notes library names their entities as gone, and keeps the notes.
    window.location.hash = '#notes';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => el.querySelectorAll('.bs-note').length === 2);
    await waitFor(() => [...el.querySelectorAll('.bs-note-target')].every((t) => text(t).includes('(entity no longer in any pack)')));
  });

  it('exports a pack as its pretty-printed pack file', async () => {
    const el = mount();
    await waitFor(() => status(el) === '1 installed pack');
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
    act(() => byText(packItem(el, 'test/pack'), 'button', 'Export').click());
    await waitFor(() => names.length === 1);
    expect(names).toEqual(['test-pack-v1.backstory-pack.json']);
    const json = await (created[0] as Blob).text();
    expect(json).toContain('\n  "id": "test/pack",');
    expect((JSON.parse(json) as Pack).entities).toHaveLength(3);
    await waitFor(() => text(el.querySelector('.bs-notice')) === 'Saved test-pack-v1.backstory-pack.json.');
  });

  it('states the rule, changes the order with Move up / Move down, and lists who wins each conflict', async () => {
    await installPack(db, otherPack(), 1_700_000_000_000, 'imported');
    const el = mount();
    await waitFor(() => status(el) === '2 installed packs');
    expect(text(el.querySelector('.bs-rule'))).toContain('your own entities (“My entities”) first, then the pack with the newest as-of date');
    await waitFor(() => el.querySelector('.bs-conflict'));
    expect(text(el.querySelector('.bs-conflicts__count'))).toBe('1 conflict between the packs in use');
    expect(text(el.querySelector('.bs-conflict'))).toBe('“Gaza” means Gaza (place, Test pack); not Gaza Strip (place, Other pack).');
    expect(packTitles(el)).toEqual(['Test pack', 'Other pack']);
    const up = byText(packItem(el, 'test/pack'), 'button', 'Move up') as HTMLButtonElement;
    expect(up.disabled).toBe(true);
    expect(text(byText(packItem(el, 'other/pack'), 'button', 'Move up'))).toBe('Move up: Other pack');

    const down = byText(packItem(el, 'test/pack'), 'button', 'Move down');
    act(() => down.focus());
    act(() => down.click());
    await waitFor(() => packTitles(el)[0] === 'Other pack');
    expect(bg.calls.find((c) => c.type === 'setPackOrder')?.payload).toEqual({ packIds: ['other/pack', 'test/pack'] });
    await waitFor(() => /Gaza Strip \(place, Other pack\);/.test(text(el.querySelector('.bs-conflict'))));
    expect(text(el.querySelector('.bs-conflict'))).toBe('“Gaza” means Gaza Strip (place, Other pack); not Gaza (place, Test pack).');
    // Test pack is last now: its Move down is off, so focus went to its Move up.
    await waitFor(() => document.activeElement === byText(packItem(el, 'test/pack'), 'button', 'Move up'));
    expect(text(packItem(el, 'other/pack').querySelector('.bs-pack__origin'))).toContain('In use: 1st of 2');

    // A newer as-of date wins over the order.
    await installPack(db, pack(2, { asOf: '2024-04-01' }));
    await waitFor(() => /means Gaza \(place, Test pack\)/.test(text(el.querySelector('.bs-conflict'))));
  });

  it('folds a long list of conflicts away', async () => {
    const many = Array.from({ length: 12 }, (_, i) => entity(`topic/t${i}`, { kind: 'topic', name: `Topic ${i}` }));
    await installPack(db, { ...otherPack(), id: 'a/pack', title: 'A pack', entities: many });
    await installPack(db, { ...otherPack(), id: 'b/pack', title: 'B pack', entities: many.map((e) => ({ ...e, id: `${e.id}-b` })) });
    const el = mount();
    await waitFor(() => el.querySelector('.bs-conflict'));
    expect(text(el.querySelector('.bs-conflicts__count'))).toBe('12 conflicts between the packs in use');
    const details = el.querySelector('.bs-conflicts details');
    expect(text(details?.querySelector('summary'))).toBe('Show 4 more conflicts');
    expect(details?.querySelectorAll('.bs-conflict')).toHaveLength(4);
  });

  it('keeps “My entities” first, unmovable, and warns that removing it deletes the reader’s entities', async () => {
    const mine = entity('user/person/mark-warner', { name: 'Mark Warner', aliases: [{ text: 'Warner', case: 'proper' }] });
    await bg.send({ backstory: 1, type: 'saveEntity', payload: { draft: { entity: mine, isNew: true } } });
    const el = mount();
    await waitFor(() => status(el) === '2 installed packs');
    expect(packTitles(el)).toEqual(['My entities', 'Test pack']);
    const own = packItem(el, 'backstory/my-entities');
    expect(text(own.querySelector('.bs-pack__origin'))).toContain('My entities');
    expect(own.querySelector('.bs-move-up')).toBeNull();
    expect((packItem(el, 'test/pack').querySelector('.bs-move-up') as HTMLButtonElement).disabled).toBe(true);
    act(() => byText(own, 'button', 'Remove…').click());
    expect(text(own.querySelector('.bs-confirm'))).toContain('This deletes the 1 entity you added yourself');
    expect(byText(own, '.bs-confirm button', 'Delete my entities')).toBeTruthy();
  });

  it('passes axe-core with two packs, a conflict and a question open', async () => {
    await installPack(db, otherPack(), 1_700_000_000_000, 'imported');
    const el = mount();
    await waitFor(() => el.querySelector('.bs-conflict'));
    act(() => byText(packItem(el, 'other/pack'), 'button', 'Remove…').click());
    expect(el.querySelectorAll('h2')).toHaveLength(1);
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });
});
