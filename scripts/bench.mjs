// `npm run bench`: (1) the plain-Node benchmarks (`bench/matcher.ts`, `bench/notes.ts`,
// `bench/anchoring.ts`), (2) the
// in-browser page benchmark (`bench/page/run.mjs`: Backstory's test build vs mark.js on a
// generated ~2 MB news page in headless Chromium), then the notes benchmark in Chromium
// (`bench/notes-browser.ts`, on the same test build), then a summary with the machine.
// It prints figures and asserts none; it exits non-zero only when something could not be
// measured (no Chromium, a broken build, no highlights-ready within 60 s, …).
//
//   npm run bench                      everything, 3 runs per page benchmark
//   npm run bench -- --runs 1          quicker
//   npm run bench -- --no-build        reuse .output/test/chrome-mv3 as it is
//   npm run bench -- --only extension  (or markjs) one half of the page benchmark
//   npm run bench -- --json out.json   also write every figure as JSON
//   npm run bench -- --only frames     only issue 9's page measurements (bench/page/light.mjs)
//   npm run bench -- --extension DIR   measure the test build in DIR (no build)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { checkNode, findChromium } from './lib/prereqs.mjs';
import { ROOT } from './lib/paths.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
// `--only extension|markjs`: one half of the page benchmark; `--only frames`: issue 9's
// measurements alone (article, ad frames, load event, sizes, 50k pack), nothing else.
const only = option('--only');
const framesOnly = only === 'frames';
const failures = [];
const fail = (message) => {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
};

let chromiumPath;
try {
  checkNode();
  chromiumPath = findChromium();
} catch (error) {
  fail(error.message);
}

const heading = (text) => console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 76 - text.length))}`);

// 1. The plain-Node benchmarks: the matcher, the notes store and search, passage anchoring.
const nodeBenches = [
  ['Matcher benchmark', 'bench/matcher.ts'],
  ['Notes benchmark: insert 10,000 notes, search them', 'bench/notes.ts'],
  ['Anchoring benchmark: re-anchor 200 passage notes on a changed page', 'bench/anchoring.ts'],
  ['Follow this story: drafting packs from articles', 'bench/draft-eval.ts'],
];
let matcherOutput = '';
const nodeOutputs = {};
for (const [title, file] of framesOnly ? [] : nodeBenches) {
  heading(`${title} (${file})`);
  if (!existsSync(resolve(ROOT, file))) {
    console.log(`${file} is missing: no figures this time.`);
    failures.push(`${file} is missing`);
    continue;
  }
  const r = spawnSync('npx', ['tsx', file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  nodeOutputs[file] = r.stdout ?? '';
  process.stdout.write(nodeOutputs[file]);
  if (r.status !== 0) failures.push(`\`npx tsx ${file}\` exited with ${r.status ?? r.signal}`);
}
matcherOutput = nodeOutputs['bench/matcher.ts'];

