/**
 * The compiled matcher over the active entities (the pack-source layer resolved), built
 * once and kept in memory with the resolution it came from. Each `get()` reads the source
 * revision (one small read, bumped by every pack, entity or edit write from any context)
 * and rebuilds only when it changed; `invalidate()` forces a rebuild. Concurrent calls
 * share one build.
 */
import type { Entity } from '../model';
import type { EntityRef, MatcherPayload } from '../messaging';
import { compileMatcher, specFromEntities, type MatcherData } from '../matcher';
import type { BackstoryDB } from '../db/schema';
import { sourceRevision } from '../db/packs-repo';
import { resolveInstalled } from '../packs/source';
import type { Resolution } from '../packs/resolve';

/** Turns the active entities into the matcher's JSON-safe data. */
export type BuildMatcherData = (entities: Entity[]) => MatcherData;

export const buildMatcherData: BuildMatcherData = (entities) => compileMatcher(specFromEntities(entities)).toData();

export interface SourceSnapshot {
  payload: MatcherPayload;
  resolution: Resolution;
}

export interface MatcherCache {
  /** The payload for the installed packs as they are now. */
  get(): Promise<MatcherPayload>;
  /** The payload and the resolution it was compiled from. */
  snapshot(): Promise<SourceSnapshot>;
  /** Drop the cached payload; the next `get()` rebuilds. */
  invalidate(): void;
}

function entityRefs(resolution: Resolution): Record<string, EntityRef> {
  const out: Record<string, EntityRef> = {};
  for (const { entity } of resolution.entities) out[entity.id] = { id: entity.id, kind: entity.kind, name: entity.name };
  return out;
}

export function createMatcherCache(db: BackstoryDB, build: BuildMatcherData = buildMatcherData): MatcherCache {
  let current: { revision: number; snapshot: Promise<SourceSnapshot> } | undefined;

  async function buildSnapshot(): Promise<SourceSnapshot> {
    // One snapshot: the revision always names the entities the matcher was built from.
    const resolution = await resolveInstalled(db);
    const payload: MatcherPayload = {
      revision: String(resolution.revision),
      data: build(resolution.matcherEntities),
      entities: entityRefs(resolution),
    };
    return { payload, resolution };
  }

  async function snapshot(): Promise<SourceSnapshot> {
    const revision = await db.transaction('r', db.meta, () => sourceRevision(db));
    if (current?.revision !== revision) {
      const entry = { revision, snapshot: buildSnapshot() };
      current = entry;
      entry.snapshot.catch(() => {
        // A failed build is not cached: the next call tries again.
        if (current === entry) current = undefined;
      });
    }
    return current.snapshot;
  }

  return {
    snapshot,
    async get() {
      return (await snapshot()).payload;
    },
    invalidate() {
      current = undefined;
    },
  };
}
