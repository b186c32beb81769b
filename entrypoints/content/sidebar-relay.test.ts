import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_PORT, type SidebarEvent } from '../../lib/sidebar-protocol';
import { childScope } from './scope';
import { startSidebarRelay, type PortLike, type RuntimeLike } from './sidebar-relay';

const ID = 'backstory-id';
const ORIGIN = `chrome-extension://${ID}/`;
const root = () => ({ signal: new AbortController().signal, isInvalid: false, onInvalidated: () => () => undefined });

class FakePort implements PortLike {
  sent: SidebarEvent[] = [];
  disconnected = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.closeListeners.push(l) };
  constructor(
    public name = SIDEBAR_PORT,
    public sender: { id?: string; url?: string } = { id: ID, url: `${ORIGIN}sidepanel.html` },
  ) {}
  postMessage(message: SidebarEvent): void {
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  send(message: unknown): void {
    this.messageListeners.forEach((l) => l(message));
  }
  close(): void {
    this.closeListeners.forEach((l) => l());
  }
}

function fakeRuntime() {
  const listeners = new Set<(port: PortLike) => void>();
  const runtime: RuntimeLike = {
    id: ID,
    getURL: (path) => `${ORIGIN}${path.slice(1)}`,
    onConnect: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { runtime, connect: (port: FakePort) => listeners.forEach((l) => l(port)), listeners };
}

describe('the side panel relay', () => {
  it('keeps a port and its early messages until the page UI listens, then replays them in order', async () => {
    const { runtime, connect } = fakeRuntime();
    let startBridge = (): void => undefined;
    const uiLoaded = new Promise<void>((resolve) => (startBridge = resolve));
    const relay = startSidebarRelay(childScope(root()), { runtime, needUi: () => uiLoaded });
    const port = new FakePort();
    connect(port);
    port.send({ type: 'summary' });
    port.send({ type: 'reveal', entityId: 'hamas', index: 0 });
    // The bridge starts (the UI loaded) and registers on the relay.
    const heard: unknown[] = [];
    relay.runtime.onConnect.addListener((p) => p.onMessage.addListener((m) => heard.push(m)));
    startBridge();
    await uiLoaded;
    await Promise.resolve();
    expect(heard).toEqual([{ type: 'summary' }, { type: 'reveal', entityId: 'hamas', index: 0 }]);
    port.send({ type: 'summary' });
    expect(heard).toHaveLength(3);
  });

  it('turns away ports of other extensions and web pages without loading anything', () => {
    const { runtime, connect } = fakeRuntime();
    const needUi = vi.fn(() => Promise.resolve());
    startSidebarRelay(childScope(root()), { runtime, needUi });
    const foreign = new FakePort(SIDEBAR_PORT, { id: 'other', url: 'chrome-extension://other/x.html' });
    const page = new FakePort(SIDEBAR_PORT, { id: ID, url: 'https://evil.example/' });
    const other = new FakePort('something-else');
    connect(foreign);
    connect(page);
    connect(other);
    expect(foreign.disconnected).toBe(true);
    expect(page.disconnected).toBe(true);
    expect(other.disconnected).toBe(false); // not ours to answer, nor to close
    expect(needUi).not.toHaveBeenCalled();
  });

  it('closes waiting ports when the page UI cannot load, and tells the bridge of ports closed while waiting', async () => {
    const { runtime, connect } = fakeRuntime();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startSidebarRelay(childScope(root()), { runtime, needUi: () => Promise.reject(new Error('no UI')) });
    const port = new FakePort();
    connect(port);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(port.disconnected).toBe(true);
    expect(warn).toHaveBeenCalled();

    const second = fakeRuntime();
    const relay = startSidebarRelay(childScope(root()), { runtime: second.runtime, needUi: () => Promise.resolve() });
    const early = new FakePort();
    second.connect(early);
    early.close();
    const closed = vi.fn();
    relay.runtime.onConnect.addListener((p) => p.onDisconnect.addListener(closed));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('stops listening with its scope', () => {
    const { runtime, listeners } = fakeRuntime();
    const scope = childScope(root());
    startSidebarRelay(scope, { runtime, needUi: () => Promise.resolve() });
    expect(listeners.size).toBe(1);
    scope.end();
    expect(listeners.size).toBe(0);
  });
});
