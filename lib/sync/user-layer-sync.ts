/**
 * The reader's own layer — "My entities" (with the pages they cite) and their corrections
 * of pack entities — kept in the synced store's `entities` collection, so it follows them
 * to their other browsers. IndexedDB stays the source the matcher reads; this module keeps
 * the two in step with a three-way comparison per record: what this browser has, what the
 * store has, and what both last agreed on (remembered in `storage.local`). Only the side
 * that changed since then is copied; when both changed, this browser's version is written
 * (it becomes the last write). Records read from sync are validated like an imported pack:
 * a bad one is skipped and counted, never written.
 *
 * Record ids: `own:<entity id>` = `{ entity, sources }`, `edit:<entity id>` = the edit.
 */
import { z } from 'zod';
import type { Entity, EntityEdit, Source } from '../model';
import { USER_PACK_ID } from '../model';
import type { BackstoryDB } from '../db/schema';
import { toEntity } from '../db/schema';
import { bumpSourceRevision, ensureUserPack, entityRow, isoDay, sourceTables } from '../db/packs-repo';
import { entitySchema, sourceSchema } from '../packs/schema';
import type { StorageAreaLike } from './area';
import { shortHash } from './records';
import type { SyncedStore } from './store';

export const ENTITIES_COLLECTION = 'entities';
/** `storage.local`: record id → hash of the version both sides last agreed on. */
export const AGREED_KEY = 'entitiesAgreed';

const ownSchema = z.object({ entity: entitySchema, sources: z.array(sourceSchema).max(200) });
const editSchema = z.object({
  id: z.string().min(1).max(200),
  entity: entitySchema,
  basePackId: z.string().min(1).max(200),
  baseVersion: z.number().int().min(0),
  editedAt: z.number().min(0).max(8.64e15),
});

export interface LayerSyncResult {
  pushed: number;
  pulled: number;
  /** Records in sync that could not be read (another version, damage): left alone. */
  skipped: number;
}

/** JSON with keys sorted and undefined dropped: the same value hashes the same whichever side built it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const hashOf = (value: unknown): string => {
  const text = canonical(value);
  return `${shortHash(text)}.${text.length}`;
};

function citedSources(entity: Entity, sources: readonly Source[]): Source[] {
  const ids = new Set<string>([...entity.contexts.map((c) => c.sourceId), ...entity.relations.flatMap((r) => (r.sourceId ? [r.sourceId] : []))]);
  return sources.filter((s) => ids.has(s.id));
}

function sourcesCover(entity: Entity, sources: readonly Source[]): boolean {
  const ids = new Set(sources.map((s) => s.id));
  return entity.contexts.every((c) => ids.has(c.sourceId)) && entity.relations.every((r) => r.sourceId === undefined || ids.has(r.sourceId));
}

/** This browser's layer as store records. */
async function localRecords(db: BackstoryDB): Promise<Map<string, unknown>> {
  return db.transaction('r', sourceTables(db), async () => {
    const out = new Map<string, unknown>();
    const pack = await db.packs.get(USER_PACK_ID);
    const sources = pack?.sources ?? [];
    for (const row of await db.packEntities.where('packId').equals(USER_PACK_ID).toArray()) {
      const entity = toEntity(row);
      out.set(`own:${entity.id}`, { entity, sources: citedSources(entity, sources) });
    }
    for (const edit of await db.edits.toArray()) out.set(`edit:${edit.id}`, edit);
    return out;
  });
}

