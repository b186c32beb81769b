/**
 * The core's end of the page UI (see `ui-contract.ts`): asks the background to run the UI
 * script in this frame, once, and starts it with what the core lends it. A failed load is
 * logged and forgotten, so a later need tries again; the underlines never depend on it.
 */
import { request, type Transport } from '../../lib/messaging';
import { PAGE_UI_SLOT, type PageUi, type PageUiDeps, type PageUiFactory } from './ui-contract';
import type { Scope } from './scope';

export interface UiLoader {
  /** The page UI, loading it first if needed. */
  ensure(): Promise<PageUi>;
  /** The page UI if it has started, else null (no load is started). */
  current(): PageUi | null;
  /** Load it soon, without waiting (a hover that may become a card). */
  preload(): void;
}

export function createUiLoader(scope: Scope, opts: { send: Transport; deps: () => PageUiDeps; global?: object }): UiLoader {
  const global = opts.global ?? globalThis;
  let ui: PageUi | null = null;
  let loading: Promise<PageUi> | null = null;

  const load = async (): Promise<PageUi> => {
    let factory: PageUiFactory | undefined;
    // The UI script calls this while it is evaluated, before `loadPageUi` replies.
    Reflect.set(global, PAGE_UI_SLOT, (f: PageUiFactory) => {
      factory = f;
    });
    try {
      await request(opts.send, 'loadPageUi', {});
    } finally {
      Reflect.deleteProperty(global, PAGE_UI_SLOT);
    }
    if (scope.isInvalid) throw new Error('the page side stopped');
    if (factory === undefined) throw new Error('the page UI script did not start');
    ui = factory(opts.deps());
    if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:ui-loaded');
    return ui;
  };

  const ensure = (): Promise<PageUi> => {
    if (ui !== null) return Promise.resolve(ui);
    if (loading === null) {
      const attempt = load();
      loading = attempt;
      attempt.catch((error: unknown) => {
        if (loading === attempt) loading = null;
        if (!scope.isInvalid) console.warn('Backstory: could not load the card and notes on this page:', error);
      });
    }
    return loading;
  };

  return {
    ensure,
    current: () => ui,
    preload: () => void ensure().catch(() => undefined),
  };
}
