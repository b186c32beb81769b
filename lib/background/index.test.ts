import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatcherData } from '../matcher';
import type { PackMeta } from '../model';
import type { MatcherPayload, Reply } from '../messaging';
import { installPack, listStoredPacks } from '../db/packs-repo';
import type { BackstoryDB } from '../db/schema';
import { entity, openTestDB, testPack } from '../db/testing';
import { deleteNote, getNote, saveNote } from '../db/notes-repo';
import type { Note, SaveResult } from '../model';
import { NOTES_REVISION_KEY } from '../notes/revision';
import { startBackground, type Background, type BackgroundDeps } from './index';

vi.mock('../matcher', () => ({
  compileMatcher: vi.fn(() => ({ toData: () => ({}) })),
  specFromEntities: vi.fn(() => ({})),
  matcherFromData: vi.fn(),
}));

const contentScript = { id: fakeBrowser.runtime.id, url: 'https://news.example/story', tab: { id: 3 } };
const optionsPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };

let db: BackstoryDB;
let bg: Background | undefined;
let started: Background[] = [];
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function start(overrides: Partial<BackgroundDeps> = {}): Background {
  bg = startBackground({
    browser,
    db,
    shippedPack: testPack(1),
    storage: undefined,
    log,
    buildMatcherData: (entities) => entities.map((e) => e.id) as unknown as MatcherData,
    ...overrides,
  });
  started.push(bg);
  return bg;
}

/** Deliver a message the way the browser does; the one listener's return value. */
async function send(message: unknown, sender: object): Promise<unknown> {
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  expect(results).toHaveLength(1);
  return results[0];
}

beforeEach(() => {
  fakeBrowser.reset();
  db = openTestDB();
  log.info.mockClear();
  log.warn.mockClear();
  log.error.mockClear();
});
afterEach(async () => {
  for (const b of started) {
    await b.ready();
    b.stop();
  }
  started = [];
  bg = undefined;
  db.close();
});

describe('startBackground', () => {
  it('installs the shipped pack at start and answers the first getMatcher only after it', async () => {
    start();
    // Sent at once, before the install has finished.
    const reply = (await send({ backstory: 1, type: 'getMatcher', payload: {} }, contentScript)) as Reply<MatcherPayload>;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.data).toEqual(['person/netanyahu', 'person/schumer', 'place/gaza']);
    expect(Object.keys(reply.value.entities)).toHaveLength(3);
  });

  it('registers exactly one message listener', () => {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    start();
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('upgrades an older stored pack at start; onInstalled (update) keeps the same version', async () => {
    await installPack(db, testPack(1));
    start({ shippedPack: testPack(2, { entities: [entity('person/biden')] }) });
    await bg?.ready();
    expect((await listStoredPacks(db)).map((p) => p.version)).toEqual([2]);
    expect(await db.packEntities.toCollection().primaryKeys()).toEqual([['test/pack', 'person/biden']]);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1', temporary: false });
    await bg?.ready();
    expect(log.info.mock.calls.some((c) => String(c[0]).includes('kept'))).toBe(true);
    expect((await listStoredPacks(db)).map((p) => p.version)).toEqual([2]);
  });

  it('ignores onInstalled for other reasons', async () => {
    start();
    await bg?.ready();
    log.info.mockClear();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    await bg?.ready();
    expect(log.info).not.toHaveBeenCalled();
  });

  it('does not answer messages that are not Backstory requests', async () => {
    start();
    expect(await send({ type: 'getMatcher' }, contentScript)).toBeUndefined();
    expect(await send('hello', contentScript)).toBeUndefined();
    expect(await send(null, contentScript)).toBeUndefined();
  });

  it('answers an unknown Backstory request type with an error', async () => {
    start();
    expect(await send({ backstory: 1, type: 'nope', payload: {} }, contentScript)).toEqual({
      ok: false,
      error: 'unknown request',
    });
  });

  it('checks the sender: pages may not list packs, extension pages may', async () => {
    start();
    const listPacks = { backstory: 1, type: 'listPacks', payload: {} };
    const denied = (await send(listPacks, contentScript)) as Reply<PackMeta[]>;
    expect(denied).toEqual({ ok: false, error: "listPacks: only the extension's own pages may ask this" });
    const allowed = (await send(listPacks, optionsPage)) as Reply<PackMeta[]>;
    expect(allowed.ok && allowed.value.map((p) => p.id)).toEqual(['test/pack']);
    const foreign = (await send(listPacks, { ...optionsPage, id: 'someone-else' })) as Reply<PackMeta[]>;
    expect(foreign.ok).toBe(false);
  });

  it('answers getCard through the router', async () => {
    start();
    const reply = await send({ backstory: 1, type: 'getCard', payload: { entityId: 'person/schumer' } }, contentScript);
    expect(reply).toMatchObject({ ok: true, value: { entity: { id: 'person/schumer' }, pack: { id: 'test/pack' } } });
    const missing = await send({ backstory: 1, type: 'getCard', payload: { entityId: 'x/y' } }, contentScript);
    expect(missing).toEqual({ ok: false, error: 'getCard: no entity "x/y" in any enabled pack' });
  });

  it('asks for persistent storage where available', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    start({ storage: { persist } });
    await Promise.resolve();
    expect(persist).toHaveBeenCalledTimes(1);
    start({ storage: {} }).stop();
    start({ storage: { persist: () => Promise.reject(new Error('no')) } });
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalled());
  });

  it('logs a failed install and still answers with what is installed', async () => {
    const broken = testPack(1, { entities: [{ id: undefined } as never] });
    start({ shippedPack: broken });
    const reply = (await send({ backstory: 1, type: 'getMatcher', payload: {} }, contentScript)) as Reply<MatcherPayload>;
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(reply.ok && reply.value.data).toEqual([]);
  });
});

