import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EntityEdit } from '../model';
import { USER_PACK_ID } from '../model';
import { installPack, readPack, sourceRevision } from '../db/packs-repo';
import { entity, openTestDB, testPack } from '../db/testing';
import { saveEntity, trackName } from '../packs/user-layer';
import { BackupError, exportBackup, importBackup } from './index';
import { backupJson, note } from './testing';
import { parseUserLayer } from './user-layer';

const NOW = Date.UTC(2024, 2, 18, 12, 0, 0);
const PAGE = { url: 'https://news.example/warner', title: 'Warner on AI' };

/** A database with the test pack, one tracked name, one entity added by hand and one correction. */
async function readerDb() {
  const db = openTestDB();
  await installPack(db, testPack(1), NOW, 'imported');
  await trackName(db, { name: 'Mark Warner', kind: 'person', aliases: ['Senator Warner'], role: 'Senator', context: 'Mark Warner said so.', page: PAGE }, NOW);
  await saveEntity(db, entity('user/organisation/acme', { kind: 'organisation', name: 'Acme Corp' }), true, NOW);
  await saveEntity(db, entity('place/gaza', { kind: 'place', name: 'Gaza Strip', summary: 'The reader’s summary.' }), false, NOW + 1000);
  return db;
}

describe('backup of the user layer', () => {
  it('exports "My entities" with the pages it cites, and every correction', async () => {
    const backup = await exportBackup(await readerDb(), NOW);
    expect(backup.userPack?.id).toBe(USER_PACK_ID);
    expect(backup.userPack?.entities.map((e) => e.name).sort()).toEqual(['Acme Corp', 'Mark Warner']);
    expect(backup.userPack?.sources.map((s) => s.url)).toEqual([PAGE.url]);
    expect(backup.entityEdits?.map((e) => [e.id, e.entity.name])).toEqual([['place/gaza', 'Gaza Strip']]);
    expect(backup.userEntities).toEqual([]);
  });

  it('leaves both fields out when the reader has neither', async () => {
    const db = openTestDB();
    await installPack(db, testPack(1), NOW, 'imported');
    const backup = await exportBackup(db, NOW);
    expect(backup).not.toHaveProperty('userPack');
    expect(backup).not.toHaveProperty('entityEdits');
  });

  it('restores them on another browser: entities, sources, corrections, and the matcher sees them', async () => {
    const json = JSON.stringify(await exportBackup(await readerDb(), NOW));
    const target = openTestDB();
    await installPack(target, testPack(1), NOW, 'imported');
    const before = await sourceRevision(target);
    const summary = await importBackup(target, json, NOW + 5000);
    expect(summary.userLayer).toEqual({ entitiesAdded: 2, entitiesSame: 0, entitiesKept: 0, editsAdded: 1, editsUpdated: 0, editsSkipped: 0 });
    expect(await sourceRevision(target)).toBeGreaterThan(before);
    const mine = await readPack(target, USER_PACK_ID);
    expect(mine?.entities.map((e) => e.name).sort()).toEqual(['Acme Corp', 'Mark Warner']);
    const warner = mine?.entities.find((e) => e.name === 'Mark Warner');
    expect(warner?.contexts[0]?.sourceId).toBe(mine?.sources[0]?.id);
    expect((await target.edits.get('place/gaza'))?.entity.name).toBe('Gaza Strip');
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const json = JSON.stringify(await exportBackup(await readerDb(), NOW));
    const target = openTestDB();
    await importBackup(target, json, NOW);
    const revision = await sourceRevision(target);
    const again = await importBackup(target, json, NOW + 1);
    expect(again.userLayer).toEqual({ entitiesAdded: 0, entitiesSame: 2, entitiesKept: 0, editsAdded: 0, editsUpdated: 0, editsSkipped: 1 });
    expect(await sourceRevision(target)).toBe(revision);
  });

  it('never replaces an entity of the reader that differs; a newer correction wins, an older one does not', async () => {
    const source = await readerDb();
    const json = JSON.stringify(await exportBackup(source, NOW));
    const target = await readerDb();
    await saveEntity(target, entity('user/organisation/acme', { kind: 'organisation', name: 'Acme Corporation' }), false, NOW + 2000);
    const summary = await importBackup(target, json, NOW + 3000);
    expect(summary.userLayer).toMatchObject({ entitiesAdded: 0, entitiesSame: 1, entitiesKept: 1, editsSkipped: 1 });
    expect((await readPack(target, USER_PACK_ID))?.entities.find((e) => e.id === 'user/organisation/acme')?.name).toBe('Acme Corporation');

    const newer: EntityEdit = { id: 'place/gaza', entity: entity('place/gaza', { kind: 'place', name: 'Gaza (newer)' }), basePackId: 'test/pack', baseVersion: 1, editedAt: NOW + 10_000 };
    const older: EntityEdit = { ...newer, entity: entity('place/gaza', { kind: 'place', name: 'Gaza (older)' }), editedAt: NOW - 10_000 };
    expect((await importBackup(target, backupJson([], { entityEdits: [older] }), NOW)).userLayer?.editsSkipped).toBe(1);
    expect((await target.edits.get('place/gaza'))?.entity.name).toBe('Gaza Strip');
    expect((await importBackup(target, backupJson([], { entityEdits: [newer] }), NOW)).userLayer?.editsUpdated).toBe(1);
    expect((await target.edits.get('place/gaza'))?.entity.name).toBe('Gaza (newer)');
  });

  it('renames an incoming source whose id another page already holds here, and its contexts follow', async () => {
    const json = JSON.stringify(await exportBackup(await readerDb(), NOW));
    const target = openTestDB();
    await trackName(target, { name: 'Other Person', kind: 'person', aliases: [], role: '', context: 'Other Person spoke.', page: { url: 'https://news.example/other', title: 'Other' } }, NOW);
    await importBackup(target, json, NOW);
    const mine = await readPack(target, USER_PACK_ID);
    expect(mine?.sources).toHaveLength(2);
    expect(new Set(mine?.sources.map((s) => s.id)).size).toBe(2);
    const warner = mine?.entities.find((e) => e.name === 'Mark Warner');
    const cited = mine?.sources.find((s) => s.id === warner?.contexts[0]?.sourceId);
    expect(cited?.url).toBe(PAGE.url);
  });

  it('a broken entity or correction refuses the whole file, with its path, and writes nothing', async () => {
    const backup = await exportBackup(await readerDb(), NOW);
    const pack = backup.userPack;
    if (!pack) throw new Error('no user pack');
    const broken = { ...backup, notes: [note('n-1')], userPack: { ...pack, entities: [{ ...pack.entities[0], aliases: [{ text: '', case: 'proper' }] }] } };
    const target = openTestDB();
    const error = await importBackup(target, JSON.stringify(broken), NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).problems.some((p) => p.startsWith('userPack.entities[0].aliases[0].text'))).toBe(true);
    expect(await target.notes.count()).toBe(0);
    expect(await target.packEntities.count()).toBe(0);

    const badEdit = { id: 'place/gaza', entity: { id: 'place/other' }, basePackId: '', baseVersion: 0, editedAt: 'soon' };
    const edits = await importBackup(target, backupJson([note('n-1')], { entityEdits: [badEdit] }), NOW).catch((e: unknown) => e);
    expect(edits).toBeInstanceOf(BackupError);
    const lines = (edits as BackupError).problems;
    for (const field of ['entityEdits[0].entity.', 'entityEdits[0].basePackId', 'entityEdits[0].baseVersion', 'entityEdits[0].editedAt']) {
      expect(lines.some((l) => l.startsWith(field))).toBe(true);
    }
    expect(await target.notes.count()).toBe(0);
  });
});

