/**
 * Every write the options page makes, as a request to the background (which owns note
 * writes), plus the extension-trust reads it cannot do itself (search, export).
 */
import { request, RequestError, type RequestOf, type Replies, type RequestType, type Transport } from '../../lib/messaging';
import type { ImportPackResult, SitesAction } from '../../lib/messaging';
import type { Backup, Entity, ImportSummary, InstalledPack, Note, NoteDraft, ResolvedEntity, SaveResult } from '../../lib/model';

export interface LibraryActions {
  save(draft: NoteDraft): Promise<SaveResult>;
  remove(id: string): Promise<Note>;
  restore(id: string): Promise<Note>;
  removeMany(ids: readonly string[]): Promise<{ deleted: number }>;
  emptyTrash(): Promise<{ purged: number }>;
  search(query: string): Promise<Note[]>;
  exportBackup(): Promise<Backup>;
  exportMarkdown(): Promise<string>;
  importBackup(json: string): Promise<ImportSummary>;
  /** Packs: import a pack file's text (`replace` after the reader confirmed a same/older version). */
  importPack(json: string, replace?: boolean): Promise<ImportPackResult>;
  exportPack(packId: string): Promise<{ filename: string; json: string }>;
  setPackEnabled(packId: string, enabled: boolean): Promise<InstalledPack>;
  removePack(packId: string): Promise<{ removed: string; notesKept: number }>;
  /** Every pack id, in the reader's new order. */
  setPackOrder(packIds: readonly string[]): Promise<InstalledPack[]>;
  /** Entities: save the reader's version (a new one goes into "My entities"). */
  saveEntity(entity: Entity, isNew: boolean): Promise<ResolvedEntity>;
  /** Drop the reader's edit of a pack entity ("Reset to the pack's version"). */
  resetEntity(entityId: string): Promise<ResolvedEntity | null>;
  /** Delete one of the reader's own entities. */
  deleteEntity(entityId: string): Promise<{ deleted: boolean }>;
  /** Sites: the mode, the rules, the pause and the sync status. */
  sitesState(): Promise<Replies['sitesState']>;
  updateSites(action: SitesAction): Promise<Replies['updateSites']>;
}

/** Most search results shown at once. */
export const SEARCH_LIMIT = 200;

/**
 * `request`, with the router's "<type>: " prefix taken off a failure's message: the rest is
 * the background's own words, shown to the user as they are.
 */
async function ask<K extends RequestType>(send: Transport, type: K, payload: RequestOf<K>): Promise<Replies[K]> {
  try {
    return await request(send, type, payload);
  } catch (error) {
    const prefix = `${type}: `;
    if (error instanceof RequestError && error.message.startsWith(prefix)) throw new RequestError(error.message.slice(prefix.length));
    throw error;
  }
}

export function createActions(send: Transport): LibraryActions {
  return {
    save: (draft) => ask(send, 'saveNote', { draft }),
    remove: (id) => ask(send, 'deleteNote', { id }),
    restore: (id) => ask(send, 'restoreNote', { id }),
    removeMany: (ids) => ask(send, 'deleteNotes', { ids: [...ids] }),
    emptyTrash: () => ask(send, 'emptyTrash', {}),
    search: (query) => ask(send, 'searchNotes', { query, limit: SEARCH_LIMIT }),
    exportBackup: () => ask(send, 'exportBackup', {}),
    exportMarkdown: () => ask(send, 'exportMarkdown', {}),
    importBackup: (json) => ask(send, 'importBackup', { json }),
    importPack: (json, replace) => ask(send, 'importPack', replace ? { json, replace: true } : { json }),
    exportPack: (packId) => ask(send, 'exportPack', { packId }),
    setPackEnabled: (packId, enabled) => ask(send, 'setPackEnabled', { packId, enabled }),
    removePack: (packId) => ask(send, 'removePack', { packId }),
    setPackOrder: (packIds) => ask(send, 'setPackOrder', { packIds: [...packIds] }),
    saveEntity: (entity, isNew) => ask(send, 'saveEntity', { draft: { entity, isNew } }),
    resetEntity: (entityId) => ask(send, 'resetEntity', { entityId }),
    deleteEntity: (entityId) => ask(send, 'deleteEntity', { entityId }),
    sitesState: () => ask(send, 'sitesState', {}),
    updateSites: (action) => ask(send, 'updateSites', { action }),
  };
}
