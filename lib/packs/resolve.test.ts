import { describe, expect, it } from 'vitest';
import type { Entity, EntityEdit, InstalledPack } from '../model';
import { USER_PACK_ID } from '../model';
import { entity } from '../db/testing';
import { precedence, resolvePacks, type PackSource } from './resolve';

function pack(id: string, asOf: string, extra: Partial<InstalledPack> = {}): InstalledPack {
  return { format: 1, id, title: `Pack ${id}`, version: 1, asOf, sources: [], origin: 'imported', enabled: true, order: 0, installedAt: 1, ...extra };
}

function source(packs: [InstalledPack, Entity[]][], edits: EntityEdit[] = []): PackSource {
  return {
    packs: packs.map(([p]) => p),
    entities: Object.fromEntries(packs.map(([p, es]) => [p.id, es])),
    edits: Object.fromEntries(edits.map((e) => [e.id, e])),
  };
}

const biden = (name = 'Joe Biden') => entity('person/joe-biden', { name, aliases: [{ text: 'Biden', case: 'proper' }, { text: name, case: 'proper' }] });
const hunter = entity('person/hunter-biden', { name: 'Hunter Biden', aliases: [{ text: 'Biden', case: 'proper' }, { text: 'Hunter Biden', case: 'proper' }] });
const whiteHouseOrg = entity('org/white-house', { kind: 'organisation', name: 'White House', aliases: [{ text: 'White House', case: 'proper' }] });
const whiteHousePlace = entity('place/white-house', { kind: 'place', name: 'The White House', aliases: [{ text: 'white house', case: 'insensitive' }] });

describe('precedence', () => {
  it('puts the reader\'s pack first, then the newest asOf, then the reader\'s order, then the id; disabled packs take no part', () => {
    const packs = [
      pack('old', '2020-01-01'),
      pack('new-b', '2024-05-01', { order: 2 }),
      pack('new-a', '2024-05-01', { order: 1 }),
      pack(USER_PACK_ID, '2000-01-01', { origin: 'user' }),
      pack('off', '2030-01-01', { enabled: false }),
    ];
    expect(precedence(packs).map((p) => p.id)).toEqual([USER_PACK_ID, 'new-a', 'new-b', 'old']);
  });
});

describe('resolvePacks', () => {
  it('gives a shared alias to the entity of the newest pack and lists the loser as "Also"', () => {
    const r = resolvePacks(source([
      [pack('older', '2023-01-01'), [biden()]],
      [pack('newer', '2024-06-01'), [hunter]],
    ]));
    expect(r.conflicts).toEqual([
      {
        alias: 'Biden',
        winner: { entityId: 'person/hunter-biden', name: 'Hunter Biden', kind: 'person', packId: 'newer', packTitle: 'Pack newer' },
        losers: [{ entityId: 'person/joe-biden', name: 'Joe Biden', kind: 'person', packId: 'older', packTitle: 'Pack older' }],
        sameEntity: false,
      },
    ]);
    expect(r.also.get('person/hunter-biden')?.map((s) => s.entityId)).toEqual(['person/joe-biden']);
    // The loser keeps its other aliases in the matcher; the card still shows them all.
    expect(r.matcherEntities.find((e) => e.id === 'person/joe-biden')?.aliases.map((a) => a.text)).toEqual(['Joe Biden']);
    expect(r.byId.get('person/joe-biden')?.entity.aliases).toHaveLength(2);
  });

  it('compares aliases as the matcher does (case and spacing folded), across kinds', () => {
    const r = resolvePacks(source([
      [pack('a', '2024-01-01'), [whiteHouseOrg]],
      [pack('b', '2023-01-01'), [whiteHousePlace]],
    ]));
    expect(r.conflicts.map((c) => [c.alias, c.winner.entityId, c.losers.map((l) => l.entityId)])).toEqual([
      ['white house', 'org/white-house', ['place/white-house']],
    ]);
    // Left with no alias, the loser is not matched at all (but still known, for its card and notes).
    expect(r.matcherEntities.map((e) => e.id)).toEqual(['org/white-house']);
    expect(r.byId.has('place/white-house')).toBe(true);
  });

  it('ties on asOf go to the reader\'s order, and the reader\'s own entities beat every pack', () => {
    const first = resolvePacks(source([
      [pack('x', '2024-01-01', { order: 1 }), [whiteHouseOrg]],
      [pack('y', '2024-01-01', { order: 0 }), [whiteHousePlace]],
    ]));
    expect(first.conflicts[0]?.winner.packId).toBe('y');
    const mine = entity('user/person/joe', { name: 'Joe', aliases: [{ text: 'White House', case: 'proper' }] });
    const withUser = resolvePacks(source([
      [pack('x', '2025-01-01'), [whiteHouseOrg]],
      [pack(USER_PACK_ID, '2000-01-01', { origin: 'user' }), [mine]],
    ]));
    expect(withUser.conflicts[0]?.winner.entityId).toBe('user/person/joe');
  });

  it('uses one version of an entity two packs share (the newer), and the reader\'s edit above any', () => {
    const packs: [InstalledPack, Entity[]][] = [
      [pack('old', '2023-01-01'), [biden('Joseph Biden')]],
      [pack('new', '2024-06-01'), [biden('Joe Biden')]],
    ];
    const r = resolvePacks(source(packs));
    expect(r.entities.map((e) => [e.entity.name, e.packId])).toEqual([['Joe Biden', 'new']]);
    expect(r.conflicts).toMatchObject([{ sameEntity: true, winner: { packId: 'new' }, losers: [{ packId: 'old' }] }]);
    const edit: EntityEdit = { id: 'person/joe-biden', entity: biden('President Biden'), basePackId: 'old', baseVersion: 1, editedAt: 1 };
    const edited = resolvePacks(source(packs, [edit]));
    expect(edited.byId.get('person/joe-biden')).toMatchObject({ edited: true, entity: { name: 'President Biden' } });
  });

  it('ignores disabled packs and edits of entities no enabled pack has', () => {
    const edit: EntityEdit = { id: 'person/joe-biden', entity: biden('Edited'), basePackId: 'off', baseVersion: 1, editedAt: 1 };
    const r = resolvePacks(source([[pack('off', '2024-01-01', { enabled: false }), [biden()]]], [edit]));
    expect(r.entities).toEqual([]);
    expect(r.matcherEntities).toEqual([]);
  });

  it('stays linear: 5,000 entities with 10 aliases each resolve in well under a second', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      entity(`person/p${i}`, { aliases: Array.from({ length: 10 }, (_, j) => ({ text: `Name${i} Alias${j}`, case: 'proper' as const })) }),
    );
    const r = resolvePacks(source([[pack('big', '2024-01-01'), many], [pack('copy', '2023-01-01'), many.slice(0, 100)]]));
    expect(r.entities).toHaveLength(5_000);
    expect(r.conflicts.filter((c) => c.sameEntity)).toHaveLength(100);
  });
});
