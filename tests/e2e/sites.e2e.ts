/**
 * Sites in real Chromium: a site turned off in the options page loses its underlines in an
 * open tab without a reload and gets them back when it is on again; a new tab of a site
 * that is off does no scanning at all; "Not … here" from the card takes that mention's
 * underline away and Undo brings it back; a site rule or one of the reader's own entities
 * written to `storage.sync` from another extension page (as a change from another browser
 * arrives) applies to an open tab; the popup's switch and pause. Screenshots of the popup
 * and the Sites section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightedTexts, launch, pointOf, SCREENSHOTS, waitForHighlights, type Session } from './harness';

let session: Session;
let options: Page;
/** The fixtures on `localhost` (the server is 127.0.0.1: another site for the rules). */
let localBase: string;

beforeAll(async () => {
  session = await launch();
  localBase = session.base.replace('127.0.0.1', 'localhost');
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html#sites`);
  await options.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
});
afterAll(async () => {
  await session?.close();
});

/** The extension APIs the tests call inside extension pages and the worker. */
interface ChromeApis {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void>; get(key: null): Promise<Record<string, unknown>> } };
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
}
declare const chrome: ChromeApis;

const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

async function openNews(base: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${base}/fixtures/news.html`);
  return page;
}

async function addSite(text: string): Promise<void> {
  await options.bringToFront();
  await options.getByLabel('Site or host name').fill(text);
  await options.getByRole('button', { name: 'Turn off on this site' }).click();
  await expect.poll(() => options.locator('.bs-site-rule').count()).toBeGreaterThan(0);
}

describe('sites', () => {
  it('turns a site off in the options page: its open tab loses its underlines without a reload; a new tab stays untouched; back on scans again', async () => {
    const news = await openNews(localBase);
    await waitForHighlights(news, 5);
    await news.evaluate(() => ((window as unknown as { __kept: number }).__kept = 42));
    const other = await openNews(session.base);
    await waitForHighlights(other, 5);

    await addSite(`${localBase}/fixtures/news.html`);
    expect(await options.locator('.bs-site-rule').first().getAttribute('data-host')).toBe('localhost');
    await expect.poll(() => highlightedTexts(news), { timeout: 3_000 }).toEqual([]);
    expect(await news.evaluate(() => (window as unknown as { __kept?: number }).__kept)).toBe(42);
    // 127.0.0.1 is another site: it keeps its underlines.
    expect((await highlightedTexts(other)).length).toBeGreaterThan(4);
    // The rule goes to sync storage (after the store's short debounce) and the page says it is synced.
    await expect
      .poll(() => session.background.evaluate(() => chrome.storage.sync.get(null).then((all) => Object.keys(all))), { timeout: 5_000 })
      .toContain('bs:sites:localhost');
    await expect.poll(() => options.locator('.bs-sync').innerText(), { timeout: 5_000 }).not.toMatch(/waiting to be synced/);
    await options.screenshot({ path: `${SCREENSHOTS}/options-sites.png`, fullPage: true });

    const fresh = await openNews(localBase);
    await expect.poll(() => marks(fresh, 'backstory:site-off'), { timeout: 5_000 }).toBe(1);
    await fresh.waitForTimeout(500);
    expect(await marks(fresh, 'backstory:highlights-ready')).toBe(0);
    expect(await highlightedTexts(fresh)).toEqual([]);
    expect(await fresh.locator('backstory-ui').count()).toBe(0);

    await options.bringToFront();
    await options.locator('.bs-site-rule[data-host="localhost"] .bs-site-rule__toggle', { hasText: 'Turn back on' }).click();
    await waitForHighlights(news, 5, 5_000);
    await waitForHighlights(fresh, 5, 5_000);
    await options.locator('.bs-site-rule[data-host="localhost"] .bs-site-rule__remove').click();
    await expect.poll(() => options.locator('.bs-site-rule').count()).toBe(0);
    await Promise.all([news.close(), other.close(), fresh.close()]);
  });

  it('"Not … here" from the card takes that mention\'s underline away on the site, and Undo brings it back', async () => {
    const news = await openNews(session.base);
    await waitForHighlights(news, 5);
    const other = await openNews(localBase);
    await waitForHighlights(other, 5);
    // The rule is for the alias the card was opened on ("Schumer", and its possessive); "Senate Majority Leader Chuck Schumer" is another alias.
    const count = (page: Page) => highlightedTexts(page).then((t) => t.filter((x) => /^Schumer/.test(x)).length);
    expect(await count(news)).toBeGreaterThan(0);

    await news.bringToFront();
    await news.mouse.move(5, 5);
    const { x, y } = await pointOf(news, 'Schumer', 'article');
    await news.mouse.move(x, y);
    const card = news.locator('backstory-ui .bs-card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    const button = card.getByRole('button', { name: /^Not Chuck Schumer here$/ });
    await button.click();
    await expect.poll(() => count(news), { timeout: 3_000 }).toBe(0);
    // Other names stay; the card is gone; another site keeps its Schumer.
    expect((await highlightedTexts(news)).length).toBeGreaterThan(3);
    expect(await highlightedTexts(news)).toContain('Senate Majority Leader Chuck Schumer');
    await expect.poll(() => card.isVisible()).toBe(false);
    expect(await count(other)).toBeGreaterThan(0);

    await options.bringToFront();
    await options.reload();
    await expect.poll(() => options.locator('.bs-not-here').innerText()).toContain('“Schumer” is not Chuck Schumer on 127.0.0.1');

    await news.bringToFront();
    const toast = news.locator('backstory-toast-ui .bs-toast');
    await expect.poll(() => toast.innerText()).toMatch(/Schumer/);
    await news.screenshot({ path: `${SCREENSHOTS}/not-here-toast.png`, animations: 'disabled' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(news), { timeout: 3_000 }).toBeGreaterThan(0);
    await Promise.all([news.close(), other.close()]);
  });

  it('a rule written to storage.sync from another extension page (as from another browser) applies to an open tab', async () => {
    const news = await openNews(localBase);
    await waitForHighlights(news, 5);
    await options.bringToFront();
    await options.evaluate(async () => {
      const rule = { site: { host: 'localhost', subdomains: false }, label: 'localhost', active: true, updatedAt: Date.now() };
      await chrome.storage.sync.set({ 'bs:sites:localhost': { v: rule, t: Date.now() } });
    });
    await expect.poll(() => highlightedTexts(news), { timeout: 3_000 }).toEqual([]);
    await expect.poll(() => options.locator('.bs-site-rule').count(), { timeout: 3_000 }).toBe(1);
    await options.evaluate(async () => {
      await chrome.storage.sync.remove('bs:sites:localhost');
    });
    await waitForHighlights(news, 5, 5_000);
    await news.close();
  });

  it('an entity of the reader\'s written to storage.sync by another browser is underlined in an open tab, and goes when deleted there', async () => {
    const news = await openNews(session.base);
    await waitForHighlights(news, 5);
    expect(await highlightedTexts(news)).not.toContain('Hunter Biden');
    await options.bringToFront();
    await options.evaluate(async () => {
      const entity = {
        id: 'user/person/hunter-biden',
        kind: 'person',
        name: 'Hunter Biden',
        aliases: [{ text: 'Hunter Biden', case: 'proper' }],
        role: 'Son of President Biden',
        summary: '',
        contexts: [],
        relations: [],
      };
      await chrome.storage.sync.set({ 'bs:entities:own:user/person/hunter-biden': { v: { entity, sources: [] }, t: Date.now() } });
    });
    await expect.poll(() => highlightedTexts(news), { timeout: 5_000 }).toContain('Hunter Biden');
    await options.evaluate(async () => {
      await chrome.storage.sync.remove('bs:entities:own:user/person/hunter-biden');
    });
    await expect.poll(() => highlightedTexts(news), { timeout: 5_000 }).not.toContain('Hunter Biden');
    await news.close();
  });

  it('the popup: this tab\'s counts, the site switch and the pause', async () => {
    const news = await openNews(session.base);
    await waitForHighlights(news, 5);
    const tabId = await session.background.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id ?? -1;
    }, `${session.base}/fixtures/news.html`);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const on = popup.getByRole('switch', { name: 'Backstory on this site' });
    await on.waitFor();
    expect(await on.isChecked()).toBe(true);
    await expect.poll(() => popup.locator('body').innerText()).toMatch(/\d+ names? · \d+ mentions? on this page/);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-sites.png` });

    await on.click();
    await expect.poll(() => on.isChecked()).toBe(false);
    await expect.poll(() => highlightedTexts(news), { timeout: 3_000 }).toEqual([]);
    await on.click();
    await waitForHighlights(news, 5, 5_000);

    await popup.getByRole('group', { name: 'Pause everywhere' }).getByRole('button', { name: 'for 1 hour' }).click();
    await expect.poll(() => popup.locator('body').innerText()).toMatch(/Paused everywhere until/);
    await expect.poll(() => highlightedTexts(news), { timeout: 3_000 }).toEqual([]);
    await popup.getByRole('button', { name: 'Turn back on' }).click();
    await waitForHighlights(news, 5, 5_000);
    await Promise.all([news.close(), popup.close()]);
  });

  it('browser pages say so in the popup instead of offering a switch', async () => {
    const blank = await session.context.newPage();
    await blank.goto('chrome://version');
    const tabId = await session.background.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'chrome://version/' });
      return tab?.id ?? -1;
    });
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('body').innerText()).toMatch(/browser/i);
    expect(await popup.getByRole('switch', { name: 'Backstory on this site' }).count()).toBe(0);
    await Promise.all([blank.close(), popup.close()]);
  });
});
