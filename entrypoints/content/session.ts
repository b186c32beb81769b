import { browser } from 'wxt/browser';
import { request, type MatcherPayload, type Transport } from '../../lib/messaging';
import { loadMatcher, normaliseKey, type Matcher } from '../../lib/matcher';
import { startPageScanner, type PageScanner } from '../../lib/page/page-scanner';
import { startHoverIntent } from '../../lib/page/hover-intent';
import { mergeAdjacent } from '../../lib/page/merge-adjacent';
import { createShadowStyler } from '../../lib/page/shadow-styles';
import { OWN_UI_TAGS } from '../../lib/page/own-ui';
import { countMentions, isPageCountsQuery } from '../../lib/page/page-counts';
import { createYieldToPage } from '../../lib/page/scheduler';
import { skipsMention, type PageStatus } from '../../lib/sites/state';
import highlightCss from '../../lib/page/highlights.css?inline';
import { listenForCommands } from './keyboard';
import { followPackChanges } from './packs';
import { startEntityNotes, type EntityNotes } from './notes';
import { startSidebarRelay, type RuntimeLike } from './sidebar-relay';
import { createUiLoader } from './ui-loader';
import { createLazyCard } from './lazy-card';
import { startUiTriggers } from './ui-triggers';
import type { PageUiDeps } from './ui-contract';
import type { Scope } from './scope';

export interface Session {
  /** The site's "Not … here" rules changed: mentions they cover go, those they freed come back. */
  setNotHere(notHere: PageStatus['notHere']): Promise<void>;
}

/** Start one feature; a throw is logged and the others go on (refined-github style). */
function feature<T>(name: string, start: () => T): T | null {
  try {
    return start();
  } catch (error) {
    console.warn(`Backstory: ${name} did not start:`, error);
    return null;
  }
}

/** A runtime whose `onConnect` never fires (sub-frames: the side panel talks to the top frame). */
const NO_PORTS: RuntimeLike = {
  id: '',
  getURL: () => '',
  onConnect: { addListener: () => undefined, removeListener: () => undefined },
};

/**
 * Everything Backstory does in one frame of a site where it runs. The core started here —
 * matcher, scan and underlines, hover, the keyboard command, the "noted" mark — never
 * loads UI code; the card, notes, passage notes, "Track this name" and the sidebar bridge
 * are the page UI, loaded on first need (`ui-loader.ts`). Each feature starts on its own:
 * a rejected request or a throw in one leaves the others working (passage notes and the
 * side panel do not wait for, or depend on, the matcher). All of it stops with `scope`.
 */