// 2. The page benchmark: build the test build (marks on, own output folder), then measure.
heading(framesOnly ? 'Building for issue 9 (bench/page/light.mjs)' : 'Page benchmark (bench/page/run.mjs)');
const extensionOption = option('--extension');
const extensionDir = extensionOption ? resolve(extensionOption) : resolve(ROOT, '.output/test/chrome-mv3');
let buildOk = true;
if (only !== 'markjs' && !flag('--no-build') && !extensionOption) {
  console.log('Building the test build (BACKSTORY_TEST_BUILD=1 npx wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BACKSTORY_TEST_BUILD: '1' } });
  if (r.status !== 0) {
    buildOk = false;
    process.stdout.write(`${r.stdout ?? ''}`.split('\n').slice(-30).join('\n'));
    process.stderr.write(`${r.stderr ?? ''}`.split('\n').slice(-30).join('\n'));
    failures.push('extension: the test build failed (`BACKSTORY_TEST_BUILD=1 npx wxt build`), so the extension half was not measured');
    console.log('✖ The test build failed; measuring mark.js only.');
  }
}
const { runPageBench, comparison, markjsVersion, fmt } = await import('../bench/page/run.mjs');
const page = framesOnly
  ? {}
  : await runPageBench({
      runs: Number(option('--runs', 3)),
      only: buildOk ? only : 'markjs',
      extensionDir,
    });
failures.push(...(page.failures ?? []));

// 2b. Notes in real Chromium (bench/notes-browser.ts): needs the test build made above.
const notesBrowser = 'bench/notes-browser.ts';
if (!framesOnly) {
  heading(`Notes benchmark in Chromium: import 10,000 notes, search them (${notesBrowser})`);
  if (!buildOk || !existsSync(resolve(ROOT, '.output/test/chrome-mv3/manifest.json'))) {
    console.log('No test build: no figures this time.');
    failures.push(`${notesBrowser}: no test build`);
  } else {
    const r = spawnSync('npx', ['tsx', notesBrowser], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    nodeOutputs[notesBrowser] = r.stdout ?? '';
    process.stdout.write(nodeOutputs[notesBrowser]);
    if (r.status !== 0) failures.push(`\`npx tsx ${notesBrowser}\` exited with ${r.status ?? r.signal}`);
  }
}

// 2c. Issue 9, light on every page (bench/page/light.mjs): the article alone and with 20 ad
// frames, the load event with and without the extension, sizes, start-up with a 50k pack.
let light;
let repaint;
if (!only || framesOnly) {
  heading('Issue 9: light on every page (bench/page/light.mjs)');
  if (!buildOk) {
    console.log('No test build: no figures this time.');
    failures.push('issue 9: no test build');
  } else {
    const { runLightBench } = await import('../bench/page/light.mjs');
    light = await runLightBench({ runs: Number(option('--runs', 3)), extensionDir });
    failures.push(...light.failures);
  }
  heading('Issue 9: repainting on a page with 12,000 names (bench/page/repaint.mjs)');
  if (buildOk) {
    const { measureRepaint } = await import('../bench/page/repaint.mjs');
    const { NotMeasured } = await import('../bench/page/run.mjs');
    try {
      repaint = await measureRepaint({ extensionDir, runs: Number(option('--runs', 3)) });
    } catch (error) {
      if (!(error instanceof NotMeasured)) throw error;
      console.log(`✖ not measured: ${error.message}`);
      failures.push(`repaint: ${error.message}`);
    }
  }
}

// 3. Summary.
heading('Summary');
const machine = machineInfo(page);
if (!framesOnly) for (const line of comparison(page)) console.log(line);
if (light) {
  const { lightLines } = await import('../bench/page/light.mjs');
  for (const line of lightLines(light)) console.log(line);
}
if (repaint) {
  const { repaintLine } = await import('../bench/page/repaint.mjs');
  console.log(repaintLine(repaint));
}
const e = page.extension?.median;
if (e) {
  console.log(
    `extension, content script's own stats (median, untraced): scan ${fmt(e.scanMs)} ms, longest slice ${fmt(e.longestSliceMs)} ms, ` +
      `${fmt(e.slices, 0)} slices, ${fmt(e.blocks, 0)} blocks (traced: scan ${fmt(e.scanMsTraced)} ms, longest slice ${fmt(e.longestSliceMsTraced)} ms)`,
  );
  console.log(
    `extension, from the trace (median): JS samples in extension code ${fmt(e.jsMs)} ms; first frame after ready ${fmt(e.renderAfterMs)} ms`,
  );
}
const m = page.markjs?.median;
if (m) console.log(`mark.js ${markjsVersion()}: JS samples in mark.js ${fmt(m.jsMs)} ms; first frame after done ${fmt(m.renderAfterMs)} ms`);
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM · Chromium ${machine.chromium} · Node ${machine.node} · ${machine.date}`,
);
const json = option('--json');
if (json) writeFileSync(json, JSON.stringify({ machine, matcherOutput, nodeOutputs, page, light }, null, 2));
if (failures.length) {
  console.error(`\n✖ Not everything could be measured:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}

function machineInfo(result) {
  let cpu = cpus()[0]?.model?.trim();
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() has it
  }
  let chromium = result.extension?.browserVersion ?? result.markjs?.browserVersion ?? light?.frames?.browserVersion;
  if (!chromium) {
    const r = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' });
    chromium = /[\d.]+\d/.exec(r.stdout ?? '')?.[0] ?? 'unknown';
  }
  return {
    cpu: cpu ?? 'unknown CPU',
    cores: typeof availableParallelism === 'function' ? availableParallelism() : cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    chromium,
    node: process.versions.node,
    date: new Date().toISOString().slice(0, 10),
  };
}
