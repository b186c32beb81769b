/**
 * The Backstory IndexedDB database. Opened only in the background and the extension's own
 * pages, never in a content script.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Entity, EntityEdit, InstalledPack, PackMeta } from '../model';
import type { StoredNote } from './notes-row';
import { applyVersions } from './versions';

export { noteRow, toNote, type StoredNote } from './notes-row';

export const DB_NAME = 'backstory';

/** An installed pack's metadata, origin and the reader's settings for it. */
export type StoredPack = InstalledPack;

/**
 * An entity row of one pack: the entity, the pack it came from, and its lowercased alias
 * texts. Keyed by `[packId+id]`: two packs may carry the same entity id (the same referent,
 * known as of different dates); which version is shown is the pack-source layer's choice.
 */
export type StoredEntity = Entity & {
  packId: string;
  /** Lowercased alias texts plus the lowercased name (multi-entry index, for search). */
  aliasTexts: string[];
};

/** Small key/value facts about the database (e.g. a cache revision). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export interface BackstoryDBOptions {
  /** Database name; defaults to "backstory" (tests may isolate by name or factory). */
  name?: string;
  /** IndexedDB implementation; defaults to the global one (tests pass fake-indexeddb). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class BackstoryDB extends Dexie {
  declare packs: EntityTable<StoredPack, 'id'>;
  declare packEntities: Table<StoredEntity, [string, string]>;
  /** The reader's corrections of pack entities (the user layer), by entity id. */
  declare edits: EntityTable<EntityEdit, 'id'>;
  declare meta: EntityTable<MetaRow, 'key'>;
  declare notes: EntityTable<StoredNote, 'id'>;

  constructor(options: BackstoryDBOptions = {}) {
    super(options.name ?? DB_NAME, {
      // Dexie 4 has no per-transaction durability option: set it for every read-write
      // transaction of this database, so "saved" means written to disk.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    applyVersions(this);
  }
}

/** The stored row of an entity, as the plain `Entity` the rest of the extension uses. */
export function toEntity(row: StoredEntity): Entity {
  const { packId: _packId, aliasTexts: _aliasTexts, ...entity } = row;
  return entity;
}

/** The stored row of a pack, as plain `PackMeta`. */
export function toPackMeta(row: StoredPack): PackMeta {
  const { installedAt: _installedAt, origin: _origin, enabled: _enabled, order: _order, ...meta } = row;
  return meta;
}
