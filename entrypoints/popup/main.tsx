import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notesCss } from '../../components/notes';
import { request, type Envelope } from '../../lib/messaging';
import { parsePassageStatus, passageStatusQuery } from '../../lib/anchoring';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { openReview } from '../../lib/background/context-menu';
import { App, type PopupDeps } from './App';
import './popup.css';

const style = document.createElement('style');
style.textContent = notesCss;
document.head.append(style);

const send = (message: Envelope) => browser.runtime.sendMessage(message);

const deps: PopupDeps = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
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
  async followStory(tab) {
    const [full] = tab.id === undefined ? [] : await browser.tabs.query({ active: true, currentWindow: true });
    await openReview(browser, full ?? tab);
    window.close();
  },
};

const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