describe('parseUserLayer', () => {
  it('accepts neither field', () => {
    expect(parseUserLayer(undefined, undefined)).toEqual({ entityEdits: [], problems: [] });
  });

  it('refuses a pack that is not "My entities", a correction whose id is not its entity’s, and duplicates', () => {
    const edit = { id: 'place/gaza', entity: entity('place/gaza'), basePackId: 'test/pack', baseVersion: 1, editedAt: 1 };
    const other = testPack(1, { entities: [entity('place/gaza', { kind: 'place', name: 'Gaza' })] });
    const { problems } = parseUserLayer(other, [edit, edit, { ...edit, id: 'place/elsewhere' }, 'nope']);
    expect(problems).toEqual([
      `userPack.id: must be "${USER_PACK_ID}", got "test/pack"`,
      'entityEdits[1].id: duplicate correction of "place/gaza"',
      'entityEdits[2].id: "place/elsewhere" is not the id of its entity ("place/gaza")',
      'entityEdits[3]: expected an object',
    ]);
  });

  it('lets "My entities" relate to entities of other packs, never to itself', () => {
    const mine = (target: string) => ({ ...testPack(1), id: USER_PACK_ID, entities: [entity('user/person/x', { relations: [{ type: 'related-to', target }] })] });
    expect(parseUserLayer(mine('person/schumer'), undefined).problems).toEqual([]);
    expect(parseUserLayer(mine('user/person/x'), undefined).problems).toEqual(['userPack.entities[0].relations[0].target: an entity cannot relate to itself ("user/person/x")']);
  });

  it('refuses a hostile pack with every error line', () => {
    const { problems } = parseUserLayer({ ...testPack(1), id: USER_PACK_ID, entities: [{ id: 'x' }] }, 'edits');
    expect(problems.some((p) => p.startsWith('userPack.entities[0]'))).toBe(true);
    expect(problems).toContain('entityEdits: expected an array');
  });
});
