/**
 * The context sidebar in real Chromium. The side panel page is opened as a tab pinned to
 * the news tab (`sidepanel.html?tab=<id>`): grouped entities with counts; a click scrolls
 * the news page to the mention and flashes it; a note written in the sidebar shows on the
 * page's hover card; keyboard; axe-core; no horizontal scroll at 320 px and 200% zoom;
 * screenshots in light and dark (test-results/screenshots/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, pointOf, SCREENSHOTS, waitForHighlights, type Session } from './harness';

let session: Session;
let news: Page;
let panel: Page;
let tabId: number;

interface ChromeTabs {
  chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
}

beforeAll(async () => {
  session = await launch();
  news = await session.context.newPage();
  // A short window, so the mentions further down are off screen until revealed.
  await news.setViewportSize({ width: 700, height: 260 });
  // Instant scrolls: headless Chromium runs a background page's smooth scroll late (seconds
  // after the panel's click, while the panel page is in front), which no reader sees — the
  // real side panel sits beside a visible page. The smooth choice itself is unit-tested
  // (scrollBehavior in lib/page/flash.test.ts).
  await news.emulateMedia({ reducedMotion: 'reduce' });
  await news.goto(`${session.base}/fixtures/news.html`);
  await waitForHighlights(news, 5);
  tabId = await session.background.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeTabs;
    const tab = (await chrome.tabs.query({})).find((t) => t.url?.includes('/fixtures/news.html'));
    if (tab?.id === undefined) throw new Error('news tab not found');
    return tab.id;
  });
  panel = await session.context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('.bs-sb-row__btn').first().waitFor({ timeout: 15_000 }).catch(async (e: unknown) => {
    throw new Error(`${String(e)}\n${await panel.locator('body').innerText()}`);
  });
});
afterAll(async () => {
  await session?.close();
});

const rowOf = (name: string) => panel.locator('button.bs-sb-row__btn', { has: panel.locator('.bs-sb-row__name', { hasText: name }) });
const roleOf = (name: string) => panel.locator('.bs-sb-row', { has: rowOf(name) }).locator('.bs-sb-row__role');
const card = (page: Page) => page.locator('backstory-ui [role="dialog"]');

/** The news page's flash: the text of its ranges, and whether the first is inside the viewport. */
function readFlash(page: Page): Promise<{ texts: string[]; inView: boolean }> {
  return page.evaluate(() => {
    const flash = CSS.highlights.get('backstory-flash');
    const ranges = flash ? ([...flash] as Range[]) : [];
    const rect = ranges[0]?.getBoundingClientRect();
    const inView = rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth;
    return { texts: ranges.map((r) => r.toString()), inView };
  });
}

