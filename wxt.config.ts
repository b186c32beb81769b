import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { COMMANDS } from './lib/background/commands';

/**
 * `BACKSTORY_TEST_BUILD=1` makes the build the e2e tests load: the card's shadow root is
 * open (so tests can read it) and the output goes to its own folder. Every other build
 * is a production build with a closed shadow root.
 */
const testBuild = process.env.BACKSTORY_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testBuild ? '.output/test' : '.output',
  vite: () => ({
    plugins: [preact()],
    define: { __BACKSTORY_TEST_BUILD__: JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Hover a name in the news, see its backstory. Underlines the people, places and topics of the stories you follow, without touching the page.',
    // `scripting` + all hosts: the side panel can re-run the content script in a tab that
    // lacks it (loaded before install or update). `sidePanel` is Chrome's (Firefox has
    // `sidebar_action`, which WXT writes from the same entrypoint).
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Backstory' },
    commands: COMMANDS,
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'backstory@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
