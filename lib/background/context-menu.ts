import type { browser as wxtBrowser, Browser } from 'wxt/browser';
import type { ContentCommand } from '../messaging';

/** The one context-menu item: on a selection, "Add a Backstory note to the selection". */
export const NOTE_SELECTION_MENU_ID = 'backstory-note-selection';
export const NOTE_SELECTION_MENU_TITLE = 'Add a Backstory note to the selection';

/**
 * Creates the item on install/update (menus persist across service-worker restarts) and
 * forwards its clicks to the frame the selection is in, as the `note-selection` command —
 * the same one the keyboard shortcut sends. A tab without a content script does not answer.
 */
export function registerContextMenu(browser: typeof wxtBrowser): () => void {
  const create = (): void => {
    browser.contextMenus.create(
      { id: NOTE_SELECTION_MENU_ID, title: NOTE_SELECTION_MENU_TITLE, contexts: ['selection'] },
      // Already there (an update re-runs onInstalled): read lastError so it is not logged.
      () => void browser.runtime.lastError,
    );
  };
  const onClicked = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void => {
    if (info.menuItemId !== NOTE_SELECTION_MENU_ID || tab?.id === undefined || tab.id < 0) return;
    const message: ContentCommand = { backstory: 1, command: 'note-selection' };
    const options = info.frameId === undefined ? {} : { frameId: info.frameId };
    browser.tabs.sendMessage(tab.id, message, options).catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(create);
  browser.contextMenus.onClicked.addListener(onClicked);
  return () => {
    browser.runtime.onInstalled.removeListener(create);
    browser.contextMenus.onClicked.removeListener(onClicked);
  };
}