describe('the context sidebar', () => {
  it('lists the news page’s entities grouped by kind, with counts', async () => {
    const groups = () =>
      panel.locator('.bs-sb-group').evaluateAll((els) =>
        els.map((g) => [
          g.querySelector('h2')?.childNodes[0]?.textContent ?? '',
          [...g.querySelectorAll('.bs-sb-row__name')].map((n) => n.textContent ?? ''),
        ]),
      );
    await expect.poll(async () => (await groups()).map(([kind]) => kind), { timeout: 10_000 }).toEqual(expect.arrayContaining(['People', 'Places', 'Topics']));
    const people = (await groups()).find(([kind]) => kind === 'People')?.[1];
    expect(people).toEqual(expect.arrayContaining(['Benjamin Netanyahu', 'Chuck Schumer', 'Joe Biden']));
    // The headline's names come first.
    expect(people?.slice(0, 2)).toEqual(['Benjamin Netanyahu', 'Chuck Schumer']);
    const count = await rowOf('Benjamin Netanyahu').locator('.bs-sb-count').innerText();
    expect(Number.parseInt(count, 10)).toBeGreaterThanOrEqual(2);
    // Roles and summaries come from the cards.
    await expect.poll(() => roleOf('Chuck Schumer').innerText(), { timeout: 5_000 }).toMatch(/Senate/);
  });

  it('click: the news page scrolls to the first mention and flashes it; clicks step "2 of N"', async () => {
    await news.evaluate(() => window.scrollTo(0, 0));
    await rowOf('Hamas').click();
    await expect.poll(() => readFlash(news), { timeout: 5_000 }).toEqual({ texts: ['Hamas'], inView: true });
    const pos = panel.locator('.bs-sb-stepper__pos');
    await expect.poll(() => pos.innerText(), { timeout: 5_000 }).toMatch(/^1 of \d+$/);
    await rowOf('Benjamin Netanyahu').click();
    await expect.poll(() => pos.innerText(), { timeout: 5_000 }).toMatch(/^1 of \d+$/);
    await rowOf('Benjamin Netanyahu').click();
    await expect.poll(() => pos.innerText(), { timeout: 5_000 }).toMatch(/^2 of \d+$/);
    await panel.getByRole('button', { name: 'Previous mention' }).click();
    await expect.poll(() => pos.innerText(), { timeout: 5_000 }).toMatch(/^1 of \d+$/);
    // The scroll may be smooth: wait for it to land.
    await expect.poll(() => readFlash(news), { timeout: 5_000 }).toEqual({ texts: [expect.stringMatching(/Netanyahu/)], inView: true });
  });

  it("moves the page's reading position to the mention: the caret is there, and the keyboard command opens its card", async () => {
    await rowOf('Chuck Schumer').click();
    await expect.poll(() => readFlash(news), { timeout: 5_000 }).toEqual({ texts: [expect.stringMatching(/Schumer/)], inView: true });
    const caret = () =>
      news.evaluate(() => {
        const s = document.getSelection();
        const r = s && s.rangeCount > 0 ? s.getRangeAt(0) : null;
        if (!r) return null;
        const after = (r.startContainer.textContent ?? '').slice(r.startOffset, r.startOffset + 20);
        return { collapsed: r.collapsed, after };
      });
    await expect.poll(caret, { timeout: 5_000 }).toEqual({ collapsed: true, after: expect.stringMatching(/^(Chuck )?Schumer/) });
    // What the browser does on Alt+Shift+B: the card of the mention at the caret.
    await news.bringToFront();
    await session.background.evaluate(async (id) => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
      await chrome.tabs.sendMessage(id, { backstory: 1, command: 'show-card' });
    }, tabId);
    await expect.poll(() => card(news).locator('h2').first().innerText(), { timeout: 5_000 }).toBe('Chuck Schumer');
    await expect.poll(() => card(news).innerText()).toMatch(/mention 1 of \d+ on this page/);
    await news.keyboard.press('Escape');
    await panel.bringToFront();
  });

  it('works from the keyboard: Tab to the list, arrows, Enter', async () => {
    await panel.locator('#bs-sb-filter').focus();
    await panel.keyboard.press('ArrowDown');
    const focused = () => panel.evaluate(() => document.activeElement?.querySelector('.bs-sb-row__name')?.textContent ?? document.activeElement?.id);
    expect(await focused()).toBe('Benjamin Netanyahu');
    await panel.keyboard.press('End');
    const last = await focused();
    await panel.keyboard.press('Home');
    expect(await focused()).toBe('Benjamin Netanyahu');
    await panel.keyboard.press('End');
    expect(await focused()).toBe(last);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('button.bs-sb-row__btn[aria-expanded="true"] .bs-sb-row__name').innerText(), { timeout: 5_000 }).toBe(last);
    await expect.poll(async () => (await readFlash(news)).texts.length, { timeout: 5_000 }).toBe(1);
    // Visible focus on the row.
    const outline = await panel.evaluate(() => {
      const row = document.activeElement?.closest('.bs-sb-row');
      return row ? getComputedStyle(row).outlineStyle : 'no row';
    });
    expect(outline).toBe('solid');
  });

  it('a note added in the expanded entity shows on the news page’s hover card', async () => {
    await rowOf('Hamas').click();
    const expanded = panel.locator('.bs-sb-expanded');
    await expanded.getByRole('heading', { name: 'Hamas' }).waitFor();
    await expanded.getByRole('button', { name: 'Add a note' }).click();
    await expanded.locator('textarea').fill('Sidebar note: ceasefire talks in Doha');
    await expanded.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => expanded.locator('.bs-note__text').allInnerTexts(), { timeout: 5_000 }).toEqual(['Sidebar note: ceasefire talks in Doha']);
    // "Notes on this page" lists it under Hamas once the section is scrolled to.
    const pageNotes = panel.locator('section[aria-labelledby="bs-sb-notes"]');
    await pageNotes.scrollIntoViewIfNeeded();
    await expect.poll(() => pageNotes.innerText(), { timeout: 5_000 }).toContain('Sidebar note: ceasefire talks in Doha');
    expect(await pageNotes.locator('h3').allInnerTexts()).toContain('Hamas');

    await news.bringToFront();
    await news.setViewportSize({ width: 1000, height: 800 });
    const { x, y } = await pointOf(news, 'Hamas', 'article');
    await news.mouse.move(x - 3, y);
    await news.mouse.move(x, y, { steps: 2 });
    await expect.poll(() => card(news).isVisible(), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => card(news).innerText(), { timeout: 5_000 }).toContain('Sidebar note: ceasefire talks in Doha');
    await news.mouse.move(5, 5);
  });

  it('passes axe-core (list, expanded entity and card, notes) in light and dark', async () => {
    await panel.bringToFront();
    // The extension page's CSP (script-src 'self') refuses `addScriptTag`; evaluate bypasses it.
    await panel.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    const run = () =>
      panel.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
        const result = await axe.run();
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
      });
    expect(await run()).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await run()).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('says why it cannot read a browser page (chrome://version)', async () => {
    const browserPage = await session.context.newPage();
    await browserPage.goto('chrome://version');
    const id = await session.background.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeTabs;
      const tabs = await chrome.tabs.query({});
      const known = new Set(tabs.filter((t) => t.url !== undefined && !t.url.startsWith('chrome://')).map((t) => t.id));
      return tabs.find((t) => t.url?.startsWith('chrome://version') || !known.has(t.id))?.id;
    });
    const other = await session.context.newPage();
    await other.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${id ?? -1}`);
    const title = other.locator('.bs-sb-empty__title');
    await expect.poll(() => title.innerText(), { timeout: 5_000 }).toBe('Backstory can’t read this page');
    expect(await other.locator('.bs-sb-reason').innerText()).toMatch(/browser’s own pages/);
    await other.screenshot({ path: `${SCREENSHOTS}/sidebar-unreadable.png` });
    await other.close();
    await browserPage.close();
  });

  it('fits 320 px and 200% zoom without horizontal scroll; screenshots', async () => {
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar.png` });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-dark.png` });
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-dark-full.png`, fullPage: true });
    await panel.emulateMedia({ colorScheme: 'light' });
    const overflow = () =>
      panel.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
        return { overflow: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 120)) };
      });
    await panel.setViewportSize({ width: 320, height: 800 });
    expect(await overflow()).toEqual({ overflow: 0, wide: [] });
    // 200% zoom of a 320 px panel lays out like a 160 px wide one.
    await panel.setViewportSize({ width: 160, height: 400 });
    expect(await overflow()).toEqual({ overflow: 0, wide: [] });
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-160.png` });
    await panel.setViewportSize({ width: 360, height: 800 });
  });
});
