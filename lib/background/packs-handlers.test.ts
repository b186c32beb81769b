import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../model';
import { USER_PACK_ID } from '../model';
import type { SenderInfo, Trust } from '../messaging';
import type { BackstoryDB } from '../db/schema';
import { noteRow } from '../db/schema';
import { entity, openTestDB, testNote, testPack } from '../db/testing';
import { installPack, sourceRevision } from '../db/packs-repo';
import { createMatcherCache } from './matcher-cache';
import { createPackHandlers, packFilename, type PackHandlers } from './packs-handlers';

const ext: SenderInfo & { trust: Trust } = { id: 'x', url: 'chrome-extension://x/options.html', trust: 'extension' };
const page: SenderInfo & { trust: Trust } = { id: 'x', url: 'https://news.example/story', tab: { id: 3 }, trust: 'page' };

let db: BackstoryDB;
let handlers: PackHandlers;
let changes: number;
let clock: number;
beforeEach(() => {
  db = openTestDB();
  changes = 0;
  clock = Date.UTC(2026, 11, 3);
  handlers = createPackHandlers(db, createMatcherCache(db), () => Promise.resolve(), {
    now: () => clock,
    onChange: async () => {
      changes++;
    },
  });
});
afterEach(() => db.close());

const second = (version = 1, extra: Partial<Pack> = {}): Pack =>
  testPack(version, {
    id: 'second/pack',
    title: 'Second story',
    asOf: '2025-01-10',
    entities: [
      entity('person/mark-warner', { name: 'Mark Warner', aliases: [{ text: 'Warner', case: 'proper' }, { text: 'Senator Warner', case: 'proper' }] }),
      entity('person/other-netanyahu', { name: 'Other Netanyahu', aliases: [{ text: 'Netanyahu', case: 'proper' }] }),
    ],
    ...extra,
  });
const json = (p: unknown) => JSON.stringify(p);

describe('importPack', () => {
  it('installs a valid pack, signals the change and resolves conflicts by the newest asOf', async () => {
    await installPack(db, testPack(1));
    const result = await handlers.importPack({ json: json(second()) }, ext);
    expect(result).toMatchObject({ status: 'installed', pack: { id: 'second/pack', origin: 'imported', enabled: true }, editsKept: 0 });
    expect(changes).toBe(1);
    const conflicts = await handlers.packConflicts({}, ext);
    expect(conflicts.map((c) => [c.alias, c.winner.entityId, c.losers.map((l) => l.entityId)])).toEqual([
      ['Netanyahu', 'person/other-netanyahu', ['person/netanyahu']],
    ]);
    const card = await handlers.getCard({ entityId: 'person/other-netanyahu' }, page);
    expect(card.also).toEqual([{ entityId: 'person/netanyahu', name: 'Benjamin Netanyahu', kind: 'person', packId: 'test/pack', packTitle: 'Test pack' }]);
  });

  it('refuses broken input with every error line and changes nothing', async () => {
    await installPack(db, testPack(1));
    const revision = await sourceRevision(db);
    const broken = second();
    const aliases = broken.entities[0]?.aliases;
    if (aliases) aliases[1] = { text: '', case: 'proper' };
    const result = await handlers.importPack({ json: json({ ...broken, asOf: '2025-13-01' }) }, ext);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.errors).toEqual(expect.arrayContaining(['entities[0].aliases[1].text: must not be empty', 'asOf: not a real date: "2025-13-01"']));
    expect(await handlers.importPack({ json: '{ nope' }, ext)).toMatchObject({ status: 'invalid', errors: [expect.stringMatching(/^pack: not valid JSON/)] });
    expect(await sourceRevision(db)).toBe(revision);
    expect(changes).toBe(0);
    expect(await db.packs.count()).toBe(1);
  });

  it('asks before replacing with the same or a lower version, and replaces a higher one keeping edits and notes', async () => {
    await handlers.importPack({ json: json(second(2)) }, ext);
    expect(await handlers.importPack({ json: json(second(2)) }, ext)).toMatchObject({ status: 'confirm', reason: 'same-version', installed: { version: 2 } });
    expect(await handlers.importPack({ json: json(second(1)) }, ext)).toMatchObject({ status: 'confirm', reason: 'older-version' });
    const warner = (await handlers.getCard({ entityId: 'person/mark-warner' }, ext)).entity;
    await handlers.saveEntity({ draft: { entity: { ...warner, role: 'Vice-chair of the intelligence committee' }, isNew: false } }, ext);
    await db.notes.put(noteRow(testNote('n1', { target: { type: 'entity', entityId: 'person/mark-warner' } })));
    const updated = await handlers.importPack({ json: json(second(3)) }, ext);
    expect(updated).toMatchObject({ status: 'installed', replaced: 2, editsKept: 1 });
    const card = await handlers.getCard({ entityId: 'person/mark-warner' }, ext);
    expect(card).toMatchObject({ edited: true, entity: { role: 'Vice-chair of the intelligence committee' }, pack: { version: 3 } });
    expect(await db.notes.count()).toBe(1);
    expect(await handlers.importPack({ json: json(second(1)), replace: true }, ext)).toMatchObject({ status: 'installed', replaced: 3 });
  });
});

