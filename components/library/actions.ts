/**
 * Every write the options page makes, as a request to the background (which owns note
 * writes), plus the extension-trust reads it cannot do itself (search, export).
 */
import { request, RequestError, type RequestOf, type Replies, type RequestType, type Transport } from '../../lib/messaging';
import type { Backup, ImportSummary, Note, NoteDraft, SaveResult } from '../../lib/model';

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
  };
}
