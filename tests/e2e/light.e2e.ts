/**
 * The light page side (issue 9), in real Chromium: the page UI is loaded only when first
 * needed; small ad frames decode nothing until they have something to show; frames with
 * real text are scanned; nothing of it changes what the reader sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, pointOf, waitForHighlights, type Session } from './harness';

const marks = (frame: Frame | Page, name: string): Promise<number> =>
  frame.evaluate((n) => performance.getEntriesByName(n).length, name);

const textsIn = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('backstory-') && name !== 'backstory-active') for (const r of h) out.push((r as Range).toString());
    });
    return out.sort();
  });

describe('a light page side', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the card code only on the first hover, and still opens the card', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/news.html`);
    await waitForHighlights(page, 3);
    // Scanned and underlined, with no page UI: no card host, no UI script run.
    expect(await marks(page, 'backstory:ui-loaded')).toBe(0);
    expect(await page.locator('backstory-ui').count()).toBe(0);
    const { x, y } = await pointOf(page, 'Netanyahu');
    await page.mouse.move(x, y);
    await expect.poll(() => marks(page, 'backstory:ui-loaded'), { timeout: 5_000 }).toBe(1);
    const card = page.locator('backstory-ui');
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.textContent ?? ''), { timeout: 5_000 }).toMatch(/Netanyahu/);
    // Moving on to another name reuses it: the UI script runs once per frame.
    const other = await pointOf(page, 'Schumer');
    await page.mouse.move(other.x, other.y);
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.textContent ?? ''), { timeout: 5_000 }).toMatch(/Schumer/);
    expect(await marks(page, 'backstory:ui-loaded')).toBe(1);
    await page.close();
  });

  it('keeps small ad frames idle, probes the ones that name someone, scans real text', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/ad-frames.html`);
    await waitForHighlights(page, 2);
    const byId = async (id: string): Promise<Frame> => {
      const f = await (await page.$(`#${id}`))?.contentFrame();
      if (!f) throw new Error(`no frame #${id}`);
      return f;
    };
    const quiet = await byId('ad-quiet');
    const named = await byId('ad-named');
    const late = await byId('ad-late');
    const reader = await byId('reader');
    // The reader and the small frame that names Rafah are scanned.
    await expect.poll(() => textsIn(reader), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Hamas', 'Netanyahu', 'two-state solution']));
    await expect.poll(() => textsIn(named), { timeout: 10_000 }).toEqual(['Rafah', 'ceasefire']);
    // The quiet ad and the empty one never asked for the matcher.
    await expect.poll(() => marks(quiet, 'backstory:frame-idle'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => marks(late, 'backstory:frame-idle'), { timeout: 10_000 }).toBe(1);
    expect(await marks(quiet, 'backstory:matcher-decoded')).toBe(0);
    expect(await marks(late, 'backstory:matcher-decoded')).toBe(0);
    expect(await textsIn(quiet)).toEqual([]);
    // Text arriving later, with a name in it, is seen within a couple of seconds.
    await late.evaluate(() => {
      document.body.textContent = 'Breaking: Biden speaks on Gaza';
    });
    await expect.poll(() => textsIn(late), { timeout: 10_000 }).toEqual(['Biden', 'Gaza']);
    expect(await marks(late, 'backstory:matcher-decoded')).toBe(1);
    // Nothing of it touched the frames' text.
    expect(await quiet.evaluate(() => document.body.innerHTML)).toContain('Summer sale');
    await page.close();
  });

  it('on a very long page registers the part near the viewport, and follows the reader down', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/fixtures/long-page.html`);
    await expect.poll(() => marks(page, 'backstory:highlights-ready'), { timeout: 20_000 }).toBe(1);
    const found = await page.evaluate(() => {
      const mark = performance.getEntriesByName('backstory:highlights-ready')[0] as PerformanceMark | undefined;
      return (mark?.detail as { mentions?: number } | undefined)?.mentions ?? 0;
    });
    expect(found).toBe(2_803); // 700 updates × 4, the heading's Gaza, Biden and the ceasefire
    const registered = (): Promise<string[]> => textsIn(page.mainFrame());
    // Every mention was found, but only those within a few screens are registered.
    await expect.poll(async () => (await registered()).length, { timeout: 10_000 }).toBeGreaterThan(20);
    const atTop = await registered();
    expect(atTop.length).toBeLessThan(1_000);
    expect(atTop).not.toContain('Biden');
    // The reader scrolls to the end: the last update is underlined and its names hover.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await registered()).includes('Biden'), { timeout: 10_000 }).toBe(true);
    expect((await registered()).length).toBeLessThan(1_000);
    const { x, y } = await pointOf(page, 'Biden', '#last');
    await page.mouse.move(x, y);
    const card = page.locator('backstory-ui');
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.textContent ?? '').catch(() => ''), { timeout: 8_000 }).toMatch(/Biden/);
    // A name far from any registered part (jumped to without scrolling events in between)
    // still opens its card: the pointer finds it, and the band is placed again.
    await page.evaluate(() => document.querySelectorAll('h2')[350]?.scrollIntoView({ block: 'center' }));
    const middle = await pointOf(page, 'Schumer', 'main', 350);
    await page.mouse.move(middle.x, middle.y);
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.textContent ?? '').catch(() => ''), { timeout: 8_000 }).toMatch(/Schumer/);
    await page.close();
  });
});
