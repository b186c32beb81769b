// `npm run test:e2e`: build the test build of the extension (open shadow root, its own
// output folder), then run the end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium } from './lib/prereqs.mjs';
import { ROOT } from './lib/paths.mjs';

try {
  findChromium();
} catch (error) {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['wxt', 'build'], { BACKSTORY_TEST_BUILD: '1' });
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
