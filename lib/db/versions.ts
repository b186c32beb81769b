/**
 * Every schema version of the Backstory database, oldest first. A new version is
 * appended (never edited in place) with its full store list and, when existing rows must
 * change shape, an `upgrade` function. `versions.test.ts` opens the database at every
 * earlier version with data and checks that the current class reads it intact.
 */
import type { Dexie, Transaction } from 'dexie';
import type { Note as NoteV1 } from './notes-types';
import { noteRow, type StoredNote } from './notes-row';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes (`*x` = multi-entry). */
  stores: Record<string, string | null>;
  /** Rewrites rows written under the previous version. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      packs: 'id',
      entities: 'id, packId, kind, *aliasTexts',
      meta: 'key',
      notes: 'id, target.entityId, pageUrl, updatedAt, *tags, deletedAt',
    },
  },
  {
    // Notes get a rev (edit conflicts) and derived index fields: entity id, URL key, site,
    // search words; conflict copies are indexed by the note they copy.
    version: 2,
    stores: {
      packs: 'id',
      entities: 'id, packId, kind, *aliasTexts',
      meta: 'key',
      notes: 'id, entityId, urlKey, site, updatedAt, createdAt, *tags, *words, deletedAt, conflictOf',
    },
    async upgrade(tx) {
      await tx
        .table<NoteV1 | StoredNote, string>('notes')
        .toCollection()
        .modify((row, ref) => {
          ref.value = noteRow({ ...row, rev: 'rev' in row ? row.rev : 1 });
        });
    },
  },
  {
    // Several packs at once: entity rows keyed by [packId+id] (the same entity may be in two
    // packs), packs get an origin, an enabled switch and the reader's order, and the
    // reader's corrections live in `edits` above the packs. Rows are copied here; the old
    // table is dropped in v4, once nothing reads it.
    version: 3,
    stores: {
      packs: 'id',
      entities: 'id, packId, kind, *aliasTexts',
      packEntities: '[packId+id], id, packId, kind, *aliasTexts',
      edits: 'id',
      meta: 'key',
      notes: 'id, entityId, urlKey, site, updatedAt, createdAt, *tags, *words, deletedAt, conflictOf',
    },
    async upgrade(tx) {
      // Before v3 only the shipped pack could be installed.
      const packs = await tx.table<Record<string, unknown>, string>('packs').orderBy('id').toArray();
      await tx.table('packs').bulkPut(
        packs.map((row, i) => ({ origin: 'shipped', enabled: true, order: i, ...row })),
      );
      const rows = await tx.table('entities').toArray();
      await tx.table('packEntities').bulkPut(rows);
      await tx.table('meta').put({ key: SOURCE_REVISION_KEY, value: 1 });
    },
  },
  {
    version: 4,
    stores: {
      packs: 'id',
      entities: null,
      packEntities: '[packId+id], id, packId, kind, *aliasTexts',
      edits: 'id',
      meta: 'key',
      notes: 'id, entityId, urlKey, site, updatedAt, createdAt, *tags, *words, deletedAt, conflictOf',
    },
  },
];

/**
 * The `meta` key of the pack-source revision: a counter bumped in the same transaction as
 * every write to packs, their entities or the reader's edits (the matcher cache keys on it).
 */
export const SOURCE_REVISION_KEY = 'sourceRevision';

export const CURRENT_VERSION = SCHEMA_VERSIONS.reduce((max, v) => Math.max(max, v.version), 0);

/** Declare `versions` (default: all of them) on a Dexie instance, in order. */
export function applyVersions(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  let previous = 0;
  for (const v of versions) {
    if (v.version <= previous) throw new Error(`schema versions out of order at ${v.version}`);
    previous = v.version;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
