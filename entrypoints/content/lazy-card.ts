/**
 * The card as the core sees it before the page UI has loaded: `show` loads the UI and then
 * shows the card, unless it was hidden (or another card asked for) meanwhile. Once the UI
 * is there, every call goes straight to its card.
 */
import type { PageCard } from './ui-contract';
import type { UiLoader } from './ui-loader';

export function createLazyCard(loader: UiLoader): PageCard {
  let pending: { anchor: Range; entityId: string; matchedText: string; focus: boolean } | null = null;
  let enter = (): void => undefined;
  let leave = (): void => undefined;
  let wired: PageCard | null = null;

  const card = (): PageCard | null => {
    const ui = loader.current();
    if (ui === null) return null;
    if (wired !== ui.card) {
      wired = ui.card;
      wired.onPointer(() => enter(), () => leave());
    }
    return wired;
  };

  const whenLoaded = (): void => {
    void loader.ensure().then(
      () => {
        const loaded = card();
        const want = pending;
        pending = null;
        if (loaded === null || want === null) return;
        loaded.show(want.anchor, want.entityId, want.matchedText);
        if (want.focus) loaded.focus();
      },
      () => {
        pending = null;
      },
    );
  };

  return {
    show(anchor, entityId, matchedText) {
      const loaded = card();
      if (loaded) return loaded.show(anchor, entityId, matchedText);
      const waiting = pending !== null;
      pending = { anchor, entityId, matchedText, focus: false };
      if (!waiting) whenLoaded();
    },
    hide() {
      pending = null;
      card()?.hide();
    },
    focus() {
      const loaded = card();
      if (loaded) loaded.focus();
      else if (pending) pending.focus = true;
    },
    refreshNotes: () => card()?.refreshNotes(),
    forgetCards() {
      pending = null;
      card()?.forgetCards();
    },
    contains: (node) => card()?.contains(node) ?? false,
    get visible() {
      return pending !== null || (card()?.visible ?? false);
    },
    get entityId() {
      return pending?.entityId ?? card()?.entityId ?? null;
    },
    onPointer(onEnter, onLeave) {
      enter = onEnter;
      leave = onLeave;
    },
  };
}
