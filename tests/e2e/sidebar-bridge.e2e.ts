/**
 * The side panel ↔ content script bridge in real Chromium. Any extension page can be the
 * client: the options page opens a `backstory-sidebar` port to the news tab's content
 * script, asks for the summary, reveals a mention, and hears a new summary when the page
 * grows. Also `injectContentScript`: a refusal with a reason on browser pages, and a
 * re-injection into a tab that already has the content script without doubling anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageSummary, SidebarEvent } from '../../lib/sidebar-protocol';
import { highlightedTexts, launch, waitForHighlights, type Session } from './harness';

let session: Session;
let news: Page;
let client: Page;
let tabId: number;

interface Chrome {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    connect(tabId: number, info: { name: string; frameId?: number }): ChromePort;
    create(info: { url: string; active: boolean }): Promise<{ id?: number }>;
    remove(tabId: number): Promise<void>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
interface ChromePort {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
}
interface ClientGlobal {
  chrome: Chrome;
  sidebar: { port: ChromePort; events: unknown[]; closed: boolean };
}

beforeAll(async () => {
  session = await launch();
  news = await session.context.newPage();
  await news.goto(`${session.base}/fixtures/news.html`);
  await waitForHighlights(news, 5);
  client = await session.context.newPage();
  await client.goto(`chrome-extension://${session.extensionId}/options.html`);
  tabId = await client.evaluate(async () => {
    const { chrome } = globalThis as unknown as ClientGlobal;
    const tab = (await chrome.tabs.query({})).find((t) => t.url?.includes('/fixtures/news.html'));
    if (tab?.id === undefined) throw new Error('news tab not found');
    return tab.id;
  });
});
afterAll(async () => {
  await session?.close();
});

/** (Re)connect the client page to the news tab's top frame. */
async function connect(): Promise<void> {
  await client.evaluate((id) => {
    const g = globalThis as unknown as ClientGlobal;
    const port = g.chrome.tabs.connect(id, { name: 'backstory-sidebar', frameId: 0 });
    const state = { port, events: [] as unknown[], closed: false };
    port.onMessage.addListener((m) => state.events.push(m));
    port.onDisconnect.addListener(() => (state.closed = true));
    g.sidebar = state;
  }, tabId);
}

const events = (): Promise<SidebarEvent[]> =>
  client.evaluate(() => (globalThis as unknown as ClientGlobal).sidebar.events as SidebarEvent[]);
const post = (message: unknown): Promise<void> =>
  client.evaluate((m) => (globalThis as unknown as ClientGlobal).sidebar.port.postMessage(m), message);

/** The next summary event after the first `after` events. */
async function nextSummary(after: number): Promise<PageSummary> {
  await expect.poll(async () => (await events()).slice(after).some((e) => e.type === 'summary'), { timeout: 10_000 }).toBe(true);
  const event = (await events()).slice(after).find((e) => e.type === 'summary');
  if (event?.type !== 'summary') throw new Error('no summary');
  return event.summary;
}

const countOf = (summary: PageSummary, id: string): number => summary.entities.find((e) => e.id === id)?.count ?? 0;