export function startSession(scope: Scope, opts: { send: Transport; status: PageStatus }): Session {
  const { send } = opts;
  const doc = document;
  const win = window;
  let notHere = opts.status.notHere;
  let payload: MatcherPayload | null = null;
  let matcher: Matcher | null = null;
  let scanner: PageScanner | null = null;
  let notes: EntityNotes | null = null;
  const yieldToPage = createYieldToPage(win, scope.signal);

  // The first scan, or the matcher failing: what waits for "the page is scanned".
  let scanned = (): void => undefined;
  const ready = new Promise<void>((resolve) => {
    scanned = resolve;
  });

  // ── the page UI, loaded on demand ──
  const relay = win === win.top ? feature('the side panel link', () => startSidebarRelay(scope, { needUi: () => loader.ensure() })) : null;
  const uiDeps = (): PageUiDeps => ({
    scope,
    send,
    doc,
    win,
    scanner: {
      ready,
      mentions: () => scanner?.mentions() ?? [],
      mentionsOf: (id) => scanner?.mentionsOf(id) ?? [],
      setActive: (m) => scanner?.setActive(m),
    },
    names: (id) => payload?.entities[id],
    sidebarRuntime: relay?.runtime ?? NO_PORTS,
    cardOpened: () => void notes?.refreshHighlight(),
  });
  const loader = createUiLoader(scope, { send, deps: uiDeps });
  const card = createLazyCard(loader);
  feature('the page UI triggers', () => startUiTriggers(scope, { send, doc, win, loader, ready }));

  // ── the underlines ──
  const startScanning = (): PageScanner => {
    const started = startPageScanner({
      doc,
      win,
      signal: scope.signal,
      match: (text) => {
        if (matcher === null) return [];
        const found = mergeAdjacent(text, matcher.scan(text));
        if (notHere.length === 0) return found;
        return found.filter((m) => !skipsMention(notHere, normaliseKey(text.slice(m.start, m.end)), m.entityId));
      },
      kindOf: (entityId) => payload?.entities[entityId]?.kind,
      // Called per element of the walk: a tag test first, never an ancestor climb.
      isOwnUi: (node) =>
        (node.nodeType === 1 && OWN_UI_TAGS.has((node as Element).localName)) || (loader.current()?.ownsNode(node) ?? false),
      onShadowRoot: createShadowStyler(win, highlightCss, scope.signal),
      onChange: () => {
        void notes?.refreshHighlight();
        loader.current()?.mentionsChanged();
      },
    });
    const intent = startHoverIntent({
      doc,
      win,
      signal: scope.signal,
      // A pointer resting on a mention may become a card: fetch the UI now, not in 300 ms.
      hitTest: (x, y) => {
        const hit = started.hitTest(x, y);
        if (hit !== null && loader.current() === null) loader.preload();
        return hit;
      },
      popover: card,
      setActive: (mention) => started.setActive(mention),
    });
    card.onPointer(
      () => intent.pointerEnteredCard(),
      () => intent.pointerLeftCard(),
    );
    scope.onInvalidated(() => intent.dispose());
    feature('the keyboard command', () => listenForCommands(scope, { doc, win, scanner: started, popover: card }));
    notes = feature('noted names', () => startEntityNotes(scope, { scanner: started, popover: card, send }));
    void started.ready.then(() => {
      scanned();
      if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:highlights-ready', { detail: { ...started.stats() } });
    });
    return started;
  };

  /** A matcher (first, or after a pack change): decoded, then the page scanned with it. */
  const useMatcher = async (next: MatcherPayload): Promise<void> => {
    // Decoded in slices of a few milliseconds, each in a task of its own (not in the reply's).
    await yieldToPage();
    const decoded = await loadMatcher(next.data, { yieldToPage });
    if (scope.isInvalid) return;
    if (__BACKSTORY_TEST_BUILD__) performance.mark('backstory:matcher-decoded');
    payload = next;
    matcher = decoded;
    if (scanner === null) {
      scanner = startScanning();
      return;
    }
    card.forgetCards();
    await scanner.rescanAll();
  };

  void request(send, 'getMatcher', {})
    .then((first) => (scope.isInvalid ? undefined : useMatcher(first)))
    .catch((error: unknown) => {
      scanned(); // what waits for the scan goes on without underlines
      if (!scope.isInvalid) console.warn('Backstory: could not load the names to look for; a pack change tries again:', error);
    });
  // Packs changed anywhere (or the first load failed): the new matcher, a full rescan, fresh cards.
  feature('pack changes', () => followPackChanges(scope, { send, current: () => payload?.revision ?? '', apply: useMatcher }));

  // The popup's counts: the top frame answers.
  if (win === win.top) {
    const onCounts = (message: unknown): Promise<unknown> | undefined =>
      isPageCountsQuery(message) ? Promise.resolve(countMentions(scanner?.mentions() ?? [])) : undefined;
    browser.runtime.onMessage.addListener(onCounts);
    scope.onInvalidated(() => browser.runtime.onMessage.removeListener(onCounts));
  }

  return {
    async setNotHere(next) {
      if (JSON.stringify(next) === JSON.stringify(notHere)) return;
      notHere = next;
      await scanner?.rescanAll();
    },
  };
}
