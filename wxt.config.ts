import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { safeDeps } from './scripts/vite/safe-deps';
import { COMMANDS } from './lib/background/commands';
import { FIREFOX_ID } from './lib/extension-id';

/**
 * `BACKSTORY_TEST_BUILD=1` makes the build the e2e tests load: the card's shadow root is
 * open (so tests can read it) and the output goes to its own folder. Every other build
 * is a production build with a closed shadow root.
 */
const testBuild = process.env.BACKSTORY_TEST_BUILD === '1';

/**
 * The frame gate in every frame (all_frames, about:blank and srcdoc frames too), beside the
 * page core that WXT lists for top frames only (entrypoints/content/index.ts). The gate is
 * an unlisted script so that it carries no framework runtime; it is listed here by hand.
 */
const gateContentScript = {
  matches: ['<all_urls>'],
  js: ['gate.js'],
  all_frames: true,
  match_about_blank: true,
  run_at: 'document_idle' as const,
};

export default defineConfig({
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), gateContentScript];
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testBuild ? '.output/test' : '.output',
  vite: () => ({
    plugins: [preact(), safeDeps()],
    define: { __BACKSTORY_TEST_BUILD__: JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in the README ("Permissions"). `scripting` + all hosts:
    // the page UI is injected on first need, and the side panel can re-run the content
    // script in a tab that lacks it (loaded before install or update). `sidePanel` is
    // Chrome's (Firefox has `sidebar_action`, which WXT writes from the same entrypoint).
    // No `activeTab` (all hosts already cover it) and no `tabs` (tab URLs come with the
    // host permission).
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    icons: Object.fromEntries([16, 32, 48, 64, 96, 128, 256].map((size) => [size, `icon/${size}.png`])),
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: Object.fromEntries([16, 19, 24, 32, 38].map((size) => [size, `icon/${size}.png`])),
    },
    commands: COMMANDS,
    // Firefox: MV3 (see the README, "Firefox"). 140 is the first release with the CSS Custom
    // Highlight API, which the underlines are drawn with; it also has everything else used
    // here (scripting.executeScript with frameIds, sidebar_action, storage.sync, MV3 host
    // permissions granted at install). Backstory collects nothing: `required: ['none']`.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
