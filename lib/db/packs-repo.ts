/**
 * Installed packs, their entities and the reader's edits (the pack-source layer's storage).
 * Every write runs in one read-write transaction that also bumps the source revision
 * (`SOURCE_REVISION_KEY`), so the matcher cache sees each change exactly once; the notes
 * table is never part of these transactions.
 */
import type { Entity, EntityEdit, InstalledPack, Pack, PackMeta, PackOrigin } from '../model';
import { USER_PACK_ID, USER_PACK_TITLE } from '../model';
import { toEntity, toPackMeta, type BackstoryDB, type StoredEntity, type StoredPack } from './schema';
import { SOURCE_REVISION_KEY } from './versions';

export interface Logger {
  info(...args: unknown[]): void;
}

/** What `ensureShippedPack` did. */
export type EnsureResult =
  | { action: 'installed'; version: number }
  | { action: 'upgraded'; from: number; version: number }
  | { action: 'kept'; version: number };

export function entityRow(entity: Entity, packId: string): StoredEntity {
  const texts = new Set<string>([entity.name.toLowerCase()]);
  for (const alias of entity.aliases) texts.add(alias.text.toLowerCase());
  return { ...entity, packId, aliasTexts: [...texts] };
}

/** Thrown when a pack lists one entity id twice. */
export class PackConflictError extends Error {
  override name = 'PackConflictError';
}

/** The tables every pack-source write touches. */
export function sourceTables(db: BackstoryDB) {
  return [db.packs, db.packEntities, db.edits, db.meta];
}

/** Add 1 to the source revision. Call inside a rw transaction that includes `meta`. */
export async function bumpSourceRevision(db: BackstoryDB): Promise<number> {
  const row = await db.meta.get(SOURCE_REVISION_KEY);
  const value = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await db.meta.put({ key: SOURCE_REVISION_KEY, value });
  return value;
}

