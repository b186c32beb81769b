import { describe, expect, it, vi } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { contentCommandSchema } from '../messaging-validation';
import { FOLLOW_MENU_ID, NOTE_SELECTION_MENU_ID, registerContextMenu, TRACK_MENU_ID } from './context-menu';

type Click = (info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }) => void;

function fakeBrowser() {
  const installed = new Set<() => void>();
  const clicked = new Set<Click>();
  const create = vi.fn((_props: unknown, done?: () => void) => {
    done?.();
    return NOTE_SELECTION_MENU_ID;
  });
  const sendMessage = vi.fn(async (..._args: unknown[]) => undefined);
  const createTab = vi.fn(async (..._args: unknown[]) => ({}));
  const browser = {
    runtime: { getURL: (p: string) => `chrome-extension://id${p}`, onInstalled: { addListener: (l: never) => installed.add(l), removeListener: (l: never) => installed.delete(l) }, lastError: undefined },
    contextMenus: { create, onClicked: { addListener: (l: never) => clicked.add(l), removeListener: (l: never) => clicked.delete(l) } },
    tabs: { sendMessage, create: createTab },
  } as unknown as typeof wxtBrowser;
  return {
    browser,
    create,
    sendMessage,
    createTab,
    install: () => installed.forEach((l) => l()),
    click: (...args: Parameters<Click>) => clicked.forEach((l) => l(...args)),
    installed,
    clicked,
  };
}

describe('registerContextMenu', () => {
  it('creates the two selection items and the page item on install', () => {
    const fake = fakeBrowser();
    registerContextMenu(fake.browser);
    expect(fake.create).not.toHaveBeenCalled();
    fake.install();
    expect(fake.create.mock.calls.map((c) => c[0])).toEqual([
      { id: NOTE_SELECTION_MENU_ID, title: 'Add a Backstory note to the selection', contexts: ['selection'] },
      { id: TRACK_MENU_ID, title: 'Track “%s” with Backstory', contexts: ['selection'] },
      { id: FOLLOW_MENU_ID, title: 'Follow this story with Backstory', contexts: ['page'] },
    ]);
  });

  it('sends "Track …" to the frame of the selection, and opens the review screen for "Follow this story"', () => {
    const fake = fakeBrowser();
    registerContextMenu(fake.browser);
    fake.click({ menuItemId: TRACK_MENU_ID, frameId: 2 }, { id: 7 });
    const [tabId, message, options] = fake.sendMessage.mock.calls[0] as unknown as [number, unknown, unknown];
    expect([tabId, contentCommandSchema.parse(message), options]).toEqual([7, { backstory: 1, command: 'track-selection' }, { frameId: 2 }]);
    fake.click({ menuItemId: FOLLOW_MENU_ID }, { id: 7, index: 3, windowId: 1 } as { id: number });
    expect(fake.createTab).toHaveBeenCalledWith({ url: 'chrome-extension://id/review.html?tab=7', index: 4, windowId: 1 });
  });

  it('forwards a click to the frame of the selection as a valid note-selection command', () => {
    const fake = fakeBrowser();
    registerContextMenu(fake.browser);
    fake.click({ menuItemId: NOTE_SELECTION_MENU_ID, frameId: 3 }, { id: 12 });
    expect(fake.sendMessage).toHaveBeenCalledTimes(1);
    const [tabId, message, options] = fake.sendMessage.mock.calls[0] as unknown as [number, unknown, unknown];
    expect(tabId).toBe(12);
    expect(contentCommandSchema.parse(message)).toEqual({ backstory: 1, command: 'note-selection' });
    expect(options).toEqual({ frameId: 3 });
  });

  it('ignores other items and tab-less clicks; a tab without a content script is not an error; stops cleanly', async () => {
    const fake = fakeBrowser();
    fake.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    const stop = registerContextMenu(fake.browser);
    fake.click({ menuItemId: 'other' }, { id: 1 });
    fake.click({ menuItemId: NOTE_SELECTION_MENU_ID });
    fake.click({ menuItemId: NOTE_SELECTION_MENU_ID }, { id: -1 });
    expect(fake.sendMessage).not.toHaveBeenCalled();
    fake.click({ menuItemId: NOTE_SELECTION_MENU_ID }, { id: 2 });
    expect(fake.sendMessage.mock.calls[0]?.[2]).toEqual({});
    await Promise.resolve();
    stop();
    expect(fake.installed.size + fake.clicked.size).toBe(0);
  });
});
