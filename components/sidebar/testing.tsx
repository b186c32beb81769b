/** Fakes for the sidebar's tests: tabs, a fake port per connection, and a fake `send`. */
import { vi, type Mock } from 'vitest';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import type { CardData, Envelope, Transport } from '../../lib/messaging';
import type { EntityKind, Note, Relation } from '../../lib/model';
import type { PageEntitySummary, PageSummary, SidebarRequest } from '../../lib/sidebar-protocol';
import type { SidebarDeps, SidebarPort, TabEvent, TabInfo } from './types';

export class FakePort implements SidebarPort {
  readonly posted: SidebarRequest[] = [];
  disconnected = false;
  private readonly messages = new Set<(m: unknown) => void>();
  private readonly drops = new Set<(e?: string) => void>();
  constructor(readonly tabId: number) {}
  post(request: SidebarRequest): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(request);
  }
  onMessage(listener: (m: unknown) => void): void {
    this.messages.add(listener);
  }
  onDisconnect(listener: (e?: string) => void): void {
    this.drops.add(listener);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The content script sends `message` (delivered even after `disconnect()`, like a late event). */
  emit(message: unknown): void {
    for (const fn of [...this.messages]) fn(message);
  }
  /** The other end went away. */
  drop(error = 'Could not establish connection. Receiving end does not exist.'): void {
    this.disconnected = true;
    for (const fn of [...this.drops]) fn(error);
  }
}

export type EntityTuple = [id: string, kind: EntityKind, name: string, count: number];

export function summaryOf(entities: readonly EntityTuple[], extra: Partial<PageSummary> = {}): PageSummary {
  return {
    url: 'https://news.example/story',
    title: 'Netanyahu rejects Schumer call',
    scanning: false,
    entities: entities.map(([id, kind, name, count], i): PageEntitySummary => ({ id, kind, name, count, first: i, inHeadline: i === 0 })),
    passages: { anchored: [], orphaned: [] },
    ...extra,
  };
}

export function cardOf(id: string, kind: EntityKind, name: string, relations: Relation[] = [], related: CardData['related'] = []): CardData {
  return {
    entity: { id, kind, name, aliases: [{ text: name, case: 'proper' }], role: `Role of ${name}`, summary: `${name} in one line.`, contexts: [], relations },
    pack: { format: 1, id: 'pack/test', title: 'Test pack', version: 1, asOf: '2024-03-18', sources: [] },
    related,
    also: [],
    edited: false,
  };
}

export const NEWS: EntityTuple[] = [
  ['person/benjamin-netanyahu', 'person', 'Benjamin Netanyahu', 5],
  ['place/gaza', 'place', 'Gaza', 3],
  ['person/chuck-schumer', 'person', 'Chuck Schumer', 4],
  ['organisation/hamas', 'organisation', 'Hamas', 2],
  ['topic/ceasefire', 'topic', 'Ceasefire', 1],
  ['person/joe-biden', 'person', 'Joe Biden', 1],
];

export interface FakeWorld {
  deps: SidebarDeps;
  tabs: Map<number, TabInfo>;
  /** Tabs whose content script answers. */
  scripted: Set<number>;
  ports: FakePort[];
  port(tabId?: number): FakePort;
  active: { id: number };
  fireTab(event: TabEvent): void;
  notesChanged(): void;
  send: Mock<Transport>;
  cards: Map<string, CardData>;
  notes: Note[];
  injectReply: { injected: boolean; reason?: string };
}

