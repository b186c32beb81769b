// The in-browser page benchmark: a generated ~2 MB news page, loaded in headless Chromium.
//
//   Run A — Backstory (the test build loaded): time from the content script's
//           `backstory:content-start` mark to `backstory:highlights-ready`, the highlights
//           registered, and the page's main-thread tasks spent in the extension (Chrome trace).
//   Run B — mark.js (the usual DOM-wrapping way) on the same page without the extension:
//           time to all marks done, marks made, and its main-thread tasks (Chrome trace).
//
// `node bench/page/run.mjs [--runs 3] [--only extension|markjs] [--extension DIR] [--json FILE]`
// (`npm run bench` builds the test build first and calls this; it prints figures, asserts none.)
/* global PerformanceObserver -- used inside page.evaluate callbacks, which run in the page */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, chromiumArgs } from '../../scripts/lib/prereqs.mjs';
import { startServer } from '../../scripts/lib/server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { generatePage, NAMES } from './generate.mjs';
import { startTrace, stopTrace, attribute, TRACE_CATEGORIES } from './trace.mjs';

export const TEST_BUILD_DIR = resolve(ROOT, '.output/test/chrome-mv3');
const READY_TIMEOUT_MS = 60_000;
const SETTLE_MS = 500; // keep tracing a little after "ready" so straggling tasks are seen
const PAGE_PATH = '/bench/news.html';
const MARKJS_PREFIX = '/bench/markjs/';
const here = fileURLToPath(new URL('.', import.meta.url));

/** A measurement that could not be made: `npm run bench` reports it and exits non-zero. */
export class NotMeasured extends Error {}

export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Serve the generated page, mark.js and its runner on 127.0.0.1. */
async function serve(page) {
  const markjs = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'));
  const runner = readFileSync(join(here, 'markjs-runner.js'));
  const js = 'text/javascript; charset=utf-8';
  return startServer({
    mounts: {},
    routes: {
      [PAGE_PATH]: () => ({ type: 'text/html; charset=utf-8', body: page.html }),
      [`${MARKJS_PREFIX}mark.min.js`]: () => ({ type: js, body: markjs }),
      [`${MARKJS_PREFIX}runner.js`]: () => ({ type: js, body: runner }),
    },
  });
}

