/**
 * The one typed protocol between Backstory's contexts. Every request a context can make
 * is listed in `Protocol` with its input schema, its reply type and the trust it needs.
 *
 * Two trust levels:
 * - `page`: a content script may ask. It runs beside a page that may be hostile (a
 *   compromised renderer can forge its messages), so these requests only read cards and
 *   matcher data, or write a single note.
 * - `extension`: only the extension's own pages: `sender.url` under the extension's origin
 *   (a tab is allowed: the options page opens in one). See `senderTrust`.
 */
import type { z } from 'zod';
import type {
  AliasConflict,
  Backup,
  ConflictSide,
  Entity,
  EntityKind,
  ImportSummary,
  InstalledPack,
  Note,
  PackMeta,
  ResolvedEntity,
  SaveResult,
} from './model';
import type { MatcherData } from './matcher';
import type { PageStatus, SitesState } from './sites/state';
import type { SiteMode } from './sites/rules';
import type { requestSchemas } from './messaging-validation';

/** Every request type; their input schemas are in `messaging-validation.ts`. */
export type RequestType = keyof typeof requestSchemas;
export type RequestOf<K extends RequestType> = z.infer<(typeof requestSchemas)[K]>;

export interface EntityRef {
  id: string;
  kind: EntityKind;
  name: string;
}

/** What the content script needs to find mentions on a page. */
export interface MatcherPayload {
  /** Changes whenever any installed pack changes; lets callers cache. */
  revision: string;
  data: MatcherData;
  /** Every entity the matcher can report, by id. */
  entities: Record<string, EntityRef>;
}

/** Everything the hover card shows for one entity. */
export interface CardData {
  entity: Entity;
  pack: PackMeta;
  /** The entities this one's relations point at (those that exist). */
  related: EntityRef[];
  /**
   * Entities of other packs that claim one of this entity's aliases (or its id) and lost to
   * it by the precedence rule: the card shows them as "Also: …".
   */
  also: ConflictSide[];
  /** True when the reader's correction (user layer) is what is shown. */
  edited: boolean;
}

/** What importing a pack file did. Nothing changes unless `status` is `installed`. */
export type ImportPackResult =
  | {
      status: 'installed';
      pack: InstalledPack;
      /** The version it replaced, when a pack with the same id was installed. */
      replaced?: number;
      /** The reader's edits of this pack's entities that were kept. */
      editsKept: number;
    }
  /** The file is not a valid pack: every problem, one line each. */
  | { status: 'invalid'; errors: string[] }
  /** A pack with this id and the same or a higher version is installed: ask, then send `replace: true`. */
  | { status: 'confirm'; reason: 'same-version' | 'older-version'; installed: InstalledPack; incoming: PackMeta };

/** The form "Track this name" sends from a page (page trust: its source is the sender's page). */
export interface TrackDraft {
  name: string;
  kind: EntityKind;
  /** Further ways the text writes the name. */
  aliases?: string[];
  role?: string;
  /** The sentence around the selection, quoted as the entity's first context. */
  context?: string;
  pageUrl: string;
  pageTitle: string;
}

/** An entity as the options page's editor sends it. */
export interface EntityDraft {
  entity: Entity;
  /** True for a new entity (goes into "My entities"); else the existing id is edited. */
  isNew: boolean;
}

/** The sites state as the options page and the popup show it (an expired pause is null). */
export interface SitesView extends SitesState {
  sync: {
    /** Records kept on this browser only (sync storage is full), per collection. */
    localOnly: Record<string, number>;
    /** Records waiting to be written to sync. */
    pending: number;
    /** The last quota or rate problem, in words. */
    lastError: string | null;
  };
}

