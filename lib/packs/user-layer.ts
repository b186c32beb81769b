/**
 * The reader's layer above the packs: their own entities ("My entities", a pack of origin
 * `user`) and their corrections of pack entities (`edits`). Pack installs and updates never
 * touch either. Every write is one transaction that bumps the source revision.
 */
import type { Entity, EntityEdit, ResolvedEntity, Source } from '../model';
import { USER_PACK_ID } from '../model';
import type { BackstoryDB } from '../db/schema';
import { toEntity } from '../db/schema';
import { bumpSourceRevision, ensureUserPack, entityRow, isoDay, sourceTables } from '../db/packs-repo';
import { PACK_LIMITS } from './schema';

/** A readable, stable id for a new entity of the reader's: `user/person/mark-warner`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'entity' : slug;
}

/** An id under `prefix` not in `taken`: `prefix/slug`, else `prefix/slug-2`, … */
export function uniqueId(prefix: string, name: string, taken: (id: string) => boolean): string {
  const base = `${prefix}/${slugify(name)}`;
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}-${i}`;
    if (!taken(id)) return id;
  }
}

async function idTaken(db: BackstoryDB, id: string): Promise<boolean> {
  return (await db.packEntities.where('id').equals(id).count()) > 0 || (await db.edits.get(id)) !== undefined;
}

/** Relations must point at entities that exist somewhere, never at the entity itself. */
async function checkRelations(db: BackstoryDB, entity: Entity): Promise<void> {
  for (const relation of entity.relations) {
    if (relation.target === entity.id) throw new Error(`an entity cannot relate to itself ("${entity.id}")`);
    if ((await db.packEntities.where('id').equals(relation.target).count()) === 0) {
      throw new Error(`relation target "${relation.target}" is not an installed entity`);
    }
  }
}

/** Bump the user pack's version and date after a change to its entities or sources. */
async function touchUserPack(db: BackstoryDB, now: number, sources?: Source[]): Promise<void> {
  const pack = await ensureUserPack(db, now);
  await db.packs.put({ ...pack, version: pack.version + 1, asOf: isoDay(now), installedAt: now, ...(sources ? { sources } : {}) });
}

/** Context passages of user entities cite the user pack's sources: keep only entities' own. */
function checkContexts(entity: Entity, sources: readonly Source[]): void {
  const ids = new Set(sources.map((s) => s.id));
  for (const context of entity.contexts) {
    if (!ids.has(context.sourceId)) throw new Error(`context cites unknown source "${context.sourceId}"`);
  }
  for (const relation of entity.relations) {
    if (relation.sourceId !== undefined && !ids.has(relation.sourceId)) {
      throw new Error(`relation cites unknown source "${relation.sourceId}"`);
    }
  }
}

/**
 * Save the reader's version of an entity: a new one goes into "My entities"; one of theirs
 * is updated in place; a pack entity gets an edit above its pack.
 */
export async function saveEntity(db: BackstoryDB, entity: Entity, isNew: boolean, now: number): Promise<ResolvedEntity> {
  return db.transaction('rw', sourceTables(db), async () => {
    await checkRelations(db, entity);
    const own = await db.packEntities.get([USER_PACK_ID, entity.id]);
    if (isNew || own) {
      const userPack = await ensureUserPack(db, now);
      if (isNew && (await idTaken(db, entity.id))) throw new Error(`an entity with id "${entity.id}" already exists`);
      if (isNew && (await db.packEntities.where('packId').equals(USER_PACK_ID).count()) >= PACK_LIMITS.entities) {
        throw new Error(`"My entities" is full (${PACK_LIMITS.entities} entities)`);
      }
      checkContexts(entity, userPack.sources);
      await db.packEntities.put(entityRow(entity, USER_PACK_ID));
      await touchUserPack(db, now);
      await bumpSourceRevision(db);
      return { entity, packId: USER_PACK_ID, edited: false };
    }
    const rows = await db.packEntities.where('id').equals(entity.id).toArray();
    const base = rows[0];
    if (!base) throw new Error(`no entity "${entity.id}" to edit`);
    const basePack = await db.packs.get(base.packId);
    const baseSources = basePack?.sources ?? [];
    checkContexts(entity, baseSources);
    const edit: EntityEdit = { id: entity.id, entity, basePackId: base.packId, baseVersion: basePack?.version ?? 1, editedAt: now };
    await db.edits.put(edit);
    await bumpSourceRevision(db);
    return { entity, packId: base.packId, edited: true };
  });
}

/** Delete one of the reader's own entities; false when it is not theirs. */
export async function deleteUserEntity(db: BackstoryDB, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', sourceTables(db), async () => {
    const own = await db.packEntities.get([USER_PACK_ID, id]);
    if (!own) return false;
    await db.packEntities.delete([USER_PACK_ID, id]);
    await touchUserPack(db, now);
    await bumpSourceRevision(db);
    return true;
  });
}

export interface TrackInput {
  name: string;
  kind: Entity['kind'];
  aliases: string[];
  role: string;
  context: string;
  page: { url: string; title: string };
}

/** Alias case rule for a typed name: acronyms exactly, names as written (or in capitals). */
export function caseRuleFor(text: string): Entity['aliases'][number]['case'] {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase()) return 'sensitive';
  if (letters !== letters.toLowerCase()) return 'proper';
  return 'insensitive';
}

/**
 * "Track this name": add the name to "My entities" with the page as its source and the
 * sentence as its first context. Tracking a name already there adds the context to it.
 */
export async function trackName(db: BackstoryDB, input: TrackInput, now: number): Promise<Entity> {
  return db.transaction('rw', sourceTables(db), async () => {
    const pack = await ensureUserPack(db, now);
    const day = isoDay(now);
    let sources = pack.sources;
    let source = sources.find((s) => s.url === input.page.url);
    if (!source) {
      if (sources.length >= PACK_LIMITS.sources) throw new Error(`"My entities" cites too many pages (${PACK_LIMITS.sources})`);
      const title = input.page.title.trim().slice(0, PACK_LIMITS.sourceTitle) || new URL(input.page.url).host;
      source = { id: uniqueId('page', new URL(input.page.url).host, (id) => sources.some((s) => s.id === id)), title, date: day, url: input.page.url };
      sources = [...sources, source];
    }
    const context = input.context === '' ? [] : [{ text: input.context, sourceId: source.id, date: day }];
    const existing = (await db.packEntities.where('packId').equals(USER_PACK_ID).toArray())
      .map(toEntity)
      .find((e) => e.name.toLowerCase() === input.name.toLowerCase());
    let entity: Entity;
    if (existing) {
      const known = new Set(existing.contexts.map((c) => c.text));
      const fresh = context.filter((c) => !known.has(c.text));
      entity = { ...existing, contexts: [...existing.contexts, ...fresh].slice(-PACK_LIMITS.contextsPerEntity) };
    } else {
      if ((await db.packEntities.where('packId').equals(USER_PACK_ID).count()) >= PACK_LIMITS.entities) {
        throw new Error(`"My entities" is full (${PACK_LIMITS.entities} entities)`);
      }
      const all = await db.packEntities.toCollection().primaryKeys();
      const taken = new Set(all.map(([, id]) => id));
      const texts = [input.name, ...input.aliases.filter((a) => a.toLowerCase() !== input.name.toLowerCase())];
      entity = {
        id: uniqueId(`user/${input.kind}`, input.name, (id) => taken.has(id)),
        kind: input.kind,
        name: input.name,
        aliases: [...new Set(texts)].map((text) => ({ text, case: caseRuleFor(text) })),
        role: input.role,
        summary: '',
        contexts: context,
        relations: [],
      };
    }
    await db.packEntities.put(entityRow(entity, USER_PACK_ID));
    await touchUserPack(db, now, sources);
    await bumpSourceRevision(db);
    return entity;
  });
}
