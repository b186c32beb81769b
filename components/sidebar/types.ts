/**
 * What the context sidebar needs from the browser. `entrypoints/sidepanel/deps.ts` builds
 * these over `browser.*`; tests pass fakes (a fake port, a fake `send`).
 */
import type { Transport } from '../../lib/messaging';
import type { SidebarEvent, SidebarRequest } from '../../lib/sidebar-protocol';

/** The parts of a tab the sidebar looks at. */
export interface TabInfo {
  id: number;
  /** Absent when the browser hides it (no permission for that page). */
  url?: string | undefined;
  title?: string | undefined;
  /** 'loading' or 'complete'. */
  status?: string | undefined;
}

/** A change of tabs the sidebar may have to follow. */
export type TabEvent =
  | { type: 'activated'; tabId: number; windowId?: number | undefined }
  | { type: 'updated'; tabId: number; url?: string | undefined; status?: string | undefined }
  | { type: 'removed'; tabId: number }
  | { type: 'focus' };

/** One open connection to a tab's content script (a `runtime.Port` named `SIDEBAR_PORT`). */
export interface SidebarPort {
  post(request: SidebarRequest): void;
  /** Every message, as received (not yet validated). */
  onMessage(listener: (message: unknown) => void): void;
  /** The other end went away, or never was there (`error` from `runtime.lastError`). */
  onDisconnect(listener: (error?: string) => void): void;
  disconnect(): void;
}

/** Calls `onVisible` once the element is (about to be) on screen; returns the stop. */
export type ObserveVisible = (element: Element, onVisible: () => void) => () => void;

export interface SidebarDeps {
  /** Requests to the background (`browser.runtime.sendMessage`). */
  send: Transport;
  /** The tab to show: the pinned one (`?tab=`), else the active tab of this window. */
  currentTab(): Promise<TabInfo | null>;
  /** True when the sidebar is pinned to one tab and must not follow the active one. */
  pinned: boolean;
  /** Subscribe to tab changes; returns the unsubscribe. */
  onTabEvent(listener: (event: TabEvent) => void): () => void;
  /** Connect to the top frame's content script of a tab. Throws when that is impossible. */
  connect(tabId: number): SidebarPort;
  /** Whether the user allowed the extension on file:// pages. */
  fileAccess(): Promise<boolean>;
  /** Subscribe to "notes changed" (anywhere); returns the unsubscribe. */
  onNotesChanged(listener: () => void): () => void;
  /** Why Backstory does not run on the page at `url` (site turned off, paused), or null when it does. */
  siteOff?: ((url: string) => Promise<string | null>) | undefined;
  /** Subscribe to "the sites state changed"; returns the unsubscribe. */
  onSitesChanged?: ((listener: () => void) => () => void) | undefined;
  /** Wait between connection attempts (ms, default 250; tests make it short). */
  retryDelayMs?: number | undefined;
  /** Lazy loading of rows and sections; default: `IntersectionObserver`, or at once without it. */
  observeVisible?: ObserveVisible | undefined;
}

export type { SidebarEvent };
