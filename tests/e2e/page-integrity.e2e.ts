import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pointOf, waitForHighlights, type Session } from './harness';
import { expectOnlyUiHostAdded } from './shared/page-dom';
import { pageHtmlWithoutUi, recordedMutationsInPage, recordMutationsInPage } from './shared/probes';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe("the page's own DOM", () => {
  it('is unchanged apart from the one UI host, even after a hover', async () => {
    const page = await session.context.newPage();
    // Record every mutation from the page's side, from the end of parsing (the content
    // script starts at document_idle, after that).
    // Record every mutation from the page's side, from the end of parsing on.
    await page.addInitScript(recordMutationsInPage);
    await page.goto(`${session.base}/fixtures/news.html`);
    const htmlBefore = await page.evaluate(() => document.body.innerHTML);
    await waitForHighlights(page, 5);
    const { x, y } = await pointOf(page, 'Netanyahu');
    await page.mouse.move(x, y);
    await page.locator('backstory-ui [role="dialog"]').waitFor({ state: 'visible', timeout: 5_000 });
    const mutations = await page.evaluate(recordedMutationsInPage);
    // The fixture itself mutates nothing after load; the only change is our UI host.
    expectOnlyUiHostAdded(mutations, htmlBefore, await page.evaluate(pageHtmlWithoutUi));
    await page.close();
  });

  it('keeps a React page working while it re-renders highlighted text', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.base}/fixtures/react-app.html`);
    await waitForHighlights(page, 3);
    await page.click('#tick');
    await page.click('#more');
    await page.click('#reverse');
    await page.click('#more');
    await page.click('#tick');
    await expect.poll(() => page.locator('#status').innerText()).toContain('Updated 2 times — 4 entries');
    const order = await page.locator('article p').allInnerTexts();
    expect(order).toHaveLength(4);
    // The newly rendered entries are picked up too.
    await expect
      .poll(async () =>
        page.evaluate(() => {
          const texts: string[] = [];
          CSS.highlights.forEach((h, name) => {
            if (name.startsWith('backstory-')) for (const r of h) texts.push((r as Range).toString());
          });
          return texts.join(' | ');
        }),
      )
      .toMatch(/Schumer.*\|.*Gaza|Gaza.*\|.*Schumer/);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __reactErrors: string[] }).__reactErrors)).toEqual([]);
    await page.close();
  });
});
