/**
 * The interface in Hebrew, in real Chromium started in Hebrew (`--lang=he`, `LANGUAGE=he`):
 * the options page, the popup, the side panel and the hover card on the demo article speak
 * Hebrew and lay out right to left (`dir="rtl"` on each page's <html> and on the card's
 * container; a start-aligned heading sits at the right). Screenshots go to docs/
 * (screenshot-he-*.png) for the README and the store listings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { launch, pointOf, waitForHighlights, type Session } from './harness';

const DOCS = resolve(ROOT, 'docs');
mkdirSync(DOCS, { recursive: true });

let session: Session;
beforeAll(async () => {
  session = await launch({ lang: 'he' });
});
afterAll(async () => {
  await session?.close();
});

interface ChromeGlobal {
  chrome: {
    i18n: { getUILanguage(): string; getMessage(name: string): string };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> };
  };
}

/** `dir` and `lang` of the page's <html>. */
const htmlLocale = (page: Page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang, computed: getComputedStyle(document.body).direction }));

/**
 * Where a start-aligned element's text sits in its box: the gap from the text to the box's
 * right edge and to its left edge (px). Right to left, the first is small, the second large.
 */
function textGaps(locator: Locator): Promise<{ right: number; left: number; direction: string }> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      right: box.right - parseFloat(style.paddingRight) - text.right,
      left: text.left - box.left - parseFloat(style.paddingLeft),
      direction: style.direction,
    };
  });
}

