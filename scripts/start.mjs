// `npm start`: build the extension, serve the demo pages on localhost and open Chromium
// with the extension loaded. `npm start -- --dev` runs WXT's dev runner instead (hot
// reload; it reads web-ext.config.ts). `--fresh` starts from an empty browser profile.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkNode, findChromium, chromiumArgs } from './lib/prereqs.mjs';
import { startServer } from './lib/server.mjs';
import { ROOT, DEMO_PORT, DEMO_MOUNTS } from './lib/paths.mjs';

const dev = process.argv.includes('--dev');
const fresh = process.argv.includes('--fresh');

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

try {
  checkNode();
} catch (error) {
  fail(error.message);
}
let chromium;
try {
  chromium = findChromium();
} catch (error) {
  fail(error.message);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('No display to open Chromium in (DISPLAY is not set). On a headless machine run it under Xvfb: `Xvfb :77 & DISPLAY=:77 npm start`.');
}

let server;
try {
  server = await startServer({ mounts: DEMO_MOUNTS, port: DEMO_PORT });
} catch (error) {
  fail(`Could not serve the demo pages on port ${DEMO_PORT} (${error.code ?? error.message}). Set BACKSTORY_DEMO_PORT to a free port.`);
}
const startUrl = `${server.url}/`;
console.log(`Demo pages: ${startUrl}`);

const stop = async (code) => {
  await server.close();
  process.exit(code ?? 0);
};
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));

if (dev) {
  const child = spawn('npx', ['wxt'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BACKSTORY_CHROMIUM: chromium, BACKSTORY_START_URL: startUrl },
  });
  child.on('exit', (code) => stop(code));
} else {
  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    await server.close();
    fail('The build failed (see above).');
  }
  const extensionDir = resolve(ROOT, '.output/chrome-mv3');
  const profile = resolve(ROOT, '.tmp/chromium-profile');
  if (fresh) rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const args = [...chromiumArgs(extensionDir, { headless: false }), `--user-data-dir=${profile}`, startUrl];
  console.log(`Opening ${chromium} with Backstory loaded from ${extensionDir}`);
  const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => {
    if (process.env.BACKSTORY_VERBOSE) process.stderr.write(chunk);
  });
  child.on('error', (error) => fail(`Could not start Chromium: ${error.message}`));
  child.on('exit', (code) => {
    console.log('Chromium closed.');
    stop(code ?? 0);
  });
}
