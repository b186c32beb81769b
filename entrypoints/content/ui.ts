import type { Scope } from './scope';
import type { CardData } from '../../lib/messaging';
import type { CardNotes } from '../../components/notes/card-notes';
import { createCardPopover, type CardCorrections, type CardPopover, type CardPopoverOptions } from './card/popover';
import { createLazyShadowHost } from './shadow-host';

/** The tag of the one element Backstory adds to a page: the host of its shadow root. */
export const UI_HOST_TAG = 'backstory-ui';

export interface LazyCardPopover extends Pick<CardPopover, 'show' | 'hide' | 'contains' | 'focus' | 'refreshNotes' | 'forgetCards'> {
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
  ctx: Scope,
  opts: {
    doc: Document;
    win: Window;
    loadCard: (entityId: string) => Promise<CardData>;
    notes?: CardNotes;
    corrections?: CardCorrections;
    locate?: CardPopoverOptions['locate'];
  },
): LazyCardPopover {
  let pending: Parameters<CardPopover['show']> | null = null;
  let enter = (): void => undefined;
  let leave = (): void => undefined;

  const host = createLazyShadowHost<CardPopover>(ctx, {
    name: UI_HOST_TAG,
    onMount: (container) =>
      createCardPopover({
        doc: opts.doc,
        win: opts.win,
        signal: ctx.signal,
        container,
        loadCard: opts.loadCard,
        ...(opts.notes ? { notes: opts.notes } : {}),
        ...(opts.corrections ? { corrections: opts.corrections } : {}),
        ...(opts.locate ? { locate: opts.locate } : {}),
        onPointerEnter: () => enter(),
        onPointerLeave: () => leave(),
      }),
    onRemove: (popover) => popover?.destroy(),
  });
  const mount = (): Promise<CardPopover | undefined> => host.mount();
  const current = (): CardPopover | undefined => host.mounted();

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
    forgetCards() {
      pending = null;
      current()?.forgetCards();
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
    ownsNode: (node) => host.owns(node),
    onPointer(onEnter, onLeave) {
      enter = onEnter;
      leave = onLeave;
    },
  };
}
