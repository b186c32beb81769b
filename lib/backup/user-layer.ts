/**
 * The reader's layer in a backup: their own pack ("My entities") and their corrections of
 * pack entities. Parsing is pure and reports every problem with its path; merging adds
 * what is missing and never overwrites an entity of theirs that differs (it is counted as
 * kept), while a correction follows the notes' rule (the newest `editedAt` wins).
 */
import type { Entity, EntityEdit, Pack, Source, UserLayerSummary } from '../model';
import { USER_PACK_ID } from '../model';
import { parseEntity, parsePack, PACK_LIMITS } from '../packs/schema';
import { bumpSourceRevision, ensureUserPack, entityRow, isoDay } from '../db/packs-repo';
import { toEntity, type BackstoryDB } from '../db/schema';

export const MAX_ENTITY_EDITS = 10_000;

export interface ParsedUserLayer {
  userPack?: Pack;
  entityEdits: EntityEdit[];
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the backup's `userPack` and `entityEdits` (both optional). Never throws. */
export function parseUserLayer(userPack: unknown, entityEdits: unknown): ParsedUserLayer {
  const problems: string[] = [];
  const out: ParsedUserLayer = { entityEdits: [], problems };
  if (userPack !== undefined) {
    const read = parsePack(userPack);
    if (!read.ok) problems.push(...read.errors.map((line) => `userPack.${line}`));
    else if (read.pack.id !== USER_PACK_ID) problems.push(`userPack.id: must be "${USER_PACK_ID}", got "${read.pack.id}"`);
    else out.userPack = read.pack;
  }
  if (entityEdits !== undefined) {
    if (!Array.isArray(entityEdits)) problems.push('entityEdits: expected an array');
    else if (entityEdits.length > MAX_ENTITY_EDITS) problems.push(`entityEdits: too many corrections: ${entityEdits.length} (max ${MAX_ENTITY_EDITS})`);
    else {
      const seen = new Set<string>();
      entityEdits.forEach((raw: unknown, i) => {
        const edit = parseEdit(raw, `entityEdits[${i}]`, problems);
        if (!edit) return;
        if (seen.has(edit.id)) problems.push(`entityEdits[${i}].id: duplicate correction of "${edit.id}"`);
        else {
          seen.add(edit.id);
          out.entityEdits.push(edit);
        }
      });
    }
  }
  return out;
}

function parseEdit(raw: unknown, at: string, problems: string[]): EntityEdit | undefined {
  if (!isRecord(raw)) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  const entity = parseEntity(raw.entity);
  if (!entity.ok) problems.push(...entity.errors.map((line) => `${at}.${line}`));
  const { id, basePackId, baseVersion, editedAt } = raw;
  if (typeof id !== 'string' || id === '' || id.length > PACK_LIMITS.id) problems.push(`${at}.id: expected an entity id`);
  else if (entity.ok && entity.entity.id !== id) problems.push(`${at}.id: "${id}" is not the id of its entity ("${entity.entity.id}")`);
  if (typeof basePackId !== 'string' || basePackId === '' || basePackId.length > PACK_LIMITS.id) problems.push(`${at}.basePackId: expected a pack id`);
  if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 1) problems.push(`${at}.baseVersion: expected a whole number ≥ 1`);
  if (typeof editedAt !== 'number' || !Number.isFinite(editedAt) || editedAt < 0) problems.push(`${at}.editedAt: expected a time in milliseconds`);
  if (problems.length > before || !entity.ok) return undefined;
  return { id: String(id), entity: entity.entity, basePackId: String(basePackId), baseVersion: Number(baseVersion), editedAt: Number(editedAt) };
}

