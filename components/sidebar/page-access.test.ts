import { describe, expect, it } from 'vitest';
import { UNREADABLE, unreadableReason } from './page-access';
import { parseSidebarEvent } from './events';

describe('unreadableReason', () => {
  it.each([
    ['chrome://extensions/', UNREADABLE.browser],
    ['edge://settings', UNREADABLE.browser],
    ['about:blank', UNREADABLE.browser],
    ['about:addons', UNREADABLE.browser],
    ['chrome-extension://abc/options.html', UNREADABLE.browser],
    ['view-source:https://news.example/', UNREADABLE.viewSource],
    ['https://chromewebstore.google.com/detail/x/abc', UNREADABLE.store],
    ['https://chrome.google.com/webstore/detail/abc', UNREADABLE.store],
    ['https://addons.mozilla.org/en-US/firefox/', UNREADABLE.store],
    ['https://example.org/report.PDF', UNREADABLE.pdf],
    ['file:///home/me/page.html', UNREADABLE.file],
    ['data:text/html,<p>hi', UNREADABLE.other],
  ])('%s cannot be read', (url, reason) => {
    expect(unreadableReason(url, false)).toBe(reason);
  });

  it.each(['https://news.example/story', 'http://127.0.0.1:8080/fixtures/news.html', 'https://chrome.google.com/search', undefined])(
    '%s can (or may) be read',
    (url) => {
      expect(unreadableReason(url, false)).toBeNull();
    },
  );

  it('reads file:// pages when the user allowed it', () => {
    expect(unreadableReason('file:///home/me/page.html', true)).toBeNull();
    expect(unreadableReason('file:///home/me/paper.pdf', true)).toBe(UNREADABLE.pdf);
  });
});

describe('parseSidebarEvent', () => {
  const summary = { url: 'https://a.example/', title: 'A', scanning: false, entities: [], passages: { anchored: [], orphaned: [] } };
  it('accepts the four events', () => {
    expect(parseSidebarEvent({ type: 'summary', summary })).toEqual({ type: 'summary', summary });
    expect(parseSidebarEvent({ type: 'revealed', entityId: 'place/gaza', index: 1, count: 3 })).toEqual({ type: 'revealed', entityId: 'place/gaza', index: 1, count: 3 });
    expect(parseSidebarEvent({ type: 'revealed-passage', noteId: 'n1', found: true })).toEqual({ type: 'revealed-passage', noteId: 'n1', found: true });
    expect(parseSidebarEvent({ type: 'error', message: 'boom' })).toEqual({ type: 'error', message: 'boom' });
  });
  it('drops anything else', () => {
    expect(parseSidebarEvent(null)).toBeNull();
    expect(parseSidebarEvent({ type: 'summary', summary: { ...summary, entities: 'x' } })).toBeNull();
    expect(parseSidebarEvent({ type: 'summary', summary: { ...summary, passages: { anchored: [1], orphaned: [] } } })).toBeNull();
    expect(parseSidebarEvent({ type: 'revealed', entityId: '', index: 0, count: 1 })).toBeNull();
    expect(parseSidebarEvent({ type: 'revealed', entityId: 'a', index: 0.5, count: 1 })).toBeNull();
    expect(parseSidebarEvent({ type: 'hello' })).toBeNull();
  });
  it('keeps the first of duplicate entities', () => {
    const e = { id: 'place/gaza', kind: 'place', name: 'Gaza', count: 2, first: 0, inHeadline: true };
    const parsed = parseSidebarEvent({ type: 'summary', summary: { ...summary, entities: [e, { ...e, count: 9 }] } });
    expect(parsed?.type === 'summary' ? parsed.summary.entities : null).toEqual([e]);
  });
});
