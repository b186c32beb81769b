import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Scope } from './scope';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

export interface LazyShadowHost<T> {
  /** Create and mount the host on first call; later calls share it. Undefined once `ctx` is gone. */
  mount(): Promise<T | undefined>;
  /** What `onMount` returned, once mounted. */
  mounted(): T | undefined;
  /** True for the host element and anything inside it. */
  owns(node: Node): boolean;
}

/**
 * One of Backstory's own UI hosts: a custom element with a shadow root (closed in
 * production, open only in the e2e test build), added at the end of `<body>` the first time
 * it is needed — a page nobody interacts with never gets it — and removed with `ctx`.
 */
export function createLazyShadowHost<T>(
  ctx: Scope,
  opts: { name: string; onMount: (container: HTMLElement) => T; onRemove?: (mounted: T | undefined) => void },
): LazyShadowHost<T> {
  let ui: ShadowRootContentScriptUi<T> | null = null;
  let mounting: Promise<T | undefined> | null = null;
  ctx.onInvalidated(() => ui?.remove());
  // WXT's UI helper reads only `options?.cssInjectionMode` (absent: the manifest injects our
  // CSS) and `onInvalidated` of its context, so a shorter scope stands in for the script's.
  const uiContext = { onInvalidated: (cb: () => void) => ctx.onInvalidated(cb) } as unknown as ContentScriptContext;
  return {
    mount() {
      mounting ??= createShadowRootUi(uiContext, {
        name: opts.name,
        position: 'overlay',
        anchor: 'body',
        append: 'last',
        zIndex: 2147483647,
        mode: __BACKSTORY_TEST_BUILD__ ? 'open' : 'closed',
        isolateEvents: true,
        onMount: opts.onMount,
        ...(opts.onRemove ? { onRemove: opts.onRemove } : {}),
      }).then((created) => {
        if (ctx.isInvalid) return undefined;
        ui = created;
        created.mount();
        return created.mounted;
      });
      return mounting;
    },
    mounted: () => ui?.mounted,
    owns(node) {
      const host = ui?.shadowHost;
      return host !== undefined && (node === host || host.contains(node));
    },
  };
}
