import { describe, expect, it, vi } from 'vitest';
import type { MatcherData } from './matcher';
import type { Note } from './model';
import { route, senderTrust } from './messaging-validation';
import {
  request,
  RequestError,
  type CardData,
  type Envelope,
  type Handlers,
  type MatcherPayload,
} from './messaging';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const contentScript = { id: ID, url: 'https://news.example/a', tab: { id: 1 } };
const extensionPage = { id: ID, url: `${ORIGIN}options.html` };

const card: CardData = {
  entity: {
    id: 'person/a',
    kind: 'person',
    name: 'A',
    aliases: [{ text: 'A', case: 'sensitive' }],
    role: 'r',
    summary: 's',
    contexts: [],
    relations: [],
  },
  pack: { format: 1, id: 'p', title: 'P', version: 1, asOf: '2024-03-18', sources: [] },
  related: [],
  also: [],
  edited: false,
};
const payload: MatcherPayload = { revision: 'r1', data: {} as MatcherData, entities: {} };

const unstubbed = (): Promise<never> => Promise.reject(new Error('not stubbed'));
const note: Note = {
  id: 'n1',
  target: { type: 'passage', url: 'https://news.example/a', selector: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 } },
  text: 't',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  rev: 1,
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getMatcher: vi.fn(() => Promise.resolve(payload)),
    getCard: vi.fn(() => Promise.resolve(card)),
    listPacks: vi.fn(() => Promise.resolve([card.pack])),
    notesForEntity: vi.fn(unstubbed),
    notesForPage: vi.fn(unstubbed),
    notedEntities: vi.fn(unstubbed),
    probeText: vi.fn(unstubbed),
    loadPageUi: vi.fn(unstubbed),
    loadCore: vi.fn(unstubbed),
    saveNote: vi.fn(() => Promise.resolve({ status: 'saved' as const, note })),
    deleteNote: vi.fn(unstubbed),
    restoreNote: vi.fn(unstubbed),
    searchNotes: vi.fn(() => Promise.resolve([note])),
    pageStatus: vi.fn(unstubbed),
    sitesState: vi.fn(unstubbed),
    updateSites: vi.fn(unstubbed),
    notHere: vi.fn(unstubbed),
    undoNotHere: vi.fn(unstubbed),
    notAnywhere: vi.fn(unstubbed),
    undoNotAnywhere: vi.fn(unstubbed),
    exportBackup: vi.fn(unstubbed),
    exportMarkdown: vi.fn(unstubbed),
    importBackup: vi.fn(unstubbed),
    emptyTrash: vi.fn(unstubbed),
    deleteNotes: vi.fn(unstubbed),
    injectContentScript: vi.fn(unstubbed),
    importPack: vi.fn(unstubbed),
    exportPack: vi.fn(unstubbed),
    setPackEnabled: vi.fn(unstubbed),
    removePack: vi.fn(unstubbed),
    setPackOrder: vi.fn(unstubbed),
    packConflicts: vi.fn(unstubbed),
    saveEntity: vi.fn(unstubbed),
    resetEntity: vi.fn(unstubbed),
    deleteEntity: vi.fn(unstubbed),
    trackEntity: vi.fn(unstubbed),
    ...overrides,
  };
}

const msg = (type: string, p: unknown = {}) => ({ backstory: 1, type, payload: p });

