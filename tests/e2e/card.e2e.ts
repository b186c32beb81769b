import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, pointOf, SCREENSHOTS, waitForHighlights, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const card = (page: Page) => page.locator('backstory-ui [role="dialog"]');

async function hover(page: Page, text: string, selector?: string, nth?: number): Promise<void> {
  const { x, y } = await pointOf(page, text, selector, nth);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 2 });
}

describe('the hover card', () => {
  it('shows the right entity after resting on a mention, with its backstory', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await hover(page, 'Chuck Schumer');
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await card(page).innerText();
    expect(text).toContain('Chuck Schumer');
    // The date in the browser's English: "18 Mar 2024" (en-GB) or "Mar 18, 2024" (en-US).
    expect(text).toMatch(/as of (18 Mar 2024|Mar 18, 2024)/);
    expect(text).toMatch(/matched/i);
    expect(text).toMatch(/Senate/);
    await page.close();
  });

  it('says where the mention is on the page, and the language of a name matched in another language', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Revue de presse : Netanyahou rejette les critiques.';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-person') ?? [])].some((r) => r.toString() === 'Netanyahou')), { timeout: 10_000 }).toBe(true);
    await hover(page, 'Netanyahou');
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await card(page).innerText();
    expect(text).toMatch(/matched: ‘Netanyahou’ \(French\)/);
    expect(text).toMatch(/mention (\d+) of \1 on this page/);
    // The dialog's description starts with where the mention is, for screen readers.
    const described = await card(page).evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
      const root = el.getRootNode() as ShadowRoot;
      return ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' | ');
    });
    expect(described).toMatch(/^mention \d+ of \d+ on this page \| /);
    await page.close();
  });

  it('does not show before the hover delay, and hides after the pointer leaves', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await hover(page, 'Hamas');
    await page.waitForTimeout(100);
    expect(await card(page).isVisible()).toBe(false);
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card(page).innerText()).toContain('Hamas');
    await page.mouse.move(5, 5);
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('closes with Escape', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await hover(page, 'Rafah');
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isVisible(), { timeout: 2_000 }).toBe(false);
    await page.close();
  });

  it('opens a related entity from the card', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await hover(page, 'Chuck Schumer');
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    const related = card(page).getByRole('button', { name: /Netanyahu/ }).first();
    await related.click();
    await expect.poll(async () => card(page).locator('h2, h3, [role="heading"]').first().innerText(), { timeout: 5_000 }).toMatch(/Netanyahu/);
    await page.close();
  });

  it('opens by the keyboard command, takes focus, steps to the next name, and closes with Esc', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    await waitForHighlights(page, 10);
    await page.bringToFront();
    // What the browser does on Alt+Shift+B: the background forwards the command to the tab.
    const press = () =>
      session.background.evaluate(async () => {
        type Tabs = { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
        const chrome = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('tab not found');
        await chrome.tabs.sendMessage(tab.id, { backstory: 1, command: 'show-card' });
      });
    await press();
    await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
    const focused = () => page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    expect(await focused()).toBe('backstory-ui');
    const first = await card(page).locator('h2, h3').first().innerText();
    await press();
    await expect.poll(async () => card(page).locator('h2, h3').first().innerText(), { timeout: 5_000 }).not.toBe(first);
    // Focus stayed in the card: the live region says which name it is now, and where.
    const now = await card(page).locator('h2, h3').first().innerText();
    await expect.poll(() => page.locator('backstory-ui .bs-live').textContent(), { timeout: 5_000 }).toMatch(new RegExp(`^${now} card, mention \\d+ of \\d+ on this page$`));
    await card(page).screenshot({ path: `${SCREENSHOTS}/card-keyboard.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isVisible(), { timeout: 2_000 }).toBe(false);
    await page.close();
  });
});
