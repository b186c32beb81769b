import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core, system binary) with the test build of
// the extension loaded. `npm run test:e2e` builds that first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    retry: 0,
  },
});
