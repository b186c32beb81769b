/**
 * The options page (notes library) in real Chromium: notes written through the background
 * appear live; search by a word's prefix; delete and undo; export then re-import the same
 * file; a malformed import is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, SCREENSHOTS, type Session } from './harness';

let session: Session;
let page: Page;
let downloads: string;

beforeAll(async () => {
  session = await launch();
  downloads = mkdtempSync(join(tmpdir(), 'backstory-dl-'));
  page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('h1', { hasText: 'Backstory' }).waitFor();
});
afterAll(async () => {
  await session?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

interface RuntimeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } };
}

/** Save a note from the options page's side, through the background (as any extension page would). */
async function saveNote(text: string, tags: string[]): Promise<void> {
  const reply = await page.evaluate(
    ({ text, tags }) =>
      (globalThis as unknown as RuntimeGlobal).chrome.runtime.sendMessage({
        backstory: 1,
        type: 'saveNote',
        payload: { draft: { target: { type: 'entity', entityId: 'person/chuck-schumer' }, text, tags, pageUrl: 'https://news.example/story', pageTitle: 'Schumer speech' } },
      }),
    { text, tags },
  );
  expect(reply).toMatchObject({ ok: true });
}

const notes = () => page.locator('.bs-note__text');
const status = () => page.locator('.bs-status');

describe('the options page', () => {
  it('shows a note saved through the background without a reload', async () => {
    await expect.poll(() => status().innerText(), { timeout: 10_000 }).toBe('No notes yet.');
    await saveNote('Schumer urged a new election; watch the coalition <img src=x onerror=alert(1)>', ['politics']);
    await expect.poll(() => notes().allInnerTexts(), { timeout: 5_000 }).toEqual([
      'Schumer urged a new election; watch the coalition <img src=x onerror=alert(1)>',
    ]);
    expect(await page.locator('.bs-note img').count()).toBe(0);
    // The entity's name arrives with the entities (the id shows until then).
    await expect.poll(() => page.locator('.bs-note-target').textContent(), { timeout: 5_000 }).toContain('Chuck Schumer');
  });

  it('finds the note by a prefix of one of its words', async () => {
    await saveNote('Ceasefire talks stalled in Doha', ['diplomacy']);
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(2);
    await page.fill('#bs-q', 'coali');
    await expect.poll(() => status().innerText(), { timeout: 5_000 }).toMatch(/^1 result for “coali” · (<1|\d+) ms$/);
    expect(await notes().allInnerTexts()).toEqual(['Schumer urged a new election; watch the coalition <img src=x onerror=alert(1)>']);
    await page.fill('#bs-q', 'doh cease');
    await expect.poll(() => notes().allInnerTexts(), { timeout: 5_000 }).toEqual(['Ceasefire talks stalled in Doha']);
    await page.fill('#bs-q', '');
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(2);
  });

  it('deletes a note to the trash and brings it back with Undo', async () => {
    const item = page.locator('.bs-note-item', { hasText: 'Ceasefire talks' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(1);
    const undo = page.locator('.bs-toast').getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    // The Undo button has focus: the keyboard works too.
    expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(2);
    await page.locator('.bs-toast').waitFor({ state: 'detached' });
  });

  it('empties the trash after a confirm step', async () => {
    await page.locator('.bs-note-item', { hasText: 'Ceasefire talks' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(1);
    await page.click('a[href="#trash"]');
    await expect.poll(() => notes().allInnerTexts(), { timeout: 5_000 }).toEqual(['Ceasefire talks stalled in Doha']);
    expect(await page.locator('main').innerText()).toContain('Notes in the trash are deleted for good after 30 days');
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => status().innerText(), { timeout: 5_000 }).toBe('The trash is empty.');
  });

  it('exports everything to JSON and imports the same file back: all skipped', async () => {
    await page.click('a[href="#backup"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; notes: { text: string }[] };
    expect(backup.format).toBe('backstory-backup');
    expect(backup.notes.map((n) => n.text)).toEqual(['Schumer urged a new election; watch the coalition <img src=x onerror=alert(1)>']);

    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export notes as Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/^backstory-notes-\d{4}-\d{2}-\d{2}\.md$/);

    await page.setInputFiles('#bs-import', file);
    await expect.poll(() => page.locator('.bs-summary-line').innerText(), { timeout: 5_000 }).toBe('0 added, 0 updated, 1 skipped');
  });

  it('refuses a malformed file with a message that says why, and changes nothing', async () => {
    await page.setInputFiles('#bs-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"backstory-backup","notes":[') });
    const alert = page.locator('[role="alert"]', { hasText: 'broken.json' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('broken.json was not imported; nothing changed.');
    expect(await alert.innerText()).toMatch(/not JSON/i);
    await page.screenshot({ path: `${SCREENSHOTS}/options-backup.png`, fullPage: true });
    await page.click('a[href="#notes"]');
    await expect.poll(() => notes().allInnerTexts(), { timeout: 5_000 }).toEqual([
      'Schumer urged a new election; watch the coalition <img src=x onerror=alert(1)>',
    ]);
  });

  it('looks right (screenshot in test-results/screenshots)', async () => {
    await saveNote('Biden pressed for more aid into Gaza.\nSecond line of the note.', ['aid', 'gaza']);
    await saveNote('Binned for the screenshot', []);
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(3);
    await page.locator('.bs-note-item', { hasText: 'Binned for' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes().count(), { timeout: 5_000 }).toBe(2);
    await page.locator('.bs-toast').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/options.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}/options-320.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.click('a[href="#trash"]');
    await page.locator('.bs-note').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/options-320-dark-trash.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('a[href="#packs"]');
    await page.locator('.bs-pack').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/options-dark-packs.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    // No horizontal scrolling at 320 px.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.click('a[href="#notes"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
