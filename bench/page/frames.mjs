// Issue 9, "Light on every page": the extension on a real-sized news article, alone and with
// 20 ad frames, in headless Chromium with the test build loaded; and the page's load event
// with and without the extension. See "Issue 9: light on every page" in BENCHMARKS.md.
//
//   article alone     longest extension task, total, number of tasks (Chrome trace, the
//                     page's renderer main thread), content-start → highlights-ready
//   article + 20 ads  the same summed over every renderer main thread that runs one of the
//                     page's frames (the page's, and the cross-site frames' own process),
//                     and per frame: which started, which reached highlights-ready
//   load event        navigation loadEventStart of the article + ads page, with the
//                     extension and in a plain browser without it
/* global PerformanceObserver, location -- used inside page.evaluate callbacks, which run in the page */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, chromiumArgs } from '../../scripts/lib/prereqs.mjs';
import { startServer } from '../../scripts/lib/server.mjs';
import { DEMO_MOUNTS } from '../../scripts/lib/paths.mjs';
import { adRoutes, ARTICLE_PATH, ADS_PATH } from './adframes.mjs';
import { NotMeasured, median, fmt } from './run.mjs';
import { startTrace, stopTrace, attributeFrames, TRACE_CATEGORIES } from './trace.mjs';

export const READY_TIMEOUT_MS = 60_000;
const SETTLE_MS = 500;
/** After the top frame is ready, how long the frames may stay quiet before we stop waiting. */
const FRAMES_QUIET_MS = 1500;
const FRAMES_CAP_MS = 15_000;

export { NotMeasured, median, fmt };
export const medians = (runs, keys) => Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));

/**
 * The local server: the demo pages and fixtures (DEMO_MOUNTS) plus the ad pages. The page is
 * on http://127.0.0.1:PORT; the cross-site ad frames load from http://localhost:PORT (the same
 * server, another site). Resolves to { url, cross, close }.
 */
export async function serveArticles() {
  let cross = 'http://localhost:0';
  const routes = Object.fromEntries(Object.keys(adRoutes(cross)).map((path) => [path, () => adRoutes(cross)[path]()]));
  const server = await startServer({ mounts: DEMO_MOUNTS, routes });
  cross = server.url.replace('//127.0.0.1:', '//localhost:');
  return { ...server, cross };
}

/** Flags of the e2e harness, without the extension ones. */
export function plainArgs() {
  return chromiumArgs('', { headless: false }).filter((a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'));
}

/** A persistent context with the extension at `extensionDir`: { context, extensionId, isOurs, background, close }. */
export async function launchWithExtension(extensionDir) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new NotMeasured(`no test build at ${extensionDir} (build it with \`BACKSTORY_TEST_BUILD=1 wxt build\`, or run \`npm run bench\`)`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-bench9-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...chromiumArgs(extensionDir, { headless: false }), '--disable-features=DisableLoadExtensionCommandLineSwitch'],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => null));
  if (!background) {
    await close();
    throw new NotMeasured("the extension's background service worker never started (is the test build broken?)");
  }
  const extensionId = new URL(background.url()).host;
  return { context, background, extensionId, isOurs: (u) => u.startsWith(`chrome-extension://${extensionId}/`), browserVersion: context.browser()?.version(), close };
}

/** Resolve true when a user-timing mark `name` exists in `frame` (a PerformanceObserver), false after `timeout`. */
export function waitForMark(frame, name, timeout = READY_TIMEOUT_MS) {
  const found = frame
    .evaluate(
      (name) =>
        new Promise((resolve) => {
          if (performance.getEntriesByName(name, 'mark').length) return resolve(true);
          new PerformanceObserver((list, observer) => {
            if (list.getEntriesByName(name, 'mark').length) {
              observer.disconnect();
              resolve(true);
            }
          }).observe({ type: 'mark', buffered: true });
        }),
      name,
    )
    .catch(() => false);
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
  return Promise.race([found, late]).finally(() => clearTimeout(timer));
}

/**
 * Every frame's marks, on one clock (performance.timeOrigin + startTime, epoch ms): [{ url,
 * top, start, ready, detail, mentions }]. `start`/`ready` are undefined where the mark is absent.
 */
