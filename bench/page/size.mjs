// Issue 9: what every frame evaluates. From a build's manifest.json: the JS files of the
// content_scripts entries that run in all frames (`all_frames: true`), raw and gzip -9
// (node:zlib), per file and summed; and, apart, "loaded on demand": every other *.js at the
// build's root or in content-scripts/ that the manifest's content_scripts do not list (a
// script the content script injects later, e.g. a page-ui.js), background.js and chunks/
// excluded.
//
//   node bench/page/size.mjs [DIR …]   (default: .output/test/chrome-mv3 and .output/chrome-mv3)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../scripts/lib/paths.mjs';

export const TEST_BUILD_DIR = resolve(ROOT, '.output/test/chrome-mv3');
export const PROD_BUILD_DIR = resolve(ROOT, '.output/chrome-mv3');

function fileFigures(dir, file) {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * { dir, allFrames: [{ file, raw, gzip }], allFramesRaw, allFramesGzip, topOnly: […],
 * onDemand: […], onDemandRaw, onDemandGzip } for the build at `dir`, or null without a manifest.
 */
export function contentScriptSizes(dir) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = manifest.content_scripts ?? [];
  const listed = new Set(entries.flatMap((e) => e.js ?? []));
  const allFramesFiles = [...new Set(entries.filter((e) => e.all_frames).flatMap((e) => e.js ?? []))];
  const topOnlyFiles = [...new Set(entries.filter((e) => !e.all_frames).flatMap((e) => e.js ?? []))].filter((f) => !allFramesFiles.includes(f));
  const candidates = [];
  for (const sub of ['', 'content-scripts']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const rel = sub ? `${sub}/${name}` : name;
      if (!name.endsWith('.js') || !statSync(join(dir, rel)).isFile()) continue;
      if (rel === 'background.js' || listed.has(rel)) continue;
      candidates.push(rel);
    }
  }
  const sum = (list, key) => list.reduce((t, f) => t + f[key], 0);
  const allFrames = allFramesFiles.map((f) => fileFigures(dir, f));
  const topOnly = topOnlyFiles.map((f) => fileFigures(dir, f));
  const onDemand = candidates.sort().map((f) => fileFigures(dir, f));
  return {
    dir,
    allFrames,
    allFramesRaw: sum(allFrames, 'raw'),
    allFramesGzip: sum(allFrames, 'gzip'),
    topOnly,
    onDemand,
    onDemandRaw: sum(onDemand, 'raw'),
    onDemandGzip: sum(onDemand, 'gzip'),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Printable lines for one build's figures. */
export function sizeLines(label, s) {
  if (!s) return [`${label}: no build (no manifest.json)`];
  const lines = [`${label} (${s.dir}):`];
  lines.push(`  evaluated in every frame (content_scripts with all_frames): ${kb(s.allFramesRaw)} raw, ${kb(s.allFramesGzip)} gzip -9`);
  for (const f of s.allFrames) lines.push(`    ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
  if (s.topOnly.length) {
    lines.push('  content_scripts without all_frames (top frame; a sub-frame only once its gate asks for it):');
    for (const f of s.topOnly) lines.push(`    ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
  }
  lines.push(`  loaded on demand (not in content_scripts; root and content-scripts/, background.js and chunks/ left out): ${s.onDemand.length ? `${kb(s.onDemandRaw)} raw, ${kb(s.onDemandGzip)} gzip -9` : 'none'}`);
  for (const f of s.onDemand) lines.push(`    ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
  return lines;
}

/** The test build at `testDir` and, when it exists, the production build at `prodDir`. */
export function runSizeBench({ testDir = TEST_BUILD_DIR, prodDir = PROD_BUILD_DIR } = {}) {
  return { test: contentScriptSizes(testDir), production: contentScriptSizes(prodDir) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  if (dirs.length) for (const d of dirs) for (const l of sizeLines(d, contentScriptSizes(resolve(d)))) console.log(l);
  else {
    const r = runSizeBench();
    for (const l of [...sizeLines('test build', r.test), ...sizeLines('production build', r.production)]) console.log(l);
  }
}
