// Issue 9: start-up with a 50,000-alias pack installed, and what the matcher costs a tab.
//
// Each run uses a fresh profile with the test build:
//   1. shipped pack only: load the article (wait for highlights-ready), collect garbage, read
//      the JS heap of the page's renderer; load the article with one small (320x50) cross-site
//      ad frame and read the heap of that frame's renderer (its own process), and its marks;
//   2. import the generated pack (bench/page/bigpack-pack.ts, ~50,000 aliases with the
//      shipped pack) through the options page's "Import a pack from a file", as the e2e
//      packs test does, and wait for "2 installed packs";
//   3. one warm-up load of the article (the background compiles and caches the matcher),
//      then an untraced load (highlights-ready) and a traced one (the extension's tasks);
//   4. the heaps of step 1 again. Matcher memory = heap with the 50k pack − heap with the
//      shipped pack only, for the page and for the ad frame.
// The heap is CDP `Runtime.getHeapUsage().usedSize` after `HeapProfiler.collectGarbage`
// (twice) on a session attached to the page (or to the out-of-process frame): the whole V8
// isolate of that renderer's main thread, so the page's world and the content script's
// isolated world together. `Performance.getMetrics` JSHeapUsedSize is kept as a cross-check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { ADS_PATH, ARTICLE_PATH, ONE_AD_PATH } from './adframes.mjs';
import {
  NotMeasured, READY_TIMEOUT_MS, fmt, frameMarks, launchWithExtension, median, medians, serveArticles, tracedLoad, untracedLoad, waitForFrames,
} from './frames.mjs';
import { TRACE_CATEGORIES } from './trace.mjs';

const MB = 2 ** 20;

/**
 * The generated pack as JSON text, and its figures ({ entities, aliases, shippedAliases,
 * total }). From `file` when given (a pack written earlier by bench/page/bigpack-pack.ts: the
 * same pack whatever state lib/ is in), else generated now.
 */
