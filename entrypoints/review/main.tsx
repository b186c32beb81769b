import { render } from 'preact';
import { browser } from 'wxt/browser';
import { request, type Envelope } from '../../lib/messaging';
import { draftPack } from '../../lib/packs/draft';
import '../../components/review/review.css';
import { App, type ReviewDeps } from './App';
import { loadArticle, tabIdFrom, type PageSnapshot } from './load';
import { localizePage } from '../../components/i18n';

localizePage(document);

/**
 * "Follow this story", opened as a tab: `review.html?tab=<id of the article's tab>`. Reads
 * that tab's page, drafts a pack from it, and saves the reviewed pack through the background.
 */
const tabId = tabIdFrom(location.search);
const send = (message: Envelope) => browser.runtime.sendMessage(message);

async function activateArticle(): Promise<void> {
  // i18n-ignore: caught by every caller, never shown.
  if (tabId === null) throw new Error('no article tab');
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}

const deps: ReviewDeps = {
  load: () =>
    loadArticle(tabId, {
      tab: (id) => browser.tabs.get(id),
      async snapshot(id) {
        const [injection] = await browser.scripting.executeScript({
          target: { tabId: id },
          func: (): PageSnapshot => ({
            html: document.documentElement.outerHTML,
            url: location.href,
            title: document.title,
            contentType: document.contentType,
          }),
        });
        return injection?.result as PageSnapshot | undefined;
      },
      parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
      draft: (doc, url) => draftPack(doc, { url }),
    }),
  save: (json, replace) => request(send, 'importPack', { json, origin: 'drafted', ...(replace ? { replace: true } : {}) }),
  backToArticle: activateArticle,
  close() {
    void (async () => {
      await activateArticle().catch(() => undefined);
      const self = await browser.tabs.getCurrent().catch(() => undefined);
      if (self?.id !== undefined) await browser.tabs.remove(self.id).catch(() => window.close());
      else window.close();
    })();
  },
};

const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
