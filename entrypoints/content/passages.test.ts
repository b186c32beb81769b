// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope, Transport } from '../../lib/messaging';
import type { Note } from '../../lib/model';
import { describePassage, passageStatusQuery, type PassageStatus } from '../../lib/anchoring';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { flattenPage, PASSAGE_HIGHLIGHT } from '../../lib/page/passages';
import { FakeHighlight, FakeRegistry } from '../../lib/page/test-fakes';
import { startPassageNotes } from './passages';

const URL_ = 'https://news.example/story';

const ARTICLE = `<h1>Netanyahu rejects the call</h1>
  <p>Israeli Prime Minister Benjamin <b>Netanyahu</b> on Sunday rejected a call for a new election.</p>
  <p>President Biden had called it a good speech, aides said on Monday.</p>
  <p>Talks with Hamas on a cease-fire continue in Doha.</p>`;

function passageNote(id: string, quote: string): Note {
  const text = flattenPage(document).text;
  const at = text.indexOf(quote);
  return {
    id,
    target: { type: 'passage', url: URL_, selector: describePassage(text, at, at + quote.length) },
    text: `note ${id}`,
    tags: [],
    pageUrl: URL_,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
  };
}

let ctx: ContentScriptContext;
let registry: FakeRegistry;
let win: Window;
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = ARTICLE;
  ctx = new ContentScriptContext('passages-test');
  registry = new FakeRegistry();
  const w: Record<string, unknown> = { CSS: { highlights: registry }, Highlight: FakeHighlight, location: { href: URL_ } };
  w.top = w;
  win = w as unknown as Window;
});
afterEach(() => {
  ctx.abort();
});

const painted = (): string[] => [...((registry.get(PASSAGE_HIGHLIGHT) as FakeHighlight | undefined) ?? [])].map((r) => (r as Range).toString());

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

async function askStatus(sender: Sender = { id: fakeBrowser.runtime.id }): Promise<PassageStatus | undefined> {
  const replies = (await fakeBrowser.runtime.onMessage.trigger(passageStatusQuery, sender)) as unknown[];
  return (await Promise.all(replies)).find((r) => r !== undefined) as PassageStatus | undefined;
}

describe('startPassageNotes', () => {
  it('anchors the page’s passage notes, marks them, and reports the orphaned ones', async () => {
    let notes = [passageNote('a', 'President Biden had called it a good speech'), passageNote('b', 'Talks with Hamas on a cease-fire')];
    notes.push({ ...passageNote('gone', 'Talks with Hamas'), target: { type: 'passage', url: URL_, selector: { exact: 'a passage that was never here at all', prefix: '', suffix: '', start: 3, end: 39 } } });
    const send = vi.fn<Transport>(async (m: Envelope) => (m.type === 'notesForPage' ? { ok: true, value: notes } : { ok: false, error: 'no' }));
    startPassageNotes(ctx, { send, doc: document, win, ready: Promise.resolve() });
    const status = await askStatus();
    expect(send).toHaveBeenCalledWith({ backstory: 1, type: 'notesForPage', payload: { url: URL_ } });
    expect(status).toEqual({ url: URL_, anchored: ['a', 'b'], orphaned: ['gone'] });
    expect(painted()).toEqual(['President Biden had called it a good speech', 'Talks with Hamas on a cease-fire']);

    // Notes changed elsewhere: reload and re-anchor.
    notes = notes.slice(1, 2);
    await fakeBrowser.storage.local.set({ [NOTES_REVISION_KEY]: 2 });
    await vi.waitFor(() => expect(painted()).toEqual(['Talks with Hamas on a cease-fire']), { timeout: 3_000 });
  });

  it('re-anchors once the page’s text has changed and settled', async () => {
    const notes = [passageNote('a', 'President Biden had called it a good speech')];
    const send = vi.fn<Transport>(async () => ({ ok: true, value: notes }));
    startPassageNotes(ctx, { send, doc: document, win, ready: Promise.resolve(), settleMs: 20 });
    await askStatus();
    expect(painted()).toEqual(['President Biden had called it a good speech']);
    document.querySelectorAll('p')[1]?.remove();
    await vi.waitFor(() => expect(painted()).toEqual([]), { timeout: 3_000 });
    expect(await askStatus()).toEqual({ url: URL_, anchored: [], orphaned: ['a'] });
    document.body.insertAdjacentHTML('afterbegin', '<p>Update on top.</p><p>President Biden had called it a good speech, aides said.</p>');
    await vi.waitFor(() => expect(painted()).toEqual(['President Biden had called it a good speech']), { timeout: 3_000 });
  });

  it('answers the status only to the extension itself, and only in the top frame', async () => {
    const send = vi.fn<Transport>(async () => ({ ok: true, value: [] }));
    startPassageNotes(ctx, { send, doc: document, win, ready: Promise.resolve() });
    expect(await askStatus({ id: fakeBrowser.runtime.id, tab: { id: 1 } as NonNullable<Sender['tab']> })).toBeUndefined();
    expect(await askStatus({ id: 'someone-else' })).toBeUndefined();
    expect(await askStatus()).toEqual({ url: URL_, anchored: [], orphaned: [] });
    ctx.abort();
    expect(await askStatus()).toBeUndefined();
    expect(registry.has(PASSAGE_HIGHLIGHT)).toBe(false);
  });
});