export async function frameMarks(page) {
  const top = page.mainFrame();
  const out = [];
  for (const frame of page.frames()) {
    const marks = await frame
      .evaluate(() => {
        const at = (name) => {
          const m = performance.getEntriesByName(name, 'mark')[0];
          return m ? performance.timeOrigin + m.startTime : undefined;
        };
        let mentions = 0;
        if ('highlights' in CSS) {
          CSS.highlights.forEach((h, name) => {
            if (name.startsWith('backstory-') && name !== 'backstory-active') mentions += h.size;
          });
        }
        const ready = performance.getEntriesByName('backstory:highlights-ready', 'mark')[0];
        return { url: location.href, start: at('backstory:content-start'), ready: at('backstory:highlights-ready'), detail: ready?.detail ?? null, mentions };
      })
      .catch(() => null);
    if (marks) out.push({ ...marks, top: frame === top });
  }
  return out;
}

/**
 * Wait for the top frame's highlights-ready, then until every frame whose content script
 * started is ready too, or nothing changed for FRAMES_QUIET_MS (a frame the extension
 * leaves alone never marks ready). Returns frameMarks().
 */
export async function waitForFrames(page) {
  const ready = await waitForMark(page.mainFrame(), 'backstory:highlights-ready');
  if (!ready) {
    const started = await page.evaluate(() => performance.getEntriesByName('backstory:content-start').length > 0).catch(() => undefined);
    throw new NotMeasured(
      `the extension never reported backstory:highlights-ready within ${READY_TIMEOUT_MS / 1000} s in the top frame (content script ${started ? 'started' : 'never started'})`,
    );
  }
  const begin = Date.now();
  let last = '';
  let changed = Date.now();
  for (;;) {
    const marks = await frameMarks(page);
    const key = marks.map((m) => `${m.start ?? ''}/${m.ready ?? ''}`).join(',');
    if (key !== last) {
      last = key;
      changed = Date.now();
    }
    if (marks.every((m) => m.start === undefined || m.ready !== undefined)) return marks;
    if (Date.now() - changed > FRAMES_QUIET_MS || Date.now() - begin > FRAMES_CAP_MS) return marks;
    await page.waitForTimeout(100);
  }
}

/** Figures from frameMarks(): the top frame's ready, frames started/ready, all-frames span and sum. */
export function summariseMarks(marks) {
  const top = marks.find((m) => m.top);
  const started = marks.filter((m) => m.start !== undefined);
  const ready = marks.filter((m) => m.ready !== undefined);
  const firstStart = Math.min(...started.map((m) => m.start));
  const lastReady = Math.max(...ready.map((m) => m.ready));
  return {
    frames: marks.length,
    framesStarted: started.length,
    framesReady: ready.length,
    readyMs: top && top.start !== undefined && top.ready !== undefined ? top.ready - top.start : undefined,
    allReadyMs: ready.length ? lastReady - firstStart : undefined,
    frameReadySumMs: ready.filter((m) => m.start !== undefined).reduce((t, m) => t + (m.ready - m.start), 0),
    mentions: top?.mentions,
    frameMentions: marks.filter((m) => !m.top).reduce((t, m) => t + m.mentions, 0),
  };
}

/** One untraced load of `url`: marks of every frame, and the navigation's loadEventStart. */
export async function untracedLoad(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    const loadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventStart);
    const marks = await waitForFrames(page);
    return { loadMs, ...summariseMarks(marks) };
  } finally {
    await page.close().catch(() => {});
  }
}

