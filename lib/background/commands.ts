import type { browser as wxtBrowser, Browser } from 'wxt/browser';
import { CONTENT_COMMANDS, type ContentCommand } from '../messaging';

/** The browser commands (keyboard shortcuts) the manifest declares. */
export const COMMANDS = {
  'show-card': {
    suggested_key: { default: 'Alt+Shift+B' },
    description: 'Show the card of the name at the caret (again: the next name)',
  },
  'note-selection': {
    suggested_key: { default: 'Alt+Shift+N' },
    description: 'Write a note on the selected passage',
  },
} as const;

/**
 * Forward a pressed command to the active tab's content scripts. A tab without one (a
 * browser page, the web store) simply does not answer; that is not an error.
 */
export function registerCommands(browser: typeof wxtBrowser): () => void {
  const onCommand = (command: string, tab?: Browser.tabs.Tab): void => {
    const known = CONTENT_COMMANDS.find((c) => c === command);
    if (known === undefined || tab?.id === undefined) return;
    const message: ContentCommand = { backstory: 1, command: known };
    browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  };
  browser.commands.onCommand.addListener(onCommand);
  return () => browser.commands.onCommand.removeListener(onCommand);
}
