/**
 * Backup and restore: everything the user made as one JSON file (`Backup`), imported back
 * by merging (newest `updatedAt` wins), and the notes as Markdown. An import is validated
 * completely before anything is written, and written in one transaction: a rejected or
 * failed import leaves the database exactly as it was.
 */
import type { Backup, ImportSummary } from '../model';
import { USER_PACK_ID } from '../model';
import { toNote, type BackstoryDB } from '../db/schema';
import { entityNames, readPack, sourceTables } from '../db/packs-repo';
import { renderMarkdown } from './markdown';
import { mergeNotes } from './merge';
import { BackupError, parseBackup } from './parse';
import { BACKUP_FORMAT, BACKUP_VERSION } from './schema';
import { mergeUserLayer } from './user-layer';

export { BackupError, parseBackup, type ParsedBackup } from './parse';
export { BACKUP_LIMITS, BACKUP_FORMAT, BACKUP_VERSION } from './schema';
export { renderMarkdown } from './markdown';
export { layerChanged } from './user-layer';

/**
 * Every note (the trash too: it is the user's), in id order, with the reader's own
 * entities ("My entities", with the pages they cite) and their corrections of pack entities.
 */
export async function exportBackup(db: BackstoryDB, now: number): Promise<Backup> {
  return db.transaction('r', [db.notes, db.packs, db.packEntities, db.edits], async () => {
    const rows = await db.notes.toArray();
    const userPack = await readPack(db, USER_PACK_ID);
    const edits = await db.edits.toArray();
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      notes: rows.map(toNote),
      userEntities: [],
      settings: {},
    };
    if (userPack && userPack.entities.length > 0) backup.userPack = userPack;
    if (edits.length > 0) backup.entityEdits = edits;
    return backup;
  });
}

/** Live notes as Markdown, entity notes headed by the entity's name. */
export async function exportMarkdown(db: BackstoryDB): Promise<string> {
  return db.transaction('r', [db.notes, db.packEntities, db.edits], async () => {
    const notes = (await db.notes.toArray()).map(toNote).filter((n) => n.deletedAt === undefined);
    const ids = [...new Set(notes.flatMap((n) => (n.target.type === 'entity' ? [n.target.entityId] : [])))];
    return renderMarkdown(notes, await entityNames(db, ids));
  });
}

/**
 * Validates `json` as a backup (throws `BackupError` saying what is wrong) and merges its
 * notes, entities and corrections in one transaction: all of it is written, or nothing.
 * Imported notes keep their own times; `now` dates the new version of "My entities".
 */
export async function importBackup(db: BackstoryDB, json: string, now: number): Promise<ImportSummary> {
  const { backup, warnings } = parseBackup(json);
  const layer = { entityEdits: backup.entityEdits ?? [], ...(backup.userPack ? { userPack: backup.userPack } : {}) };
  const hasLayer = layer.userPack !== undefined || layer.entityEdits.length > 0;
  try {
    return await db.transaction('rw', [db.notes, ...sourceTables(db)], async () => {
      const counts = await mergeNotes(db, backup.notes);
      if (!hasLayer) return { ...counts, warnings };
      return { ...counts, warnings, userLayer: await mergeUserLayer(db, layer, now) };
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be written; nothing was imported (${reason(error)})`);
  }
}

function reason(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if (e.name === 'QuotaExceededError') return 'storage is full: free some disk space and try again';
    e = (e as { inner?: unknown }).inner ?? e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}
