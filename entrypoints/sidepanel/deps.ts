/**
 * The sidebar's browser wiring: requests to the background, the tab to show (pinned with
 * `?tab=<id>` for tests and debugging, else the active tab of this window), tab events,
 * the port to the content script, and the notes-changed signal.
 */
import { browser, type Browser } from 'wxt/browser';
import { request, type Envelope } from '../../lib/messaging';
import { pageStatus } from '../../lib/sites/state';
import { SITES_REVISION_KEY } from '../../lib/sites/stored';
import { offReason } from '../../components/sidebar/page-access';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { SIDEBAR_PORT } from '../../lib/sidebar-protocol';
import type { SidebarDeps, SidebarPort, TabEvent, TabInfo } from '../../components/sidebar/types';

type Tab = Browser.tabs.Tab;

/** The `?tab=` of the panel's URL, when it is a tab id. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

const info = (tab: Tab | undefined): TabInfo | null =>
  tab?.id === undefined ? null : { id: tab.id, url: tab.url, title: tab.title, status: tab.status };

function portOver(port: Browser.runtime.Port): SidebarPort {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) =>
      port.onDisconnect.addListener(() => {
        const error = (port as { error?: { message?: string } }).error?.message ?? browser.runtime.lastError?.message;
        listener(error);
      }),
    disconnect: () => port.disconnect(),
  };
}

export function browserDeps(search: string): SidebarDeps {
  const pinned = pinnedTabId(search);
  let windowId: number | undefined;
  const myWindow = browser.windows
    .getCurrent()
    .then((w) => {
      windowId = w.id;
      return w.id;
    })
    .catch(() => undefined);

  return {
    send: (message: Envelope) => browser.runtime.sendMessage(message),
    pinned: pinned !== null,
    async currentTab() {
      if (pinned !== null) return info(await browser.tabs.get(pinned).catch(() => undefined));
      const id = await myWindow;
      const [tab] = await browser.tabs.query(id === undefined ? { active: true, currentWindow: true } : { active: true, windowId: id });
      return info(tab);
    },
    onTabEvent(listener: (event: TabEvent) => void) {
      const activated = (a: { tabId: number; windowId: number }): void => {
        if (windowId === undefined || a.windowId === windowId) listener({ type: 'activated', tabId: a.tabId, windowId: a.windowId });
      };
      const updated = (tabId: number, change: { url?: string; status?: string }): void => {
        if (change.url !== undefined || change.status !== undefined) listener({ type: 'updated', tabId, url: change.url, status: change.status });
      };
      const removed = (tabId: number): void => listener({ type: 'removed', tabId });
      const focus = (): void => listener({ type: 'focus' });
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
      browser.tabs.onRemoved.addListener(removed);
      browser.windows.onFocusChanged.addListener(focus);
      return () => {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
        browser.tabs.onRemoved.removeListener(removed);
        browser.windows.onFocusChanged.removeListener(focus);
      };
    },
    connect: (tabId) => portOver(browser.tabs.connect(tabId, { name: SIDEBAR_PORT, frameId: 0 })),
    fileAccess: () => browser.extension.isAllowedFileSchemeAccess().catch(() => false),
    onNotesChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && NOTES_REVISION_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    async siteOff(url) {
      const view = await request((message: Envelope) => browser.runtime.sendMessage(message), 'sitesState', {});
      return offReason(pageStatus(view, url, Date.now()));
    },
    onSitesChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && SITES_REVISION_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
