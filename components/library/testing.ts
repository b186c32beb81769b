/**
 * Test helpers for the library (imported only by tests): a fake `send` that answers like the
 * background — the real router and note handlers over the same database the page reads —
 * and records every message.
 */
import { Dexie } from 'dexie';
import { act } from 'preact/test-utils';
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import type { BackstoryDB } from '../../lib/db/schema';
import type { Envelope, Handlers, Transport } from '../../lib/messaging';
import type { Note } from '../../lib/model';
import { route } from '../../lib/messaging-validation';
import { createPackHandlers } from '../../lib/background/packs-handlers';
import { createMatcherCache } from '../../lib/background/matcher-cache';
import { createNotesHandlers } from '../../lib/background/notes-handlers';
import { listPacks } from '../../lib/db/packs-repo';
import { noteRow } from '../../lib/db/schema';
import { createSitesService } from '../../lib/background/sites-handlers';
import { createFakeStorageArea } from '../../lib/sync/fake-area';
import { createSyncedStore } from '../../lib/sync/store';

const EXTENSION_ID = 'backstory-test';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export interface FakeBackground {
  send: Transport;
  calls: Envelope[];
}

export function fakeBackground(db: BackstoryDB, now: () => number = Date.now): FakeBackground {
  const calls: Envelope[] = [];
  const unsupported = () => Promise.reject(new Error('not in this fake'));
  const cache = createMatcherCache(db);
  const local = createFakeStorageArea({ quotas: null, now });
  const sync = createFakeStorageArea({ now });
  const store = createSyncedStore({ sync, local, now, priority: ['settings', 'sites', 'notHere', 'entities'], flushDelayMs: 10 });
  const handlers: Handlers = {
    ...createNotesHandlers(db, { now }),
    ...createPackHandlers(db, cache, () => Promise.resolve(), { now }),
    ...createSitesService({ store, local, db, cache, now }).handlers,
    getMatcher: unsupported,
    listPacks: () => listPacks(db),
    injectContentScript: unsupported,
    probeText: unsupported,
    loadCore: unsupported,
    loadPageUi: unsupported,
  };
  const send: Transport = async (message) => {
    calls.push(message);
    return route(handlers, message, { id: EXTENSION_ID, url: `${ORIGIN}options.html` }, EXTENSION_ID, ORIGIN);
  };
  return { send, calls };
}

/**
 * `liveQuery` runs only where Dexie saw a global `indexedDB` when it loaded (an extension
 * page has one; Node and happy-dom do not): give it the fake one.
 */
export function enableLiveQueries(): void {
  const deps = Dexie.dependencies as { indexedDB: IDBFactory | null; IDBKeyRange: typeof IDBKeyRange | null };
  deps.indexedDB ??= new FakeIDBFactory();
  deps.IDBKeyRange ??= FakeIDBKeyRange;
}

let seq = 0;

/** A stored note written straight to the database (as another context would). */
export async function putNote(db: BackstoryDB, overrides: Partial<Note> = {}): Promise<Note> {
  seq += 1;
  const note: Note = {
    id: `n-${seq}`,
    target: { type: 'entity', entityId: 'person/netanyahu' },
    text: `Note ${seq}`,
    tags: [],
    pageUrl: 'https://news.example/story',
    pageTitle: 'A story',
    createdAt: 1_710_000_000_000 + seq,
    updatedAt: 1_710_000_000_000 + seq,
    rev: 1,
    ...overrides,
  };
  await db.notes.put(noteRow(note));
  return note;
}

/** An element's text, whitespace collapsed. */
export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Poll `check` (letting Preact and IndexedDB run) until it returns something truthy. */
export async function waitFor<T>(check: () => T | null | undefined | false, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('waitFor timed out');
    await act(() => new Promise<void>((r) => setTimeout(r, 10)));
  }
}

/** Set a form control's value and fire `event` as the user would. */
export function change(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string, event: 'input' | 'change' = 'input'): void {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

/** The first `selector` element whose text starts with `label`. */
export function byText(el: ParentNode, selector: string, label: string): HTMLElement {
  const found = [...el.querySelectorAll<HTMLElement>(selector)].find((b) => textOf(b).startsWith(label));
  if (!found) throw new Error(`no ${selector} "${label}"`);
  return found;
}
