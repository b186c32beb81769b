// Issue 9, "Light on every page": every figure of the issue side by side, in one run.
//
//   1. the demo news article alone (the extension's tasks, content-start → highlights-ready)
//   2. the same article with 20 ad frames (10 srcdoc, 10 cross-site), summed over every
//      renderer main thread of the page's frames, and the ratio to the article alone
//   3. the ad page's load event with and without the extension
//   4. the gzipped size of what every frame evaluates (and of what is loaded on demand)
//   5. start-up with a 50,000-alias pack, and the matcher's memory per tab and per ad frame
//
// Figures only, no thresholds. See "Issue 9: light on every page" in BENCHMARKS.md.
//
//   node bench/page/light.mjs [--runs 3] [--loads 5] [--extension DIR] [--prod DIR]
//                             [--only pages|size|bigpack] [--pack FILE] [--json FILE] [--no-samples]
//
// --extension: the test build to load (default .output/test/chrome-mv3); --prod: the
// production build whose sizes are printed too (default: the chrome-mv3 beside the test
// build's test/ folder, e.g. .output/chrome-mv3); --pack: the 50k pack as written by
// `tsx bench/page/bigpack-pack.ts FILE` (default: generated on the spot).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { adFigures } from './adframes.mjs';
import { runBigPackBench } from './bigpack.mjs';
import { fmt, runFramesBench } from './frames.mjs';
import { contentScriptSizes, sizeLines } from './size.mjs';
import { TRACE_CATEGORIES } from './trace.mjs';

export const TEST_BUILD_DIR = resolve(ROOT, '.output/test/chrome-mv3');

/** The production build that goes with a test build: DIR/../../chrome-mv3 for …/.output/test/chrome-mv3. */
export function prodDirFor(extensionDir) {
  const guess = join(dirname(dirname(extensionDir)), 'chrome-mv3');
  return existsSync(guess) ? guess : resolve(ROOT, '.output/chrome-mv3');
}

/**
 * Run the issue-9 measurements. `only`: 'pages' (1–3), 'size' (4), 'bigpack' (5), or all.
 * Returns { frames?, sizes?, bigpack?, failures[] }.
 */
export async function runLightBench({ runs = 3, loads = 5, extensionDir = TEST_BUILD_DIR, prodDir, packFile, only, samples = true, log = console.log } = {}) {
  const categories = samples ? TRACE_CATEGORIES : TRACE_CATEGORIES.filter((c) => !c.includes('cpu_profiler'));
  const out = { extensionDir, failures: [] };
  const want = (part) => !only || only === part;
  if (want('pages')) {
    const a = adFigures();
    log(
      `Article: demo/seed-article.html on 127.0.0.1; with ads: ${a.frames} ad frames (${a.srcdoc} srcdoc, ${a.crossOrigin} from localhost, another site; ` +
        `300x250, 728x90, 320x50; ${a.minChars}–${a.maxChars} characters of text each, ${a.withName} naming someone in the story). ${runs} runs:`,
    );
    out.frames = await runFramesBench({ runs, loads, extensionDir, log, categories });
    out.failures.push(...out.frames.failures);
  }
  if (want('size')) {
    out.sizes = { test: contentScriptSizes(extensionDir), production: contentScriptSizes(prodDir ?? prodDirFor(extensionDir)) };
    if (!out.sizes.test) out.failures.push(`issue 9 sizes: no manifest.json in ${extensionDir}`);
  }
  if (want('bigpack')) {
    log(`Start-up with a 50,000-alias pack, ${runs} runs (fresh profile each):`);
    out.bigpack = await runBigPackBench({ runs, extensionDir, packFile, log, categories });
    out.failures.push(...out.bigpack.failures);
  }
  return out;
}

