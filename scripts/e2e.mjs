// `npm run test:e2e`: build the test builds of the extension (open shadow root, their own
// output folder), then run the end-to-end tests in real Chromium and in real Firefox ESR.
//
//   npm run test:e2e                                   both browsers
//   npm run test:e2e -- --browser chromium [FILES…]    Chromium only (FILES: vitest filters)
//   npm run test:e2e -- --browser firefox [FILES…]     Firefox only
import { spawnSync } from 'node:child_process';
import { findChromium, findFirefox } from './lib/prereqs.mjs';
import { ROOT } from './lib/paths.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--browser');
const only = at >= 0 ? args[at + 1] : undefined;
if (at >= 0) args.splice(at, 2);
if (only !== undefined && only !== 'chromium' && only !== 'firefox') {
  console.error(`\n✖ --browser must be chromium or firefox, not "${only}".\n`);
  process.exit(1);
}
const browsers = only ? [only] : ['chromium', 'firefox'];

try {
  if (browsers.includes('chromium')) findChromium();
  if (browsers.includes('firefox')) findFirefox();
} catch (error) {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
const run = (cmd, cmdArgs, env = {}) => {
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (browsers.includes('chromium')) {
  console.log('\n— End-to-end tests in Chromium —');
  run('npx', ['wxt', 'build'], { BACKSTORY_TEST_BUILD: '1' });
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...args]);
}
if (browsers.includes('firefox')) {
  console.log('\n— End-to-end tests in Firefox —');
  run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { BACKSTORY_TEST_BUILD: '1' });
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e-firefox.config.ts', ...args]);
}
