/**
 * Installed packs and their entities. Installing a pack replaces that pack's entities in
 * one read-write transaction; the notes table is never part of it.
 */
import type { Entity, Pack, PackMeta } from '../model';
import { toEntity, toPackMeta, type BackstoryDB, type StoredEntity, type StoredPack } from './schema';

export interface Logger {
  info(...args: unknown[]): void;
}

/** What `ensureShippedPack` did. */
export type EnsureResult =
  | { action: 'installed'; version: number }
  | { action: 'upgraded'; from: number; version: number }
  | { action: 'kept'; version: number };

function entityRow(entity: Entity, packId: string): StoredEntity {
  const texts = new Set<string>([entity.name.toLowerCase()]);
  for (const alias of entity.aliases) texts.add(alias.text.toLowerCase());
  return { ...entity, packId, aliasTexts: [...texts] };
}

function packRow(pack: Pack, installedAt: number): StoredPack {
  const { entities: _entities, ...meta } = pack;
  return { ...meta, installedAt };
}

/** Thrown when a pack's entity ids clash with each other or with another pack's. */
export class PackConflictError extends Error {
  override name = 'PackConflictError';
}

/**
 * Replace `pack`'s entities and metadata. Call inside a rw transaction on packs+entities.
 * Entity ids are unique across packs: a pack may not take over another pack's entity.
 */
async function writePack(db: BackstoryDB, pack: Pack, now: number): Promise<void> {
  const ids = pack.entities.map((e) => e.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new PackConflictError(`pack "${pack.id}" lists entity "${duplicate}" twice`);
  const taken = (await db.entities.bulkGet(ids)).find((row) => row !== undefined && row.packId !== pack.id);
  if (taken) {
    throw new PackConflictError(`entity "${taken.id}" of pack "${pack.id}" already belongs to pack "${taken.packId}"`);
  }
  await db.entities.where('packId').equals(pack.id).delete();
  await db.entities.bulkPut(pack.entities.map((e) => entityRow(e, pack.id)));
  await db.packs.put(packRow(pack, now));
}

/**
 * Install (or re-install) a pack: in one read-write transaction, delete the entities
 * stored for `pack.id`, store the new ones and put the pack's metadata.
 */
export async function installPack(db: BackstoryDB, pack: Pack, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', [db.packs, db.entities], () => writePack(db, pack, now));
}

/**
 * Install the shipped pack when it is absent or the stored version is lower; keep the
 * stored one when its version is equal or higher. Check and write share one transaction,
 * so concurrent calls (install event + service-worker start) cannot interleave.
 */
export async function ensureShippedPack(
  db: BackstoryDB,
  pack: Pack,
  log: Logger = console,
  now: number = Date.now(),
): Promise<EnsureResult> {
  const result = await db.transaction('rw', [db.packs, db.entities], async (): Promise<EnsureResult> => {
    const stored = await db.packs.get(pack.id);
    if (stored && stored.version >= pack.version) return { action: 'kept', version: stored.version };
    await writePack(db, pack, now);
    return stored
      ? { action: 'upgraded', from: stored.version, version: pack.version }
      : { action: 'installed', version: pack.version };
  });
  if (result.action === 'kept') {
    log.info(`backstory: pack "${pack.id}" v${result.version} already installed (shipped v${pack.version}); kept`);
  } else {
    log.info(`backstory: pack "${pack.id}" ${result.action} at v${result.version}`);
  }
  return result;
}

/** Installed packs with their install time, ordered by id. */
export async function listStoredPacks(db: BackstoryDB): Promise<StoredPack[]> {
  return db.packs.orderBy('id').toArray();
}

/** Installed packs' metadata, ordered by id. */
export async function listPacks(db: BackstoryDB): Promise<PackMeta[]> {
  return (await listStoredPacks(db)).map(toPackMeta);
}

/** One installed pack's metadata, or undefined. */
export async function getPack(db: BackstoryDB, id: string): Promise<PackMeta | undefined> {
  const row = await db.packs.get(id);
  return row ? toPackMeta(row) : undefined;
}

/** One entity by id, or undefined. */
export async function getEntity(db: BackstoryDB, id: string): Promise<Entity | undefined> {
  const row = await db.entities.get(id);
  return row ? toEntity(row) : undefined;
}

/** One entity with the id of the pack it came from, or undefined. */
export async function getEntityWithPack(
  db: BackstoryDB,
  id: string,
): Promise<{ entity: Entity; packId: string } | undefined> {
  const row = await db.entities.get(id);
  return row ? { entity: toEntity(row), packId: row.packId } : undefined;
}

/** Every installed entity, ordered by id. */
export async function allEntities(db: BackstoryDB): Promise<Entity[]> {
  return (await db.entities.orderBy('id').toArray()).map(toEntity);
}
