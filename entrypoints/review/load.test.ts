// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { draftFixture } from '../../lib/packs/__fixtures__/draft';
import { loadArticle, tabIdFrom, UNREADABLE, type LoadDeps, type PageSnapshot } from './load';

const PAGE: PageSnapshot = { html: '<html><head><title>Budget</title></head><body><p>Text</p></body></html>', url: 'https://news.example/council', title: 'Budget', contentType: 'text/html' };

function deps(overrides: Partial<LoadDeps> = {}): LoadDeps {
  return {
    tab: async () => ({ url: PAGE.url, title: 'Budget (tab)' }),
    snapshot: async () => PAGE,
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    draft: vi.fn(() => draftFixture()),
    ...overrides,
  };
}

describe('review page · tabIdFrom', () => {
  it('reads ?tab=<id>, and nothing else', () => {
    expect(tabIdFrom('?tab=42')).toBe(42);
    expect(tabIdFrom('?tab=')).toBeNull();
    expect(tabIdFrom('?tab=4x')).toBeNull();
    expect(tabIdFrom('?tab=-1')).toBeNull();
    expect(tabIdFrom('')).toBeNull();
  });
});

describe('review page · loadArticle', () => {
  it('parses the page and drafts it with its URL (sync or async draftPack)', async () => {
    const d = deps();
    const loaded = await loadArticle(7, d);
    expect(loaded).toMatchObject({ kind: 'draft', title: 'Budget', url: PAGE.url });
    const [doc, url] = vi.mocked(d.draft).mock.calls[0] ?? [];
    expect(doc?.querySelector('p')?.textContent).toBe('Text');
    expect(url).toBe(PAGE.url);
    const async = await loadArticle(7, deps({ draft: async () => draftFixture() }));
    expect(async.kind).toBe('draft');
  });

  it('says why a tab cannot be followed', async () => {
    const why = async (d: Partial<LoadDeps>, tabId: number | null = 7) => {
      const loaded = await loadArticle(tabId, deps(d));
      return loaded.kind === 'unreadable' ? loaded.message : 'draft';
    };
    expect(await why({}, null)).toBe(UNREADABLE.noTab);
    expect(await why({ tab: () => Promise.reject(new Error('No tab with id: 7')) })).toBe(UNREADABLE.closed);
    expect(await why({ tab: async () => ({ url: 'chrome://settings/' }) })).toBe(UNREADABLE.browserPage);
    expect(await why({ tab: async () => ({}) })).toBe(UNREADABLE.blocked);
    expect(await why({ snapshot: () => Promise.reject(new Error('Cannot access contents of the page')) })).toBe(UNREADABLE.blocked);
    expect(await why({ tab: async () => ({ url: 'https://x.example/a.pdf' }), snapshot: () => Promise.reject(new Error('no')) })).toBe(UNREADABLE.pdf);
    expect(await why({ snapshot: async () => ({ ...PAGE, contentType: 'application/pdf' }) })).toBe(UNREADABLE.pdf);
    expect(await why({ snapshot: async () => ({ ...PAGE, contentType: 'image/png' }) })).toBe(UNREADABLE.notHtml);
    expect(await why({ snapshot: async () => undefined })).toBe(UNREADABLE.blocked);
    expect(await why({ draft: () => ({ ...draftFixture(), entities: [] }) })).toBe(UNREADABLE.nothing);
  });

  it('lets a drafting error through (the page shows it as an error)', async () => {
    await expect(loadArticle(7, deps({ draft: () => Promise.reject(new Error('boom')) }))).rejects.toThrow('boom');
  });
});
