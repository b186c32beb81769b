// `npm run lint:firefox`: build the Firefox production build (MV3) and run Mozilla's add-on
// linter on it (`web-ext lint`, the same checks addons.mozilla.org runs). Fails on any error
// or warning; notices are printed. Pass --no-build to lint .output/firefox-mv3 as it is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib/paths.mjs';

const dir = resolve(ROOT, '.output/firefox-mv3');
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('✖ The Firefox build failed (npx wxt build -b firefox --mv3).');
    process.exit(1);
  }
}
if (!existsSync(resolve(dir, 'manifest.json'))) {
  console.error(`✖ No Firefox build at ${dir}.`);
  process.exit(1);
}
const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(`✖ web-ext lint printed no report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const [label, list] of [['error', errors], ['warning', warnings], ['notice', notices]]) {
  for (const m of list) {
    const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
    console.log(`  ${label} ${m.code}${where}: ${m.message}${m.description ? ` — ${String(m.description).replace(/\s+/g, ' ')}` : ''}`);
  }
}
console.log(`web-ext lint, .output/firefox-mv3: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
if (errors.length || warnings.length) process.exit(1);