/** One change to the sites state (options page, popup). */
export type SitesAction =
  | { op: 'mode'; mode: SiteMode }
  /** Add a site as the reader typed it; `subdomains` is "and its subdomains". */
  | { op: 'add'; input: string; subdomains: boolean }
  | { op: 'active'; host: string; active: boolean }
  | { op: 'remove'; host: string }
  /** The popup's switch "Backstory on this site" for the page at `url`. */
  | { op: 'switch'; url: string; on: boolean }
  | { op: 'removeNotHere'; id: string }
  /** Pause everywhere for `hours`, or until turned back on (`null`). */
  | { op: 'pause'; hours: number | null }
  | { op: 'resume' };

/** The reply type of each request. */
export interface Replies {
  /** Content script, once per page: the compiled matcher over all installed packs. */
  getMatcher: MatcherPayload;
  /** Content script, per hover: the card of one entity. */
  getCard: CardData;
  /** Extension pages: the installed packs. */
  listPacks: PackMeta[];
  /** Live notes on one entity, newest first (card, sidebar). */
  notesForEntity: Note[];
  /** Live page and passage notes of one page (by its normalised URL), newest first. */
  notesForPage: Note[];
  /** Which of these entities (those on the page) have live notes. */
  notedEntities: string[];
  /** Create or edit one note; a stale edit is kept as a conflict copy, never lost. */
  saveNote: SaveResult;
  /** Move one note to the trash. */
  deleteNote: Note;
  /** Take one note back out of the trash (undo). */
  restoreNote: Note;
  /** Extension pages: full-text search (all words, prefix match), best first. */
  searchNotes: Note[];
  /** Extension pages: everything, as one backup object. */
  exportBackup: Backup;
  /** Extension pages: all live notes as Markdown. */
  exportMarkdown: string;
  /** Extension pages: merge a backup file's text (newest `updatedAt` wins), all or nothing. */
  importBackup: ImportSummary;
  /** Extension pages: delete the trash for good. */
  emptyTrash: { purged: number };
  /** Extension pages: move several notes to the trash. */
  deleteNotes: { deleted: number };
  /** Extension pages (side panel): run the content script in a tab that lacks it. */
  injectContentScript: { injected: boolean; reason?: string };
  /** Extension pages: install a pack file's text (imported, or drafted from an article). */
  importPack: ImportPackResult;
  /** Extension pages: one pack as a pretty-printed pack file (the packs' own entities, without edits). */
  exportPack: { filename: string; json: string };
  /** Extension pages: turn a pack on or off (its underlines go or come on every tab). */
  setPackEnabled: InstalledPack;
  /** Extension pages: uninstall a pack; notes on its entities are kept. */
  removePack: { removed: string; notesKept: number };
  /** Extension pages: the reader's pack order (every installed pack id, first first). */
  setPackOrder: InstalledPack[];
  /** Extension pages: the alias conflicts between the enabled packs, as resolved now. */
  packConflicts: AliasConflict[];
  /** Extension pages: edit an entity (user layer) or add a new one to "My entities". */
  saveEntity: ResolvedEntity;
  /** Extension pages: drop the reader's edit of an entity; the pack's version shows again. */
  resetEntity: ResolvedEntity | null;
  /** Extension pages: delete one of the reader's own entities ("My entities"). */
  deleteEntity: { deleted: boolean };
  /** Content script: "Track this name" — add it to "My entities", underlined at once everywhere. */
  trackEntity: EntityRef;
  /** Content script, before anything else: does Backstory run on this tab's site, and what does it skip? */
  pageStatus: PageStatus;
  /** Content script (a small frame): does this little text name anyone, on a site where Backstory runs? */
  probeText: boolean;
  /** Content script: inject the page UI (card, notes, sidebar bridge) into the sending frame. */
  loadPageUi: { loaded: true };
  /** The frame gate (a sub-frame with text worth scanning): inject the page core into the sending frame. */
  loadCore: { loaded: true };
  /** Extension pages: the mode, the rules, the pause and how much of it is synced. */
  sitesState: SitesView;
  /** Extension pages: change the sites state; a site that cannot be read gets `error`, `notes` explain a change. */
  updateSites: { view: SitesView; error?: string; notes?: string[] };
  /** Content script (the card): "Not {name} here", for the sender tab's site. */
  notHere: { id: string; site: string };
  /** Undo of `notHere` (a page may only undo its own site's rules). */
  undoNotHere: { removed: boolean };
  /** Content script (the card): "Not {name} anywhere" — the text becomes a negative phrase of the entity. */
  notAnywhere: { entityId: string; phrase: string };
  undoNotAnywhere: { entityId: string; phrase: string };
}

