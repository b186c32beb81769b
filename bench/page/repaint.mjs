// What a highlight change costs a frame on the big bench page (issue 9, "Repainting on huge
// pages"), with the test build loaded, in headless Chromium:
//
//   hover   — the pointer moves onto a mention: it becomes the active one (`backstory-active`);
//             the frame that paints it, and (300 ms later) the frame that shows its card;
//   noted   — one visible range added to, then removed from, `backstory-noted` (from the
//             page's world: `CSS.highlights` is one registry per document, shared with the
//             content script's isolated world);
//   scroll  — the wheel scrolls the page by one viewport, several times (the frames after).
//
// A figure is the longest main-thread task of the page's renderer that renders a frame
// (style, layout, pre-paint, paint, commit) in a window after the action; medians of the
// repetitions, then of the runs.
//
//   node bench/page/repaint.mjs [--extension DIR] [--runs 3] [--json FILE]
//
// `measureRepaint({ extensionDir, runs, log })` is the same for scripts/bench.mjs.
/* global innerHeight, scrollY, requestAnimationFrame -- used inside page.evaluate callbacks, which run in the page */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, chromiumArgs } from '../../scripts/lib/prereqs.mjs';
import { startServer } from '../../scripts/lib/server.mjs';
import { generatePage } from './generate.mjs';
import { startTrace, stopTrace } from './trace.mjs';
import { median, fmt, NotMeasured, TEST_BUILD_DIR } from './run.mjs';

const PAGE_PATH = '/bench/news.html';
const READY_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1280, height: 900 };
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', '__metadata'];
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const HOVERS = 4;
const SCROLLS = 6;
const NOTED_CHANGES = 3;

/** The page's figures: which names its highlights hold, and a visible range's centre. */
async function pageState(page, skip = 0) {
  return page.evaluate((skip) => {
    const sizes = {};
    const visible = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('backstory-')) return;
      sizes[name] = h.size;
      if (name === 'backstory-active' || name === 'backstory-noted') return;
      for (const range of h) {
        const r = range.getBoundingClientRect();
        if (r.width > 4 && r.top > 80 && r.bottom < innerHeight - 80 && r.left > 40) visible.push({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      }
    });
    visible.sort((a, b) => a.y - b.y || a.x - b.x);
    return { sizes, target: visible[skip % Math.max(visible.length, 1)] ?? null, visible: visible.length, scrollY };
  }, skip);
}

/** A user-timing mark in the page: where each action starts in the trace. */
const mark = (page, name) => page.evaluate((name) => performance.mark(name), name);

/** Adds a visible kind range to `backstory-noted` (or takes it out again) in a frame. */
function changeNoted(page, add) {
  return page.evaluate((add) => new Promise((resolve) => {
    const noted = CSS.highlights.get('backstory-noted');
    if (!noted) return resolve(false);
    requestAnimationFrame(() => {
      if (add) {
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('backstory-') || name === 'backstory-active' || name === 'backstory-noted') continue;
          for (const range of h) {
            const r = range.getBoundingClientRect();
            if (r.top > 0 && r.bottom < innerHeight && !noted.has(range)) {
              noted.add(range);
              window.__repaintNoted = range;
              return resolve(true);
            }
          }
        }
        resolve(false);
      } else {
        if (window.__repaintNoted) noted.delete(window.__repaintNoted);
        resolve(true);
      }
    });
  }), add);
}

/** The page's main thread: the one the `repaint:` marks were recorded on. */
function pageThread(events) {
  const m = events.find((e) => String(e.cat ?? '').includes('blink.user_timing') && String(e.name).startsWith('repaint:'));
  if (!m) throw new NotMeasured('no repaint: marks in the trace');
  return { pid: m.pid, tid: m.tid };
}

/**
 * For each mark: the longest rendering task in [mark + fromMs, mark + toMs] of `windows`
 * (name → [fromMs, toMs]), with its pre-paint time. Returns { [mark]: { [window]: {ms, prePaintMs} } }.
 */
function frameCosts(events, windows) {
  const thread = pageThread(events);
  const on = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = on.filter((e) => TASKS.has(e.name) && typeof e.dur === 'number');
  const renders = on.filter((e) => RENDER.has(e.name));
  const marks = events.filter((e) => e.pid === thread.pid && String(e.cat ?? '').includes('blink.user_timing') && String(e.name).startsWith('repaint:'));
  const out = {};
  for (const m of marks) {
    const name = m.name.slice('repaint:'.length);
    out[name] = {};
    for (const [label, [from, to]] of Object.entries(windows(name))) {
      let best = { ms: 0, prePaintMs: 0 };
      for (const t of tasks) {
        if (t.ts + t.dur < m.ts + from * 1000 || t.ts > m.ts + to * 1000) continue;
        const inside = renders.filter((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur);
        if (inside.length === 0) continue;
        const ms = t.dur / 1000;
        if (ms > best.ms) best = { ms, prePaintMs: inside.filter((e) => e.name === 'PrePaint').reduce((s, e) => s + e.dur / 1000, 0) };
      }
      out[name][label] = best;
    }
  }
  return out;
}

/** Resolve when the page has the mark `name` (false after `timeout`). */
async function waitForMark(page, name, timeout) {
  return page
    .waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, name, { timeout, polling: 100 })
    .then(() => true, () => false);
}

