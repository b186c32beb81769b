/**
 * The background's answers to every request in the protocol. Inputs arrive already
 * validated and sender-checked by `route()` (lib/messaging.ts).
 */
import type { CardData, EntityRef, Handlers } from '../messaging';
import type { BackstoryDB } from '../db/schema';
import { toEntity, toPackMeta } from '../db/schema';
import { listPacks } from '../db/packs-repo';
import type { MatcherCache } from './matcher-cache';
import { createNotesHandlers, type NotesHandlerOptions } from './notes-handlers';
import { noInjector, type InjectContentScript } from './inject';

/**
 * @param whenReady resolves once the shipped pack is installed; the pack handlers wait for
 *   it, so the first page never gets a matcher over an empty database (note handlers do
 *   not: notes do not depend on packs).
 * @param notes the clock and the change signal of the note handlers.
 * @param inject runs the content script in a tab (`browser.scripting`, see `inject.ts`).
 */
export function createHandlers(
  db: BackstoryDB,
  cache: MatcherCache,
  whenReady: () => Promise<unknown> = () => Promise.resolve(),
  notes: NotesHandlerOptions = {},
  inject: InjectContentScript = noInjector,
): Handlers {
  async function getCard(entityId: string): Promise<CardData> {
    return db.transaction('r', [db.entities, db.packs], async () => {
      const row = await db.entities.get(entityId);
      if (!row) throw new Error(`no entity "${entityId}"`);
      const pack = await db.packs.get(row.packId);
      if (!pack) throw new Error(`entity "${entityId}" has no installed pack "${row.packId}"`);
      const targets = [...new Set(row.relations.map((r) => r.target))].filter((id) => id !== entityId);
      const related: EntityRef[] = [];
      for (const target of await db.entities.bulkGet(targets)) {
        if (target) related.push({ id: target.id, kind: target.kind, name: target.name });
      }
      return { entity: toEntity(row), pack: toPackMeta(pack), related };
    });
  }

  return {
    async getMatcher() {
      await whenReady();
      return cache.get();
    },
    async getCard({ entityId }) {
      await whenReady();
      return getCard(entityId);
    },
    async listPacks() {
      await whenReady();
      return listPacks(db);
    },
    injectContentScript: (input) => inject(input),
    ...createNotesHandlers(db, notes),
  };
}
