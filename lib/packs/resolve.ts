/**
 * The pack-source layer's one rule, pure: from every installed pack (shipped, imported,
 * drafted, the reader's own) and the reader's edits, which entities are active, which
 * version of each is shown, and who keeps an alias two packs both claim.
 *
 * Precedence (first wins): the reader's own pack ("My entities"), then the pack with the
 * newest `asOf`, ties broken by the reader's pack order, then by pack id. A disabled pack
 * takes no part. For an entity id found in several packs, the first pack's version is used
 * (the reader's edit, when there is one, replaces it); for an alias claimed by entities of
 * different ids, the first entity keeps it and the others lose it (they stay findable by
 * their other aliases, and the winner's card lists them as "Also: …").
 */
import type { AliasConflict, ConflictSide, Entity, EntityEdit, InstalledPack, ResolvedEntity } from '../model';
import { normaliseKey } from '../matcher/normalise';

/** Everything installed, as the pack-source layer reads it. */
export interface PackSource {
  packs: readonly InstalledPack[];
  /** Each pack's own entities (as shipped or imported, without edits), by pack id. */
  entities: Readonly<Record<string, readonly Entity[]>>;
  /** The reader's corrections, by entity id. */
  edits: Readonly<Record<string, EntityEdit>>;
}

export interface Resolution {
  /** Active entities, one per id, in precedence order, as the card shows them. */
  entities: ResolvedEntity[];
  byId: ReadonlyMap<string, ResolvedEntity>;
  /**
   * What the matcher compiles: the active entities without the aliases they lost to an
   * entity of higher precedence (an entity left with none is not matched at all).
   */
  matcherEntities: Entity[];
  conflicts: AliasConflict[];
  /** The losers shown as "Also: …" on each winner's card, by winner id. */
  also: ReadonlyMap<string, ConflictSide[]>;
}

/** The packs that take part, first first. */
export function precedence(packs: readonly InstalledPack[]): InstalledPack[] {
  return packs
    .filter((p) => p.enabled)
    .sort(
      (a, b) =>
        Number(b.origin === 'user') - Number(a.origin === 'user') ||
        (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0) ||
        a.order - b.order ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

function side(entity: Entity, pack: InstalledPack): ConflictSide {
  return { entityId: entity.id, name: entity.name, kind: entity.kind, packId: pack.id, packTitle: pack.title };
}

/** Resolve `source` (see the module comment). Linear in the number of aliases. */
export function resolvePacks(source: PackSource): Resolution {
  const ordered = precedence(source.packs);
  const packById = new Map(ordered.map((p) => [p.id, p]));
  const byId = new Map<string, ResolvedEntity>();
  const entities: ResolvedEntity[] = [];
  const conflicts: AliasConflict[] = [];
  const also = new Map<string, ConflictSide[]>();
  const addAlso = (winnerId: string, loser: ConflictSide): void => {
    const list = also.get(winnerId);
    if (!list) also.set(winnerId, [loser]);
    else if (!list.some((l) => l.entityId === loser.entityId && l.packId === loser.packId)) list.push(loser);
  };

  // 1. One version per entity id: the first pack's, or the reader's edit of it.
  const sameEntity = new Map<string, AliasConflict>();
  for (const pack of ordered) {
    for (const entity of source.entities[pack.id] ?? []) {
      const existing = byId.get(entity.id);
      if (existing) {
        const winnerPack = packById.get(existing.packId);
        if (!winnerPack) continue;
        let conflict = sameEntity.get(entity.id);
        if (!conflict) {
          conflict = { alias: existing.entity.name, winner: side(existing.entity, winnerPack), losers: [], sameEntity: true };
          sameEntity.set(entity.id, conflict);
          conflicts.push(conflict);
        }
        const loser = side(entity, pack);
        conflict.losers.push(loser);
        addAlso(entity.id, loser);
        continue;
      }
      const edit = source.edits[entity.id];
      const resolved: ResolvedEntity = edit
        ? { entity: edit.entity, packId: pack.id, edited: true }
        : { entity, packId: pack.id, edited: false };
      byId.set(entity.id, resolved);
      entities.push(resolved);
    }
  }

  // 2. One entity per alias: the first claimant keeps it. The owner map holds indexes into
  // `entities` (small integers, no allocation per alias); an entity's alias list is copied
  // only when it loses one.
  const owner = new Map<string, number>();
  const aliasConflicts = new Map<string, AliasConflict>();
  const matcherEntities: Entity[] = [];
  for (let index = 0; index < entities.length; index++) {
    const resolved = entities[index];
    const pack = resolved ? packById.get(resolved.packId) : undefined;
    if (!resolved || !pack) continue;
    const { entity } = resolved;
    const aliases = entity.aliases;
    let kept: Entity['aliases'] | null = null;
    for (let a = 0; a < aliases.length; a++) {
      const alias = aliases[a];
      if (!alias) continue;
      const key = normaliseKey(alias.text);
      let keep = key !== '';
      if (keep) {
        const first = owner.get(key);
        if (first === undefined) owner.set(key, index);
        else if (first !== index) {
          keep = false;
          const winner = entities[first];
          const winnerPack = winner ? packById.get(winner.packId) : undefined;
          if (winner && winnerPack) {
            let conflict = aliasConflicts.get(key);
            if (!conflict) {
              conflict = { alias: alias.text, winner: side(winner.entity, winnerPack), losers: [], sameEntity: false };
              aliasConflicts.set(key, conflict);
              conflicts.push(conflict);
            }
            const loser = side(entity, pack);
            if (!conflict.losers.some((l) => l.entityId === loser.entityId)) conflict.losers.push(loser);
            addAlso(winner.entity.id, loser);
          }
        }
      }
      if (!keep && kept === null) kept = aliases.slice(0, a);
      else if (keep && kept !== null) kept.push(alias);
    }
    if (kept === null) matcherEntities.push(entity);
    else if (kept.length > 0) matcherEntities.push({ ...entity, aliases: kept });
  }

  return { entities, byId, matcherEntities, conflicts, also };
}