async function oneRun(context, url, log, run) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    if (!(await waitForMark(page, 'backstory:highlights-ready', READY_TIMEOUT_MS))) {
      throw new NotMeasured(`the extension never reported backstory:highlights-ready within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await page.mouse.move(8, 8);
    await page.waitForTimeout(1500); // what the scan left (background measuring, the first big frame) settles
    const before = await pageState(page);
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp, { categories: CATEGORIES });

    // (a) hover: onto a visible mention (active at once, the card 300 ms later), then away.
    for (let i = 0; i < HOVERS; i++) {
      const { target } = await pageState(page, i * 3);
      if (!target) throw new NotMeasured('no highlighted range in the viewport to hover');
      await mark(page, `repaint:hover-${i}`);
      await page.mouse.move(target.x, target.y);
      await page.waitForTimeout(900);
      await page.mouse.move(8, 8);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(700);
    }
    // (b) noted: one range in and out of backstory-noted.
    for (let i = 0; i < NOTED_CHANGES; i++) {
      await mark(page, `repaint:noted-add-${i}`);
      if (!(await changeNoted(page, true))) throw new NotMeasured('no backstory-noted highlight to change');
      await page.waitForTimeout(400);
      await mark(page, `repaint:noted-remove-${i}`);
      await changeNoted(page, false);
      await page.waitForTimeout(400);
    }
    // (c) scroll: the wheel, one viewport at a time, the pointer on the page's margin.
    for (let i = 0; i < SCROLLS; i++) {
      await mark(page, `repaint:scroll-${i}`);
      await page.mouse.wheel(0, VIEWPORT.height);
      await page.waitForTimeout(600);
    }
    const events = await stopTrace(cdp);
    const after = await pageState(page);
    const costs = frameCosts(events, (name) =>
      name.startsWith('hover') ? { active: [0, 250], card: [250, 850] } : name.startsWith('scroll') ? { frame: [0, 550] } : { frame: [0, 350] });
    const pick = (prefix, label) => Object.entries(costs).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v[label]?.ms);
    const result = {
      run,
      registered: Object.entries(before.sizes).filter(([n]) => n !== 'backstory-active').reduce((s, [, v]) => s + v, 0),
      registeredAfterScroll: Object.entries(after.sizes).filter(([n]) => n !== 'backstory-active').reduce((s, [, v]) => s + v, 0),
      hoverActiveMs: median(pick('hover', 'active')),
      hoverCardMs: median(pick('hover', 'card')),
      notedMs: median([...pick('noted-add', 'frame'), ...pick('noted-remove', 'frame')]),
      scrollMs: median(pick('scroll', 'frame')),
      scrollMaxMs: Math.max(...pick('scroll', 'frame').filter(Number.isFinite)),
      costs,
    };
    log(
      `  run ${run}: ${result.registered} ranges registered (${result.registeredAfterScroll} after scrolling) · ` +
        `hover: active frame ${fmt(result.hoverActiveMs)} ms, card frame ${fmt(result.hoverCardMs)} ms · ` +
        `noted change ${fmt(result.notedMs)} ms · scroll by a viewport ${fmt(result.scrollMs)} ms (worst ${fmt(result.scrollMaxMs)} ms)`,
    );
    return result;
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Measure the repaint costs with the build in `extensionDir`. Returns { page, browserVersion,
 * runs, median: { registered, hoverActiveMs, hoverCardMs, notedMs, scrollMs, scrollMaxMs } }.
 */
export async function measureRepaint({ extensionDir = TEST_BUILD_DIR, runs = 3, log = console.log } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new NotMeasured(`no test build at ${extensionDir}`);
  const generated = generatePage();
  const server = await startServer({ mounts: {}, routes: { [PAGE_PATH]: () => ({ type: 'text/html; charset=utf-8', body: generated.html }) } });
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-repaint-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...chromiumArgs(extensionDir, { headless: false }), '--disable-features=DisableLoadExtensionCommandLineSwitch'],
    viewport: VIEWPORT,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => null));
    if (!worker) throw new NotMeasured('the extension\'s background service worker never started');
    const url = `${server.url}${PAGE_PATH}`;
    log(`Repaint on the bench page (${generated.mentions.toLocaleString('en')} names placed), ${runs} runs, build ${extensionDir}:`);
    const results = [];
    for (let run = 1; run <= runs; run++) results.push(await oneRun(context, url, log, run));
    const keys = ['registered', 'registeredAfterScroll', 'hoverActiveMs', 'hoverCardMs', 'notedMs', 'scrollMs', 'scrollMaxMs'];
    return {
      page: { bytes: generated.bytes, mentions: generated.mentions },
      browserVersion: context.browser()?.version(),
      runs: results,
      median: Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))])),
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** One line of figures for a `measureRepaint` result. */
export function repaintLine(out) {
  const m = out.median;
  return (
    `repaint (median): ${fmt(m.registered, 0)} ranges registered (${fmt(m.registeredAfterScroll, 0)} after scrolling) · ` +
    `hover → active ${fmt(m.hoverActiveMs)} ms, card ${fmt(m.hoverCardMs)} ms · noted change ${fmt(m.notedMs)} ms · ` +
    `scroll by a viewport ${fmt(m.scrollMs)} ms (worst ${fmt(m.scrollMaxMs)} ms) a frame`
  );
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  try {
    const out = await measureRepaint({ extensionDir: resolve(arg('--extension', TEST_BUILD_DIR)), runs: Number(arg('--runs', 3)) });
    console.log(`\n${repaintLine(out)}`);
    const json = arg('--json');
    if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  } catch (error) {
    if (!(error instanceof NotMeasured)) throw error;
    console.error(`✖ not measured: ${error.message}`);
    process.exit(1);
  }
}