describe('the reader\'s packs', () => {
  it('disables a pack (its entities leave the matcher), removes one keeping its notes, exports the file format', async () => {
    await installPack(db, testPack(1));
    await handlers.importPack({ json: json(second()) }, ext);
    await handlers.setPackEnabled({ packId: 'second/pack', enabled: false }, ext);
    await expect(handlers.getCard({ entityId: 'person/mark-warner' }, ext)).rejects.toThrow('no entity');
    expect(await handlers.packConflicts({}, ext)).toEqual([]);
    const exported = await handlers.exportPack({ packId: 'second/pack' }, ext);
    expect(exported.filename).toBe('second-pack-v1.backstory-pack.json');
    expect(JSON.parse(exported.json)).toEqual({ ...second(), entities: [...second().entities].sort((a, b) => a.id.localeCompare(b.id)) });
    expect(exported.json).toContain('\n  "id": "second/pack"');
    await db.notes.put(noteRow(testNote('n1', { target: { type: 'entity', entityId: 'person/mark-warner' } })));
    expect(await handlers.removePack({ packId: 'second/pack' }, ext)).toEqual({ removed: 'second/pack', notesKept: 1 });
    expect(await db.notes.count()).toBe(1);
    await expect(handlers.removePack({ packId: 'second/pack' }, ext)).rejects.toThrow('no pack');
  });

  it('orders packs: the reader\'s order breaks asOf ties', async () => {
    await handlers.importPack({ json: json(second(1, { asOf: '2024-03-18' })) }, ext);
    await installPack(db, testPack(1), 1);
    expect((await handlers.packConflicts({}, ext))[0]?.winner.packId).toBe('second/pack');
    await handlers.setPackOrder({ packIds: ['test/pack', 'second/pack'] }, ext);
    expect((await handlers.packConflicts({}, ext))[0]?.winner.packId).toBe('test/pack');
  });
});