/** Same content, whatever the key order. */
function sameEntity(a: Entity, b: Entity): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** The incoming sources joined to `mine`; an incoming id taken by another page is renamed. */
function joinSources(mine: readonly Source[], incoming: readonly Source[]): { sources: Source[]; rename: Map<string, string> } {
  const sources = [...mine];
  const rename = new Map<string, string>();
  for (const source of incoming) {
    const sameUrl = sources.find((s) => s.url === source.url && s.title === source.title);
    if (sameUrl) {
      if (sameUrl.id !== source.id) rename.set(source.id, sameUrl.id);
      continue;
    }
    let id = source.id;
    for (let n = 2; sources.some((s) => s.id === id); n++) id = `${source.id}-${n}`;
    if (id !== source.id) rename.set(source.id, id);
    sources.push({ ...source, id });
  }
  return { sources, rename };
}

function renamed(entity: Entity, rename: ReadonlyMap<string, string>): Entity {
  if (rename.size === 0) return entity;
  return {
    ...entity,
    contexts: entity.contexts.map((c) => ({ ...c, sourceId: rename.get(c.sourceId) ?? c.sourceId })),
    relations: entity.relations.map((r) => (r.sourceId === undefined ? r : { ...r, sourceId: rename.get(r.sourceId) ?? r.sourceId })),
  };
}

/**
 * Merge the backup's layer into the database. Call inside a rw transaction on the source
 * tables; throws (and the caller's transaction aborts) when "My entities" would go over
 * the pack limits.
 */
export async function mergeUserLayer(
  db: BackstoryDB,
  layer: { userPack?: Pack; entityEdits: readonly EntityEdit[] },
  now: number,
): Promise<UserLayerSummary> {
  const summary: UserLayerSummary = { entitiesAdded: 0, entitiesSame: 0, entitiesKept: 0, editsAdded: 0, editsUpdated: 0, editsSkipped: 0 };
  let changed = false;
  const incoming = layer.userPack;
  if (incoming && incoming.entities.length > 0) {
    const pack = await ensureUserPack(db, now);
    const mine = new Map((await db.packEntities.where('packId').equals(USER_PACK_ID).toArray()).map((row) => [row.id, toEntity(row)]));
    const { sources, rename } = joinSources(pack.sources, incoming.sources);
    const added: Entity[] = [];
    for (const entity of incoming.entities) {
      const here = mine.get(entity.id);
      const theirs = renamed(entity, rename);
      if (!here) added.push(theirs);
      else if (sameEntity(here, theirs) || sameEntity(here, entity)) summary.entitiesSame += 1;
      else summary.entitiesKept += 1;
    }
    if (mine.size + added.length > PACK_LIMITS.entities) {
      throw new Error(`"My entities" would hold ${mine.size + added.length} entities (max ${PACK_LIMITS.entities})`);
    }
    if (sources.length > PACK_LIMITS.sources) {
      throw new Error(`"My entities" would cite ${sources.length} pages (max ${PACK_LIMITS.sources})`);
    }
    if (added.length > 0) {
      await db.packEntities.bulkPut(added.map((e) => entityRow(e, USER_PACK_ID)));
      await db.packs.put({ ...pack, sources, version: pack.version + 1, asOf: isoDay(now), installedAt: now });
      summary.entitiesAdded = added.length;
      changed = true;
    }
  }
  if (layer.entityEdits.length > 0) {
    const stored = await db.edits.bulkGet(layer.entityEdits.map((e) => e.id));
    const puts: EntityEdit[] = [];
    layer.entityEdits.forEach((edit, i) => {
      const here = stored[i];
      if (!here) {
        summary.editsAdded += 1;
        puts.push(edit);
      } else if (here.editedAt < edit.editedAt) {
        summary.editsUpdated += 1;
        puts.push(edit);
      } else summary.editsSkipped += 1;
    });
    if (puts.length > 0) {
      await db.edits.bulkPut(puts);
      changed = true;
    }
  }
  if (changed) await bumpSourceRevision(db);
  return summary;
}

/** True when the merge changed what the matcher and the cards show. */
export function layerChanged(summary: UserLayerSummary | undefined): boolean {
  return summary !== undefined && summary.entitiesAdded + summary.editsAdded + summary.editsUpdated > 0;
}
