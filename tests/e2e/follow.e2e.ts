/**
 * Reference data the reader makes, in real Chromium: "Track this name" from the context
 * menu's command on a selection (the form in the page's Backstory UI, saved into "My
 * entities", underlined at once in every open tab), and "Follow this story": the review
 * screen the popup and the context menu open for a tab, a pack drafted from the article,
 * reviewed and saved, underlined in the article's tab without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightedTexts, launch, SCREENSHOTS, selectText, sendToActiveTab, waitForHighlights, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** A mark the page keeps until it reloads. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __kept: number }).__kept = 42));
const pageKept = (page: Page) => page.evaluate(() => (window as unknown as { __kept?: number }).__kept);

/** The id of the tab showing `url` (the background's view). */
async function tabIdOf(url: string): Promise<number> {
  return session.background.evaluate(async (url) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
    return tab.id;
  }, url);
}

describe('track this name', () => {
  it('opens a prefilled form on the selection, saves the name into My entities and underlines it in every open tab', async () => {
    const other = await session.context.newPage();
    await other.goto(`${session.base}/wire-schumer.html`);
    await waitForHighlights(other, 1);
    await markPage(other);
    expect(await highlightedTexts(other)).not.toContain('Israelis');

    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 1);
    await markPage(page);
    await page.bringToFront();
    await selectText(page, 'Israelis');
    // What the context menu item "Track “Israelis” with Backstory" sends to the frame.
    await sendToActiveTab(session, { backstory: 1, command: 'track-selection' });

    const form = page.locator('backstory-track-ui [role="dialog"]');
    await form.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('Israelis');
    expect(await form.getByLabel('Kind', { exact: true }).inputValue()).toBe('group');
    expect(await form.getByLabel('Context from this page').inputValue()).toContain('saying Israelis alone would choose their leaders');
    expect(await form.textContent()).toContain('Netanyahu rejects Schumer call — Fixture News');
    await form.getByLabel('Role (optional)').fill('The citizens of Israel');
    await page.screenshot({ path: `${SCREENSHOTS}/track-form.png`, animations: 'disabled' });
    await form.getByRole('button', { name: 'Track', exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 5_000 }).toContain('Tracking “Israelis”');

    await expect.poll(() => highlightedTexts(page), { timeout: 5_000 }).toContain('Israelis');
    await expect.poll(() => highlightedTexts(other), { timeout: 5_000 }).toContain('Israelis');
    expect(await pageKept(page)).toBe(42);
    expect(await pageKept(other)).toBe(42);
    await page.keyboard.press('Escape');
    await other.close();
    await page.close();
  });
});

describe('follow this story', () => {
  it('drafts a pack from the article, lets the reader review it, and underlines the saved pack in the article tab', async () => {
    const url = `${session.base}/fixtures/articles/tech-acquisition.html`;
    const article = await session.context.newPage();
    await article.goto(url);
    await article.waitForLoadState('load');
    await markPage(article);
    expect(await highlightedTexts(article)).toEqual([]);

    // What the popup's "Follow this story" (and the context menu) opens for the tab.
    const tabId = await tabIdOf(url);
    const review = await session.context.newPage();
    await review.setViewportSize({ width: 900, height: 1100 });
    await review.goto(`chrome-extension://${session.extensionId}/review.html?tab=${tabId}`);
    const save = review.getByRole('button', { name: 'Save pack' });
    await save.waitFor({ timeout: 20_000 });
    const body = await review.locator('body').innerText();
    for (const name of ['Priya Natarajan', 'Corvid Labs', 'Federal Trade Commission']) expect(body).toContain(name);
    await review.screenshot({ path: `${SCREENSHOTS}/review.png`, fullPage: false });

    // Uncheck one proposal: it must not be underlined.
    const hannah = review.getByRole('checkbox', { name: /Hannah Kirsch/ });
    if ((await hannah.count()) > 0) await hannah.first().uncheck();
    await save.click();
    await review.getByText(/^Saved “/).waitFor({ timeout: 10_000 });

    await expect.poll(() => highlightedTexts(article), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Priya Natarajan', 'Corvid Labs']));
    expect(await highlightedTexts(article)).not.toContain('Hannah Kirsch');
    expect(await pageKept(article)).toBe(42);
    await review.close();
    await article.close();
  });
});
