import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../matcher';
import type { MatcherPayload, SenderInfo, Trust } from '../messaging';
import { createPageSideHandlers, PAGE_UI_FILE } from './page-side-handlers';
import { CONTENT_CSS_FILE, CONTENT_SCRIPT_FILE } from './inject';

const payload: MatcherPayload = {
  revision: '1',
  data: compileMatcher({ aliases: [{ entityId: 'rafah', text: 'Rafah', case: 'sensitive' }], negatives: [] }).toData(),
  entities: { rafah: { id: 'rafah', kind: 'place', name: 'Rafah' } },
};
const page = (extra: Partial<SenderInfo> = {}): SenderInfo & { trust: Trust } => ({
  id: 'ext',
  url: 'https://news.example/a',
  tab: { id: 7, url: 'https://news.example/a' },
  frameId: 3,
  trust: 'page',
  ...extra,
});

function setup(runs = true) {
  const executeScript = vi.fn(() => Promise.resolve([]));
  const insertCSS = vi.fn(() => Promise.resolve());
  const matcher = vi.fn(() => Promise.resolve(payload));
  const handlers = createPageSideHandlers({ scripting: { executeScript, insertCSS }, matcher, runs: () => Promise.resolve(runs) });
  return { handlers, executeScript, insertCSS, matcher };
}

describe('probeText', () => {
  it('says whether a small frame names anyone, decoding the matcher once per payload', async () => {
    const { handlers, matcher } = setup();
    expect(await handlers.probeText({ text: 'What Rafah means for the talks' }, page())).toBe(true);
    expect(await handlers.probeText({ text: 'Summer sale: 40% off' }, page())).toBe(false);
    expect(matcher).toHaveBeenCalledTimes(2);
  });

  it('says no on a site where Backstory does not run', async () => {
    const { handlers } = setup(false);
    expect(await handlers.probeText({ text: 'Rafah' }, page())).toBe(false);
  });
});

describe('loadPageUi', () => {
  it('runs the page UI in the sending document only (its frame where the browser gives no document id)', async () => {
    const { handlers, executeScript } = setup();
    await handlers.loadPageUi({}, page({ documentId: 'doc-1' }));
    await handlers.loadPageUi({}, page());
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7, documentIds: ['doc-1'] }, files: [PAGE_UI_FILE] }],
      [{ target: { tabId: 7, frameIds: [3] }, files: [PAGE_UI_FILE] }],
    ]);
  });

  it('refuses a sender outside a tab, or without a frame, with a clear error', async () => {
    const { handlers, executeScript } = setup();
    await expect(handlers.loadPageUi({}, page({ tab: undefined }))).rejects.toThrow(/only a page in a tab/);
    await expect(handlers.loadPageUi({}, page({ frameId: undefined }))).rejects.toThrow(/no frame/);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('loadCore', () => {
  it('runs the page core and its stylesheet in the sending frame only', async () => {
    const { handlers, executeScript, insertCSS } = setup();
    expect(await handlers.loadCore({}, page({ documentId: 'doc-2' }))).toEqual({ loaded: true });
    expect(insertCSS.mock.calls).toEqual([[{ target: { tabId: 7, documentIds: ['doc-2'] }, files: [CONTENT_CSS_FILE] }]]);
    expect(executeScript.mock.calls).toEqual([[{ target: { tabId: 7, documentIds: ['doc-2'] }, files: [CONTENT_SCRIPT_FILE] }]]);
  });

  it('refuses a sender outside a tab, and says so where the browser cannot script frames', async () => {
    const { handlers, executeScript } = setup();
    await expect(handlers.loadCore({}, page({ tab: undefined }))).rejects.toThrow(/only a page in a tab/);
    expect(executeScript).not.toHaveBeenCalled();
    const bare = createPageSideHandlers({ scripting: undefined, matcher: () => Promise.resolve(payload), runs: () => Promise.resolve(true) });
    await expect(bare.loadCore({}, page())).rejects.toThrow(/cannot add Backstory to a frame/);
  });
});
