/**
 * The context sidebar in real Firefox ESR. Firefox shows it as a `sidebar_action`; headless
 * Firefox has no sidebar to open, so — as in the Chromium suite — the same page is opened
 * pinned to the news tab (`sidepanel.html?tab=<id>`), in a window of its own so the news
 * tab stays visible beside it (a hidden tab runs no animation frames, so it would not
 * flash). Same fixture and
 * expectations as sidebar.e2e.ts: entities grouped by kind with counts, a click scrolls the
 * news page to the mention and flashes it, a note written in the sidebar shows on the news
 * page's hover card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, pollFor, tabIdOf, type FirefoxSession } from './harness';
import { cardInPage, hasHighlightsInPage, pointOfTextInPage } from '../shared/probes';

let session: FirefoxSession;
let news: Page;
let panel: Page;

beforeAll(async () => {
  session = await launchFirefox();
  news = await session.open(`${session.base}/fixtures/news.html`);
  await news.setViewport({ width: 700, height: 260 });
  await news.waitForFunction(hasHighlightsInPage, { timeout: 15_000 }, 5);
  const options = await session.openExtensionPage('options.html');
  const tabId = await tabIdOf(options, '/fixtures/news.html');
  await options.close();
  panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`, { window: true });
  await panel.setViewport({ width: 360, height: 800 });
  await panel.waitForSelector('.bs-sb-row__btn', { timeout: 15_000 });
});
afterAll(async () => {
  await session?.close();
});

const groups = () =>
  panel.evaluate(() =>
    [...document.querySelectorAll('.bs-sb-group')].map((g) => ({
      kind: g.querySelector('h2')?.childNodes[0]?.textContent ?? '',
      names: [...g.querySelectorAll('.bs-sb-row__name')].map((n) => n.textContent ?? ''),
    })),
  );

/** Click the sidebar row of `name`. */
async function clickRow(name: string): Promise<void> {
  const ok = await panel.evaluate((name) => {
    const row = [...document.querySelectorAll<HTMLButtonElement>('button.bs-sb-row__btn')].find((b) => b.querySelector('.bs-sb-row__name')?.textContent === name);
    row?.click();
    return row !== undefined;
  }, name);
  if (!ok) throw new Error(`no sidebar row for ${name}`);
}

const readFlash = () =>
  news.evaluate(() => {
    const flash = CSS.highlights.get('backstory-flash');
    const ranges = flash ? ([...flash] as Range[]) : [];
    const rect = ranges[0]?.getBoundingClientRect();
    const inView = rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
    return { texts: ranges.map((r) => r.toString()), inView };
  });

describe('the context sidebar in Firefox', () => {
  it('lists the news page’s entities grouped by kind, with counts and roles', async () => {
    const all = await pollFor(groups, (g) => ['People', 'Places', 'Topics'].every((k) => g.some((x) => x.kind === k)));
    const people = all.find((g) => g.kind === 'People')?.names;
    expect(people).toEqual(expect.arrayContaining(['Benjamin Netanyahu', 'Chuck Schumer', 'Joe Biden']));
    expect(people?.slice(0, 2)).toEqual(['Benjamin Netanyahu', 'Chuck Schumer']);
    const count = await panel.evaluate(() => {
      const row = [...document.querySelectorAll('button.bs-sb-row__btn')].find((b) => b.querySelector('.bs-sb-row__name')?.textContent === 'Benjamin Netanyahu');
      return row?.querySelector('.bs-sb-count')?.textContent ?? '';
    });
    expect(Number.parseInt(count, 10)).toBeGreaterThanOrEqual(2);
    await pollFor(
      () => panel.evaluate(() => [...document.querySelectorAll('.bs-sb-row')].find((r) => r.querySelector('.bs-sb-row__name')?.textContent === 'Chuck Schumer')?.querySelector('.bs-sb-row__role')?.textContent ?? ''),
      (role) => /Senate/.test(role),
    );
  });

  it('click: the news page scrolls to the mention and flashes it; clicks step "2 of N"', async () => {
    await news.evaluate(() => window.scrollTo(0, 0));
    await clickRow('Hamas');
    await pollFor(readFlash, (f) => f.texts.join() === 'Hamas' && f.inView);
    const pos = () => panel.evaluate(() => document.querySelector('.bs-sb-stepper__pos')?.textContent ?? '');
    await pollFor(pos, (p) => /^1 of \d+$/.test(p));
    await clickRow('Benjamin Netanyahu');
    await pollFor(pos, (p) => /^1 of \d+$/.test(p));
    await clickRow('Benjamin Netanyahu');
    await pollFor(pos, (p) => /^2 of \d+$/.test(p));
    await pollFor(readFlash, (f) => /Netanyahu/.test(f.texts.join()) && f.inView);
  });

  it('a note added in the sidebar shows on the news page’s hover card', async () => {
    await clickRow('Hamas');
    await panel.waitForFunction(() => document.querySelector('.bs-sb-expanded h2, .bs-sb-expanded h3')?.textContent === 'Hamas', { timeout: 10_000 });
    const clickIn = (label: string) =>
      panel.evaluate((label) => {
        const b = [...document.querySelectorAll<HTMLButtonElement>('.bs-sb-expanded button')].find((x) => (x.textContent ?? '').trim() === label);
        b?.click();
        return b !== undefined;
      }, label);
    expect(await clickIn('Add a note')).toBe(true);
    await panel.waitForSelector('.bs-sb-expanded textarea');
    await panel.focus('.bs-sb-expanded textarea');
    await panel.keyboard.type('Sidebar note: ceasefire talks in Doha');
    expect(await clickIn('Save')).toBe(true);
    await pollFor(() => panel.evaluate(() => [...document.querySelectorAll('.bs-sb-expanded .bs-note__text')].map((n) => n.textContent)), (t) => t.join() === 'Sidebar note: ceasefire talks in Doha');

    await news.bringToFront();
    await news.setViewport({ width: 1000, height: 800 });
    const point = await news.evaluate(pointOfTextInPage, { text: 'Hamas', selector: 'article', nth: 0 });
    if (!point) throw new Error('Hamas not found');
    await news.mouse.move(point.x - 3, point.y);
    await news.mouse.move(point.x, point.y, { steps: 2 });
    await pollFor(() => news.evaluate(cardInPage), (c) => c !== null && c.notes.includes('Sidebar note: ceasefire talks in Doha'));
  });
});
