import { browser } from 'wxt/browser';
import { request, type Transport } from '../../lib/messaging';
import { matcherFromData, normaliseKey, type Matcher } from '../../lib/matcher';
import { startPageScanner } from '../../lib/page/page-scanner';
import { startHoverIntent } from '../../lib/page/hover-intent';
import { mergeAdjacent } from '../../lib/page/merge-adjacent';
import { createShadowStyler } from '../../lib/page/shadow-styles';
import { OWN_UI_TAGS } from '../../lib/page/passages';
import { countMentions, isPageCountsQuery } from '../../lib/page/page-counts';
import { skipsMention, type PageStatus } from '../../lib/sites/state';
import highlightCss from '../../lib/page/highlights.css?inline';
import { createLazyCardPopover } from './ui';
import { listenForCommands } from './keyboard';
import { followPackChanges } from './packs';
import { startTrackName } from './track';
import { startEntityNotes } from './notes';
import { requestNotesSource } from '../../components/notes/card-notes';
import { startPassageNotes } from './passages';
import { startSidebarBridge } from './sidebar-bridge';
import { createCorrections } from './corrections';
import type { Scope } from './scope';

export interface Session {
  /** The site's "Not … here" rules changed: mentions they cover go, those they freed come back. */
  setNotHere(notHere: PageStatus['notHere']): Promise<void>;
}

/**
 * Everything Backstory does on a page of a site where it runs, for one frame: the matcher,
 * the scan and underlines, the card, notes, passages, "Track this name" and the sidebar
 * bridge. All of it stops with `scope` (the site turned off, or the content script gone).
 */
export async function startSession(scope: Scope, opts: { send: Transport; status: PageStatus }): Promise<Session | null> {
  const { send } = opts;
  let notHere = opts.status.notHere;
  let payload = await request(send, 'getMatcher', {});
  if (scope.isInvalid) return null;
  // Decoded by the scan's first step, in a task of its own, not in this reply's task.
  let matcher: Matcher | undefined;
  const decode = (): Matcher => (matcher ??= matcherFromData(payload.data));
  // Set once everything that follows the page's mentions exists (below).
  let mentionsChanged = (): void => undefined;

  // A card opening is a cheap moment to mark names noted since the last look (set below).
  let cardOpened = (): void => undefined;
  const { notes: cardNotes } = requestNotesSource(send, () => ({ url: location.href, title: document.title }));
  const corrections = createCorrections(scope, { send, doc: document, win: window });
  const popover = createLazyCardPopover(scope, {
    doc: document,
    win: window,
    loadCard: (entityId) => request(send, 'getCard', { entityId }),
    notes: {
      ...cardNotes,
      forEntity: (entityId) => {
        cardOpened();
        return cardNotes.forEntity(entityId);
      },
    },
    corrections: corrections.card,
  });
  const scanner = startPageScanner({
    doc: document,
    win: window,
    signal: scope.signal,
    prepare: decode,
    match: (text) => {
      const found = mergeAdjacent(text, decode().scan(text));
      if (notHere.length === 0) return found;
      return found.filter((m) => !skipsMention(notHere, normaliseKey(text.slice(m.start, m.end)), m.entityId));
    },
    kindOf: (entityId) => payload.entities[entityId]?.kind,
    // The card's host, and the passage-notes host (passage-ui.ts): called per element of
    // the walk, so a tag test, never an ancestor climb.
    isOwnUi: (node) =>
      popover.ownsNode(node) || corrections.ownsNode(node) || (node.nodeType === 1 && OWN_UI_TAGS.has((node as Element).localName)),
    onShadowRoot: createShadowStyler(window, highlightCss, scope.signal),
    onChange: () => mentionsChanged(),
  });
  const intent = startHoverIntent({
    doc: document,
    win: window,
    signal: scope.signal,
    hitTest: scanner.hitTest,
    popover,
    setActive: (mention) => scanner.setActive(mention),
  });
  popover.onPointer(
    () => intent.pointerEnteredCard(),
    () => intent.pointerLeftCard(),
  );
  scope.onInvalidated(() => intent.dispose());
  listenForCommands(scope, { doc: document, win: window, scanner, popover });
  // Packs changed anywhere: the new matcher, a full rescan, fresh cards.
  followPackChanges(scope, {
    send,
    current: () => payload.revision,
    apply: async (next) => {
      payload = next;
      matcher = undefined;
      popover.forgetCards();
      await scanner.rescanAll();
    },
  });
  // The popup's counts: the top frame answers.
  if (window === window.top) {
    const onCounts = (message: unknown): Promise<unknown> | undefined =>
      isPageCountsQuery(message) ? Promise.resolve(countMentions(scanner.mentions())) : undefined;
    browser.runtime.onMessage.addListener(onCounts);
    scope.onInvalidated(() => browser.runtime.onMessage.removeListener(onCounts));
  }
  // ── notes wiring (entity notes, passage notes) goes below this line ──
  const notes = startEntityNotes(scope, { scanner, popover, send });
  const passages = startPassageNotes(scope, { send, doc: document, win: window, ready: scanner.ready });
  startTrackName(scope, { send, doc: document, win: window });
  const sidebar = startSidebarBridge(scope, { scanner, names: (id) => payload.entities[id], doc: document, win: window, passages });
  cardOpened = () => void notes.refreshHighlight();
  mentionsChanged = () => {
    void notes.refreshHighlight();
    sidebar.changed();
  };
  if (__BACKSTORY_TEST_BUILD__) {
    void scanner.ready.then(() => {
      const stats = scanner.stats();
      performance.mark('backstory:highlights-ready', { detail: { ...stats } });
    });
  }
  return {
    async setNotHere(next) {
      if (JSON.stringify(next) === JSON.stringify(notHere)) return;
      notHere = next;
      await scanner.rescanAll();
    },
  };
}