describe('notes through the router', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const selector = { exact: 'a new election', prefix: '', suffix: '', start: 0, end: 14 };
  const save = (url: string) => ({
    backstory: 1,
    type: 'saveNote',
    payload: { draft: { target: { type: 'passage', url, selector }, text: 'mine', tags: [] } },
  });
  const revision = async (): Promise<unknown> => (await browser.storage.local.get(NOTES_REVISION_KEY))[NOTES_REVISION_KEY];

  it("refuses a page's passage note for another URL, accepts one for its own, and bumps notesRevision", async () => {
    start();
    const refused = await send(save('https://evil.example/'), contentScript);
    expect(refused).toEqual({ ok: false, error: 'saveNote: a page may only write notes on its own page' });
    expect(await revision()).toBeUndefined();

    const accepted = (await send(save(`${contentScript.url}#p2`), contentScript)) as Reply<SaveResult>;
    expect(accepted).toMatchObject({ ok: true, value: { status: 'saved', note: { text: 'mine', rev: 1 } } });
    expect(await revision()).toBe(1);

    const mine = (await send({ backstory: 1, type: 'notesForPage', payload: { url: contentScript.url } }, contentScript)) as Reply<Note[]>;
    expect(mine.ok && mine.value.map((n) => n.text)).toEqual(['mine']);
    if (!accepted.ok) return;
    await send({ backstory: 1, type: 'deleteNote', payload: { id: accepted.value.note.id } }, contentScript);
    expect(await revision()).toBe(2);
    await send({ backstory: 1, type: 'emptyTrash', payload: {} }, optionsPage);
    expect(await revision()).toBe(3);
  });

  it.each([
    ['searchNotes', { query: 'x' }],
    ['exportBackup', {}],
    ['importBackup', { json: '{}' }],
  ])('refuses %s from a page', async (type, payload) => {
    start();
    expect(await send({ backstory: 1, type, payload }, contentScript)).toEqual({
      ok: false,
      error: `${type}: only the extension's own pages may ask this`,
    });
  });

  it('purges trash older than 30 days at start', async () => {
    const now = 1_710_000_000_000;
    const { note: old } = await saveNote(db, { target: { type: 'entity', entityId: 'e/1' }, text: 'x', tags: [] }, 0);
    const { note: recent } = await saveNote(db, { target: { type: 'entity', entityId: 'e/1' }, text: 'y', tags: [] }, 0);
    await deleteNote(db, old.id, now - 31 * DAY);
    await deleteNote(db, recent.id, now - DAY);
    start({ now: () => now });
    await vi.waitFor(async () => expect(await getNote(db, old.id)).toBeUndefined());
    expect(await getNote(db, recent.id)).toBeDefined();
    await vi.waitFor(async () => expect(await revision()).toBe(1));
  });

  it('injectContentScript: extension pages only, through the injector; the default one never throws', async () => {
    const inject = vi.fn(async () => ({ injected: true }));
    start({ inject });
    const message = { backstory: 1, type: 'injectContentScript', payload: { tabId: 5 } };
    expect(await send(message, optionsPage)).toEqual({ ok: true, value: { injected: true } });
    expect(inject).toHaveBeenCalledWith({ tabId: 5 });
    expect(await send(message, contentScript)).toMatchObject({ ok: false });
    expect(inject).toHaveBeenCalledTimes(1);
    const first = started.pop();
    await first?.ready();
    first?.stop();
    start(); // the real injector, over a fake browser (no scripting there)
    const reply = (await send(message, optionsPage)) as Reply<{ injected: boolean; reason?: string }>;
    expect(reply).toMatchObject({ ok: true, value: { injected: false, reason: expect.any(String) } });
  });
});