describe('the sidebar bridge', () => {
  it('answers the summary: the page’s entities with counts, headline entities first', async () => {
    await connect();
    await post({ type: 'summary' });
    const summary = await nextSummary(0);
    expect(summary.url).toBe(`${session.base}/fixtures/news.html`);
    expect(summary.title).toMatch(/Fixture News/);
    const netanyahu = summary.entities.find((e) => e.name.includes('Netanyahu'));
    expect(netanyahu?.count).toBeGreaterThanOrEqual(2);
    expect(netanyahu?.inHeadline).toBe(true);
    const flags = summary.entities.map((e) => e.inHeadline);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(summary.entities.length).toBeGreaterThanOrEqual(4);
  });

  it('reveals a mention: scrolls the page to it and flashes it', async () => {
    // Push the second paragraph far below the fold.
    await news.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.querySelectorAll('article p')[2]?.before(spacer);
      window.scrollTo(0, 0);
    });
    const before = (await events()).length;
    const summary = await nextSummaryOrCurrent(before);
    const hamas = summary.entities.find((e) => e.name === 'Hamas');
    if (!hamas) throw new Error('Hamas not on the page');
    await post({ type: 'reveal', entityId: hamas.id, index: 0 });
    await expect.poll(async () => (await events()).slice(before).find((e) => e.type === 'revealed'), { timeout: 5_000 }).toEqual({
      type: 'revealed',
      entityId: hamas.id,
      index: 0,
      count: hamas.count,
    });
    const flash = () =>
      news.evaluate(() => {
        const h = CSS.highlights.get('backstory-flash');
        const range = h ? ([...h][0] as Range | undefined) : undefined;
        if (!range) return null;
        const rect = range.getBoundingClientRect();
        return { text: range.toString(), inView: rect.top >= 0 && rect.bottom <= window.innerHeight, scrollY: window.scrollY };
      });
    // The flash marks the mention at once; the (possibly smooth) scroll brings it into view.
    await expect.poll(async () => (await flash())?.text, { timeout: 3_000 }).toBe('Hamas');
    const mentionInView = () =>
      news.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.nodeValue ?? '').indexOf('Hamas');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 5);
          const rect = range.getBoundingClientRect();
          return { inView: rect.top >= 0 && rect.bottom <= window.innerHeight, scrolled: window.scrollY > 1000 };
        }
        return null;
      });
    await expect.poll(mentionInView, { timeout: 5_000 }).toEqual({ inView: true, scrolled: true });
    // It fades: the flash is removed after a moment.
    await expect.poll(flash, { timeout: 5_000 }).toBeNull();
  });

  it('pushes a new summary when the page grows', async () => {
    const first = await nextSummaryOrCurrent(0);
    const id = first.entities.find((e) => e.name.includes('Netanyahu'))?.id ?? '';
    const before = (await events()).length;
    await news.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Netanyahu spoke again. Netanyahu said the operation would go ahead.';
      document.querySelector('article')?.append(p);
    });
    await expect
      .poll(async () => {
        const later = (await events()).slice(before).filter((e): e is Extract<SidebarEvent, { type: 'summary' }> => e.type === 'summary');
        return later.at(-1) ? countOf(later.at(-1)?.summary as PageSummary, id) : 0;
      }, { timeout: 10_000 })
      .toBe(countOf(first, id) + 2);
  });

  it('injectContentScript refuses browser pages with a reason', async () => {
    const reply = await client.evaluate(async () => {
      const { chrome } = globalThis as unknown as ClientGlobal;
      // Without the `tabs` permission the extension cannot read this tab's URL: the
      // refusal comes from `scripting` itself.
      const tab = await chrome.tabs.create({ url: 'chrome://version', active: false });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const answer = await chrome.runtime.sendMessage({ backstory: 1, type: 'injectContentScript', payload: { tabId: tab.id ?? -1 } });
      if (tab.id !== undefined) await chrome.tabs.remove(tab.id);
      return answer;
    });
    expect(reply).toEqual({ ok: true, value: { injected: false, reason: expect.stringMatching(/own pages/) } });
  });

  it('injectContentScript into a tab that has the content script replaces it without doubling anything', async () => {
    const before = await highlightedTexts(news);
    await news.evaluate(() => {
      (window as unknown as { oldPerson: unknown }).oldPerson = CSS.highlights.get('backstory-person');
    });
    const replaced = () =>
      news.evaluate(() => {
        const current = CSS.highlights.get('backstory-person');
        return current !== undefined && current !== (window as unknown as { oldPerson: unknown }).oldPerson;
      });
    const reply = await client.evaluate(
      (id) => (globalThis as unknown as ClientGlobal).chrome.runtime.sendMessage({ backstory: 1, type: 'injectContentScript', payload: { tabId: id } }),
      tabId,
    );
    expect(reply).toEqual({ ok: true, value: { injected: true } });
    // The old instance stops (its port closes); the new one scans once.
    await expect.poll(() => client.evaluate(() => (globalThis as unknown as ClientGlobal).sidebar.closed), { timeout: 5_000 }).toBe(true);
    await expect.poll(replaced, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => highlightedTexts(news), { timeout: 10_000 }).toEqual(before);
    await news.waitForTimeout(500);
    expect(await highlightedTexts(news)).toEqual(before);
    expect(await news.locator('backstory-ui').count()).toBeLessThanOrEqual(1);
    // And the new instance answers the sidebar.
    await connect();
    await post({ type: 'summary' });
    const summary = await nextSummary(0);
    expect(summary.entities.find((e) => e.name.includes('Netanyahu'))?.count).toBe(before.filter((t) => t.includes('Netanyahu')).length);
  });
});

/** The latest summary (asking for one if none arrived after `after`). */
async function nextSummaryOrCurrent(after: number): Promise<PageSummary> {
  await post({ type: 'summary' });
  const all = await nextSummary(after);
  const latest = (await events()).filter((e) => e.type === 'summary').at(-1);
  return latest?.type === 'summary' ? latest.summary : all;
}