/** Flags of the e2e harness, without the extension ones. */
function plainArgs() {
  return chromiumArgs('', { headless: false }).filter((a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'));
}

/** Resolve when a user-timing mark named `name` exists in the page (PerformanceObserver). */
function waitForMark(page, name, timeout) {
  const found = page.evaluate(
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
  );
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
  return Promise.race([found, late]).finally(() => clearTimeout(timer));
}

/** Top-level task after `afterUs` that renders (style, layout, paint): the frame that follows. */
function firstRenderAfter(events, thread, afterUs) {
  const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ts >= afterUs);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    if (onThread.some((e) => e.ts >= task.ts && e.ts <= end && RENDER.has(e.name))) return task.dur / 1000;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Run A: the extension.

async function runExtension({ runs, extensionDir, url, log, categories }) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new NotMeasured(`no test build at ${extensionDir} (build it with \`BACKSTORY_TEST_BUILD=1 npx wxt build\`, or run \`npm run bench\`)`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...chromiumArgs(extensionDir, { headless: false }), '--disable-features=DisableLoadExtensionCommandLineSwitch'],
    viewport: { width: 1280, height: 900 },
  });
  const results = [];
  try {
    const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => null));
    if (!background) throw new NotMeasured('the extension\'s background service worker never started (is the test build broken?)');
    const extensionId = new URL(background.url()).host;
    const isOurs = (u) => u.startsWith(`chrome-extension://${extensionId}/`);
    const browserVersion = context.browser()?.version() ?? undefined;
    for (let run = 1; run <= runs; run++) {
      // First an untraced load (tracing, and the JS sampler above all, slows script down):
      // the clean figures for "ready" and the content script's own stats.
      const clean = await untracedLoad(context, url);
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      let crashed = false;
      page.on('crash', () => (crashed = true));
      const cdp = await context.newCDPSession(page);
      await startTrace(cdp, { categories });
      await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
      const ready = await waitForMark(page, 'backstory:highlights-ready', READY_TIMEOUT_MS).catch(() => false);
      if (!ready || crashed) {
        const started = await page.evaluate(() => performance.getEntriesByName('backstory:content-start').length > 0).catch(() => undefined);
        await page.close().catch(() => {});
        const state = crashed ? 'the page crashed' : started === undefined ? 'the page was closed' : `content script ${started ? 'started' : 'never started'}`;
        throw new NotMeasured(
          `the extension never reported backstory:highlights-ready within ${READY_TIMEOUT_MS / 1000} s ` +
            `(${state}${errors.length ? `; page errors: ${errors.slice(0, 3).join(' | ')}` : ''})`,
        );
      }
      await page.waitForTimeout(SETTLE_MS);
      const events = await stopTrace(cdp);
      const fromPage = await page.evaluate(() => {
        const start = performance.getEntriesByName('backstory:content-start', 'mark')[0];
        const done = performance.getEntriesByName('backstory:highlights-ready', 'mark')[0];
        let mentions = 0;
        const byName = {};
        CSS.highlights.forEach((h, name) => {
          if (!name.startsWith('backstory-') || name === 'backstory-active') return;
          mentions += h.size;
          byName[name] = h.size;
        });
        return {
          start: start?.startTime,
          done: done?.startTime,
          detail: done?.detail ?? null,
          mentions,
          byName,
        };
      });
      const trace = attribute(events, { pageUrl: url, isOurs, between: ['backstory:content-start', 'backstory:highlights-ready'] });
      // Marks are shared by the content script's isolated world and the page in Chromium;
      // when they are not, fall back on the trace's blink.user_timing events.
      const marksShared = fromPage.start !== undefined && fromPage.done !== undefined;
      let stats = fromPage.detail;
      if (!stats) {
        const ev = events.find((e) => e.name === 'backstory:highlights-ready' && e.args?.data?.detail);
        try {
          stats = ev ? JSON.parse(ev.args.data.detail) : null;
        } catch {
          stats = null;
        }
      }
      const readyUs = trace.marksUs['backstory:highlights-ready'];
      const result = {
        run,
        clean,
        readyMs: marksShared ? fromPage.done - fromPage.start : trace.window?.ms,
        readyMsTrace: trace.window?.ms,
        marksShared,
        mentions: fromPage.mentions,
        highlights: fromPage.byName,
        stats,
        longestTaskMs: trace.longestMs,
        totalMs: trace.totalMs,
        jsMs: trace.jsMs,
        tasks: trace.count,
        overEightMs: trace.tasks.filter((t) => t.ms > 8).length,
        longTasks: trace.tasks.filter((t) => t.ms > 8).map((t) => ({ ms: t.ms, jsMs: t.jsMs, atMs: (t.ts - (trace.marksUs["backstory:content-start"] ?? t.ts)) / 1000, via: t.names, parts: t.parts })),
        windowTotalMs: trace.window?.totalMs,
        renderAfterMs: readyUs !== undefined ? firstRenderAfter(events, trace.thread, readyUs) : undefined,
        sampled: trace.sampled,
        consoleErrors: errors.length,
      };
      results.push(result);
      log(
        `  extension run ${run}, untraced: ready ${fmt(clean.readyMs)} ms · ${clean.mentions} highlighted` +
          (clean.stats ? ` · stats scan ${fmt(clean.stats.scanMs)} ms, longest slice ${fmt(clean.stats.longestSliceMs)} ms, ${clean.stats.slices} slices, ${clean.stats.blocks} blocks` : ''),
      );
      log(
        `  extension run ${run}, traced:   ready ${fmt(result.readyMs)} ms · ${result.mentions} highlighted · ` +
          `longest task ${fmt(result.longestTaskMs)} ms · total ${fmt(result.totalMs)} ms in ${result.tasks} tasks` +
          (stats ? ` · stats scan ${fmt(stats.scanMs)} ms, longest slice ${fmt(stats.longestSliceMs)} ms, ${stats.slices} slices, ${stats.blocks} blocks` : ''),
      );
      await page.close();
    }
    return { runs: results, browserVersion, extensionId };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** One load without tracing: { readyMs, mentions, stats } from the page's marks. */
