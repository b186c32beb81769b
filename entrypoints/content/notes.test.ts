// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope, Transport } from '../../lib/messaging';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { NOTED_HIGHLIGHT } from '../../lib/page/highlights';
import { FakeHighlight, FakeRegistry } from '../../lib/page/test-fakes';
import type { PageMention } from '../../lib/page/types';
import { startEntityNotes } from './notes';

const wait = () => new Promise((resolve) => setTimeout(resolve, 0));

function mention(id: number, entityId: string): PageMention {
  return { id, entityId, kind: 'person', range: document.createRange(), text: entityId };
}

let ctx: ContentScriptContext;
let registry: FakeRegistry;
let win: Window;
beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('notes-test');
  registry = new FakeRegistry();
  win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window;
});
afterEach(() => {
  ctx.abort();
});

describe('startEntityNotes', () => {
  it('marks mentions of noted entities after the scan, and again when the notes revision changes', async () => {
    let noted = ['person/a'];
    const mentions = [mention(1, 'person/a'), mention(2, 'person/b'), mention(3, 'person/a')];
    const send = vi.fn<Transport>(async (m: Envelope) => {
      if (m.type === 'notedEntities') return { ok: true, value: noted };
      return { ok: true, value: [] };
    });
    startEntityNotes(ctx, {
      scanner: { ready: Promise.resolve(), mentions: () => mentions },
      popover: { visible: false, refreshNotes: vi.fn() },
      send,
      win,
    });
    await wait();
    await wait();
    const h = registry.get(NOTED_HIGHLIGHT);
    expect(h?.size).toBe(2);
    expect(send).toHaveBeenCalledWith({ backstory: 1, type: 'notedEntities', payload: { entityIds: ['person/a', 'person/b'] } });

    noted = ['person/b'];
    await fakeBrowser.storage.local.set({ [NOTES_REVISION_KEY]: 1 });
    await wait();
    await wait();
    expect(h?.size).toBe(1);
    expect(h?.has(mentions[1]?.range as Range)).toBe(true);
  });

  it('reloads an open card’s notes when notes change elsewhere, and forgets its highlight with ctx', async () => {
    const send = vi.fn<Transport>(async () => ({ ok: true, value: ['person/a'] }));
    const popover = { visible: false, refreshNotes: vi.fn() };
    startEntityNotes(ctx, { scanner: { ready: Promise.resolve(), mentions: () => [mention(1, 'person/a')] }, popover, send, win });
    await wait();
    await fakeBrowser.storage.local.set({ [NOTES_REVISION_KEY]: 1 });
    await wait();
    expect(popover.refreshNotes).not.toHaveBeenCalled(); // no card open: it loads fresh when it opens
    popover.visible = true;
    await fakeBrowser.storage.local.set({ [NOTES_REVISION_KEY]: 2 });
    await wait();
    expect(popover.refreshNotes).toHaveBeenCalledTimes(1);
    expect(registry.has(NOTED_HIGHLIGHT)).toBe(true);
    ctx.abort();
    expect(registry.has(NOTED_HIGHLIGHT)).toBe(false);
  });
});
