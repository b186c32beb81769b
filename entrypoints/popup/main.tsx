import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notesCss } from '../../components/notes';
import { request, type Envelope } from '../../lib/messaging';
import { parsePassageStatus, passageStatusQuery } from '../../lib/anchoring';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { openReview } from '../../lib/background/context-menu';
import { openSidebar } from '../../lib/background/commands';
import { pinnedTabId } from '../sidepanel/deps';
import { pageCountsQuery, parsePageCounts } from '../../lib/page/page-counts';
import { SITES_REVISION_KEY } from '../../lib/sites/stored';
import { App, type PopupDeps } from './App';
import './popup.css';
import { localizePage } from '../../components/i18n';
import { t } from '../../lib/i18n';

localizePage(document, t('ppTitle'));

const style = document.createElement('style');
style.textContent = notesCss;
document.head.append(style);

const send = (message: Envelope) => browser.runtime.sendMessage(message);

const deps: PopupDeps = {
  async activeTab() {
    // `?tab=<id>` pins the popup to one tab (tests, screenshots), as the side panel does.
    const pinned = pinnedTabId(location.search);
    const [tab] = pinned !== null ? [await browser.tabs.get(pinned)] : await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, url: tab.url, title: tab.title } : null;
  },
  notesForPage: (url) => request(send, 'notesForPage', { url }),
  actions: {
    save: (draft) => request(send, 'saveNote', { draft }),
    remove: (id) => request(send, 'deleteNote', { id }),
    restore: (id) => request(send, 'restoreNote', { id }),
  },
  async passageStatus(tabId) {
    try {
      return parsePassageStatus(await browser.tabs.sendMessage(tabId, passageStatusQuery, { frameId: 0 }));
    } catch {
      return null; // No content script in that tab (a browser page, the web store, not reloaded yet).
    }
  },
  onNotesChanged(listener) {
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && NOTES_REVISION_KEY in changes) listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
  sites: {
    view: () => request(send, 'sitesState', {}),
    update: (action) => request(send, 'updateSites', { action }),
    async counts(tabId) {
      try {
        return parsePageCounts(await browser.tabs.sendMessage(tabId, pageCountsQuery, { frameId: 0 }));
      } catch {
        return null; // No content script answering (the site is off, or the tab predates the extension).
      }
    },
    openSidebar(tabId) {
      const opened = openSidebar(browser, tabId === undefined ? undefined : { id: tabId });
      if (opened) setTimeout(() => window.close(), 50);
      return opened;
    },
    onChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && SITES_REVISION_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  },
  async followStory(tab) {
    const [full] = tab.id === undefined ? [] : await browser.tabs.query({ active: true, currentWindow: true });
    await openReview(browser, full ?? tab);
    window.close();
  },
};

const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