async function tabIdOf(url: string): Promise<number> {
  return session.background.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab ${url}`);
    return tab.id;
  }, url);
}

describe('Backstory in Hebrew', () => {
  it('the browser speaks Hebrew to the extension', async () => {
    const lang = await session.background.evaluate(() => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return { ui: chrome.i18n.getUILanguage(), dir: chrome.i18n.getMessage('@@bidi_dir'), locale: chrome.i18n.getMessage('locale') };
    });
    expect(lang.ui).toMatch(/^he/);
    expect(lang.dir).toBe('rtl');
    expect(lang.locale).toBe('he');
  });

  it('the options page: Hebrew, right to left', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    // A note in English on a Hebrew page: the note keeps its own direction.
    const saved = await page.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
        backstory: 1,
        type: 'saveNote',
        payload: {
          draft: {
            target: { type: 'entity', entityId: 'person/chuck-schumer' },
            text: 'Schumer’s speech was the first call by a Senate leader for a new Israeli election.',
            tags: ['election'],
            pageUrl: 'https://news.example/story',
            pageTitle: 'Schumer calls for new election in Israel',
          },
        },
      }),
    );
    expect(saved.ok).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'הערות' }).waitFor({ timeout: 10_000 });
    await page.locator('.bs-note__text').first().waitFor({ timeout: 10_000 });
    expect(await htmlLocale(page)).toEqual({ dir: 'rtl', lang: 'he', computed: 'rtl' });
    expect(await page.title()).toBe('הערות · Backstory');
    expect(await page.locator('.bs-lib-tagline').innerText()).toBe('ההערות, האשפה, הגיבויים, חבילות הייחוס, הישויות והאתרים שלך.');
    expect(await page.getByRole('navigation').innerText()).toContain('אשפה');
    // The section heading is start-aligned: at the right of its box.
    const heading = await textGaps(page.locator('#bs-notes-h'));
    expect(heading.direction).toBe('rtl');
    expect(heading.right).toBeLessThan(4);
    expect(heading.left).toBeGreaterThan(100);
    // The navigation is on the right of the main column.
    const nav = await page.locator('.bs-lib-nav').boundingBox();
    const main = await page.locator('#bs-main').boundingBox();
    expect(nav && main && nav.x > main.x).toBe(true);
    // The English note reads left to right inside the Hebrew page.
    expect(await page.locator('.bs-note__text').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.screenshot({ path: `${DOCS}/screenshot-he-options.png` });
    await page.close();
  });

  it('the popup and the side panel: Hebrew, right to left', async () => {
    const news = await session.context.newPage();
    await news.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(news, 10);
    const tabId = await tabIdOf(`${session.base}/seed-article.html`);

    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'מעקב אחר הסיפור הזה' }).waitFor({ timeout: 10_000 });
    expect(await htmlLocale(popup)).toEqual({ dir: 'rtl', lang: 'he', computed: 'rtl' });
    await expect.poll(() => popup.locator('.bs-popup__counts').innerText(), { timeout: 10_000 }).toMatch(/שמות · .*אזכורים בדף הזה/);
    const popupTitle = await textGaps(popup.locator('.bs-popup__title'));
    expect(popupTitle.right).toBeLessThan(4);
    expect(popupTitle.left).toBeGreaterThan(100);
    await popup.screenshot({ path: `${DOCS}/screenshot-he-popup.png` });
    await popup.close();

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 380, height: 820 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.locator('.bs-sb-row__btn').first().waitFor({ timeout: 15_000 });
    expect(await htmlLocale(panel)).toEqual({ dir: 'rtl', lang: 'he', computed: 'rtl' });
    expect(await panel.title()).toBe('Backstory — בדף הזה');
    expect(await panel.locator('h1').innerText()).toBe('בדף הזה');
    expect(await panel.locator('.bs-sb-group__title').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^אנשים/)]));
    const title = await textGaps(panel.locator('h1'));
    expect(title.right).toBeLessThan(4);
    expect(title.left).toBeGreaterThan(150);
    // A row's kind stripe is on its start side: the right.
    const stripe = await panel.locator('.bs-sb-row').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { right: s.borderRightWidth, left: s.borderLeftWidth };
    });
    expect(stripe).toEqual({ right: '3px', left: '0px' });
    // Wait for the rows' roles (loaded cards), so the screenshot shows them.
    await expect.poll(() => panel.locator('.bs-sb-row__role').first().innerText(), { timeout: 10_000 }).not.toBe('');
    await panel.screenshot({ path: `${DOCS}/screenshot-he-sidebar.png` });
    await panel.close();
    await news.close();
  });

  it('the hover card on the demo article: Hebrew, right to left', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    const { x, y } = await pointOf(page, 'Chuck Schumer');
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y, { steps: 2 });
    const card = page.locator('backstory-ui [role="dialog"]');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    await card.locator('.bs-contexts').waitFor();
    const root = await page.locator('backstory-ui .bs-popover').evaluate((el) => ({
      dir: el.getAttribute('dir'),
      lang: el.getAttribute('lang'),
      direction: getComputedStyle(el).direction,
    }));
    expect(root).toEqual({ dir: 'rtl', lang: 'he', direction: 'rtl' });
    const text = await card.innerText();
    expect(text).toContain('Chuck Schumer');
    expect(text).toContain('נכון ל־18 במרץ 2024');
    expect(text).toContain('בחדשות');
    expect(await card.locator('.bs-kind').innerText()).toBe('אדם');
    // The section heading is start-aligned: at the right of the card.
    const section = await textGaps(card.locator('.bs-section__title').first());
    expect(section.direction).toBe('rtl');
    expect(section.right).toBeLessThan(4);
    expect(section.left).toBeGreaterThan(80);
    // The English quote keeps its own direction (dir="auto"): it reads left to right, its rule at its own start.
    const quote = await card.locator('.bs-context__text').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { right: s.borderRightWidth, left: s.borderLeftWidth, direction: s.direction };
    });
    expect(quote).toEqual({ right: '0px', left: '3px', direction: 'ltr' });
    // The card's own rules follow the card's direction: the back button's row, the badges, the footer.
    expect(await card.locator('.bs-footer').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const box = await card.boundingBox();
    if (!box) throw new Error('no card box');
    const margin = 12;
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
    const clip = {
      x: Math.max(0, box.x - margin),
      y: Math.max(0, box.y - 60),
      width: Math.min(viewport.width - Math.max(0, box.x - margin), box.width + 2 * margin),
      height: Math.min(viewport.height - Math.max(0, box.y - 60), box.height + 60 + margin),
    };
    await page.screenshot({ path: `${DOCS}/screenshot-he-card.png`, clip });
    await page.close();
  });
});