const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(1)}×` : '—');

/** The side-by-side table and the other figures, as printable lines. */
export function lightLines(out) {
  const lines = [];
  const f = out.frames;
  if (f?.article?.median && f?.ads?.median) {
    const a = f.article.median;
    const b = f.ads.median;
    const row = (label, x, y, digits = 1, unit = ' ms') =>
      `${label.padEnd(58)}${(fmt(x, digits) + unit).padStart(12)}${(fmt(y, digits) + unit).padStart(16)}${ratio(y, x).padStart(9)}`;
    lines.push(`${'Issue 9 — medians'.padEnd(58)}${'article'.padStart(12)}${'+ 20 ad frames'.padStart(16)}${'ratio'.padStart(9)}`);
    lines.push(row('longest extension task (trace, any frame)', a.longestTaskMs, b.longestTaskMs));
    lines.push(row('total extension task time (trace, all frames)', a.totalMs, b.totalMs));
    lines.push(row('extension tasks (all frames)', a.tasks, b.tasks, 0, ''));
    lines.push(row('  of which over 8 ms', a.overEightMs, b.overEightMs, 0, ''));
    lines.push(row('JS sampled in extension code (all frames)', a.jsMs, b.jsMs));
    lines.push(row('renderer main threads running the page\'s frames', a.threads, b.threads, 0, ''));
    lines.push(row('content-start → highlights-ready, top frame (untraced)', a.readyMs, b.readyMs));
    lines.push(row('  same, traced', a.readyMsTraced, b.readyMsTraced));
    lines.push(row('first content-start → last highlights-ready, any frame', a.allReadyMs, b.allReadyMs));
    lines.push(row('sum over frames of content-start → highlights-ready', a.frameReadySumMs, b.frameReadySumMs));
    const three = (m) => `${fmt(m.frames, 0)}/${fmt(m.framesStarted, 0)}/${fmt(m.framesReady, 0)}`;
    lines.push(`${'frames: all / with content-start / with highlights-ready'.padEnd(58)}${three(a).padStart(12)}${three(b).padStart(16)}`);
    lines.push(row('names highlighted in the top frame', a.mentions, b.mentions, 0, ''));
    lines.push(row('names highlighted in the ad frames', a.frameMentions, b.frameMentions, 0, ''));
  }
  const l = f?.load?.median;
  if (l && l.extensionMs !== undefined) {
    lines.push(
      `load event of the article + 20 ads (loadEventStart, untraced): with the extension ${fmt(l.extensionMs)} ms, without ${fmt(l.plainMs)} ms, ratio ${ratio(l.extensionMs, l.plainMs)}`,
    );
  }
  if (out.sizes) {
    lines.push(...sizeLines('what every frame evaluates — test build', out.sizes.test));
    lines.push(...sizeLines('production build', out.sizes.production));
  }
  const p = out.bigpack?.median;
  if (p) {
    lines.push(`50,000-alias pack (${out.bigpack.pack?.total?.toLocaleString('en')} aliases), the article (medians):`);
    lines.push(`  content-start → highlights-ready ${fmt(p.readyMs)} ms (traced ${fmt(p.readyMsTraced)}; first load after the import ${fmt(p.firstReadyMs)}; shipped pack only ${fmt(p.shippedReadyMs)})`);
    lines.push(`  longest extension task ${fmt(p.longestTaskMs)} ms · total ${fmt(p.totalMs)} ms in ${fmt(p.tasks, 0)} tasks (${fmt(p.overEightMs, 0)} over 8 ms)`);
    lines.push(`  page renderer JS heap after GC: ${fmt(p.pageHeapShippedMb)} MB shipped pack only → ${fmt(p.pageHeapBigMb)} MB with the 50k pack: matcher Δ ${fmt(p.pageHeapDeltaMb)} MB`);
    lines.push(
      `  one 320x50 cross-site ad frame: heap ${fmt(p.adHeapShippedMb)} → ${fmt(p.adHeapBigMb)} MB, Δ ${fmt(p.adHeapDeltaMb)} MB; ` +
        `content-start in ${p.adStarted} runs, highlights-ready in ${p.adReady} runs${p.adReadyMs !== undefined ? ` (after ${fmt(p.adReadyMs)} ms)` : ''}`,
    );
    lines.push(
      `  article + 20 ad frames, heap Δ with the 50k pack: ${fmt(p.adsPageHeapDeltaMb)} MB in the page's renderer (top + 10 srcdoc frames), ` +
        `${fmt(p.adsCrossHeapDeltaMb)} MB in the ad site's renderer (10 cross-site frames)`,
    );
  }
  return lines;
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const extensionDir = resolve(arg('--extension', TEST_BUILD_DIR));
  const prod = arg('--prod');
  const out = await runLightBench({
    runs: Number(arg('--runs', 3)),
    loads: Number(arg('--loads', 5)),
    extensionDir,
    prodDir: prod ? resolve(prod) : undefined,
    only: arg('--only'),
    packFile: arg('--pack') ? resolve(arg('--pack')) : undefined,
    samples: !process.argv.includes('--no-samples'),
  });
  console.log('');
  for (const line of lightLines(out)) console.log(line);
  const json = arg('--json');
  if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  if (out.failures.length) {
    console.error(`\n✖ Not measured:\n${out.failures.map((x) => `  - ${x}`).join('\n')}`);
    process.exit(1);
  }
}
