/**
 * Writing an imported backup's notes: merge by id, the newest `updatedAt` wins. All of it
 * happens in one read-write transaction on the notes table, so a failure anywhere (a full
 * disk, a bug) aborts it and leaves the database exactly as it was.
 */
import type { Note } from '../model';
import { noteRow, toNote, type BackstoryDB, type StoredNote } from '../db/schema';

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** Rows per `bulkPut` (all in the same transaction). */
const CHUNK = 1000;

/**
 * Merges `notes` (valid, unique ids) into the database:
 * - absent → added as it is (its rev kept);
 * - present with an older `updatedAt` → replaced; its rev becomes higher than the stored
 *   one, so an editor still holding the stored rev meets a conflict instead of overwriting;
 * - present with the same or a newer `updatedAt` → skipped.
 */
export async function mergeNotes(db: BackstoryDB, notes: readonly Note[]): Promise<MergeCounts> {
  return db.transaction('rw', db.notes, async () => {
    const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
    const rows: StoredNote[] = [];
    for (let start = 0; start < notes.length; start += CHUNK) {
      const batch = notes.slice(start, start + CHUNK);
      const existing = await db.notes.bulkGet(batch.map((n) => n.id));
      batch.forEach((incoming, i) => {
        const stored = existing[i];
        if (stored === undefined) {
          counts.added += 1;
          rows.push(noteRow(incoming));
        } else if (stored.updatedAt < incoming.updatedAt) {
          counts.updated += 1;
          const rev = Math.max(incoming.rev, (toNote(stored).rev || 0) + 1);
          rows.push(noteRow({ ...incoming, rev }));
        } else {
          counts.skipped += 1;
        }
      });
    }
    for (let start = 0; start < rows.length; start += CHUNK) {
      await db.notes.bulkPut(rows.slice(start, start + CHUNK));
    }
    return counts;
  });
}
