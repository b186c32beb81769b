import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEMO_PORT = Number(process.env.BACKSTORY_DEMO_PORT || 4173);
/** What the demo server serves, by URL prefix. */
export const DEMO_MOUNTS = {
  '/vendor/react/': resolve(ROOT, 'node_modules/react/umd'),
  '/vendor/react-dom/': resolve(ROOT, 'node_modules/react-dom/umd'),
  '/fixtures/': resolve(ROOT, 'tests/fixtures'),
  '/': resolve(ROOT, 'demo'),
};
