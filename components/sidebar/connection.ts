/**
 * The sidebar's link to one tab: follows the active tab (or the pinned one), decides whether
 * the page can be read at all, connects a port to its content script and keeps the latest
 * `PageSummary`. Only the current port is listened to: events from a port of a tab the
 * sidebar has left are dropped, and that port is disconnected on the switch.
 */
import { t } from '../../lib/i18n';
import { request } from '../../lib/messaging';
import type { PageSummary, SidebarRequest } from '../../lib/sidebar-protocol';
import { parseSidebarEvent } from './events';
import { UNREADABLE, unreadableReason } from './page-access';
import type { SidebarDeps, SidebarEvent, SidebarPort, TabEvent, TabInfo } from './types';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unreadable'; tab: TabInfo; reason: string }
  /** The reader turned Backstory off on this site (or paused it): `reason` says which. */
  | { kind: 'off'; tab: TabInfo; reason: string }
  | { kind: 'connecting'; tab: TabInfo }
  /** No content script answered; `scanning` while "Scan this page" runs, `error` if it failed. */
  | { kind: 'no-script'; tab: TabInfo; scanning: boolean; error?: string | undefined }
  | { kind: 'ready'; tab: TabInfo; summary: PageSummary };

/** The events other than 'summary' (that one becomes the state). */
export type PanelEvent = Exclude<SidebarEvent, { type: 'summary' }>;

/**
 * Extra attempts to connect: a content script that is still starting (it asks the
 * background for its matcher first) or was just injected has no listener yet.
 */