export type Trust = 'page' | 'extension';

/** The least trust each request needs. */
export const requestTrust: Record<RequestType, Trust> = {
  getMatcher: 'page',
  getCard: 'page',
  listPacks: 'extension',
  notesForEntity: 'page',
  notesForPage: 'page',
  notedEntities: 'page',
  saveNote: 'page',
  deleteNote: 'page',
  restoreNote: 'page',
  searchNotes: 'extension',
  exportBackup: 'extension',
  exportMarkdown: 'extension',
  importBackup: 'extension',
  emptyTrash: 'extension',
  deleteNotes: 'extension',
  injectContentScript: 'extension',
  importPack: 'extension',
  exportPack: 'extension',
  setPackEnabled: 'extension',
  removePack: 'extension',
  setPackOrder: 'extension',
  packConflicts: 'extension',
  saveEntity: 'extension',
  resetEntity: 'extension',
  deleteEntity: 'extension',
  trackEntity: 'page',
  pageStatus: 'page',
  probeText: 'page',
  loadPageUi: 'page',
  loadCore: 'page',
  sitesState: 'extension',
  updateSites: 'extension',
  notHere: 'page',
  undoNotHere: 'page',
  notAnywhere: 'page',
  undoNotAnywhere: 'page',
};

/** The envelope every message travels in. */
export interface Envelope<K extends RequestType = RequestType> {
  backstory: 1;
  type: K;
  payload: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export class RequestError extends Error {
  override name = 'RequestError';
}

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  /** The sending frame (0: the top frame), for replies aimed at one frame. */
  frameId?: number;
  /** The sending document (Chrome 106+): a frame that navigated since is not it. */
  documentId?: string;
}

/** The transport: `browser.runtime.sendMessage` in the extension, a fake in tests. */
export type Transport = (message: Envelope) => Promise<unknown>;

/** Send one request and unwrap its reply; a failure becomes a `RequestError`. */
export async function request<K extends RequestType>(
  transport: Transport,
  type: K,
  payload: RequestOf<K>,
): Promise<Replies[K]> {
  const envelope = { backstory: 1, type, payload } as Envelope;
  const reply = (await transport(envelope)) as Reply<Replies[K]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new RequestError(`No reply to ${type}: is the extension running?`);
  }
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.value;
}

/**
 * One handler per request. `sender` is the checked sender: handlers of page-trust writes
 * use it to confine a content script to its own page (`sender.url`).
 */
export type Handlers = {
  [K in RequestType]: (payload: RequestOf<K>, sender: SenderInfo & { trust: Trust }) => Promise<Replies[K]>;
};

/**
 * The other direction, background → content script: a browser command the user pressed
 * (`show-card`: open the card of the mention at the caret, or step to the next one;
 * `note-selection`: write a note on the selected passage; `track-selection`: the "Track this
 * name" form for the selected name).
 */
export const CONTENT_COMMANDS = ['show-card', 'note-selection', 'track-selection'] as const;
export interface ContentCommand {
  backstory: 1;
  command: (typeof CONTENT_COMMANDS)[number];
}

/** A content script obeys commands only from this extension's background (no tab). */
export function isFromBackground(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** The command in `message`, or null: exactly `{ backstory: 1, command: <a known command> }`. */
export function parseContentCommand(message: unknown): ContentCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const keys = Object.keys(message);
  const m = message as Record<string, unknown>;
  const command = CONTENT_COMMANDS.find((c) => c === m.command);
  if (keys.length !== 2 || m.backstory !== 1 || command === undefined) return null;
  return { backstory: 1, command };
}