/** The current source revision (0 on a database that never had a pack). */
export async function sourceRevision(db: BackstoryDB): Promise<number> {
  const row = await db.meta.get(SOURCE_REVISION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export interface WriteOptions {
  origin: PackOrigin;
  now: number;
}

/**
 * Replace `pack`'s entities and metadata, keeping the reader's settings for it (enabled,
 * order) when it was installed before. Call inside a rw transaction on `sourceTables`.
 */
async function writePack(db: BackstoryDB, pack: Pack, options: WriteOptions): Promise<InstalledPack> {
  const ids = pack.entities.map((e) => e.id);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new PackConflictError(`pack "${pack.id}" lists entity "${id}" twice`);
    seen.add(id);
  }
  const before = await db.packs.get(pack.id);
  const order = before?.order ?? (await nextOrder(db));
  const { entities, ...meta } = pack;
  const row: StoredPack = {
    ...meta,
    origin: pack.id === USER_PACK_ID ? 'user' : options.origin,
    enabled: before?.enabled ?? true,
    order,
    installedAt: options.now,
  };
  await db.packEntities.where('packId').equals(pack.id).delete();
  await db.packEntities.bulkPut(entities.map((e) => entityRow(e, pack.id)));
  await db.packs.put(row);
  await bumpSourceRevision(db);
  return row;
}

async function nextOrder(db: BackstoryDB): Promise<number> {
  let max = -1;
  await db.packs.each((p) => {
    if (p.order > max) max = p.order;
  });
  return max + 1;
}

/** Install (or re-install) a pack in one transaction. Edits of its entities are kept. */
export async function installPack(
  db: BackstoryDB,
  pack: Pack,
  now: number = Date.now(),
  origin: PackOrigin = 'imported',
): Promise<InstalledPack> {
  return db.transaction('rw', sourceTables(db), () => writePack(db, pack, { origin, now }));
}

/**
 * Install the shipped pack when it is absent or the stored version is lower; keep the
 * stored one when its version is equal or higher. Check and write share one transaction,
 * so concurrent calls (install event + service-worker start) cannot interleave. The
 * reader's enabled switch and order survive an upgrade.
 */
export async function ensureShippedPack(
  db: BackstoryDB,
  pack: Pack,
  log: Logger = console,
  now: number = Date.now(),
): Promise<EnsureResult> {
  const result = await db.transaction('rw', sourceTables(db), async (): Promise<EnsureResult> => {
    const stored = await db.packs.get(pack.id);
    if (stored && stored.version >= pack.version) return { action: 'kept', version: stored.version };
    await writePack(db, pack, { origin: 'shipped', now });
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

/** Installed packs, ordered by id. */
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

/** One pack as a pack file: its metadata and its own entities (never the reader's edits). */
export async function readPack(db: BackstoryDB, id: string): Promise<Pack | undefined> {
  return db.transaction('r', [db.packs, db.packEntities], async () => {
    const row = await db.packs.get(id);
    if (!row) return undefined;
    const entities = (await db.packEntities.where('packId').equals(id).toArray()).map(toEntity);
    entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ...toPackMeta(row), entities };
  });
}

/** Every pack's entities (without edits), ordered by pack then id. */
export async function allPackEntities(db: BackstoryDB): Promise<StoredEntity[]> {
  return db.packEntities.toArray();
}

/** Turn a pack on or off. */
export async function setPackEnabled(db: BackstoryDB, id: string, enabled: boolean): Promise<InstalledPack> {
  return db.transaction('rw', sourceTables(db), async () => {
    const row = await db.packs.get(id);
    if (!row) throw new Error(`no pack "${id}"`);
    if (row.enabled === enabled) return row;
    const next = { ...row, enabled };
    await db.packs.put(next);
    await bumpSourceRevision(db);
    return next;
  });
}

/** The reader's order: `ids` first, in that order; packs not named keep their relative order after them. */
export async function setPackOrder(db: BackstoryDB, ids: readonly string[]): Promise<InstalledPack[]> {
  return db.transaction('rw', sourceTables(db), async () => {
    const rows = await db.packs.toArray();
    const rank = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (rank.get(a.id) ?? ids.length + a.order) - (rank.get(b.id) ?? ids.length + b.order));
    const next = rows.map((row, order) => ({ ...row, order }));
    await db.packs.bulkPut(next);
    await bumpSourceRevision(db);
    return next;
  });
}

/**
 * Uninstall a pack and its entity rows. The reader's edits and notes are kept (a note whose
 * entity is in no pack any more is shown as such; re-installing the pack brings it back).
 */
export async function removePack(db: BackstoryDB, id: string): Promise<StoredPack> {
  return db.transaction('rw', sourceTables(db), async () => {
    const row = await db.packs.get(id);
    if (!row) throw new Error(`no pack "${id}"`);
    await db.packEntities.where('packId').equals(id).delete();
    await db.packs.delete(id);
    await bumpSourceRevision(db);
    return row;
  });
}

/** The ids of entities that are in no installed pack any more, among `ids`. */
export async function entitiesInNoPack(db: BackstoryDB, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of new Set(ids)) {
    if ((await db.packEntities.where('id').equals(id).count()) === 0) out.push(id);
  }
  return out;
}

/* ─── The user layer ──────────────────────────────────────────────────────────────── */

/** The reader's own pack ("My entities"), created empty on first use. Call inside a rw transaction. */
export async function ensureUserPack(db: BackstoryDB, now: number): Promise<StoredPack> {
  const row = await db.packs.get(USER_PACK_ID);
  if (row) return row;
  const pack: StoredPack = {
    format: 1,
    id: USER_PACK_ID,
    title: USER_PACK_TITLE,
    version: 1,
    asOf: isoDay(now),
    sources: [],
    origin: 'user',
    enabled: true,
    order: -1,
    installedAt: now,
  };
  await db.packs.put(pack);
  return pack;
}

/** `YYYY-MM-DD` of an epoch time, in UTC. */
export function isoDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Store an edit of a pack entity (replacing an earlier one). */
export async function putEdit(db: BackstoryDB, edit: EntityEdit): Promise<void> {
  await db.transaction('rw', sourceTables(db), async () => {
    await db.edits.put(edit);
    await bumpSourceRevision(db);
  });
}

/** Drop the reader's edit of `id`; true when there was one. */
export async function deleteEdit(db: BackstoryDB, id: string): Promise<boolean> {
  return db.transaction('rw', sourceTables(db), async () => {
    const had = (await db.edits.get(id)) !== undefined;
    if (had) {
      await db.edits.delete(id);
      await bumpSourceRevision(db);
    }
    return had;
  });
}

/**
 * Display names of entities by id, from any installed pack (the reader's edit first, then
 * the first pack row found); ids in no pack are absent. Call inside a transaction that
 * includes `packEntities` and `edits`, or on its own.
 */
export async function entityNames(db: BackstoryDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (unique.length === 0) return names;
  for (const row of await db.packEntities.where('id').anyOf(unique).toArray()) {
    if (!names.has(row.id) || row.packId === USER_PACK_ID) names.set(row.id, row.name);
  }
  for (const edit of await db.edits.bulkGet(unique)) if (edit) names.set(edit.id, edit.entity.name);
  return names;
}