/** One traced load: the extension's tasks on every renderer main thread of the page's frames. */
export async function tracedLoad(context, url, { prefixes, isOurs, categories = TRACE_CATEGORIES }) {
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp, { categories });
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    let marks;
    let events;
    try {
      marks = await waitForFrames(page);
    } finally {
      await page.waitForTimeout(SETTLE_MS);
      events = await stopTrace(cdp);
    }
    if (crashed) throw new NotMeasured(`the page crashed (${url})`);
    const trace = attributeFrames(events, { prefixes, isOurs });
    const s = summariseMarks(marks);
    return {
      readyMsTraced: s.readyMs,
      framesReadyTraced: s.framesReady,
      longestTaskMs: trace.longestMs,
      totalMs: trace.totalMs,
      tasks: trace.count,
      overEightMs: trace.overEightMs,
      jsMs: trace.jsMs,
      threads: trace.threads.length,
      perThread: trace.threads,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

const PAGE_KEYS = [
  'readyMs', 'readyMsTraced', 'allReadyMs', 'frameReadySumMs', 'frames', 'framesStarted', 'framesReady', 'mentions', 'frameMentions',
  'longestTaskMs', 'totalMs', 'tasks', 'overEightMs', 'jsMs', 'threads', 'loadMs',
];

/**
 * The article alone, the article with 20 ad frames, and the load event with and without the
 * extension. `runs` runs; each run loads each page once untraced and once traced (fresh tab
 * each), and the ad page `loads` more times untraced in each browser for the load event.
 */
export async function runFramesBench({ runs = 3, loads = 3, withLoad = true, extensionDir, log = console.log, categories = TRACE_CATEGORIES }) {
  const server = await serveArticles();
  const prefixes = [server.url, server.cross];
  const out = { article: { runs: [] }, ads: { runs: [] }, load: { runs: [] }, failures: [] };
  let ext;
  let plain;
  try {
    ext = await launchWithExtension(extensionDir);
    out.browserVersion = ext.browserVersion;
    const { context, isOurs } = ext;
    if (withLoad) plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: plainArgs() });
    const plainContext = plain ? await plain.newContext({ viewport: { width: 1280, height: 900 } }) : null;
    for (let run = 1; run <= runs; run++) {
      for (const [key, path] of [['article', ARTICLE_PATH], ['ads', ADS_PATH]]) {
        const url = `${server.url}${path}`;
        const clean = await untracedLoad(context, url);
        const traced = await tracedLoad(context, url, { prefixes, isOurs, categories });
        const r = { run, ...clean, ...traced };
        out[key].runs.push(r);
        log(
          `  ${key === 'article' ? 'article alone ' : 'article + ads '} run ${run}: ready ${fmt(r.readyMs)} ms (traced ${fmt(r.readyMsTraced)}) · ` +
            `frames ${r.framesReady}/${r.framesStarted}/${r.frames} ready/started/all, all ready after ${fmt(r.allReadyMs)} ms · ` +
            `longest task ${fmt(r.longestTaskMs)} ms · total ${fmt(r.totalMs)} ms in ${r.tasks} tasks on ${r.threads} thread(s)` +
            (r.threads > 1 ? ` (${r.perThread.map((t) => `${fmt(t.totalMs)} ms/${t.count}`).join(' + ')})` : ''),
        );
      }
      if (withLoad) {
        const url = `${server.url}${ADS_PATH}`;
        const withExt = [];
        const without = [];
        for (let i = 0; i < loads; i++) {
          withExt.push((await untracedLoad(context, url)).loadMs);
          without.push(await plainLoad(plainContext, url));
        }
        const r = { run, extensionMs: median(withExt), plainMs: median(without), extensionAll: withExt, plainAll: without };
        out.load.runs.push(r);
        log(`  load event run ${run} (median of ${loads}): with the extension ${fmt(r.extensionMs)} ms, without ${fmt(r.plainMs)} ms`);
      }
    }
    out.article.median = medians(out.article.runs, PAGE_KEYS);
    out.ads.median = medians(out.ads.runs, PAGE_KEYS);
    out.load.median = medians(out.load.runs, ['extensionMs', 'plainMs']);
  } catch (error) {
    if (!(error instanceof NotMeasured)) throw error;
    out.failures.push(`issue 9 frames: ${error.message}`);
    log(`  ✖ not measured: ${error.message}`);
  } finally {
    await ext?.close();
    await plain?.close().catch(() => {});
    await server.close();
  }
  return out;
}

async function plainLoad(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    return await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventStart);
  } finally {
    await page.close().catch(() => {});
  }
}
