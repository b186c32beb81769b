/**
 * The pack-source layer: the one place the background (and the options page, which reads
 * the database directly) gets its entities from — shipped, imported, drafted and the
 * reader's own packs, and the reader's edits above them — resolved by one rule
 * (`resolvePacks`).
 */
import type { Entity, EntityEdit } from '../model';
import type { BackstoryDB } from '../db/schema';
import { toEntity } from '../db/schema';
import { sourceRevision } from '../db/packs-repo';
import { resolvePacks, type PackSource, type Resolution } from './resolve';

export type { PackSource, Resolution } from './resolve';

/** Everything installed, read in one snapshot, with the revision it was read at. */
export async function readPackSource(db: BackstoryDB): Promise<PackSource & { revision: number }> {
  return db.transaction('r', [db.packs, db.packEntities, db.edits, db.meta], async () => {
    const [packs, rows, edits, revision] = await Promise.all([
      db.packs.toArray(),
      db.packEntities.toArray(),
      db.edits.toArray(),
      sourceRevision(db),
    ]);
    const entities: Record<string, Entity[]> = {};
    for (const row of rows) (entities[row.packId] ??= []).push(toEntity(row));
    const editMap: Record<string, EntityEdit> = {};
    for (const edit of edits) editMap[edit.id] = edit;
    return { packs, entities, edits: editMap, revision };
  });
}

/** The installed packs resolved now. */
export async function resolveInstalled(db: BackstoryDB): Promise<Resolution & { source: PackSource; revision: number }> {
  const source = await readPackSource(db);
  return { ...resolvePacks(source), source, revision: source.revision };
}
