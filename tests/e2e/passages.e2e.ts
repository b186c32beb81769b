import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, selectText, sendToActiveTab, waitForHighlights, type Session } from './harness';
import { ROOT } from '../../scripts/lib/paths.mjs';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const SENTENCE = 'President Biden had called it a good speech.';
const ORIGINAL = readFileSync(resolve(ROOT, 'tests/fixtures/news.html'), 'utf8');

/** The texts of the `backstory-passage` highlight's ranges, joined per range. */
const passageTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const h = CSS.highlights.get('backstory-passage');
    return h ? [...h].map((r) => r.toString()) : [];
  });

const select = selectText;
const sendToTab = (message: unknown): Promise<unknown> => sendToActiveTab(session, message);

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForHighlights(page, 1);
}

describe('passage notes', () => {
  it('saves a note on a selected passage, marks it, and finds it again after reloads and page changes', async () => {
    const url = `${session.base}/fixtures/news.html`;
    const page = await session.context.newPage();
    await open(page, url);
    await page.bringToFront();
    await select(page, SENTENCE);
    await sendToTab({ backstory: 1, command: 'note-selection' });

    const editor = page.locator('backstory-notes-ui textarea');
    await editor.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('backstory-notes-ui');
    await page.keyboard.type('Biden praised the speech — check the transcript.');
    await page.locator('backstory-notes-ui').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => passageTexts(page), { timeout: 5_000 }).toEqual([SENTENCE]);

    // Reload: anchored again, at the same text.
    await page.reload();
    await waitForHighlights(page, 1);
    await expect.poll(() => passageTexts(page), { timeout: 10_000 }).toEqual([SENTENCE]);
    const first = (await sendToTab({ backstory: 1, query: 'passage-status' })) as { anchored: string[]; orphaned: string[] };
    expect(first.anchored).toHaveLength(1);
    expect(first.orphaned).toEqual([]);

    // A click on the marked passage shows its note.
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    const box = await page.evaluate((text) => {
      const range = [...(CSS.highlights.get('backstory-passage') ?? [])][0] as Range | undefined;
      const rect = range?.getClientRects()[0];
      return rect && range?.toString() === text ? { x: rect.left + 20, y: rect.top + rect.height / 2 } : null;
    }, SENTENCE);
    expect(box).not.toBeNull();
    if (box) await page.mouse.click(box.x, box.y);
    const card = page.locator('backstory-notes-ui [role="dialog"]');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card.innerText()).toContain('check the transcript');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(0);

    // The page changed: a paragraph inserted before, a word edited elsewhere.
    const changed = ORIGINAL.replace('<p class="byline">', '<p>An update was added above the story, pushing everything down.</p>\n<p class="byline">').replace(
      'Comedian Amy Schumer',
      'Comedian and actor Amy Schumer',
    );
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: changed }));
    await page.reload();
    await waitForHighlights(page, 1);
    await expect.poll(() => passageTexts(page), { timeout: 10_000 }).toEqual([SENTENCE]);

    // The passage itself edited a little: found approximately.
    await page.unroute(url);
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: ORIGINAL.replace('had called it a good speech', 'had called it a very good speech') }),
    );
    await page.reload();
    await waitForHighlights(page, 1);
    await expect.poll(() => passageTexts(page), { timeout: 10_000 }).toEqual(['President Biden had called it a very good speech.']);

    // The passage removed: nothing marked, and the note is reported orphaned (never dropped).
    await page.unroute(url);
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: ORIGINAL.replace(/<p>President Biden[^<]*<\/p>/, '') }),
    );
    await page.reload();
    await waitForHighlights(page, 1);
    await expect
      .poll(async () => ((await sendToTab({ backstory: 1, query: 'passage-status' })) as { orphaned: string[] }).orphaned, { timeout: 10_000 })
      .toEqual(first.anchored);
    expect(await passageTexts(page)).toEqual([]);
    await page.unroute(url);
    await page.close();
  });

  it('ignores the command without a selection, and a selection inside a text field', async () => {
    const page = await session.context.newPage();
    await open(page, `${session.base}/fixtures/news.html`);
    await page.bringToFront();
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await sendToTab({ backstory: 1, command: 'note-selection' });
    await page.locator('textarea[name="comment"]').focus();
    await page.evaluate(() => {
      const field = document.querySelector('textarea[name="comment"]') as HTMLTextAreaElement;
      field.setSelectionRange(0, 10);
    });
    await sendToTab({ backstory: 1, command: 'note-selection' });
    await page.waitForTimeout(500);
    expect(await page.locator('backstory-notes-ui').count()).toBe(0);
    await page.close();
  });
});