describe('senderTrust', () => {
  it('classifies senders', () => {
    expect(senderTrust(contentScript, ID, ORIGIN)).toBe('page');
    expect(senderTrust(extensionPage, ID, ORIGIN)).toBe('extension');
    expect(senderTrust({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBe('page');
    // An extension page opened in a tab (the options page) is still ours.
    expect(senderTrust({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 2 } }, ID, ORIGIN)).toBe('extension');
    // A page at a look-alike origin is not.
    expect(senderTrust({ id: ID, url: `${ORIGIN.slice(0, -1)}x/a.html`, tab: { id: 2 } }, ID, ORIGIN)).toBe('page');
    expect(senderTrust({ id: 'other', url: `${ORIGIN}x.html` }, ID, ORIGIN)).toBe('foreign');
    expect(senderTrust({}, ID, ORIGIN)).toBe('foreign');
  });
});

describe('route', () => {
  it('returns undefined for messages that are not Backstory requests', async () => {
    const h = handlers();
    for (const message of [undefined, null, 'getMatcher', 42, {}, { type: 'getMatcher' }, msg('noSuchRequest'), { ...msg('getMatcher'), backstory: 2 }]) {
      expect(await route(h, message, contentScript, ID, ORIGIN)).toBeUndefined();
    }
    expect(h.getMatcher).not.toHaveBeenCalled();
  });

  it('rejects a sender that is not this extension', async () => {
    const h = handlers();
    const reply = await route(h, msg('getMatcher'), { ...contentScript, id: 'other-ext' }, ID, ORIGIN);
    expect(reply).toEqual({ ok: false, error: 'getMatcher: sender is not this extension' });
    expect(await route(h, msg('getMatcher'), { url: 'https://x/' }, ID, ORIGIN)).toMatchObject({ ok: false });
    expect(h.getMatcher).not.toHaveBeenCalled();
  });

  it('refuses extension-only requests from a content script (its URL is the web page)', async () => {
    const h = handlers();
    const reply = await route(h, msg('listPacks'), contentScript, ID, ORIGIN);
    expect(reply).toEqual({ ok: false, error: "listPacks: only the extension's own pages may ask this" });
    expect(h.listPacks).not.toHaveBeenCalled();
    // The options page, opened in a tab, is allowed.
    const inTab = await route(h, msg('listPacks'), { ...extensionPage, tab: { id: 9 } }, ID, ORIGIN);
    expect(inTab).toMatchObject({ ok: true });
  });

  it('keeps every pack and entity write to the extension pages; a page may only track a name', async () => {
    const h = handlers();
    const writes = ['importPack', 'exportPack', 'setPackEnabled', 'removePack', 'setPackOrder', 'packConflicts', 'saveEntity', 'resetEntity', 'deleteEntity'];
    for (const type of writes) {
      expect(await route(h, msg(type), contentScript, ID, ORIGIN)).toEqual({ ok: false, error: `${type}: only the extension's own pages may ask this` });
    }
    const track = { draft: { name: 'Mark Warner', kind: 'person', pageUrl: 'https://news.example/a', pageTitle: 'A' } };
    await route(h, msg('trackEntity', track), contentScript, ID, ORIGIN);
    expect(h.trackEntity).toHaveBeenCalledTimes(1);
    const hostile = { draft: { ...track.draft, pageUrl: 'javascript:alert(1)' } };
    expect(await route(h, msg('trackEntity', hostile), contentScript, ID, ORIGIN)).toMatchObject({ ok: false });
    expect(await route(h, msg('trackEntity', { draft: { ...track.draft, kind: 'alien' } }), contentScript, ID, ORIGIN)).toMatchObject({ ok: false });
    expect(h.trackEntity).toHaveBeenCalledTimes(1);
  });

  it('allows extension pages (no tab, URL under the extension origin)', async () => {
    const h = handlers();
    expect(await route(h, msg('listPacks'), extensionPage, ID, ORIGIN)).toEqual({ ok: true, value: [card.pack] });
    expect(await route(h, msg('getMatcher'), extensionPage, ID, ORIGIN)).toEqual({ ok: true, value: payload });
  });

  it('allows page-level requests from a content script and passes the parsed payload', async () => {
    const h = handlers();
    expect(await route(h, msg('getCard', { entityId: 'person/a' }), contentScript, ID, ORIGIN)).toEqual({
      ok: true,
      value: card,
    });
    expect(h.getCard).toHaveBeenCalledWith({ entityId: 'person/a' }, { ...contentScript, trust: 'page' });
  });

  it.each(['searchNotes', 'exportBackup', 'exportMarkdown', 'importBackup', 'emptyTrash', 'deleteNotes'] as const)(
    'refuses %s from a page and lets the extension ask it',
    async (type) => {
      const h = handlers();
      const payloads = { searchNotes: { query: 'a' }, importBackup: { json: '{}' }, deleteNotes: { ids: ['n1'] } };
      const body = type in payloads ? payloads[type as keyof typeof payloads] : {};
      expect(await route(h, msg(type, body), contentScript, ID, ORIGIN)).toEqual({
        ok: false,
        error: `${type}: only the extension's own pages may ask this`,
      });
      expect(h[type]).not.toHaveBeenCalled();
      await route(h, msg(type, body), extensionPage, ID, ORIGIN);
      expect(h[type]).toHaveBeenCalledWith(body, { ...extensionPage, trust: 'extension' });
    },
  );

  it('passes a page its saveNote with the checked sender (the handler confines it to its page)', async () => {
    const h = handlers();
    const draft = { target: note.target, text: 'hello', tags: ['a'] };
    expect(await route(h, msg('saveNote', { draft }), contentScript, ID, ORIGIN)).toEqual({
      ok: true,
      value: { status: 'saved', note },
    });
    expect(h.saveNote).toHaveBeenCalledWith({ draft }, { ...contentScript, trust: 'page' });
  });

  it.each([
    ['a javascript: URL', { target: { type: 'page', url: 'javascript:alert(1)' }, text: '', tags: [] }, /draft\.target\.url/],
    ['an extra key', { target: { type: 'entity', entityId: 'a' }, text: '', tags: [], html: '<b>' }, /html/],
    ['too long a text', { target: { type: 'entity', entityId: 'a' }, text: 'x'.repeat(20_001), tags: [] }, /draft\.text/],
    ['a blank tag', { target: { type: 'entity', entityId: 'a' }, text: '', tags: ['  '] }, /draft\.tags/],
    ['a zero baseRev', { id: 'n1', baseRev: 0, target: { type: 'entity', entityId: 'a' }, text: '', tags: [] }, /baseRev/],
  ])('rejects a saveNote draft with %s', async (_why, draft, error) => {
    const h = handlers();
    const reply = await route(h, msg('saveNote', { draft }), contentScript, ID, ORIGIN);
    expect(reply && !reply.ok && reply.error).toMatch(error);
    expect(h.saveNote).not.toHaveBeenCalled();
  });

  it.each([
    ['an extra key', { entityId: 'person/a', extra: true }, /getCard: invalid request \(.*extra/],
    ['entityId not a string', { entityId: 42 }, /getCard: invalid request \(entityId: /],
    ['entityId too long', { entityId: 'x'.repeat(201) }, /getCard: invalid request \(entityId: /],
    ['entityId empty', { entityId: '' }, /getCard: invalid request \(entityId: /],
    ['entityId missing', {}, /getCard: invalid request \(entityId: /],
    ['payload not an object', 'person/a', /getCard: invalid request \(payload: /],
  ])('rejects a malformed payload (%s) naming the field', async (_why, bad, error) => {
    const h = handlers();
    const reply = await route(h, msg('getCard', bad), contentScript, ID, ORIGIN);
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error).toMatch(error);
    expect(h.getCard).not.toHaveBeenCalled();
  });

  it('rejects extra keys on empty payloads too', async () => {
    const reply = await route(handlers(), msg('getMatcher', { all: true }), contentScript, ID, ORIGIN);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^getMatcher: invalid request \(.*all/) });
  });

  it('turns a handler throw into { ok: false, error }', async () => {
    const h = handlers({
      getCard: () => Promise.reject(new Error('no entity "person/z"')),
      getMatcher: () => Promise.reject('plain string'),
    });
    expect(await route(h, msg('getCard', { entityId: 'person/z' }), contentScript, ID, ORIGIN)).toEqual({
      ok: false,
      error: 'getCard: no entity "person/z"',
    });
    expect(await route(h, msg('getMatcher'), contentScript, ID, ORIGIN)).toEqual({
      ok: false,
      error: 'getMatcher: plain string',
    });
  });
});

describe('request', () => {
  it('sends the envelope and unwraps an ok reply', async () => {
    const transport = vi.fn((_m: Envelope) => Promise.resolve({ ok: true, value: card }));
    expect(await request(transport, 'getCard', { entityId: 'person/a' })).toEqual(card);
    expect(transport).toHaveBeenCalledWith({ backstory: 1, type: 'getCard', payload: { entityId: 'person/a' } });
  });

  it('throws a RequestError carrying the error message', async () => {
    const transport = () => Promise.resolve({ ok: false, error: 'getCard: no entity "x"' });
    const failure = request(transport, 'getCard', { entityId: 'x' });
    await expect(failure).rejects.toBeInstanceOf(RequestError);
    await expect(failure).rejects.toThrow('getCard: no entity "x"');
  });

  it('throws a RequestError when nobody answers', async () => {
    for (const answer of [undefined, null, 'text', { value: 1 }]) {
      await expect(request(() => Promise.resolve(answer), 'listPacks', {})).rejects.toThrow(
        /No reply to listPacks/,
      );
    }
  });

  it('round-trips through route()', async () => {
    const h = handlers();
    const transport = (m: Envelope) => route(h, m, extensionPage, ID, ORIGIN);
    expect(await request(transport, 'listPacks', {})).toEqual([card.pack]);
    const page = (m: Envelope) => route(h, m, contentScript, ID, ORIGIN);
    await expect(request(page, 'listPacks', {})).rejects.toThrow(RequestError);
  });
});

describe('content commands', () => {
  it('parseContentCommand accepts exactly the schema the background sends', async () => {
    const { parseContentCommand, isFromBackground } = await import('./messaging');
    const { contentCommandSchema } = await import('./messaging-validation');
    const good = { backstory: 1, command: 'show-card' };
    expect(parseContentCommand(good)).toEqual(contentCommandSchema.parse(good));
    for (const bad of [null, 'show-card', {}, { backstory: 1 }, { backstory: 2, command: 'show-card' }, { ...good, extra: 1 }, { backstory: 1, command: 'delete-all' }]) {
      expect(parseContentCommand(bad)).toBeNull();
      expect(contentCommandSchema.safeParse(bad).success).toBe(false);
    }
    expect(isFromBackground({ id: ID, url: `${ORIGIN}background.js` }, ID)).toBe(true);
    expect(isFromBackground({ id: ID, url: 'https://news.example/', tab: { id: 1 } }, ID)).toBe(false);
    expect(isFromBackground({ id: 'other' }, ID)).toBe(false);
  });
});
