/**
 * The background's answers to the pack and entity requests: import/export, enable,
 * remove and order packs, the reader's edits and own entities, and "Track this name" from a
 * page. Inputs arrive validated and sender-checked by `route()`. After every change
 * `onChange` runs (the packs change signal: open tabs fetch the new matcher).
 */
import type { CardData, EntityRef, Handlers, ImportPackResult, SenderInfo, Trust } from '../messaging';
import type { Pack } from '../model';
import type { BackstoryDB } from '../db/schema';
import { toPackMeta } from '../db/schema';
import { deleteEdit, installPack, readPack, removePack, setPackEnabled, setPackOrder } from '../db/packs-repo';
import { parsePack } from '../packs/schema';
import { deleteUserEntity, saveEntity, trackName } from '../packs/user-layer';
import type { MatcherCache } from './matcher-cache';
import { httpUrlProblem } from '../backup/schema';

export type PackRequest =
  | 'getCard'
  | 'importPack'
  | 'exportPack'
  | 'setPackEnabled'
  | 'removePack'
  | 'setPackOrder'
  | 'packConflicts'
  | 'saveEntity'
  | 'resetEntity'
  | 'deleteEntity'
  | 'trackEntity';
export type PackHandlers = Pick<Handlers, PackRequest>;

export interface PackHandlerOptions {
  now?: () => number;
  /** Runs after every change to packs, entities or edits. */
  onChange?: () => Promise<unknown>;
  /** Page-trust writes ("Track this name") allowed per minute. */
  trackPerMinute?: number;
}

type Sender = SenderInfo & { trust: Trust };

/** `story-2024-03-18` v3 → `story-2024-03-18-v3.backstory-pack.json`. */
export function packFilename(id: string, version: number): string {
  const safe = id.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '') || 'pack';
  return `${safe}-v${version}.backstory-pack.json`;
}

/**
 * Parse a pack file's text; every problem as one line. An exported "My entities" pack
 * (`USER_PACK_ID`) is accepted: importing it restores the reader's own entities.
 */
export function readPackFile(json: string): { ok: true; pack: Pack } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`pack: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return parsePack(data);
}

export function createPackHandlers(
  db: BackstoryDB,
  cache: MatcherCache,
  whenReady: () => Promise<unknown>,
  options: PackHandlerOptions = {},
): PackHandlers {
  const now = options.now ?? Date.now;
  const changed = async <T>(value: T): Promise<T> => {
    cache.invalidate();
    await options.onChange?.().catch(() => undefined); // the signal is best-effort; the write is done
    return value;
  };
  const trackLimit = options.trackPerMinute ?? 20;
  const trackTimes: number[] = [];

  async function getCard(entityId: string): Promise<CardData> {
    const { resolution } = await cache.snapshot();
    const resolved = resolution.byId.get(entityId);
    if (!resolved) throw new Error(`no entity "${entityId}" in any enabled pack`);
    const pack = await db.packs.get(resolved.packId);
    if (!pack) throw new Error(`entity "${entityId}" has no installed pack "${resolved.packId}"`);
    const { entity } = resolved;
    const related: EntityRef[] = [];
    for (const target of new Set(entity.relations.map((r) => r.target))) {
      const other = resolution.byId.get(target);
      if (other && target !== entityId) related.push({ id: target, kind: other.entity.kind, name: other.entity.name });
    }
    return { entity, pack: toPackMeta(pack), related, also: resolution.also.get(entityId) ?? [], edited: resolved.edited };
  }

  async function importPack(json: string, origin: 'imported' | 'drafted', replace: boolean): Promise<ImportPackResult> {
    const read = readPackFile(json);
    if (!read.ok) return { status: 'invalid', errors: read.errors };
    const { pack } = read;
    const installed = await db.packs.get(pack.id);
    if (installed && !replace && pack.version <= installed.version) {
      const { entities: _entities, ...incoming } = pack;
      return { status: 'confirm', reason: pack.version === installed.version ? 'same-version' : 'older-version', installed, incoming };
    }
    const row = await installPack(db, pack, now(), origin);
    const ids = new Set(pack.entities.map((e) => e.id));
    const editsKept = (await db.edits.toArray()).filter((e) => ids.has(e.id)).length;
    return changed({ status: 'installed', pack: row, ...(installed ? { replaced: installed.version } : {}), editsKept });
  }

  return {
    async getCard({ entityId }) {
      await whenReady();
      return getCard(entityId);
    },
    async importPack({ json, origin, replace }) {
      await whenReady();
      return importPack(json, origin ?? 'imported', replace === true);
    },
    async exportPack({ packId }) {
      const pack = await readPack(db, packId);
      if (!pack) throw new Error(`no pack "${packId}"`);
      return { filename: packFilename(pack.id, pack.version), json: `${JSON.stringify(pack, null, 2)}\n` };
    },
    async setPackEnabled({ packId, enabled }) {
      return changed(await setPackEnabled(db, packId, enabled));
    },
    async removePack({ packId }) {
      const pack = await readPack(db, packId);
      if (!pack) throw new Error(`no pack "${packId}"`);
      await removePack(db, packId);
      const ids = pack.entities.map((e) => e.id);
      const notesKept = await db.notes.where('entityId').anyOf(ids).filter((n) => n.deletedAt === undefined).count();
      return changed({ removed: packId, notesKept });
    },
    async setPackOrder({ packIds }) {
      return changed(await setPackOrder(db, packIds));
    },
    async packConflicts() {
      await whenReady();
      return (await cache.snapshot()).resolution.conflicts;
    },
    async saveEntity({ draft }) {
      await whenReady();
      return changed(await saveEntity(db, draft.entity, draft.isNew, now()));
    },
    async resetEntity({ entityId }) {
      await deleteEdit(db, entityId);
      await changed(undefined);
      return (await cache.snapshot()).resolution.byId.get(entityId) ?? null;
    },
    async deleteEntity({ entityId }) {
      return changed({ deleted: await deleteUserEntity(db, entityId, now()) });
    },
    async trackEntity({ draft }, sender: Sender) {
      // A page may only cite itself: the source is the sender's own page.
      const pageUrl = sender.trust === 'extension' ? draft.pageUrl : sender.url;
      if (pageUrl === undefined || httpUrlProblem(pageUrl) !== null) throw new Error('only a web page can be cited as the source');
      if (sender.trust === 'page') {
        const t = now();
        while (trackTimes.length > 0 && (trackTimes[0] ?? 0) <= t - 60_000) trackTimes.shift();
        if (trackTimes.length >= trackLimit) throw new Error('too many names tracked in a minute; try again shortly');
        trackTimes.push(t);
      }
      const entity = await trackName(
        db,
        {
          name: draft.name,
          kind: draft.kind,
          aliases: draft.aliases ?? [],
          role: draft.role ?? '',
          context: draft.context ?? '',
          page: { url: pageUrl, title: draft.pageTitle },
        },
        now(),
      );
      return changed({ id: entity.id, kind: entity.kind, name: entity.name });
    },
  };
}
