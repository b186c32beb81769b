/**
 * Packs and entities in real Chromium: a second pack imported in the options page while a
 * news page is open reaches that page without a reload (its names underlined, the card's
 * "Also: …" naming the entity that lost a shared alias); turning the pack off takes its
 * underlines away at once; a broken pack file is refused with its errors and nothing
 * changes; an entity corrected in the Entities section shows in the page's card, and
 * "Reset to the pack's version" brings the pack's wording back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { highlightedTexts, launch, pointOf, SCREENSHOTS, waitForHighlights, type Session } from './harness';
import { ROOT } from '../../scripts/lib/paths.mjs';

let session: Session;
let news: Page;
let options: Page;
beforeAll(async () => {
  session = await launch();
  news = await session.context.newPage();
  await news.goto(`${session.base}/fixtures/news.html`);
  await waitForHighlights(news, 3);
  await news.evaluate(() => ((window as unknown as { __kept: number }).__kept = 42));
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html#packs`);
  await options.getByRole('heading', { name: 'Packs', exact: true }).waitFor();
});
afterAll(async () => {
  await session?.close();
});

const SECOND = readFileSync(resolve(ROOT, 'tests/fixtures/packs/second-story.json'), 'utf8');
const packStatus = () => options.locator('.bs-section-page [role="status"]').first().innerText();
const kept = () => news.evaluate(() => (window as unknown as { __kept?: number }).__kept);

async function importFile(name: string, text: string): Promise<void> {
  await options.getByLabel('Import a pack from a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Hover a name on the news page and read the card's text. */
async function cardText(name: string, nth = 0): Promise<string> {
  await news.bringToFront();
  await news.mouse.move(5, 5);
  const { x, y } = await pointOf(news, name, 'article', nth);
  await news.mouse.move(x, y);
  const card = news.locator('backstory-ui .bs-card');
  await card.waitFor({ state: 'visible', timeout: 5_000 });
  await expect.poll(() => card.locator('.bs-name').count()).toBe(1);
  return (await card.innerText()).replace(/\s+/g, ' ');
}

describe('packs in the options page', () => {
  it('imports a second pack while a page is open: its names underlined there without a reload, conflicts shown', async () => {
    await expect.poll(packStatus, { timeout: 10_000 }).toBe('1 installed pack');
    expect(await highlightedTexts(news)).not.toContain('Israelis');
    await importFile('second-story.json', SECOND);
    await expect.poll(packStatus, { timeout: 10_000 }).toBe('2 installed packs');
    await expect.poll(() => options.locator('.bs-pack-import__result').innerText()).toContain('Installed “Israel votes (test pack)” v1');

    await expect.poll(() => highlightedTexts(news), { timeout: 10_000 }).toContain('Israelis');
    expect(await kept()).toBe(42);
    // "President Biden" is claimed by both packs: the newer one wins, the card names the other.
    expect(await options.locator('.bs-section-page').innerText()).toMatch(/President Biden/);
    const card = await cardText('President Biden');
    expect(card).toContain('President Joe Biden (April 2024)');
    expect(card).toMatch(/Also: Joe Biden in “/);
    await news.screenshot({ path: `${SCREENSHOTS}/card-also.png`, animations: 'disabled' });
    await news.keyboard.press('Escape');
    await options.bringToFront();
    await options.screenshot({ path: `${SCREENSHOTS}/options-packs.png`, fullPage: true });
  });

  it('turns a pack off: its underlines go at once, and come back when it is on again', async () => {
    await options.bringToFront();
    const enabled = options.getByLabel('Enabled: Israel votes (test pack)');
    await enabled.uncheck();
    await expect.poll(() => highlightedTexts(news), { timeout: 5_000 }).not.toContain('Israelis');
    expect(await highlightedTexts(news)).toContain('President Biden');
    await enabled.check();
    await expect.poll(() => highlightedTexts(news), { timeout: 5_000 }).toContain('Israelis');
    expect(await kept()).toBe(42);
  });

  it('refuses a broken pack file with every error line, and changes nothing', async () => {
    const broken = JSON.parse(SECOND) as { id: string; entities: { aliases: { text: string }[] }[] };
    broken.id = 'test/broken';
    const first = broken.entities[0];
    if (first?.aliases[0]) first.aliases[0].text = '';
    await importFile('broken.json', JSON.stringify({ ...broken, asOf: '2024-02-30' }));
    const alert = options.locator('.bs-pack-import [role="alert"]');
    await alert.waitFor({ timeout: 5_000 });
    const text = await alert.innerText();
    expect(text).toContain('entities[0].aliases[0].text: must not be empty');
    expect(text).toContain('asOf: not a real date: "2024-02-30"');
    expect(await packStatus()).toBe('2 installed packs');
    await importFile('not-json.json', '{ "format": 1,');
    await expect.poll(() => options.locator('.bs-pack-import [role="alert"]').innerText()).toContain('not valid JSON');
    expect(await packStatus()).toBe('2 installed packs');
  });
});

describe('entities in the options page', () => {
  it('corrects an entity above its pack: the page card shows it; reset brings the pack back', async () => {
    await options.goto(`chrome-extension://${session.extensionId}/options.html#entities`);
    await options.getByLabel('Search entities').fill('bi');
    await options.getByRole('button', { name: /Joe Biden/ }).first().waitFor();
    await options.screenshot({ path: `${SCREENSHOTS}/options-entities.png`, fullPage: false });
    await options.getByLabel('Search entities').fill('schum');
    await options.getByRole('button', { name: /Chuck Schumer/ }).first().click();
    const role = options.getByLabel('Role', { exact: true });
    await role.fill('Senate Majority Leader, corrected by me');
    await options.locator('#bs-editor-h').scrollIntoViewIfNeeded();
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.screenshot({ path: `${SCREENSHOTS}/options-entity-editor.png`, fullPage: false });
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('button', { name: 'Reset to the pack’s version' }).waitFor({ timeout: 5_000 });

    await expect.poll(async () => cardText('Schumer', 1), { timeout: 10_000 }).toContain('corrected by me');
    expect(await cardText('Schumer', 1)).toContain('edited by you');
    await news.keyboard.press('Escape');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Reset to the pack’s version' }).click();
    await expect.poll(async () => cardText('Schumer', 1), { timeout: 10_000 }).not.toContain('corrected by me');
    expect(await kept()).toBe(42);
  });
});
