/**
 * Reading the article for "Follow this story": the tab's page as HTML (through
 * `scripting.executeScript`), parsed here, then drafted into a pack. Browser APIs and the
 * drafting come in as `LoadDeps` so this is tested without a browser.
 */
import type { Pack } from '../../lib/model';
import { t } from '../../lib/i18n';

/** What the page function returns from the article's tab. */
export interface PageSnapshot {
  html: string;
  url: string;
  title: string;
  contentType: string;
}

export interface LoadDeps {
  /** The tab's URL and title; throws when the tab is gone. */
  tab(tabId: number): Promise<{ url?: string | undefined; title?: string | undefined }>;
  /** The page, read in the tab; throws when the browser does not let extensions read it. */
  snapshot(tabId: number): Promise<PageSnapshot | null | undefined>;
  draft(doc: Document, url: string): Pack | Promise<Pack>;
  parse(html: string): Document;
}

export type ArticleLoad = { kind: 'draft'; pack: Pack; title: string; url: string } | { kind: 'unreadable'; message: string };

/** Why a tab cannot be followed, in the UI's language (read when asked for). */
export const UNREADABLE = {
  get noTab() {
    return t('rvNoTab');
  },
  get closed() {
    return t('rvClosed');
  },
  get browserPage() {
    return t('rvBrowserPage');
  },
  get pdf() {
    return t('rvPdf');
  },
  get notHtml() {
    return t('rvNotHtml');
  },
  get blocked() {
    return t('rvBlocked');
  },
  get nothing() {
    return t('rvNothing');
  },
};

const isHttp = (url: string | undefined): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);
const looksLikePdf = (url: string): boolean => /\.pdf(?:$|[?#])/i.test(url);

/** The `?tab=<id>` of the review page's URL, or null. */
export function tabIdFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/** Read tab `tabId` and draft its pack, or say why it cannot be followed. Drafting errors throw. */
export async function loadArticle(tabId: number | null, deps: LoadDeps): Promise<ArticleLoad> {
  if (tabId === null) return { kind: 'unreadable', message: UNREADABLE.noTab };
  let tab: Awaited<ReturnType<LoadDeps['tab']>>;
  try {
    tab = await deps.tab(tabId);
  } catch {
    return { kind: 'unreadable', message: UNREADABLE.closed };
  }
  if (!isHttp(tab.url)) return { kind: 'unreadable', message: tab.url === undefined ? UNREADABLE.blocked : UNREADABLE.browserPage };
  let page: PageSnapshot | null | undefined;
  try {
    page = await deps.snapshot(tabId);
  } catch {
    return { kind: 'unreadable', message: looksLikePdf(tab.url) ? UNREADABLE.pdf : UNREADABLE.blocked };
  }
  if (!page || typeof page.html !== 'string') return { kind: 'unreadable', message: looksLikePdf(tab.url) ? UNREADABLE.pdf : UNREADABLE.blocked };
  const type = (page.contentType || 'text/html').toLowerCase();
  if (type === 'application/pdf' || looksLikePdf(page.url) && !type.includes('html')) return { kind: 'unreadable', message: UNREADABLE.pdf };
  if (!type.includes('html')) return { kind: 'unreadable', message: UNREADABLE.notHtml };
  const url = isHttp(page.url) ? page.url : tab.url;
  const doc = deps.parse(page.html);
  const pack = await deps.draft(doc, url);
  if (pack.entities.length === 0) return { kind: 'unreadable', message: UNREADABLE.nothing };
  return { kind: 'draft', pack, title: page.title || tab.title || pack.title, url };
}
