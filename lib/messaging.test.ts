import { describe, expect, it, vi } from 'vitest';
import type { MatcherData } from './matcher';
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
};
const payload: MatcherPayload = { revision: 'r1', data: {} as MatcherData, entities: {} };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getMatcher: vi.fn(() => Promise.resolve(payload)),
    getCard: vi.fn(() => Promise.resolve(card)),
    listPacks: vi.fn(() => Promise.resolve([card.pack])),
    ...overrides,
  };
}

const msg = (type: string, p: unknown = {}) => ({ backstory: 1, type, payload: p });

describe('senderTrust', () => {
  it('classifies senders', () => {
    expect(senderTrust(contentScript, ID, ORIGIN)).toBe('page');
    expect(senderTrust(extensionPage, ID, ORIGIN)).toBe('extension');
    expect(senderTrust({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBe('page');
    expect(senderTrust({ id: ID, url: `${ORIGIN}x.html`, tab: { id: 2 } }, ID, ORIGIN)).toBe('page');
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

  it('refuses extension-only requests from a page (sender.tab set)', async () => {
    const h = handlers();
    const reply = await route(h, msg('listPacks'), contentScript, ID, ORIGIN);
    expect(reply).toEqual({ ok: false, error: "listPacks: only the extension's own pages may ask this" });
    // Even with an extension URL, a tab means a page context.
    const framed = await route(h, msg('listPacks'), { ...extensionPage, tab: { id: 9 } }, ID, ORIGIN);
    expect(framed).toMatchObject({ ok: false });
    expect(h.listPacks).not.toHaveBeenCalled();
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
    expect(h.getCard).toHaveBeenCalledWith({ entityId: 'person/a' });
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
