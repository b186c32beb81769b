import { defineWebExtConfig } from 'wxt';

// WXT's dev runner (`npm start -- --dev`, or `npx wxt` with the demo server running):
// which Chromium to open, and on which page. Chromium needs --no-sandbox only as root.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineWebExtConfig({
  binaries: { chrome: process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium' },
  chromiumArgs: [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ],
  startUrls: [process.env.BACKSTORY_START_URL ?? `http://127.0.0.1:${process.env.BACKSTORY_DEMO_PORT ?? 4173}/`],
});
