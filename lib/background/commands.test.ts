import { describe, expect, it, vi } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { contentCommandSchema } from '../messaging-validation';
import { COMMANDS, openSidebar, registerCommands } from './commands';

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
  it('does not forward open-sidebar to the tab', () => {
    const { browser, sendMessage, press } = fakeBrowser();
    registerCommands(browser);
    press('open-sidebar', { id: 3 });
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

describe('open-sidebar', () => {
  type Tab = Parameters<typeof openSidebar>[1];
  const tab = (t: { id?: number; windowId?: number }) => t as Tab;
  const withApis = (apis: object) => apis as unknown as typeof wxtBrowser;

  it('is declared with a default shortcut', () => {
    expect(COMMANDS['open-sidebar'].suggested_key.default).toBe('Alt+Shift+S');
  });

  it('opens Chrome’s side panel synchronously, in the tab (or else the window) it was pressed in', () => {
    const open = vi.fn(() => Promise.resolve());
    const browser = withApis({ sidePanel: { open } });
    expect(openSidebar(browser, tab({ id: 4, windowId: 9 }))).toBe(true);
    expect(open).toHaveBeenLastCalledWith({ tabId: 4 });
    expect(openSidebar(browser, tab({ windowId: 9 }))).toBe(true);
    expect(open).toHaveBeenLastCalledWith({ windowId: 9 });
    expect(openSidebar(browser, undefined)).toBe(false);
  });

  it('opens Firefox’s sidebar; reports (never throws) a failure; false without either API', async () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openSidebar(withApis({ sidebarAction: { open } }), tab({ id: 1 }))).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    const warn = vi.fn();
    const failing = withApis({ sidePanel: { open: () => Promise.reject(new Error('no gesture')) } });
    expect(openSidebar(failing, tab({ id: 1 }), { warn })).toBe(true);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    const throwing = withApis({ sidePanel: { open: () => { throw new Error('sync'); } } });
    expect(openSidebar(throwing, tab({ id: 1 }), { warn })).toBe(false);
    expect(openSidebar(withApis({}), tab({ id: 1 }))).toBe(false);
  });

  it('is what the command listener runs, in the same task', () => {
    const listeners = new Set<(command: string, tab?: { id?: number }) => void>();
    const open = vi.fn(() => Promise.resolve());
    const browser = withApis({
      commands: { onCommand: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } },
      tabs: { sendMessage: vi.fn() },
      sidePanel: { open },
    });
    registerCommands(browser);
    listeners.forEach((l) => l('open-sidebar', { id: 5 }));
    expect(open).toHaveBeenCalledWith({ tabId: 5 });
  });
});
