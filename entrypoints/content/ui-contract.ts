/**
 * The seam between the two halves of the page side.
 *
 * - The **core** (`index.ts`, in every frame, from the manifest) finds and underlines the
 *   names: site status, matcher, scanner, highlights, hover hit-testing, keyboard command,
 *   the "noted" mark. It imports no UI code (Preact, Floating UI, `components/`): a lint
 *   rule keeps it so.
 * - The **page UI** (`page-ui.js`, an unlisted script) is the card, notes, passage notes,
 *   "Track this name", the wrong-match buttons and the sidebar bridge. The background
 *   injects it on request (`loadPageUi`, `scripting.executeScript` into the requesting
 *   frame, the same isolated world), the first time a frame needs it: hover intent on a
 *   mention, a keyboard or menu command, a side panel connecting, a page with passage
 *   notes. No web-accessible resource is involved, so a page cannot probe for it.
 *
 * The UI script hands its factory to the core through `PAGE_UI_SLOT`, a property of the
 * isolated world's global object (the page never sees it). This file holds types and one
 * constant only: both halves import it.
 */
import type { Transport, EntityRef } from '../../lib/messaging';
import type { PassageStatus } from '../../lib/anchoring/status';
import type { PageScanner } from '../../lib/page/page-scanner';
import type { HoverCard } from '../../lib/page/hover-intent';
import type { RuntimeLike } from './sidebar-relay';
import type { Scope } from './scope';

/** The property of the isolated world's `globalThis` the UI script calls with its factory. */
export const PAGE_UI_SLOT = '__backstoryPageUi';

export type PageUiSlot = (factory: PageUiFactory) => void;

/** What the core lends the page UI: its lifetime, transport, scanner and names. */
export interface PageUiDeps {
  scope: Scope;
  send: Transport;
  doc: Document;
  win: Window;
  scanner: Pick<PageScanner, 'ready' | 'mentions' | 'mentionsOf' | 'setActive'>;
  /** The current matcher's entities (changes with the packs). */
  names(entityId: string): EntityRef | undefined;
  /** Ports from the side panel, relayed by the core (which holds `runtime.onConnect`). */
  sidebarRuntime: RuntimeLike;
  /** A card opened: a cheap moment to re-mark names noted since the last look. */
  cardOpened(): void;
}

/** The card as the core drives it. */
export interface PageCard extends HoverCard {
  focus(): void;
  refreshNotes(): void;
  forgetCards(): void;
  /** The hover intent keeps the card open while the pointer is on it. */
  onPointer(enter: () => void, leave: () => void): void;
}

/** What the page UI gives back. Every part keeps working when another failed to start. */
export interface PageUi {
  card: PageCard;
  /** The `note-selection` command: a new passage note on the selection. */
  newPassageNote(): void;
  /** The `track-selection` command; false when nothing usable is selected. */
  trackSelection(): boolean;
  /** The popup's passage-status query (resolves once the page's notes are loaded). */
  passageStatus(): Promise<PassageStatus>;
  /** The page's mentions changed. */
  mentionsChanged(): void;
  /** True for the page UI's own hosts (card, notes, track form, toast) and their insides. */
  ownsNode(node: Node): boolean;
}

export type PageUiFactory = (deps: PageUiDeps) => PageUi;