async function untracedLoad(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    const ready = await waitForMark(page, 'backstory:highlights-ready', READY_TIMEOUT_MS).catch(() => false);
    if (!ready) throw new NotMeasured(`the extension never reported backstory:highlights-ready within ${READY_TIMEOUT_MS / 1000} s (untraced load)`);
    return await page.evaluate(() => {
      const start = performance.getEntriesByName('backstory:content-start', 'mark')[0];
      const done = performance.getEntriesByName('backstory:highlights-ready', 'mark')[0];
      let mentions = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-') && name !== 'backstory-active') mentions += h.size;
      });
      return { readyMs: start && done ? done.startTime - start.startTime : undefined, mentions, stats: done?.detail ?? null };
    });
  } finally {
    await page.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------
// Run B: mark.js on the same page, no extension.

async function runMarkjs({ runs, base, url, log, categories }) {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: plainArgs() });
  const results = [];
  const isOurs = (u) => u.startsWith(`${base}${MARKJS_PREFIX}`);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (let run = 1; run <= runs; run++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await startTrace(cdp, { categories });
      await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
      await page.addScriptTag({ url: `${base}${MARKJS_PREFIX}mark.min.js` });
      // The runner reads the names from its own data-names attribute.
      await page.evaluate(
        ({ src, names }) =>
          new Promise((resolve, reject) => {
            const s = document.createElement('script');
            s.src = src;
            s.dataset.names = JSON.stringify(names);
            s.onload = resolve;
            s.onerror = () => reject(new Error(`could not load ${src}`));
            document.head.append(s);
          }),
        { src: `${base}${MARKJS_PREFIX}runner.js`, names: NAMES },
      );
      const done = await waitForMark(page, 'markjs:done', READY_TIMEOUT_MS);
      await page.waitForTimeout(SETTLE_MS);
      const events = await stopTrace(cdp);
      if (!done) throw new NotMeasured(`mark.js did not finish within ${READY_TIMEOUT_MS / 1000} s`);
      const fromPage = await page.evaluate(() => ({ ...window.__markjs, inDom: document.querySelectorAll('mark[data-markjs]').length }));
      const trace = attribute(events, { pageUrl: url, isOurs });
      const doneUs = trace.marksUs['markjs:done'];
      const result = {
        run,
        readyMs: fromPage.ms,
        marks: fromPage.elements,
        marksInDom: fromPage.inDom,
        longestTaskMs: trace.longestMs,
        totalMs: trace.totalMs,
        jsMs: trace.jsMs,
        tasks: trace.count,
        renderAfterMs: doneUs !== undefined ? firstRenderAfter(events, trace.thread, doneUs) : undefined,
        sampled: trace.sampled,
      };
      results.push(result);
      log(
        `  mark.js run ${run}: done in ${fmt(result.readyMs)} ms · ${result.marks} marks · ` +
          `longest task ${fmt(result.longestTaskMs)} ms · total ${fmt(result.totalMs)} ms in ${result.tasks} tasks`,
      );
      await page.close();
    }
    return { runs: results, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

export const fmt = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '—');

