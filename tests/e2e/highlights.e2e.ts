import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, highlightedTexts, readHighlights, waitForHighlights, type Session } from './harness';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { addLateParagraphInPage, allHighlightTextsInPage, highlightsInForbiddenPlaces, LATE_PARAGRAPH_ID } from './shared/probes';

interface Expected {
  entityId: string;
  text: string;
}

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('highlights on a news page', () => {
  it('highlights exactly the expected mentions, in document order', async () => {
    const expected = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/news.expected.json'), 'utf8')) as Expected[];
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, expected.length);
    // Give a straggling slice the chance to add more than expected before comparing.
    await page.waitForTimeout(300);
    expect(await highlightedTexts(page)).toEqual(expected.map((e) => e.text));
    await page.close();
  });

  it('registers one highlight per kind, with names prefixed backstory-', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    const highlights = await waitForHighlights(page, 5);
    expect(Object.keys(highlights).every((name) => name.startsWith('backstory-'))).toBe(true);
    expect(highlights['backstory-person']?.length).toBeGreaterThan(0);
    expect(highlights['backstory-place']?.length).toBeGreaterThan(0);
    expect(highlights['backstory-topic']?.length).toBeGreaterThan(0);
    expect(highlights['backstory-person']).toContain('Netanyahu');
    await page.close();
  });

  it('never highlights inside inputs, textareas, scripts, styles or URLs', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 5);
    const inside = await page.evaluate(highlightsInForbiddenPlaces);
    expect(inside).toEqual([]);
    await page.close();
  });

  it('highlights text added after load and drops ranges whose text was removed', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 5);
    const before = (await highlightedTexts(page)).length;
    await page.evaluate(addLateParagraphInPage, LATE_PARAGRAPH_ID);
    await waitForHighlights(page, before + 2);
    expect(await highlightedTexts(page)).toEqual(expect.arrayContaining(['Chuck Schumer', 'Rafah']));
    await page.evaluate((id) => document.getElementById(id)?.remove(), LATE_PARAGRAPH_ID);
    await page.waitForFunction(
      (n) => {
        let count = 0;
        CSS.highlights.forEach((h, name) => {
          if (name.startsWith('backstory-') && name !== 'backstory-active') count += h.size;
        });
        return count === n;
      },
      before,
      { timeout: 10_000 },
    );
    await page.close();
  });

  it('scans open shadow roots of page components', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/components.html`);
    await waitForHighlights(page, 3);
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-')) for (const r of h) out.push((r as Range).toString());
      });
      return out;
    });
    expect(texts).toEqual(expect.arrayContaining(['Netanyahu', 'ceasefire', 'Chuck Schumer']));
    await page.close();
  });

  it('underlines the seed article on the demo page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/seed-article.html`);
    const highlights = await waitForHighlights(page, 20);
    const all = Object.values(highlights).flat();
    for (const name of ['Chuck Schumer', 'Hamas', 'Rafah', 'two-state solution', 'Palestinian civilians']) {
      expect(all).toContain(name);
    }
    expect(await readHighlights(page)).not.toHaveProperty('backstory-undefined');
    await page.close();
  });

  it('runs in every frame: a same-origin iframe and a srcdoc frame get their own highlights', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/frames.html`);
    await waitForHighlights(page, 1);
    const textsIn = (frame: import('playwright-core').Frame) => frame.evaluate(allHighlightTextsInPage);
    expect(await textsIn(page.mainFrame())).toEqual(['Hamas']);
    const embed = page.frames().find((f) => f.url().endsWith('/fixtures/components.html'));
    const inline = page.frames().find((f) => f.url() === 'about:srcdoc');
    if (!embed || !inline) throw new Error('frames not loaded');
    await expect.poll(() => textsIn(embed), { timeout: 10_000 }).toEqual(['Chuck Schumer', 'Netanyahu', 'Senate', 'ceasefire']);
    await expect.poll(() => textsIn(inline), { timeout: 10_000 }).toEqual(['Biden', 'ceasefire']);
    await page.close();
  });
});
