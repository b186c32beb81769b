/**
 * The compiled matcher over every installed entity, built once and kept in memory. Each
 * `get()` reads the installed packs' revision (one small read) and rebuilds only when it
 * changed, so a pack installed from any context (background, options page) is picked up;
 * `invalidate()` forces a rebuild. Concurrent calls share one build.
 */
import type { Entity } from '../model';
import type { EntityRef, MatcherPayload } from '../messaging';
import { compileMatcher, specFromEntities, type MatcherData } from '../matcher';
import type { BackstoryDB, StoredPack } from '../db/schema';
import { allEntities, listStoredPacks } from '../db/packs-repo';

/** Turns all installed entities into the matcher's JSON-safe data. */
export type BuildMatcherData = (entities: Entity[]) => MatcherData;

export const buildMatcherData: BuildMatcherData = (entities) => compileMatcher(specFromEntities(entities)).toData();

export interface MatcherCache {
  /** The payload for the installed packs as they are now. */
  get(): Promise<MatcherPayload>;
  /** Drop the cached payload; the next `get()` rebuilds. */
  invalidate(): void;
}

/** 32-bit FNV-1a, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A revision naming the installed packs: their ids, versions and install times (a
 * re-install of the same version still changes it). Order-independent.
 */
export function packsRevision(packs: readonly StoredPack[]): string {
  const parts = packs.map((p) => `${p.id}\u0000${p.version}\u0000${p.installedAt}`).sort();
  return `${packs.length}-${fnv1a(parts.join('\u0001'))}`;
}

function entityRefs(entities: readonly Entity[]): Record<string, EntityRef> {
  return Object.fromEntries(entities.map((e) => [e.id, { id: e.id, kind: e.kind, name: e.name }]));
}

export function createMatcherCache(db: BackstoryDB, build: BuildMatcherData = buildMatcherData): MatcherCache {
  let current: { revision: string; payload: Promise<MatcherPayload> } | undefined;

  async function buildPayload(): Promise<MatcherPayload> {
    // One snapshot: the revision always names the entities the matcher was built from.
    const { packs, entities } = await db.transaction('r', [db.packs, db.entities], async () => ({
      packs: await listStoredPacks(db),
      entities: await allEntities(db),
    }));
    return { revision: packsRevision(packs), data: build(entities), entities: entityRefs(entities) };
  }

  return {
    async get() {
      const revision = packsRevision(await listStoredPacks(db));
      if (current?.revision !== revision) {
        const entry = { revision, payload: buildPayload() };
        current = entry;
        entry.payload.catch(() => {
          // A failed build is not cached: the next call tries again.
          if (current === entry) current = undefined;
        });
      }
      return current.payload;
    },
    invalidate() {
      current = undefined;
    },
  };
}
