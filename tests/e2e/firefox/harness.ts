/**
 * The Firefox e2e harness: Firefox ESR headless, driven over WebDriver BiDi by
 * puppeteer-core, with the Firefox test build of Backstory installed as a temporary add-on
 * (`browser.installExtension`), its own HOME/TMPDIR/XDG dirs and profile, and the demo
 * pages and fixtures served over http on 127.0.0.1 — the same server and fixtures as the
 * Chromium suite (tests/e2e/harness.ts).
 *
 * Two things differ from Chromium, both set here:
 * - the add-on's moz-extension:// UUID is random per profile; the pref
 *   `extensions.webextensions.uuids` pins it, so the tests know where its pages are;
 * - WebDriver BiDi refuses to navigate to moz-extension:// pages unless the remote agent is
 *   allowed system access (`MOZ_REMOTE_ALLOW_SYSTEM_ACCESS`), set in Firefox's environment.
 *   There is no background page to evaluate in (BiDi does not reach it); tests that need the
 *   extension's APIs (tabs.query, tabs.sendMessage) call them from one of its pages.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFirefox } from '../../../scripts/lib/prereqs.mjs';
import { startServer, type StaticServer } from '../../../scripts/lib/server.mjs';
import { ROOT, DEMO_MOUNTS } from '../../../scripts/lib/paths.mjs';
import { FIREFOX_ID } from '../../../lib/extension-id';

export const FIREFOX_BUILD_DIR = resolve(ROOT, '.output/test/firefox-mv3');
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** The add-on's pinned moz-extension:// host in the test profile. */
export const EXTENSION_UUID = '6f1c2b9e-4a53-4d3e-9b8a-0b5ac0e1e2a7';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** Base URL of the local server: `${base}/fixtures/news.html`, `${base}/seed-article.html`. */
  base: string;
  server: StaticServer;
  /** A new tab at `url`, waited for until its DOM is ready. */
  open(url: string): Promise<Page>;
  /**
   * A new tab showing one of the extension's pages (`options.html`, `sidepanel.html?tab=3`);
   * in a window of its own with `{ window: true }`, so the tab it works on stays visible, as
   * beside a real sidebar.
   */
  openExtensionPage(path: string, options?: { window?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox test build at ${FIREFOX_BUILD_DIR}: run the e2e tests with \`npm run test:e2e\`.`);
  }
  const home = mkdtempSync(join(tmpdir(), 'backstory-ff-'));
  for (const dir of ['tmp', 'config', 'cache', 'data', 'run']) mkdirSync(join(home, dir));
  const server = await startServer({ mounts: DEMO_MOUNTS });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    env: {
      ...process.env,
      HOME: home,
      TMPDIR: join(home, 'tmp'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_RUNTIME_DIR: join(home, 'run'),
      MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1',
    },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: EXTENSION_UUID }),
      // Quiet and offline: no updates, telemetry or first-run pages.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.startup.homepage_override.mstone': 'ignore',
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_BUILD_DIR);
    if (id !== FIREFOX_ID) throw new Error(`installed add-on id ${id}, expected ${FIREFOX_ID}`);
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
  const open = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  };
  return {
    browser,
    base: server.url,
    server,
    open,
    async openExtensionPage(path: string, options: { window?: boolean } = {}): Promise<Page> {
      const page = await browser.newPage(options.window ? { type: 'window' } : {});
      // moz-extension pages report no load event to BiDi: wait for the document instead.
      void page.goto(`${EXTENSION_ORIGIN}/${path}`, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
      await page.waitForFunction((origin) => location.origin === origin && document.readyState !== 'loading', { timeout: 15_000 }, EXTENSION_ORIGIN);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The id of the tab whose URL contains `part`, asked from an extension page (`browser.tabs`). */
export async function tabIdOf(extensionPage: Page, part: string): Promise<number> {
  return extensionPage.evaluate(async (part) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const { browser } = globalThis as unknown as { browser: { tabs: Tabs } };
    const tab = (await browser.tabs.query({})).find((t) => t.url?.includes(part));
    if (tab?.id === undefined) throw new Error(`no tab with ${part}`);
    return tab.id;
  }, part);
}

/** Poll `read` until `accept` holds; returns the last value (and throws with it after `timeout`). */
export async function pollFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
