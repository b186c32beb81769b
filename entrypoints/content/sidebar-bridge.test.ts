// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityKind } from '../../lib/model';
import type { Envelope, Transport } from '../../lib/messaging';
import { describePassage } from '../../lib/anchoring';
import { flattenPage } from '../../lib/page/passages';
import { FLASH_HIGHLIGHT } from '../../lib/page/flash';
import { FakeHighlight, FakeRegistry, fakeHighlightApi } from '../../lib/page/test-fakes';
import type { PageMention } from '../../lib/page/types';
import { SIDEBAR_PORT, type SidebarEvent } from '../../lib/sidebar-protocol';
import { claimFrame, inHeading, startSidebarBridge, type PortLike, type RuntimeLike, type SidebarBridgeDeps } from './sidebar-bridge';
import { startPassageNotes } from './passages';

const ID = 'backstory-id';
const ORIGIN = `chrome-extension://${ID}/`;
const URL_ = 'https://news.example/story';

class FakePort implements PortLike {
  sent: SidebarEvent[] = [];
  disconnected = false;
  private onMessageListeners: ((m: unknown) => void)[] = [];
  private onDisconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.onMessageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.onDisconnectListeners.push(l) };
  constructor(
    public name = SIDEBAR_PORT,
    public sender: { id?: string; url?: string } = { id: ID, url: `${ORIGIN}sidepanel.html` },
  ) {}
  postMessage(message: SidebarEvent): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(message));
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The other end sends. */
  send(message: unknown): void {
    this.onMessageListeners.forEach((l) => l(message));
  }
  /** The other end closes. */
  close(): void {
    this.disconnected = true;
    this.onDisconnectListeners.forEach((l) => l());
  }
  last(): SidebarEvent | undefined {
    return this.sent.at(-1);
  }
}