describe('entities', () => {
  it('adds an entity to My entities, edits it in place, deletes it', async () => {
    await installPack(db, testPack(1));
    const mine = entity('user/person/ada', { name: 'Ada Lovelace', aliases: [{ text: 'Lovelace', case: 'proper' }], relations: [{ type: 'related-to', target: 'person/schumer' }] });
    expect(await handlers.saveEntity({ draft: { entity: mine, isNew: true } }, ext)).toMatchObject({ packId: USER_PACK_ID, edited: false });
    await expect(handlers.saveEntity({ draft: { entity: mine, isNew: true } }, ext)).rejects.toThrow('already exists');
    await handlers.saveEntity({ draft: { entity: { ...mine, role: 'Mathematician' }, isNew: false } }, ext);
    expect((await handlers.getCard({ entityId: mine.id }, ext)).entity.role).toBe('Mathematician');
    expect((await db.packs.get(USER_PACK_ID))?.origin).toBe('user');
    await expect(handlers.saveEntity({ draft: { entity: { ...mine, id: 'user/x', relations: [{ type: 'related-to', target: 'nobody/here' }] }, isNew: true } }, ext)).rejects.toThrow('not an installed entity');
    expect(await handlers.deleteEntity({ entityId: mine.id }, ext)).toEqual({ deleted: true });
    expect(await handlers.deleteEntity({ entityId: 'person/schumer' }, ext)).toEqual({ deleted: false });
  });

  it('edits a pack entity above the pack, and resets it to the pack\'s version', async () => {
    await installPack(db, testPack(1));
    const schumer = (await handlers.getCard({ entityId: 'person/schumer' }, ext)).entity;
    await handlers.saveEntity({ draft: { entity: { ...schumer, name: 'Charles Schumer' }, isNew: false } }, ext);
    expect((await handlers.getCard({ entityId: 'person/schumer' }, ext)).entity.name).toBe('Charles Schumer');
    expect((await db.packEntities.get(['test/pack', 'person/schumer']))?.name).toBe('Chuck Schumer');
    const reset = await handlers.resetEntity({ entityId: 'person/schumer' }, ext);
    expect(reset).toMatchObject({ edited: false, entity: { name: 'Chuck Schumer' } });
  });

  it('restores an exported "My entities" pack as the reader\'s own', async () => {
    await installPack(db, testPack(1));
    const mine = entity('user/person/ada', { name: 'Ada Lovelace' });
    await handlers.saveEntity({ draft: { entity: mine, isNew: true } }, ext);
    const exported = await handlers.exportPack({ packId: USER_PACK_ID }, ext);
    await handlers.deleteEntity({ entityId: mine.id }, ext);
    const restored = await handlers.importPack({ json: exported.json, replace: true }, ext);
    expect(restored).toMatchObject({ status: 'installed', pack: { id: USER_PACK_ID, origin: 'user' } });
    expect((await handlers.getCard({ entityId: mine.id }, ext)).entity.name).toBe('Ada Lovelace');
  });

  it('tracks a name from a page: its own page as the source, merged when tracked again, rate-limited', async () => {
    await installPack(db, testPack(1));
    const draft = { name: 'Mark Warner', kind: 'person' as const, aliases: ['Senator Warner'], context: 'Senator Mark Warner said so.', pageUrl: 'https://evil.example/', pageTitle: 'A story' };
    const ref = await handlers.trackEntity({ draft }, page);
    expect(ref).toEqual({ id: 'user/person/mark-warner', kind: 'person', name: 'Mark Warner' });
    const card = await handlers.getCard({ entityId: ref.id }, page);
    expect(card.entity.aliases).toEqual([{ text: 'Mark Warner', case: 'proper' }, { text: 'Senator Warner', case: 'proper' }]);
    expect(card.pack.sources).toEqual([{ id: 'page/news-example', title: 'A story', date: '2026-12-03', url: 'https://news.example/story' }]);
    expect(card.entity.contexts).toEqual([{ text: 'Senator Mark Warner said so.', sourceId: 'page/news-example', date: '2026-12-03' }]);
    await handlers.trackEntity({ draft: { ...draft, context: 'Warner again.' } }, page);
    expect((await handlers.getCard({ entityId: ref.id }, page)).entity.contexts).toHaveLength(2);
    for (let i = 0; i < 18; i++) await handlers.trackEntity({ draft: { ...draft, name: `Name ${i}` } }, page);
    await expect(handlers.trackEntity({ draft: { ...draft, name: 'One too many' } }, page)).rejects.toThrow('too many');
    clock += 61_000;
    await expect(handlers.trackEntity({ draft: { ...draft, name: 'Later' } }, page)).resolves.toMatchObject({ name: 'Later' });
    await expect(handlers.trackEntity({ draft }, { ...page, url: 'file:///etc/passwd' })).rejects.toThrow('web page');
  });

  it('names pack files after the pack', () => {
    expect(packFilename('story-2024-03-18', 3)).toBe('story-2024-03-18-v3.backstory-pack.json');
    expect(packFilename('draft/news.example/a b', 1)).toBe('draft-news.example-a-b-v1.backstory-pack.json');
  });
});
