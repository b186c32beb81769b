import { startGate } from './content/gate';

/**
 * The frame gate (entrypoints/content/gate.ts): run by the manifest in every frame (see
 * `gateContentScript` in wxt.config.ts), and all a sub-frame evaluates until its text is
 * worth scanning. An unlisted script, so that it carries no framework runtime.
 */
export default defineUnlistedScript(() => {
  void startGate(window, globalThis);
});
