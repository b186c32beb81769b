/**
 * The background end to end with the real matcher and the real shipped pack: a content
 * script's getMatcher reply restores into a matcher that finds the story's names, and
 * a card resolves for what it finds.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { matcherFromData } from '../matcher';
import { request, type Envelope } from '../messaging';
import { shippedPack } from '../packs/shipped';
import type { BackstoryDB } from '../db/schema';
import { openTestDB } from '../db/testing';
import { startBackground, type Background } from './index';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let db: BackstoryDB;
let bg: Background;

beforeEach(() => {
  fakeBrowser.reset();
  db = openTestDB();
  bg = startBackground({ browser, db, shippedPack, storage: undefined, log: quiet });
});
afterEach(async () => {
  await bg.ready();
  bg.stop();
  db.close();
});

/** A content script's transport: the browser delivers to the one listener with a tab sender. */
async function contentTransport(message: Envelope): Promise<unknown> {
  const sender: object = { id: fakeBrowser.runtime.id, url: 'https://news.example/story', tab: { id: 7 } };
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return results.find((r) => r !== undefined);
}

it('serves a matcher over the shipped pack that finds its entities, and their cards', async () => {
  const payload = await request(contentTransport, 'getMatcher', {});
  expect(Object.keys(payload.entities)).toHaveLength(shippedPack.entities.length);

  const matcher = matcherFromData(JSON.parse(JSON.stringify(payload.data)));
  const first = shippedPack.entities[0];
  if (!first) throw new Error('shipped pack has no entities');
  const text = `Today ${first.aliases[0]?.text ?? first.name} spoke.`;
  const found = matcher.scan(text).map((m) => m.entityId);
  expect(found).toContain(first.id);

  const card = await request(contentTransport, 'getCard', { entityId: first.id });
  expect(card.entity).toEqual(first);
  expect(card.pack.id).toBe(shippedPack.id);
  const known = new Set(shippedPack.entities.map((e) => e.id));
  expect(card.related.every((r) => known.has(r.id))).toBe(true);

  // A second page gets the same cached payload.
  expect((await request(contentTransport, 'getMatcher', {})).revision).toBe(payload.revision);
});

it("lets a content script note an entity it found and see it as noted, and a page note on its own page", async () => {
  const first = shippedPack.entities[0];
  if (!first) throw new Error('shipped pack has no entities');
  const saved = await request(contentTransport, 'saveNote', {
    draft: { target: { type: 'entity', entityId: first.id }, text: 'Follow this.', tags: ['story'] },
  });
  expect(saved.status).toBe('saved');
  expect(await request(contentTransport, 'notedEntities', { entityIds: [first.id, 'person/nobody'] })).toEqual([first.id]);
  expect((await request(contentTransport, 'notesForEntity', { entityId: first.id })).map((n) => n.text)).toEqual(['Follow this.']);
  await request(contentTransport, 'saveNote', {
    draft: { target: { type: 'page', url: 'https://news.example/story?utm_medium=x' }, text: 'Page note', tags: [] },
  });
  expect((await request(contentTransport, 'notesForPage', { url: 'https://news.example/story' })).map((n) => n.text)).toEqual([
    'Page note',
  ]);
  await expect(request(contentTransport, 'searchNotes', { query: 'follow' })).rejects.toThrow(/only the extension/);
});
