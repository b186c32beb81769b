import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox
// test build installed as a temporary add-on. `npm run test:e2e` builds it first.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.firefox.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    retry: 0,
  },
});