const CONNECT_RETRIES = 2;
const INJECTED_RETRIES = 4;
const RETRY_MS = 250;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class PanelConnection {
  private state: PanelState = { kind: 'loading' };
  private port: SidebarPort | null = null;
  private tab: TabInfo | null = null;
  private refreshSeq = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private stopTabs: (() => void) | null = null;
  private readonly stateListeners = new Set<(state: PanelState) => void>();
  private readonly eventListeners = new Set<(event: PanelEvent) => void>();
  private destroyed = false;

  private readonly retryMs: number;

  constructor(private readonly deps: SidebarDeps) {
    this.retryMs = deps.retryDelayMs ?? RETRY_MS;
  }

  start(): void {
    const stopTabs = this.deps.onTabEvent((event) => this.onTabEvent(event));
    const stopSites = this.deps.onSitesChanged?.(() => void this.refresh(true));
    this.stopTabs = () => {
      stopTabs();
      stopSites?.();
    };
    void this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.refreshSeq++;
    this.stopTabs?.();
    this.stopTabs = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.closePort();
    this.stateListeners.clear();
    this.eventListeners.clear();
  }

  getState(): PanelState {
    return this.state;
  }

  subscribe(listener: (state: PanelState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onEvent(listener: (event: PanelEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Send a request to the current tab's content script; false when there is none. */
  post(message: SidebarRequest): boolean {
    if (!this.port) return false;
    try {
      this.port.post(message);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Re-read which tab to show. Same tab and URL with a live port: nothing changes, unless
   * `force` (the page reloaded or navigated), which reconnects while the old summary stays
   * on screen (no flash of an empty list).
   */
  async refresh(force = false): Promise<void> {
    const seq = ++this.refreshSeq;
    let tab: TabInfo | null;
    try {
      tab = await this.deps.currentTab();
    } catch {
      tab = null;
    }
    if (seq !== this.refreshSeq || this.destroyed) return;
    if (!tab) {
      this.closePort();
      this.tab = null;
      this.setState({ kind: 'no-tab' });
      return;
    }
    const previous = this.tab;
    const samePage = previous !== null && previous.id === tab.id && previous.url === tab.url;
    const settled = this.port !== null || this.state.kind === 'no-script' || this.state.kind === 'unreadable' || this.state.kind === 'off';
    if (samePage && !force && settled) {
      this.tab = tab;
      return;
    }
    this.closePort();
    this.tab = tab;
    const fileAccess = tab.url?.startsWith('file:') ? await this.deps.fileAccess().catch(() => false) : true;
    if (seq !== this.refreshSeq || this.destroyed) return;
    const reason = unreadableReason(tab.url, fileAccess);
    if (reason !== null) {
      this.setState({ kind: 'unreadable', tab, reason });
      return;
    }
    const off = tab.url === undefined ? null : await this.deps.siteOff?.(tab.url).catch(() => null);
    if (seq !== this.refreshSeq || this.destroyed) return;
    if (off) {
      this.setState({ kind: 'off', tab, reason: off });
      return;
    }
    if (!(samePage && this.state.kind === 'ready')) this.setState({ kind: 'connecting', tab });
    this.connect(tab, CONNECT_RETRIES);
  }

  /** "Scan this page": inject the content script, then connect again. */
  async scan(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'no-script' || state.scanning) return;
    const tab = state.tab;
    this.setState({ kind: 'no-script', tab, scanning: true });
    let failure: string | null = null;
    try {
      const reply = await request(this.deps.send, 'injectContentScript', { tabId: tab.id });
      if (!reply.injected) failure = reply.reason ?? t('sbCouldNotScan');
    } catch (e) {
      failure = messageOf(e);
    }
    if (this.destroyed || this.tab?.id !== tab.id) return;
    if (failure !== null) {
      this.setState({ kind: 'no-script', tab, scanning: false, error: failure });
      return;
    }
    this.closePort();
    this.connect(tab, INJECTED_RETRIES);
  }

  private onTabEvent(event: TabEvent): void {
    if (this.destroyed) return;
    const current = this.tab?.id;
    switch (event.type) {
      case 'activated':
      case 'focus':
        if (!this.deps.pinned) void this.refresh();
        return;
      case 'removed':
        if (event.tabId === current) void this.refresh(true);
        return;
      case 'updated':
        if (event.tabId !== current) return;
        if (event.url !== undefined || event.status === 'complete') void this.refresh(true);
        return;
    }
  }

  private connect(tab: TabInfo, retries: number): void {
    let port: SidebarPort;
    try {
      port = this.deps.connect(tab.id);
    } catch (e) {
      this.setState({ kind: 'no-script', tab, scanning: false, error: messageOf(e) });
      return;
    }
    this.port = port;
    let heard = false;
    port.onMessage((message) => {
      if (this.port !== port) return;
      const event = parseSidebarEvent(message);
      if (!event) return;
      heard = true;
      if (event.type === 'summary') {
        this.setState({ kind: 'ready', tab, summary: event.summary });
        return;
      }
      for (const listener of [...this.eventListeners]) listener(event);
    });
    port.onDisconnect(() => {
      if (this.port !== port) return;
      this.port = null;
      if (heard) {
        // The content script went away (navigation, reload): find out what is there now.
        this.later(() => void this.refresh(true), this.retryMs);
      } else if (retries > 0) {
        this.later(() => {
          if (this.tab?.id === tab.id && this.port === null) this.connect(tab, retries - 1);
        }, this.retryMs);
      } else if (tab.url === undefined) {
        // The browser hides the address of pages we may not read: say so, don't offer a scan.
        this.setState({ kind: 'unreadable', tab, reason: UNREADABLE.hidden });
      } else if (tab.status === 'loading') {
        // Not there yet: the page is still loading; 'complete' will bring us back.
        this.setState({ kind: 'connecting', tab });
      } else {
        this.setState({ kind: 'no-script', tab, scanning: false });
      }
    });
    try {
      port.post({ type: 'summary' });
    } catch {
      // A port that failed to open reports it through onDisconnect.
    }
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.destroyed) fn();
    }, ms);
    this.timers.add(timer);
  }

  private closePort(): void {
    const port = this.port;
    this.port = null;
    if (!port) return;
    try {
      port.disconnect();
    } catch {
      // already gone
    }
  }

  private setState(state: PanelState): void {
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