function medians(runs, keys) {
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

/**
 * Run both halves. Returns { page, extension?, markjs?, failures[] } — a half that could not
 * be measured leaves its reason in `failures` instead of throwing, so the other still runs.
 */
export async function runPageBench({ runs = 3, only, extensionDir = TEST_BUILD_DIR, samples = true, log = console.log } = {}) {
  // Without the V8 sampling profiler, continuations (await, scheduler.yield) cannot be told
  // apart from the page's own microtasks; with it, script runs slower. See BENCHMARKS.md.
  const categories = samples ? TRACE_CATEGORIES : TRACE_CATEGORIES.filter((c) => !c.includes('cpu_profiler'));
  const page = generatePage();
  const pageFigures = { bytes: page.bytes, textChars: page.textChars, mentions: page.mentions, articles: page.articles };
  const server = await serve(page);
  const url = `${server.url}${PAGE_PATH}`;
  const out = { page: { ...pageFigures, charsPerMention: pageFigures.textChars / pageFigures.mentions, names: NAMES.length }, failures: [] };
  log(`Page: ${(page.bytes / 1e6).toFixed(2)} MB HTML, ${page.articles} articles, ${pageFigures.textChars.toLocaleString('en')} characters of text, ${page.mentions.toLocaleString('en')} names placed (1 per ${Math.round(out.page.charsPerMention)} characters)`);
  try {
    if (only !== 'markjs') {
      log(`Run A — Backstory (test build), ${runs} runs, fresh page each:`);
      try {
        const a = await runExtension({ runs, extensionDir, url, log, categories });
        out.extension = {
          ...a,
          median: {
            ...medians(a.runs, ['readyMs', 'mentions', 'longestTaskMs', 'totalMs', 'jsMs', 'tasks', 'overEightMs', 'renderAfterMs']),
            scanMsTraced: median(a.runs.map((r) => r.stats?.scanMs)),
            longestSliceMsTraced: median(a.runs.map((r) => r.stats?.longestSliceMs)),
            cleanReadyMs: median(a.runs.map((r) => r.clean.readyMs)),
            scanMs: median(a.runs.map((r) => r.clean.stats?.scanMs)),
            longestSliceMs: median(a.runs.map((r) => r.clean.stats?.longestSliceMs)),
            slices: median(a.runs.map((r) => r.clean.stats?.slices)),
            blocks: median(a.runs.map((r) => r.clean.stats?.blocks)),
          },
        };
      } catch (error) {
        if (!(error instanceof NotMeasured)) throw error;
        out.failures.push(`extension: ${error.message}`);
        log(`  ✖ not measured: ${error.message}`);
      }
    }
    if (only !== 'extension') {
      log(`Run B — mark.js ${markjsVersion()} (DOM wrapping, acrossElements), no extension, ${runs} runs:`);
      try {
        const b = await runMarkjs({ runs, base: server.url, url, log, categories });
        out.markjs = { ...b, median: medians(b.runs, ['readyMs', 'marks', 'longestTaskMs', 'totalMs', 'jsMs', 'tasks', 'renderAfterMs']) };
      } catch (error) {
        if (!(error instanceof NotMeasured)) throw error;
        out.failures.push(`mark.js: ${error.message}`);
        log(`  ✖ not measured: ${error.message}`);
      }
    }
  } finally {
    await server.close();
  }
  return out;
}

export function markjsVersion() {
  try {
    return JSON.parse(readFileSync(resolve(ROOT, 'node_modules/mark.js/package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** The comparison lines, with the issue's aims beside the figures (aims, not asserts). */
export function comparison(out) {
  const e = out.extension?.median;
  const m = out.markjs?.median;
  const lines = [];
  const ext = e
    ? `extension: ready in ${fmt(e.cleanReadyMs)} ms (traced ${fmt(e.readyMs)} ms), ${fmt(e.mentions, 0)} highlighted, longest task ${fmt(e.longestTaskMs)} ms, total ${fmt(e.totalMs)} ms in ${fmt(e.tasks, 0)} tasks`
    : 'extension: not measured';
  const mk = m
    ? `mark.js: done in ${fmt(m.readyMs)} ms, ${fmt(m.marks, 0)} marks, longest task ${fmt(m.longestTaskMs)} ms, total ${fmt(m.totalMs)} ms in ${fmt(m.tasks, 0)} tasks`
    : 'mark.js: not measured';
  const ratio = e && m && e.totalMs > 0 ? m.totalMs / e.totalMs : undefined;
  lines.push(`${ext} · ${mk} · mark.js/extension total time ratio: ${ratio ? `${fmt(ratio)}×` : '—'}`);
  if (e) {
    lines.push('Aims from the issue (aims, not asserts):');
    lines.push(`  no extension task over 8 ms   → longest ${fmt(e.longestTaskMs)} ms, ${fmt(e.overEightMs, 0)} tasks over 8 ms (medians of the runs)`);
    lines.push(`  under 40 ms in total          → ${fmt(e.totalMs)} ms`);
    lines.push(`  40× less than mark.js         → ${ratio ? `${fmt(ratio)}×` : '—'}`);
  }
  return lines;
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const out = await runPageBench({
    runs: Number(arg('--runs', 3)),
    only: arg('--only'),
    extensionDir: resolve(arg('--extension', TEST_BUILD_DIR)),
    samples: !process.argv.includes('--no-samples'),
  });
  console.log('');
  for (const line of comparison(out)) console.log(line);
  const json = arg('--json');
  if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  if (out.failures.length) {
    console.error(`\n✖ Not measured:\n${out.failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
}