export function fakeWorld(options: { pinned?: boolean; cards?: CardData[] } = {}): FakeWorld {
  const tabs = new Map<number, TabInfo>([[1, { id: 1, url: 'https://news.example/story', title: 'Story', status: 'complete' }]]);
  const scripted = new Set([1]);
  const ports: FakePort[] = [];
  const tabListeners = new Set<(e: TabEvent) => void>();
  const noteListeners = new Set<() => void>();
  const cards = new Map((options.cards ?? NEWS.map(([id, kind, name]) => cardOf(id, kind, name))).map((c) => [c.entity.id, c]));
  const world: FakeWorld = {
    tabs,
    scripted,
    ports,
    active: { id: 1 },
    cards,
    notes: [],
    injectReply: { injected: true },
    port(tabId) {
      const list = tabId === undefined ? ports : ports.filter((p) => p.tabId === tabId);
      const last = list[list.length - 1];
      if (!last) throw new Error(`no port${tabId === undefined ? '' : ` to tab ${tabId}`}`);
      return last;
    },
    fireTab: (e) => tabListeners.forEach((fn) => fn(e)),
    notesChanged: () => noteListeners.forEach((fn) => fn()),
    send: vi.fn<Transport>(async (message: Envelope) => {
      const p = message.payload as Record<string, unknown>;
      const ok = (value: unknown) => ({ ok: true, value });
      switch (message.type) {
        case 'getCard': {
          const card = cards.get(String(p.entityId));
          return card ? ok(card) : { ok: false, error: 'No such entity' };
        }
        case 'notesForEntity':
          return ok(world.notes.filter((n) => n.target.type === 'entity' && n.target.entityId === p.entityId));
        case 'notesForPage':
          return ok(world.notes.filter((n) => n.target.type !== 'entity'));
        case 'notedEntities':
          return ok((p.entityIds as string[]).filter((id) => world.notes.some((n) => n.target.type === 'entity' && n.target.entityId === id)));
        case 'saveNote': {
          const draft = p.draft as Note;
          const note: Note = { ...draft, id: `n${world.notes.length + 1}`, createdAt: 1, updatedAt: 1, rev: 1 };
          world.notes.push(note);
          return ok({ status: 'saved', note });
        }
        case 'injectContentScript':
          if (world.injectReply.injected) scripted.add(Number(p.tabId));
          return ok(world.injectReply);
        default:
          return { ok: false, error: `unexpected ${message.type}` };
      }
    }),
    deps: undefined as unknown as SidebarDeps,
  };
  world.deps = {
    send: world.send,
    pinned: options.pinned ?? false,
    currentTab: async () => tabs.get(world.active.id) ?? null,
    onTabEvent: (fn) => {
      tabListeners.add(fn);
      return () => tabListeners.delete(fn);
    },
    connect(tabId) {
      const port = new FakePort(tabId);
      ports.push(port);
      if (!scripted.has(tabId)) queueMicrotask(() => port.drop());
      return port;
    },
    fileAccess: async () => false,
    retryDelayMs: 1,
    onNotesChanged: (fn) => {
      noteListeners.add(fn);
      return () => noteListeners.delete(fn);
    },
    observeVisible: (_el, onVisible) => {
      onVisible();
      return () => undefined;
    },
  };
  return world;
}

let host: HTMLElement | null = null;

export function mount(vnode: VNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(vnode, host as HTMLElement));
  return host;
}

export function unmount(): void {
  if (!host) return;
  act(() => render(null, host as HTMLElement));
  host.remove();
  host = null;
}

export const flush = async (rounds = 8): Promise<void> => {
  for (let i = 0; i < rounds; i++) await act(async () => undefined);
};

/** Wait (in act) for timers like the notes debounce. */
export const settle = async (ms = 200): Promise<void> => {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
  await flush();
};

export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Names of the rows, group by group: [["People", ["Benjamin Netanyahu", …]], …]. */
export function groupsIn(el: HTMLElement): [string, string[]][] {
  return [...el.querySelectorAll('.bs-sb-group')].map((g) => [
    text(g.querySelector('.bs-sb-group__title')).replace(/[\s,\d]+$/, ''),
    [...g.querySelectorAll('.bs-sb-row__name')].map((n) => text(n)),
  ]);
}

export const rows = (el: HTMLElement): HTMLButtonElement[] => [...el.querySelectorAll<HTMLButtonElement>('button.bs-sb-row__btn')];
export const row = (el: HTMLElement, name: string): HTMLButtonElement => {
  const found = rows(el).find((r) => text(r.querySelector('.bs-sb-row__name')) === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
