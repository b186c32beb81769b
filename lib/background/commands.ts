import type { browser as wxtBrowser, Browser } from 'wxt/browser';
import { CONTENT_COMMANDS, type ContentCommand } from '../messaging';

/** The browser commands (keyboard shortcuts) the manifest declares; descriptions in public/_locales. */
export const COMMANDS = {
  'show-card': {
    suggested_key: { default: 'Alt+Shift+B' },
    description: '__MSG_cmdShowCard__',
  },
  'note-selection': {
    suggested_key: { default: 'Alt+Shift+N' },
    description: '__MSG_cmdNewNote__',
  },
  'track-selection': {
    suggested_key: { default: 'Alt+Shift+T' },
    description: '__MSG_cmdTrack__',
  },
  'open-sidebar': {
    suggested_key: { default: 'Alt+Shift+S' },
    description: '__MSG_cmdSidebar__',
  },
} as const;

/** Chrome's `sidePanel` (MV3, Chrome 116+), the part used here. */
interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
/** Firefox's `sidebarAction`, the part used here. */
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Open the sidebar in the window of `tab`: Chrome's side panel, or Firefox's sidebar.
 * Both need a user gesture, so this must run synchronously in the command's listener (no
 * `await` before it). Returns false where the browser has neither.
 */
export function openSidebar(browser: typeof wxtBrowser, tab: { id?: number | undefined; windowId?: number | undefined } | undefined, log: Pick<Console, 'warn'> = console): boolean {
  const apis = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  const fail = (error: unknown): void => log.warn('backstory: could not open the sidebar', error);
  try {
    if (typeof apis.sidePanel?.open === 'function') {
      const target = tab?.id !== undefined ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : undefined;
      if (target === undefined) return false;
      apis.sidePanel.open(target).catch(fail);
      return true;
    }
    if (typeof apis.sidebarAction?.open === 'function') {
      apis.sidebarAction.open().catch(fail);
      return true;
    }
  } catch (error) {
    fail(error);
  }
  return false;
}

/**
 * Forward a pressed command to the active tab's content scripts (`open-sidebar` is the
 * background's own). A tab without a content script (a browser page, the web store) simply
 * does not answer; that is not an error.
 */
export function registerCommands(browser: typeof wxtBrowser): () => void {
  const onCommand = (command: string, tab?: Browser.tabs.Tab): void => {
    if (command === 'open-sidebar') {
      openSidebar(browser, tab);
      return;
    }
    const known = CONTENT_COMMANDS.find((c) => c === command);
    if (known === undefined || tab?.id === undefined) return;
    const message: ContentCommand = { backstory: 1, command: known };
    browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  };
  browser.commands.onCommand.addListener(onCommand);
  return () => browser.commands.onCommand.removeListener(onCommand);
}