/** Writes records from sync into IndexedDB (null = delete), in one transaction. */
async function applyRecords(db: BackstoryDB, changes: ReadonlyArray<[string, unknown]>, now: number): Promise<number> {
  if (changes.length === 0) return 0;
  return db.transaction('rw', sourceTables(db), async () => {
    let applied = 0;
    let ownChanged = false;
    let newSources: Source[] = [];
    for (const [id, value] of changes) {
      const entityId = id.slice(id.indexOf(':') + 1);
      if (id.startsWith('own:')) {
        if (value === null) await db.packEntities.delete([USER_PACK_ID, entityId]);
        else {
          const own = value as z.infer<typeof ownSchema>;
          await db.packEntities.put(entityRow(own.entity as Entity, USER_PACK_ID));
          newSources = [...newSources, ...(own.sources as Source[])];
        }
        ownChanged = true;
      } else if (value === null) await db.edits.delete(entityId);
      else await db.edits.put(value as EntityEdit);
      applied++;
    }
    if (ownChanged) {
      const pack = await ensureUserPack(db, now);
      const known = new Set(pack.sources.map((s) => s.id));
      const added = newSources.filter((s) => !known.has(s.id) && (known.add(s.id), true));
      await db.packs.put({ ...pack, version: pack.version + 1, asOf: isoDay(now), installedAt: now, sources: [...pack.sources, ...added] });
    }
    await bumpSourceRevision(db);
    return applied;
  });
}

function validRecord(id: string, value: unknown): boolean {
  if (id.startsWith('own:')) {
    const parsed = ownSchema.safeParse(value);
    if (!parsed.success || `own:${parsed.data.entity.id}` !== id) return false;
    // Every page it cites comes with it.
    const { entity, sources } = parsed.data;
    return sourcesCover(entity as Entity, sources as Source[]);
  }
  if (id.startsWith('edit:')) {
    const parsed = editSchema.safeParse(value);
    return parsed.success && `edit:${parsed.data.id}` === id && parsed.data.entity.id === parsed.data.id;
  }
  return false;
}

export interface UserLayerSync {
  /** Brings IndexedDB and the store in step. Serialised; rejects only if IndexedDB fails. */
  sync(): Promise<LayerSyncResult>;
}

export function createUserLayerSync(deps: { db: BackstoryDB; store: SyncedStore; local: StorageAreaLike; now?: () => number }): UserLayerSync {
  const { db, store, local } = deps;
  const now = deps.now ?? Date.now;
  let tail: Promise<unknown> = Promise.resolve();

  async function once(): Promise<LayerSyncResult> {
    const [mine, theirs, stored] = await Promise.all([localRecords(db), store.all(ENTITIES_COLLECTION), local.get(AGREED_KEY)]);
    const agreedRaw = stored[AGREED_KEY];
    const agreed = new Map<string, string>(
      typeof agreedRaw === 'object' && agreedRaw !== null ? Object.entries(agreedRaw as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string') : [],
    );
    const pulls: Array<[string, unknown]> = [];
    const puts: Array<[string, unknown]> = [];
    const deletes: string[] = [];
    let skipped = 0;
    const next = new Map<string, string>();
    for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
      const L = mine.has(id) ? hashOf(mine.get(id)) : null;
      const R = theirs.has(id) ? hashOf(theirs.get(id)) : null;
      const A = agreed.get(id) ?? null;
      if (L === R) {
        if (L !== null) next.set(id, L);
        continue;
      }
      const remoteChanged = R !== A;
      const localChanged = L !== A;
      if (remoteChanged && !localChanged) {
        if (R !== null && !validRecord(id, theirs.get(id))) {
          skipped++;
          if (A !== null) next.set(id, A);
          continue;
        }
        pulls.push([id, R === null ? null : theirs.get(id)]);
        if (R !== null) next.set(id, R);
      } else if (L === null) {
        deletes.push(id);
      } else {
        puts.push([id, mine.get(id)]);
        next.set(id, L);
      }
    }
    const pulled = await applyRecords(db, pulls, now());
    if (puts.length > 0) await store.putMany(ENTITIES_COLLECTION, puts);
    for (const id of deletes) await store.delete(ENTITIES_COLLECTION, id);
    await local.set({ [AGREED_KEY]: Object.fromEntries(next) });
    return { pushed: puts.length + deletes.length, pulled, skipped };
  }

  return {
    sync() {
      const run = tail.then(once);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
