import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request, type Envelope, type Transport } from '../../lib/messaging';
import { matcherFromData, type Matcher } from '../../lib/matcher';
import { startPageScanner } from '../../lib/page/page-scanner';
import { startHoverIntent } from '../../lib/page/hover-intent';
import { mergeAdjacent } from '../../lib/page/merge-adjacent';
import { createShadowStyler } from '../../lib/page/shadow-styles';
import { OWN_UI_TAGS } from '../../lib/page/passages';
import highlightCss from '../../lib/page/highlights.css?inline';
import { createLazyCardPopover } from './ui';
import { listenForCommands } from './keyboard';
import { followPackChanges } from './packs';
import { startTrackName } from './track';
import { startEntityNotes } from './notes';
import { requestNotesSource } from '../../components/notes/card-notes';
import { startPassageNotes } from './passages';
import { claimFrame, startSidebarBridge } from './sidebar-bridge';

const send: Transport = (message: Envelope) => browser.runtime.sendMessage(message);

/** Wire the page side for one frame. Everything is torn down with `ctx`. */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // One live instance per frame (a re-injected script replaces, never doubles, the first).
  if (!claimFrame(window, ctx)) return;
  // The test build leaves marks for the e2e benchmark (never in production builds).
  if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:content-start');
  if (!('highlights' in CSS)) {
    console.info('Backstory: this browser has no CSS Custom Highlight API; nothing is underlined.');
    return;
  }
  let payload = await request(send, 'getMatcher', {});
  if (ctx.isInvalid) return;
  // Decoded by the scan's first step, in a task of its own, not in this reply's task.
  let matcher: Matcher | undefined;
  const decode = (): Matcher => (matcher ??= matcherFromData(payload.data));
  // Set once everything that follows the page's mentions exists (below).
  let mentionsChanged = (): void => undefined;

  // A card opening is a cheap moment to mark names noted since the last look (set below).
  let cardOpened = (): void => undefined;
  const { notes: cardNotes } = requestNotesSource(send, () => ({ url: location.href, title: document.title }));
  const popover = createLazyCardPopover(ctx, {
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
  });
  const scanner = startPageScanner({
    doc: document,
    win: window,
    signal: ctx.signal,
    prepare: decode,
    match: (text) => mergeAdjacent(text, decode().scan(text)),
    kindOf: (entityId) => payload.entities[entityId]?.kind,
    // The card's host, and the passage-notes host (passage-ui.ts): called per element of
    // the walk, so a tag test, never an ancestor climb.
    isOwnUi: (node) => popover.ownsNode(node) || (node.nodeType === 1 && OWN_UI_TAGS.has((node as Element).localName)),
    onShadowRoot: createShadowStyler(window, highlightCss, ctx.signal),
    onChange: () => mentionsChanged(),
  });
  const intent = startHoverIntent({
    doc: document,
    win: window,
    signal: ctx.signal,
    hitTest: scanner.hitTest,
    popover,
    setActive: (mention) => scanner.setActive(mention),
  });
  popover.onPointer(
    () => intent.pointerEnteredCard(),
    () => intent.pointerLeftCard(),
  );
  ctx.onInvalidated(() => intent.dispose());
  listenForCommands(ctx, { doc: document, win: window, scanner, popover });
  // Packs changed anywhere: the new matcher, a full rescan, fresh cards.
  followPackChanges(ctx, {
    send,
    current: () => payload.revision,
    apply: async (next) => {
      payload = next;
      matcher = undefined;
      popover.forgetCards();
      await scanner.rescanAll();
    },
  });
  // ── notes wiring (entity notes, passage notes) goes below this line ──
  const notes = startEntityNotes(ctx, { scanner, popover, send });
  const passages = startPassageNotes(ctx, { send, doc: document, win: window, ready: scanner.ready });
  startTrackName(ctx, { send, doc: document, win: window });
  const sidebar = startSidebarBridge(ctx, { scanner, names: (id) => payload.entities[id], doc: document, win: window, passages });
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
}
