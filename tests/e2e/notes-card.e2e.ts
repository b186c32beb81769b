import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, pointOf, readHighlights, waitForHighlights, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const NOTE = 'Schumer called for new elections on 14 Mar';
const card = (page: Page) => page.locator('backstory-ui [role="dialog"]');
const notesSection = (page: Page) => card(page).locator('.bs-notes');

async function hover(page: Page, text: string): Promise<void> {
  const { x, y } = await pointOf(page, text);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 2 });
}

/** Open `url`, wait for the highlights, and open Chuck Schumer's card with its notes loaded. */
async function openSchumer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForHighlights(page, 5);
  await hover(page, 'Chuck Schumer');
  await expect.poll(() => card(page).isVisible(), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => card(page).locator('h2').innerText()).toBe('Chuck Schumer');
  await notesSection(page).getByRole('button', { name: 'Add a note' }).waitFor({ state: 'visible' });
  await expect.poll(() => notesSection(page).getByText('Loading notes…').count()).toBe(0);
}

/** The texts of the `backstory-noted` highlight's ranges, once it has some. */
async function notedTexts(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (CSS.highlights.get('backstory-noted')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  return (await readHighlights(page))['backstory-noted'] ?? [];
}

async function addNote(page: Page, text: string): Promise<void> {
  await notesSection(page).getByRole('button', { name: 'Add a note' }).click();
  const field = notesSection(page).getByRole('textbox', { name: 'New note' });
  await field.click();
  const half = Math.ceil(text.length / 2);
  await page.keyboard.type(text.slice(0, half));
  // The pointer wanders off mid-sentence: a card someone is typing in stays open.
  await page.mouse.move(5, 5, { steps: 3 });
  await page.waitForTimeout(700);
  expect(await card(page).isVisible()).toBe(true);
  await page.keyboard.type(text.slice(half));
  expect(await field.inputValue()).toBe(text);
  await notesSection(page).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => notesSection(page).locator('.bs-notes__status').innerText(), { timeout: 10_000 }).toBe('Saved');
}

describe('entity notes from the card', () => {
  it('saves a note that follows the entity to another page, marks its mentions, deletes with undo', async () => {
    const page = await session.context.newPage();
    const pageKeys: string[] = [];
    await page.exposeFunction('__sawKey', (k: string) => pageKeys.push(k));
    await page.addInitScript(() => {
      const w = window as unknown as { __sawKey(k: string): void };
      document.addEventListener('keydown', (e) => w.__sawKey(e.key), true);
    });
    const seed = `${session.base}/seed-article.html`;
    await openSchumer(page, seed);
    await addNote(page, NOTE);
    expect(await notesSection(page).locator('.bs-note__text').allInnerTexts()).toEqual([NOTE]);
    // What was typed in the card never reached the page's own (capture) listeners.
    expect(pageKeys).toEqual([]);
    // The card was held open while typing, and its mentions are now marked as noted.
    expect(await card(page).isVisible()).toBe(true);
    expect((await notedTexts(page)).join('|')).toMatch(/Schumer/);

    await page.reload();
    await openSchumer(page, seed);
    expect(await notesSection(page).locator('.bs-note__text').allInnerTexts()).toEqual([NOTE]);

    // Another page that mentions him: the note is there, with the page it was written on.
    const other = await session.context.newPage();
    await openSchumer(other, `${session.base}/wire-schumer.html`);
    expect((await notedTexts(other)).join('|')).toMatch(/Schumer/);
    const shown = notesSection(other).locator('.bs-note').first();
    expect(await shown.locator('.bs-note__text').innerText()).toBe(NOTE);
    const link = shown.locator('a.bs-note__link');
    expect(await link.getAttribute('href')).toBe(seed);
    expect(await link.innerText()).toMatch(/Netanyahu’s defiance/);

    // Delete → trash with undo → back.
    await shown.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notesSection(other).locator('.bs-note').count()).toBe(0);
    const toast = notesSection(other).getByRole('status').filter({ hasText: 'Note moved to trash' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notesSection(other).locator('.bs-note__text').allInnerTexts()).toEqual([NOTE]);

    // The first tab hears of the changes (storage.onChanged) and still marks Schumer.
    expect((await notedTexts(page)).join('|')).toMatch(/Schumer/);
    await other.close();
    await page.close();
  });

  it('shows note text literally: markup is never parsed', async () => {
    const page = await session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openSchumer(page, `${session.base}/wire-schumer.html`);
    const evil = '<img src=x onerror=alert(1)>';
    await addNote(page, evil);
    expect(await notesSection(page).locator('.bs-note__text').first().innerText()).toBe(evil);
    expect(await card(page).locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);

    // Esc in the editor cancels the editor only; the next Esc closes the card.
    await notesSection(page).getByRole('button', { name: 'Add a note' }).click();
    await notesSection(page).getByRole('textbox', { name: 'New note' }).click();
    await page.keyboard.type('never mind');
    await page.keyboard.press('Escape');
    await expect.poll(() => notesSection(page).locator('textarea').count()).toBe(0);
    expect(await card(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isVisible(), { timeout: 2_000 }).toBe(false);
    await page.close();
  });
});
