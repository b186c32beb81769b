/**
 * The e2e harness: one headless Chromium with the test build of Backstory loaded, a fresh
 * profile, and the demo pages and fixtures served on 127.0.0.1.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, chromiumArgs } from '../../scripts/lib/prereqs.mjs';
import { startServer, type StaticServer } from '../../scripts/lib/server.mjs';
import { ROOT, DEMO_MOUNTS } from '../../scripts/lib/paths.mjs';
import { hasHighlightsInPage, highlightedTextsInPage, highlightsInPage, pointOfTextInPage, selectTextInPage } from './shared/probes';

export const EXTENSION_DIR = resolve(ROOT, '.output/test/chrome-mv3');
/** Where e2e tests leave the screenshots they take (git-ignored). */
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface Session {
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  /** Base URL of the local server: `${base}/fixtures/news.html`, `${base}/seed-article.html`. */
  base: string;
  server: StaticServer;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * The browser's UI language ("he"): Chromium is started with `--lang=<lang>` and
   * `LANGUAGE=<lang>` in its environment (Linux Chromium reads its UI locale from there),
   * so the extension's `browser.i18n` speaks it. Default: the system's (English here).
   */
  lang?: string;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No test build at ${EXTENSION_DIR}: run the e2e tests with \`npm run test:e2e\`.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const server = await startServer({ mounts: DEMO_MOUNTS });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    // Playwright disables extensions by default; this build is the point of the test.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      ...chromiumArgs(EXTENSION_DIR, { headless: false }),
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang }, locale: options.lang } : {}),
    viewport: { width: 1280, height: 900 },
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    background,
    extensionId,
    base: server.url,
    server,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The page's view of Backstory's highlights: highlight name → the text of each range. */
export async function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightsInPage);
}

/** Wait until the backstory highlights hold at least `min` ranges (all kinds together). */
export async function waitForHighlights(page: Page, min = 1, timeout = 15_000): Promise<Record<string, string[]>> {
  await page.waitForFunction(hasHighlightsInPage, min, { timeout });
  return readHighlights(page);
}

/** All highlighted texts, kinds merged, in document order. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(highlightedTextsInPage);
}

/** Viewport centre of the `nth` occurrence of `text` in the element matched by `selector`. */
export async function pointOf(page: Page, text: string, selector = 'body', nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(pointOfTextInPage, { text, selector, nth });
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/** Select the first occurrence of `text` inside one text node. */
export async function selectText(page: Page, text: string): Promise<void> {
  if (!(await page.evaluate(selectTextInPage, text))) throw new Error(`"${text}" not found`);
}

/** What the background does on Alt+Shift+N or the context-menu item: message the active tab. */
export async function sendToActiveTab(session: Session, message: unknown): Promise<unknown> {
  return session.background.evaluate(async (message) => {
    type Tabs = {
      query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
      sendMessage(id: number, m: unknown, o?: { frameId: number }): Promise<unknown>;
    };
    const chrome = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('tab not found');
    return chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
  }, message);
}

