import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope, Transport } from '../../lib/messaging';
import type { PageStatus } from '../../lib/sites/state';
import { claimFrame } from './claim';
import { childScope, type ChildScope } from './scope';
import { followSiteStatus } from './site-status';
import { startSession, type Session } from './session';
import { gatePassed, whenWorthScanning } from './frame-gate';

const send: Transport = (message: Envelope) => browser.runtime.sendMessage(message);

/**
 * Wire the page side for one frame. First the site's status: on a site the reader turned
 * off (or while paused) nothing else starts — no matcher request, no walk of the page.
 * When the status changes, the features start or stop without a reload. Everything is
 * torn down with `ctx`.
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // One live instance per frame (a re-injected script replaces, never doubles, the first).
  if (!claimFrame(window, ctx)) return;
  // The test build leaves marks for the e2e benchmark (never in production builds).
  if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:content-start');
  if (!('highlights' in CSS)) {
    console.info('Backstory: this browser has no CSS Custom Highlight API; nothing is underlined.');
    return;
  }
  // Sub-frames get the core once their gate found text worth scanning (and said so on the
  // shared global, so the frame is not looked at and probed twice); a core that reached a
  // sub-frame another way (an injection into every frame) waits for that itself.
  if (!gatePassed(globalThis)) await whenWorthScanning(ctx, { doc: document, win: window, send });
  if (ctx.isInvalid) return;
  let running: { scope: ChildScope; session: Session } | null = null;
  // Status changes are applied one after another, in order.
  let queue: Promise<void> = Promise.resolve();
  const apply = async (status: PageStatus): Promise<void> => {
    if (ctx.isInvalid) return;
    if (!status.runs) {
      running?.scope.end();
      running = null;
      if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:site-off', { detail: { reason: status.reason } });
      return;
    }
    if (running) {
      await running.session.setNotHere(status.notHere);
      return;
    }
    const scope = childScope(ctx);
    running = { scope, session: startSession(scope, { send, status }) };
  };
  const enqueue = (status: PageStatus): void => {
    queue = queue.then(() => apply(status)).catch((error: unknown) => {
      if (!ctx.isInvalid) console.warn('Backstory: could not apply the site settings:', error);
    });
  };
  const first = await followSiteStatus(ctx, { send, onChange: enqueue });
  enqueue(first);
  await queue;
}
