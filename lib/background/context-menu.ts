import type { browser as wxtBrowser, Browser } from 'wxt/browser';
import { t } from '../i18n';
import type { ContentCommand } from '../messaging';

/** On a selection: "Add a Backstory note to the selection". */
export const NOTE_SELECTION_MENU_ID = 'backstory-note-selection';
export const noteSelectionMenuTitle = (): string => t('menuNoteSelection');
/** On a selection: "Track “…” with Backstory" (`%s` is the browser's placeholder for the selection). */
export const TRACK_MENU_ID = 'backstory-track-selection';
export const trackMenuTitle = (): string => t('menuTrack', { name: '%s' });
/** On a page: draft a pack from the article and review it. */
export const FOLLOW_MENU_ID = 'backstory-follow-story';
export const followMenuTitle = (): string => t('menuFollow');

/** The review screen of "Follow this story" for a tab (an extension page, opened in a tab). */
export function reviewPageUrl(browser: typeof wxtBrowser, tabId: number): string {
  return `${browser.runtime.getURL('/review.html')}?tab=${tabId}`;
}

/** Open the "Follow this story" review screen for `tab`, next to it. */
export async function openReview(browser: typeof wxtBrowser, tab: { id?: number; index?: number; windowId?: number }): Promise<void> {
  if (tab.id === undefined || tab.id < 0) return;
  await browser.tabs.create({
    url: reviewPageUrl(browser, tab.id),
    ...(tab.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab.windowId !== undefined ? { windowId: tab.windowId } : {}),
  });
}

const SELECTION_COMMANDS: Record<string, ContentCommand['command']> = {
  [NOTE_SELECTION_MENU_ID]: 'note-selection',
  [TRACK_MENU_ID]: 'track-selection',
};

/**
 * Creates the items on install/update (menus persist across service-worker restarts).
 * Selection items are forwarded to the frame the selection is in, as the same commands the
 * keyboard shortcuts send (a tab without a content script does not answer); "Follow this
 * story" opens the review screen.
 */
export function registerContextMenu(browser: typeof wxtBrowser): () => void {
  const create = (): void => {
    // Already there (an update re-runs onInstalled): read lastError so it is not logged.
    const done = (): void => void browser.runtime.lastError;
    browser.contextMenus.create({ id: NOTE_SELECTION_MENU_ID, title: noteSelectionMenuTitle(), contexts: ['selection'] }, done);
    browser.contextMenus.create({ id: TRACK_MENU_ID, title: trackMenuTitle(), contexts: ['selection'] }, done);
    browser.contextMenus.create({ id: FOLLOW_MENU_ID, title: followMenuTitle(), contexts: ['page'] }, done);
  };
  const onClicked = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void => {
    if (tab?.id === undefined || tab.id < 0) return;
    if (info.menuItemId === FOLLOW_MENU_ID) {
      openReview(browser, tab).catch(() => undefined);
      return;
    }
    const command = SELECTION_COMMANDS[String(info.menuItemId)];
    if (command === undefined) return;
    const message: ContentCommand = { backstory: 1, command };
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
