/**
 * The content script's end of the side panel protocol (`lib/sidebar-protocol.ts`), top
 * frame only: accept a `SIDEBAR_PORT` port from this extension's own pages, answer its
 * requests (the page's summary, reveal a mention or a passage) and push a fresh summary
 * over every open port when the page's mentions, passages or URL change. Nothing is sent
 * while no port is open. Everything stops with `ctx`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnExtensionPort, type PortLike, type RuntimeLike } from './sidebar-relay';
import type { EntityKind } from '../../lib/model';
import { parseSidebarRequest, SIDEBAR_PORT, type PageSummary, type SidebarEvent, type SidebarRequest } from '../../lib/sidebar-protocol';
import { highlightApiOf, type HighlightApi } from '../../lib/page/highlights';
import { clearFlash, flashRange, scrollBehavior } from '../../lib/page/flash';
import { moveReadingPositionTo } from '../../lib/page/focus-mention';
import { summarise } from '../../lib/page/summary';
import type { PageMention } from '../../lib/page/types';
import type { PageScanner } from '../../lib/page/page-scanner';

export type { PortLike, RuntimeLike } from './sidebar-relay';
export { claimFrame } from './claim';

export interface SidebarPassages {
  status(): { anchored: string[]; orphaned: string[] };
  /** Scroll to a passage note's passage and flash it; false when it is not on the page. */
  reveal(noteId: string): boolean;
}

export interface SidebarBridgeDeps {
  scanner: Pick<PageScanner, 'ready' | 'mentions' | 'mentionsOf'>;
  names: (entityId: string) => { name: string; kind: EntityKind } | undefined;
  doc: Document;
  win: Window;
  passages?: SidebarPassages;
  /** Test seams. */
  runtime?: RuntimeLike;
  highlightApi?: HighlightApi | null;
  /** Changes within this window are pushed as one summary (ms, default 250). */
  debounceMs?: number;
  /** How often the passage status and URL are compared while a port is open (ms, default 1000). */
  passagePollMs?: number;
}

export interface SidebarBridge {
  /** The page's mentions changed (the scanner's `onChange`): push a summary soon. */
  changed(): void;
}

type BridgeContext = Pick<ContentScriptContext, 'onInvalidated'>;

const HEADLINE = 'h1, h2, h3, [role="heading"]';
/** True when the mention starts inside a heading (h1–h3 or an ARIA heading). */
export function inHeading(mention: Pick<PageMention, 'range'>): boolean {
  const start = mention.range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  return el?.closest(HEADLINE) != null;
}

const NOOP: SidebarBridge = { changed: () => undefined };

export function startSidebarBridge(ctx: BridgeContext, deps: SidebarBridgeDeps): SidebarBridge {
  const { scanner, names, doc, win, passages } = deps;
  if (win !== win.top) return NOOP;
  const runtime = deps.runtime ?? (browser.runtime as unknown as RuntimeLike);
  const api = deps.highlightApi === undefined ? highlightApiOf(win) : deps.highlightApi;
  const debounceMs = deps.debounceMs ?? 250;
  const pollMs = deps.passagePollMs ?? 1000;
  const ports = new Set<PortLike>();
  let scanning = true;
  let lastPushed = '';
  let lastPassages = '';
  let lastUrl = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const passageStatus = (): { anchored: string[]; orphaned: string[] } => {
    try {
      const { anchored, orphaned } = passages?.status() ?? { anchored: [], orphaned: [] };
      return { anchored, orphaned };
    } catch {
      return { anchored: [], orphaned: [] };
    }
  };

  const summary = (): PageSummary =>
    summarise(scanner.mentions(), {
      names,
      url: win.location.href,
      title: doc.title,
      scanning,
      inHeadline: inHeading,
      passages: passageStatus(),
    });

  const forget = (port: PortLike): void => {
    ports.delete(port);
    if (ports.size === 0 && poll !== undefined) {
      clearInterval(poll);
      poll = undefined;
    }
  };

  const post = (port: PortLike, event: SidebarEvent): void => {
    try {
      port.postMessage(event);
    } catch {
      forget(port); // closed under us
    }
  };

  /** Send the summary to every open port, unless it is what they last got. */
  const push = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || ports.size === 0) return;
    const current = summary();
    const json = JSON.stringify(current);
    lastPassages = JSON.stringify(current.passages);
    lastUrl = current.url;
    if (json === lastPushed) return;
    lastPushed = json;
    for (const port of [...ports]) post(port, { type: 'summary', summary: current });
  };

  const changed = (): void => {
    // Coalesced, not postponed: a page that never stops changing still gets updates.
    if (stopped || ports.size === 0 || timer !== undefined) return;
    timer = setTimeout(push, debounceMs);
  };

  const reveal = (port: PortLike, entityId: string, index: number): void => {
    const mentions = scanner.mentionsOf(entityId);
    const count = mentions.length;
    if (count === 0) {
      post(port, { type: 'revealed', entityId, index: 0, count: 0 });
      return;
    }
    const at = ((index % count) + count) % count;
    const mention = mentions[at];
    if (mention !== undefined) {
      const start = mention.range.startContainer;
      const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: scrollBehavior(win) });
      flashRange(api, mention.range, win);
      moveReadingPositionTo(doc, mention.range);
    }
    post(port, { type: 'revealed', entityId, index: at, count });
  };

  const answer = (port: PortLike, request: SidebarRequest): void => {
    switch (request.type) {
      case 'summary': {
        const current = summary();
        lastPushed = JSON.stringify(current);
        lastPassages = JSON.stringify(current.passages);
        lastUrl = current.url;
        post(port, { type: 'summary', summary: current });
        return;
      }
      case 'reveal':
        reveal(port, request.entityId, request.index);
        return;
      case 'reveal-passage': {
        let found = false;
        try {
          found = passages?.reveal(request.noteId) ?? false;
        } catch {
          found = false;
        }
        post(port, { type: 'revealed-passage', noteId: request.noteId, found });
        return;
      }
    }
  };

  const onConnect = (port: PortLike): void => {
    if (stopped || port.name !== SIDEBAR_PORT) return; // not ours to answer
    if (!isOwnExtensionPort(port, runtime)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => forget(port));
    port.onMessage.addListener((message) => {
      if (stopped || !ports.has(port)) return;
      const request = parseSidebarRequest(message);
      if (request === null) post(port, { type: 'error', message: 'Not a sidebar request.' });
      else answer(port, request);
    });
    // Passage notes load and re-anchor on their own schedule, and without the Navigation
    // API an SPA may change its URL unseen: compare both (cheaply) while someone looks.
    poll ??= setInterval(() => {
      if (win.location.href !== lastUrl || JSON.stringify(passageStatus()) !== lastPassages) push();
    }, pollMs);
  };
  runtime.onConnect.addListener(onConnect);

  // SPA navigation: the URL changed without a reload.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const onNavigate = (): void => changed();
  navigation?.addEventListener('navigatesuccess', onNavigate);

  void scanner.ready.then(() => {
    scanning = false;
    push();
  });

  ctx.onInvalidated(() => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (poll !== undefined) clearInterval(poll);
    navigation?.removeEventListener('navigatesuccess', onNavigate);
    clearFlash(api);
    try {
      runtime.onConnect.removeListener(onConnect);
    } catch {
      // the extension context is already gone
    }
    for (const port of ports) {
      try {
        port.disconnect();
      } catch {
        // already closed
      }
    }
    ports.clear();
  });

  return { changed };
}
