import { describe, expect, it, vi } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { contentCommandSchema } from '../messaging-validation';
import { registerCommands } from './commands';

function fakeBrowser() {
  const listeners = new Set<(command: string, tab?: { id?: number }) => void>();
  const sendMessage = vi.fn(async () => undefined);
  const browser = {
    commands: { onCommand: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } },
    tabs: { sendMessage },
  } as unknown as typeof wxtBrowser;
  const press = (command: string, tab?: { id?: number }) => listeners.forEach((l) => l(command, tab));
  return { browser, sendMessage, press, listeners };
}

describe('registerCommands', () => {
  it('forwards show-card to the tab it was pressed in, as a valid content command', () => {
    const { browser, sendMessage, press } = fakeBrowser();
    registerCommands(browser);
    press('show-card', { id: 7 });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    const [tabId, message] = sendMessage.mock.calls[0] as unknown as [number, unknown];
    expect(tabId).toBe(7);
    expect(contentCommandSchema.parse(message)).toEqual({ backstory: 1, command: 'show-card' });
  });
  it('ignores unknown commands and tab-less presses; a tab without a content script is not an error', async () => {
    const { browser, sendMessage, press, listeners } = fakeBrowser();
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    const stop = registerCommands(browser);
    press('other', { id: 1 });
    press('show-card');
    expect(sendMessage).not.toHaveBeenCalled();
    press('show-card', { id: 2 });
    await Promise.resolve();
    stop();
    expect(listeners.size).toBe(0);
  });
});