export function generatePack(file) {
  if (file) {
    const text = readFileSync(file, 'utf8');
    const pack = JSON.parse(text);
    const aliases = pack.entities.reduce((t, e) => t + e.aliases.length, 0);
    const shipped = JSON.parse(readFileSync(resolve(ROOT, 'lib/packs/story-2024-03-18.json'), 'utf8'));
    const shippedAliases = shipped.entities.reduce((t, e) => t + e.aliases.length, 0);
    return { text, figures: { entities: pack.entities.length, aliases, shippedAliases, total: aliases + shippedAliases, file } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bigpack-'));
  try {
    const out = join(dir, 'pack.json');
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'bench/page/bigpack-pack.ts'), out], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      const why = (r.stderr || r.stdout || '').trim().split('\n').filter((l) => /Error|error/.test(l)).slice(0, 2).join(' | ');
      throw new NotMeasured(`could not generate the 50k pack (tsx bench/page/bigpack-pack.ts: ${why}); write it once with that command and pass --pack FILE`);
    }
    return { text: readFileSync(out, 'utf8'), figures: JSON.parse(r.stdout.trim().split('\n').pop()) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JS heap of the renderer behind `target` (a Page, or an out-of-process Frame), after GC. */
async function heapOf(context, target) {
  const cdp = await context.newCDPSession(target);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return { usedMb: usedSize / MB, metricsMb: (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / MB };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Load `url` in a fresh tab, wait for the frames, then read the heaps: { page, frame?,
 * frameMarks } where `frame` is the renderer of the first frame from `cross` (the other site).
 */
async function memoryOf(context, url, cross) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await waitForFrames(page);
    await page.waitForTimeout(500);
    const result = { page: await heapOf(context, page) };
    const child = page.frames().find((f) => f.url().startsWith(cross));
    if (child) {
      result.frame = await heapOf(context, child).catch((error) => ({ error: String(error).split('\n')[0] }));
      result.frameMarks = (await frameMarks(page)).find((m) => m.url === child.url()) ?? null;
    }
    return result;
  } finally {
    await page.close().catch(() => {});
  }
}

async function importPack(context, extensionId, text) {
  const options = await context.newPage();
  try {
    await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
    await options.getByRole('heading', { name: 'Packs', exact: true }).waitFor({ timeout: 20_000 });
    const status = options.locator('.bs-section-page [role="status"]').first();
    const started = Date.now();
    await options.getByLabel('Import a pack from a file').setInputFiles({ name: 'generated-50k.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    for (;;) {
      const now = await status.innerText().catch(() => '');
      if (now === '2 installed packs') break;
      const alert = await options.locator('.bs-pack-import [role="alert"]').innerText({ timeout: 100 }).catch(() => '');
      if (alert) throw new NotMeasured(`the options page refused the 50k pack: ${alert.slice(0, 300)}`);
      if (Date.now() - started > 120_000) throw new NotMeasured(`the 50k pack was not installed within 120 s (status: "${now}")`);
      await options.waitForTimeout(200);
    }
    return Date.now() - started;
  } finally {
    await options.close().catch(() => {});
  }
}

export async function runBigPackBench({ runs = 3, extensionDir, packFile, log = console.log, categories = TRACE_CATEGORIES }) {
  const out = { runs: [], failures: [] };
  let server;
  try {
    const pack = generatePack(packFile);
    out.pack = { ...pack.figures, bytes: pack.text.length };
    log(`  pack: ${pack.figures.entities} entities, ${pack.figures.aliases.toLocaleString('en')} aliases (+ the shipped ${pack.figures.shippedAliases} = ${pack.figures.total.toLocaleString('en')}), ${(pack.text.length / 1e6).toFixed(1)} MB of JSON`);
    server = await serveArticles();
    const prefixes = [server.url, server.cross];
    const article = `${server.url}${ARTICLE_PATH}`;
    const oneAd = `${server.url}${ONE_AD_PATH}`;
    const ads = `${server.url}${ADS_PATH}`;
    const memory = async (context) => ({
      article: await memoryOf(context, article, server.cross),
      ad: await memoryOf(context, oneAd, server.cross),
      ads: await memoryOf(context, ads, server.cross),
    });
    for (let run = 1; run <= runs; run++) {
      const ext = await launchWithExtension(extensionDir);
      try {
        out.browserVersion = ext.browserVersion;
        const { context, isOurs } = ext;
        const shipped = await untracedLoad(context, article);
        const before = await memory(context);
        const importMs = await importPack(context, ext.extensionId, pack.text);
        const first = await untracedLoad(context, article);
        const clean = await untracedLoad(context, article);
        const traced = await tracedLoad(context, article, { prefixes, isOurs, categories });
        const after = await memory(context);
        const r = {
          run,
          importMs,
          shippedReadyMs: shipped.readyMs,
          firstReadyMs: first.readyMs,
          readyMs: clean.readyMs,
          mentions: clean.mentions,
          shippedMentions: shipped.mentions,
          readyMsTraced: traced.readyMsTraced,
          longestTaskMs: traced.longestTaskMs,
          totalMs: traced.totalMs,
          tasks: traced.tasks,
          overEightMs: traced.overEightMs,
          pageHeapShippedMb: before.article.page.usedMb,
          pageHeapBigMb: after.article.page.usedMb,
          pageHeapDeltaMb: after.article.page.usedMb - before.article.page.usedMb,
          pageMetricsDeltaMb: after.article.page.metricsMb - before.article.page.metricsMb,
          adHeapShippedMb: before.ad.frame?.usedMb,
          adHeapBigMb: after.ad.frame?.usedMb,
          adHeapDeltaMb: after.ad.frame?.usedMb - before.ad.frame?.usedMb,
          adStarted: after.ad.frameMarks?.start !== undefined,
          adReady: after.ad.frameMarks?.ready !== undefined,
          adsPageHeapDeltaMb: after.ads.page.usedMb - before.ads.page.usedMb,
          adsCrossHeapDeltaMb: after.ads.frame?.usedMb - before.ads.frame?.usedMb,
          adReadyMs: after.ad.frameMarks?.ready !== undefined ? after.ad.frameMarks.ready - after.ad.frameMarks.start : undefined,
          adError: after.ad.frame?.error ?? before.ad.frame?.error,
        };
        out.runs.push(r);
        log(
          `  50k pack run ${run}: import ${fmt(importMs / 1000)} s · ready ${fmt(r.readyMs)} ms (first load after import ${fmt(r.firstReadyMs)}, shipped pack only ${fmt(r.shippedReadyMs)}) · ` +
            `longest task ${fmt(r.longestTaskMs)} ms · total ${fmt(r.totalMs)} ms in ${r.tasks} tasks · ` +
            `page heap ${fmt(r.pageHeapShippedMb)} → ${fmt(r.pageHeapBigMb)} MB (Δ ${fmt(r.pageHeapDeltaMb)}) · ` +
            `320x50 ad frame heap ${fmt(r.adHeapShippedMb)} → ${fmt(r.adHeapBigMb)} MB (Δ ${fmt(r.adHeapDeltaMb)}), ${r.adReady ? 'highlights-ready' : r.adStarted ? 'started, no highlights-ready' : 'no content-start'} · ` +
            `article + 20 ads: Δ ${fmt(r.adsPageHeapDeltaMb)} MB in the page's renderer, Δ ${fmt(r.adsCrossHeapDeltaMb)} MB in the ad site's` +
            (r.adError ? ` (${r.adError})` : ''),
        );
      } finally {
        await ext.close();
      }
    }
    out.median = medians(out.runs, [
      'importMs', 'shippedReadyMs', 'firstReadyMs', 'readyMs', 'readyMsTraced', 'mentions', 'shippedMentions', 'longestTaskMs', 'totalMs', 'tasks', 'overEightMs',
      'pageHeapShippedMb', 'pageHeapBigMb', 'pageHeapDeltaMb', 'pageMetricsDeltaMb', 'adHeapShippedMb', 'adHeapBigMb', 'adHeapDeltaMb', 'adReadyMs', 'adsPageHeapDeltaMb', 'adsCrossHeapDeltaMb',
    ]);
    out.median.adReady = `${out.runs.filter((r) => r.adReady).length}/${out.runs.length}`;
    out.median.adStarted = `${out.runs.filter((r) => r.adStarted).length}/${out.runs.length}`;
  } catch (error) {
    if (!(error instanceof NotMeasured)) throw error;
    out.failures.push(`issue 9, 50k pack: ${error.message}`);
    log(`  ✖ not measured: ${error.message}`);
  } finally {
    await server?.close();
  }
  return out;
}

export { median };