function fakeRuntime() {
  const listeners = new Set<(port: PortLike) => void>();
  const runtime: RuntimeLike = {
    id: ID,
    getURL: (path) => `${ORIGIN}${path.slice(1)}`,
    onConnect: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  const connect = (port: FakePort): FakePort => {
    listeners.forEach((l) => l(port));
    return port;
  };
  return { runtime, listeners, connect };
}

const NAMES: Record<string, { name: string; kind: EntityKind }> = {
  'person/netanyahu': { name: 'Benjamin Netanyahu', kind: 'person' },
  'org/hamas': { name: 'Hamas', kind: 'organisation' },
};

/** Every occurrence of the names' last words in the body, as mentions in document order. */
function scanMentions(): PageMention[] {
  const out: PageMention[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let id = 1;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.nodeValue ?? '';
    const found: { at: number; word: string; entityId: string }[] = [];
    for (const [entityId, { name }] of Object.entries(NAMES)) {
      const word = name.split(' ').at(-1) ?? name;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push({ at, word, entityId });
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      const range = document.createRange();
      range.setStart(node, f.at);
      range.setEnd(node, f.at + f.word.length);
      out.push({ id: id++, entityId: f.entityId, kind: NAMES[f.entityId]?.kind ?? 'person', range, text: f.word });
    }
  }
  return out;
}

function fakeScanner() {
  let resolve = (): void => undefined;
  const ready = new Promise<void>((r) => (resolve = r));
  return {
    ready,
    finish: () => resolve(),
    mentions: () => scanMentions(),
    mentionsOf: (entityId: string) => scanMentions().filter((m) => m.entityId === entityId),
  };
}

let ctx: ContentScriptContext;
let win: Window;
let scrolled: string[];
beforeEach(() => {
  fakeBrowser.reset();
  document.title = 'Hamas talks';
  document.body.innerHTML = `<h1>Netanyahu rejects the call</h1>
    <p>Prime Minister Benjamin Netanyahu on Sunday rejected a call for a new election.</p>
    <p>Talks with Hamas continue. Netanyahu said nothing.</p>`;
  ctx = new ContentScriptContext('bridge-test');
  const w: Record<string, unknown> = { location: { href: URL_ }, matchMedia: () => ({ matches: true }) };
  w.top = w;
  win = w as unknown as Window;
  scrolled = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
    scrolled.push(`${this.tagName}:${typeof arg === 'object' ? (arg.behavior ?? '') : ''}`);
  });
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

function start(overrides: Partial<SidebarBridgeDeps> = {}) {
  const rt = fakeRuntime();
  const scanner = fakeScanner();
  const { api, registry } = fakeHighlightApi();
  const bridge = startSidebarBridge(ctx, {
    scanner,
    names: (id) => NAMES[id],
    doc: document,
    win,
    runtime: rt.runtime,
    highlightApi: api,
    debounceMs: 50,
    ...overrides,
  });
  return { ...rt, scanner, registry, bridge };
}

const summaryOf = (event: SidebarEvent | undefined) => {
  if (event?.type !== 'summary') throw new Error(`not a summary: ${JSON.stringify(event)}`);
  return event.summary;
};

describe('startSidebarBridge', () => {
  it('accepts only its own port from this extension’s pages', () => {
    const { connect } = start();
    const web = connect(new FakePort(SIDEBAR_PORT, { id: ID, url: 'https://evil.example/' }));
    const other = connect(new FakePort(SIDEBAR_PORT, { id: 'other-ext', url: `${ORIGIN}x.html` }));
    const lookalike = connect(new FakePort(SIDEBAR_PORT, { id: ID, url: `chrome-extension://${ID}x/a.html` }));
    const noUrl = connect(new FakePort(SIDEBAR_PORT, { id: ID }));
    expect([web, other, lookalike, noUrl].map((p) => p.disconnected)).toEqual([true, true, true, true]);
    const wrongName = connect(new FakePort('something-else'));
    wrongName.send({ type: 'summary' });
    expect(wrongName.sent).toEqual([]);
    const ours = connect(new FakePort());
    ours.send({ type: 'summary' });
    expect(ours.disconnected).toBe(false);
    expect(ours.last()?.type).toBe('summary');
  });

  it('answers the summary: entities by prominence with counts; scanning until ready', async () => {
    const { connect, scanner } = start();
    const port = connect(new FakePort());
    port.send({ type: 'summary' });
    const s = summaryOf(port.last());
    expect(s).toMatchObject({ url: URL_, title: 'Hamas talks', scanning: true, passages: { anchored: [], orphaned: [] } });
    expect(s.entities).toEqual([
      { id: 'person/netanyahu', kind: 'person', name: 'Benjamin Netanyahu', count: 3, first: 0, inHeadline: true },
      { id: 'org/hamas', kind: 'organisation', name: 'Hamas', count: 1, first: 2, inHeadline: true },
    ]);
    scanner.finish();
    await vi.waitFor(() => expect(summaryOf(port.last()).scanning).toBe(false));
    expect(port.sent).toHaveLength(2);
  });

  it('answers an invalid request with an error', () => {
    const { connect } = start();
    const port = connect(new FakePort());
    port.send({ type: 'summary', extra: 1 });
    port.send('summary');
    expect(port.sent).toEqual([
      { type: 'error', message: 'Not a sidebar request.' },
      { type: 'error', message: 'Not a sidebar request.' },
    ]);
  });

  it('reveals a mention: wraps the index, scrolls (no smooth scroll for reduced motion) and flashes it', () => {
    const { connect, registry } = start();
    const port = connect(new FakePort());
    port.send({ type: 'reveal', entityId: 'person/netanyahu', index: 4 });
    expect(port.last()).toEqual({ type: 'revealed', entityId: 'person/netanyahu', index: 1, count: 3 });
    expect(scrolled).toEqual(['P:auto']);
    const flash = registry.get(FLASH_HIGHLIGHT) as FakeHighlight;
    const [range] = [...flash] as Range[];
    expect(range?.toString()).toBe('Netanyahu');
    expect(range?.startContainer.parentElement?.textContent).toMatch(/^Prime Minister/);
    port.send({ type: 'reveal', entityId: 'person/netanyahu', index: -1 });
    expect(port.last()).toEqual({ type: 'revealed', entityId: 'person/netanyahu', index: 2, count: 3 });
    port.send({ type: 'reveal', entityId: 'person/nobody', index: 0 });
    expect(port.last()).toEqual({ type: 'revealed', entityId: 'person/nobody', index: 0, count: 0 });
  });

  it('pushes one summary per burst of changes, only when it differs, only while a port is open', () => {
    vi.useFakeTimers();
    const { connect, bridge } = start();
    bridge.changed(); // no port: nothing scheduled
    const port = connect(new FakePort());
    port.send({ type: 'summary' });
    document.body.insertAdjacentHTML('beforeend', '<p>Hamas again, and Hamas.</p>');
    bridge.changed();
    bridge.changed();
    vi.advanceTimersByTime(49);
    expect(port.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(port.sent).toHaveLength(2);
    expect(summaryOf(port.last()).entities.find((e) => e.id === 'org/hamas')?.count).toBe(3);
    bridge.changed();
    vi.advanceTimersByTime(100);
    expect(port.sent).toHaveLength(2); // the same summary is not sent again
    port.close();
    document.body.insertAdjacentHTML('beforeend', '<p>Hamas.</p>');
    bridge.changed();
    vi.advanceTimersByTime(100);
    expect(port.sent).toHaveLength(2);
  });

  it('pushes the new URL after an SPA navigation', () => {
    vi.useFakeTimers();
    const navigation = new EventTarget();
    (win as unknown as { navigation: EventTarget }).navigation = navigation;
    const { connect } = start();
    const port = connect(new FakePort());
    port.send({ type: 'summary' });
    (win.location as { href: string }).href = `${URL_}/next`;
    navigation.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(50);
    expect(summaryOf(port.last()).url).toBe(`${URL_}/next`);
  });

  it('pushes when the passage status or the URL changes while a port is open', () => {
    vi.useFakeTimers();
    const status = { anchored: [] as string[], orphaned: [] as string[] };
    const { connect } = start({ passages: { status: () => status, reveal: () => false }, passagePollMs: 100 });
    const port = connect(new FakePort());
    port.send({ type: 'summary' });
    vi.advanceTimersByTime(100);
    expect(port.sent).toHaveLength(1);
    status.orphaned = ['n1'];
    vi.advanceTimersByTime(100);
    expect(summaryOf(port.last()).passages).toEqual({ anchored: [], orphaned: ['n1'] });
    // Without the Navigation API, an SPA's new URL is seen by the same check.
    (win.location as { href: string }).href = `${URL_}/next`;
    vi.advanceTimersByTime(100);
    expect(summaryOf(port.last()).url).toBe(`${URL_}/next`);
    expect(port.sent).toHaveLength(3);
  });

  it('disconnects its ports and stops listening when the context is invalidated', () => {
    const { connect, listeners, registry } = start();
    const port = connect(new FakePort());
    port.send({ type: 'reveal', entityId: 'org/hamas', index: 0 });
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    ctx.abort();
    expect(port.disconnected).toBe(true);
    expect(listeners.size).toBe(0);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('does nothing in a subframe', () => {
    (win as unknown as { top: unknown }).top = {};
    const { listeners } = start();
    expect(listeners.size).toBe(0);
  });
});

describe('reveal-passage', () => {
  it('scrolls to an anchored passage note and flashes it (with the real passage notes)', async () => {
    const quote = 'Talks with Hamas continue.';
    const text = flattenPage(document).text;
    const at = text.indexOf(quote);
    const note = {
      id: 'p1',
      target: { type: 'passage' as const, url: URL_, selector: describePassage(text, at, at + quote.length) },
      text: 'a note',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
      rev: 1,
    };
    const registry = new FakeRegistry();
    Object.assign(win, { CSS: { highlights: registry }, Highlight: FakeHighlight });
    const send = vi.fn<Transport>(async (m: Envelope) => (m.type === 'notesForPage' ? { ok: true, value: [note] } : { ok: false, error: 'no' }));
    const passages = startPassageNotes(ctx, { send, doc: document, win, ready: Promise.resolve() });
    await vi.waitFor(() => expect(passages.status().anchored).toEqual(['p1']));
    const { connect } = start({ passages, highlightApi: undefined });
    const port = connect(new FakePort());
    port.send({ type: 'reveal-passage', noteId: 'p1' });
    expect(port.last()).toEqual({ type: 'revealed-passage', noteId: 'p1', found: true });
    expect([...((registry.get(FLASH_HIGHLIGHT) as FakeHighlight | undefined) ?? [])].map(String)).toEqual([quote]);
    expect(scrolled).toEqual(['P:auto']);
    port.send({ type: 'reveal-passage', noteId: 'nope' });
    expect(port.last()).toEqual({ type: 'revealed-passage', noteId: 'nope', found: false });
    port.send({ type: 'summary' });
    expect(summaryOf(port.last()).passages).toEqual({ anchored: ['p1'], orphaned: [] });
  });
});

describe('claimFrame and inHeading', () => {
  it('lets one live instance hold a frame, and a newer one take over once it is invalidated', () => {
    const frame = {} as Window;
    const first = new ContentScriptContext('claim-test');
    expect(claimFrame(frame, first)).toBe(true);
    expect(claimFrame(frame)).toBe(false);
    first.abort();
    const second = new ContentScriptContext('claim-test');
    expect(claimFrame(frame, second)).toBe(true);
    second.abort();
  });

  it('tells mentions in headings', () => {
    const [h1, p] = scanMentions();
    expect(h1 && inHeading(h1)).toBe(true);
    expect(p && inHeading(p)).toBe(false);
  });
});
