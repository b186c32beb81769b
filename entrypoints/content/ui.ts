import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardData } from '../../lib/messaging';
import type { CardNotes } from '../../components/notes/card-notes';
import { createCardPopover, type CardPopover } from '../../lib/page/popover';

/** The tag of the one element Backstory adds to a page: the host of its shadow root. */
export const UI_HOST_TAG = 'backstory-ui';

export interface LazyCardPopover extends Pick<CardPopover, 'show' | 'hide' | 'contains' | 'focus' | 'refreshNotes'> {
  readonly visible: boolean;
  readonly entityId: string | null;
  /** True for the UI host and anything inside it. */
  ownsNode(node: Node): boolean;
  /** Called when the pointer enters / leaves the card. */
  onPointer(enter: () => void, leave: () => void): void;
}

/**
 * The card popover, mounted on first use: a page nobody hovers never gets the UI host.
 * The shadow root is closed in production builds and open only in the e2e test build.
 */
export function createLazyCardPopover(
  ctx: ContentScriptContext,
  opts: { doc: Document; win: Window; loadCard: (entityId: string) => Promise<CardData>; notes?: CardNotes },
): LazyCardPopover {
  let ui: ShadowRootContentScriptUi<CardPopover> | null = null;
  let mounting: Promise<CardPopover | undefined> | null = null;
  let pending: Parameters<CardPopover['show']> | null = null;
  let enter = (): void => undefined;
  let leave = (): void => undefined;

  const mount = (): Promise<CardPopover | undefined> => {
    mounting ??= createShadowRootUi(ctx, {
      name: UI_HOST_TAG,
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      zIndex: 2147483647,
      mode: __BACKSTORY_TEST_BUILD__ ? 'open' : 'closed',
      isolateEvents: true,
      onMount: (container) =>
        createCardPopover({
          doc: opts.doc,
          win: opts.win,
          signal: ctx.signal,
          container,
          loadCard: opts.loadCard,
          ...(opts.notes ? { notes: opts.notes } : {}),
          onPointerEnter: () => enter(),
          onPointerLeave: () => leave(),
        }),
      onRemove: (popover) => popover?.destroy(),
    }).then((created) => {
      if (ctx.isInvalid) return undefined;
      ui = created;
      created.mount();
      return created.mounted;
    });
    return mounting;
  };

  const current = (): CardPopover | undefined => ui?.mounted;
  ctx.onInvalidated(() => ui?.remove());

  return {
    show(anchor, entityId, matchedText) {
      const popover = current();
      if (popover) {
        popover.show(anchor, entityId, matchedText);
        return;
      }
      pending = [anchor, entityId, matchedText];
      void mount().then((mounted) => {
        if (mounted && pending) mounted.show(...pending);
        pending = null;
      });
    },
    focus() {
      const popover = current();
      if (popover && pending === null) popover.focus();
      else void mount().then((mounted) => mounted?.focus());
    },
    refreshNotes() {
      current()?.refreshNotes();
    },
    hide() {
      pending = null;
      current()?.hide();
    },
    contains(node) {
      return current()?.contains(node) ?? false;
    },
    get visible() {
      return pending !== null || (current()?.visible ?? false);
    },
    get entityId() {
      return pending?.[1] ?? current()?.entityId ?? null;
    },
    ownsNode(node) {
      const host = ui?.shadowHost;
      return host !== undefined && (node === host || host.contains(node));
    },
    onPointer(onEnter, onLeave) {
      enter = onEnter;
      leave = onLeave;
    },
  };
}
