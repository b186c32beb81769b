/**
 * The side panel's ports, held by the core (top frame only) so a panel that connects before
 * the page UI is loaded loses nothing: the core checks the port is from this extension's own
 * pages, keeps its messages, asks for the page UI, and hands the port to the sidebar bridge
 * (which sees an ordinary `onConnect`) with those messages replayed in order.
 */
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT, type SidebarEvent } from '../../lib/sidebar-protocol';
import type { Scope } from './scope';

/** The parts of `runtime.Port` used here. */
export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: SidebarEvent): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** The parts of `browser.runtime` used here (a fake in tests). */
export interface RuntimeLike {
  id: string;
  getURL(path: '/'): string;
  onConnect: {
    addListener(listener: (port: PortLike) => void): void;
    removeListener(listener: (port: PortLike) => void): void;
  };
}

/** True when the port comes from one of this extension's own pages. */
export function isOwnExtensionPort(port: Pick<PortLike, 'name' | 'sender'>, runtime: Pick<RuntimeLike, 'id' | 'getURL'>): boolean {
  const sender = port.sender;
  return (
    port.name === SIDEBAR_PORT &&
    sender?.id === runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(runtime.getURL('/'))
  );
}

/** A port whose early messages and disconnect are kept until someone listens. */
function bufferedPort(port: PortLike): PortLike {
  const queued: unknown[] = [];
  const listeners: Array<(message: unknown) => void> = [];
  const closers: Array<() => void> = [];
  let closed = false;
  port.onMessage.addListener((message) => {
    if (listeners.length === 0) queued.push(message);
    else for (const l of listeners) l(message);
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    for (const c of closers) c();
  });
  return {
    name: port.name,
    ...(port.sender ? { sender: port.sender } : {}),
    postMessage: (message) => port.postMessage(message),
    disconnect: () => port.disconnect(),
    onMessage: {
      addListener(listener) {
        listeners.push(listener);
        for (const message of queued.splice(0)) listener(message);
      },
    },
    onDisconnect: {
      addListener(listener) {
        closers.push(listener);
        if (closed) listener();
      },
    },
  };
}

export interface SidebarRelay {
  /** What the sidebar bridge registers on instead of `browser.runtime`. */
  runtime: RuntimeLike;
}

/**
 * Listen for side-panel ports for the frame's lifetime. `needUi` is called on the first
 * accepted port (and returns once the bridge is listening, or failed to load).
 */
export function startSidebarRelay(
  scope: Scope,
  deps: { needUi(): Promise<unknown>; runtime?: RuntimeLike },
): SidebarRelay {
  const real = deps.runtime ?? (browser.runtime as unknown as RuntimeLike);
  const listeners = new Set<(port: PortLike) => void>();
  const waiting: PortLike[] = [];
  const deliver = (port: PortLike): void => {
    for (const l of listeners) l(port);
  };
  const onConnect = (port: PortLike): void => {
    if (scope.isInvalid || port.name !== SIDEBAR_PORT) return; // not ours to answer
    if (!isOwnExtensionPort(port, real)) {
      port.disconnect();
      return;
    }
    const held = bufferedPort(port);
    if (listeners.size > 0) {
      deliver(held);
      return;
    }
    waiting.push(held);
    deps.needUi().then(() => {
      if (listeners.size === 0) throw new Error('the sidebar bridge did not start');
      for (const p of waiting.splice(0)) deliver(p);
    }).catch((error: unknown) => {
      console.warn('Backstory: the side panel could not reach this page:', error);
      for (const p of waiting.splice(0)) p.disconnect();
    });
  };
  real.onConnect.addListener(onConnect);
  scope.onInvalidated(() => {
    try {
      real.onConnect.removeListener(onConnect);
    } catch {
      // the extension context is already gone
    }
    for (const p of waiting.splice(0)) {
      try {
        p.disconnect();
      } catch {
        // already closed
      }
    }
  });
  return {
    runtime: {
      id: real.id,
      getURL: (path) => real.getURL(path),
      onConnect: {
        addListener: (l) => void listeners.add(l),
        removeListener: (l) => void listeners.delete(l),
      },
    },
  };
}
