import { request, type Envelope, type Transport } from '../../lib/messaging';
import { markGatePassed, whenWorthScanning } from './frame-gate';
import type { Scope } from './scope';

/** The one part of the extension API the gate uses: `runtime` (Chrome's `chrome`, Firefox's `browser`). */
interface GateRuntime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

/** The extension's runtime in this content script, or undefined once the extension is gone (updated, removed). */
export function gateRuntime(global: object = globalThis): GateRuntime | undefined {
  const g = global as { browser?: { runtime?: GateRuntime }; chrome?: { runtime?: GateRuntime } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  return runtime?.id ? runtime : undefined;
}

/**
 * The gate's lifetime: valid while the extension that injected it is there. An updated or
 * removed extension leaves content scripts orphaned, with no runtime id; the gate's next
 * look then stops it (nothing else to tear down: one observer, one listener, one timer).
 */
function orphanScope(global: object): Scope {
  const controller = new AbortController();
  const callbacks: Array<() => void> = [];
  const check = (): boolean => {
    if (!controller.signal.aborted && gateRuntime(global) === undefined) {
      controller.abort();
      for (const cb of callbacks.splice(0)) cb();
    }
    return controller.signal.aborted;
  };
  return {
    get signal() {
      return controller.signal;
    },
    get isInvalid() {
      return check();
    },
    onInvalidated(cb) {
      callbacks.push(cb);
      return () => {
        const i = callbacks.indexOf(cb);
        if (i >= 0) callbacks.splice(i, 1);
      };
    },
  };
}

/**
 * The frame gate: the only Backstory script a sub-frame (an ad, a widget, an embed) runs
 * until it has text worth scanning — a few kilobytes, with no extension framework or API
 * polyfill in it. It waits as `whenWorthScanning` says (its text, its size, a probe of a
 * little text in the background), then asks the background to run the page core in this
 * frame. The top frame runs the core from the manifest: the gate steps aside there at once.
 * `global` is where the extension API lives (`globalThis`; a fake in tests).
 */
export async function startGate(win: Window = window, global: object = globalThis): Promise<void> {
  if (win === win.top) return;
  if (!('highlights' in CSS)) return;
  // The extension API is a global of the content script's own world (in Firefox, of its
  // sandbox: not a property of the page's window).
  const runtime = gateRuntime(global);
  if (!runtime) return;
  if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:gate-start');
  const send: Transport = (message: Envelope) => runtime.sendMessage(message);
  const scope = orphanScope(global);
  await whenWorthScanning(scope, { doc: win.document, win, send });
  if (scope.isInvalid) return;
  markGatePassed(global);
  try {
    await request(send, 'loadCore', {});
  } catch (error) {
    if (!scope.isInvalid) console.warn('Backstory: could not start in this frame:', error);
  }
}
