/**
 * Highlights in real Firefox ESR: the same fixtures and expectations as the Chromium suite's
 * highlights.e2e.ts (news.html and its news.expected.json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, pollFor, type FirefoxSession } from './harness';
import {
  addLateParagraphInPage, allHighlightTextsInPage, cardInPage, LATE_PARAGRAPH_ID, hasHighlightsInPage, highlightedTextsInPage, highlightsInForbiddenPlaces, highlightsInPage,
  pageHtmlWithoutUi, pointOfTextInPage, recordedMutationsInPage, recordMutationsInPage,
} from '../shared/probes';
import { ROOT } from '../../../scripts/lib/paths.mjs';
import { expectOnlyUiHostAdded } from '../shared/page-dom';

let session: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox();
});
afterAll(async () => {
  await session?.close();
});

async function waitForHighlights(page: Page, min: number): Promise<void> {
  await page.waitForFunction(hasHighlightsInPage, { timeout: 15_000 }, min);
}

describe('highlights in Firefox', () => {
  it('highlights exactly the expected mentions of the news fixture, in document order', async () => {
    const expected = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/news.expected.json'), 'utf8')) as { text: string }[];
    const page = await session.open(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, expected.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(highlightedTextsInPage)).toEqual(expected.map((e) => e.text));
    await page.close();
  });

  it('registers one highlight per kind, prefixed backstory-, and none inside fields or scripts', async () => {
    const page = await session.open(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 5);
    const highlights = await page.evaluate(highlightsInPage);
    expect(Object.keys(highlights).every((name) => name.startsWith('backstory-'))).toBe(true);
    expect(highlights['backstory-person']).toContain('Netanyahu');
    expect(highlights['backstory-place']?.length).toBeGreaterThan(0);
    expect(highlights['backstory-topic']?.length).toBeGreaterThan(0);
    expect(await page.evaluate(highlightsInForbiddenPlaces)).toEqual([]);
    await page.close();
  });

  it('highlights text added after load and drops ranges whose text was removed', async () => {
    const page = await session.open(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 5);
    const before = (await page.evaluate(highlightedTextsInPage)).length;
    await page.evaluate(addLateParagraphInPage, LATE_PARAGRAPH_ID);
    await waitForHighlights(page, before + 2);
    expect(await page.evaluate(highlightedTextsInPage)).toEqual(expect.arrayContaining(['Chuck Schumer', 'Rafah']));
    await page.evaluate((id) => document.getElementById(id)?.remove(), LATE_PARAGRAPH_ID);
    await pollFor(() => page.evaluate(highlightedTextsInPage), (texts) => texts.length === before);
    await page.close();
  });

  it("leaves the page's DOM unchanged apart from the one UI host, even after a hover", async () => {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(recordMutationsInPage);
    await page.goto(`${session.base}/fixtures/news.html`, { waitUntil: 'domcontentloaded' });
    const htmlBefore = await page.evaluate(() => document.body.innerHTML);
    await waitForHighlights(page, 5);
    const point = await page.evaluate(pointOfTextInPage, { text: 'Netanyahu', selector: 'body', nth: 0 });
    if (!point) throw new Error('Netanyahu not found');
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    await pollFor(() => page.evaluate(cardInPage), (card) => card !== null);
    const mutations = await page.evaluate(recordedMutationsInPage);
    expectOnlyUiHostAdded(mutations, htmlBefore, await page.evaluate(pageHtmlWithoutUi));
    await page.close();
  });
  it('runs in every frame: a same-origin iframe and a srcdoc frame get their own highlights', async () => {
    const page = await session.open(`${session.base}/fixtures/frames.html`);
    await waitForHighlights(page, 1);
    const textsIn = (frame: import('puppeteer-core').Frame) => frame.evaluate(allHighlightTextsInPage);
    expect(await textsIn(page.mainFrame())).toEqual(['Hamas']);
    const embed = page.frames().find((f) => f.url().endsWith('/fixtures/components.html'));
    const inline = page.frames().find((f) => f.url() === 'about:srcdoc');
    if (!embed || !inline) throw new Error(`frames not loaded: ${page.frames().map((f) => f.url()).join(', ')}`);
    expect(await pollFor(() => textsIn(embed), (t) => t.length === 4)).toEqual(['Chuck Schumer', 'Netanyahu', 'Senate', 'ceasefire']);
    expect(await pollFor(() => textsIn(inline), (t) => t.length === 2)).toEqual(['Biden', 'ceasefire']);
    await page.close();
  });
});
