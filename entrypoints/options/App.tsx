/**
 * The options page: the notes library over the extension's own database (read live with
 * Dexie `liveQuery`), writing through the background by message.
 */
import { browser } from 'wxt/browser';
import type { Transport } from '../../lib/messaging';
import { BackstoryDB } from '../../lib/db/schema';
import { Library } from '../../components/library/Library';
import { SITES_REVISION_KEY } from '../../lib/sites/stored';

const db = new BackstoryDB();
const send: Transport = (message) => browser.runtime.sendMessage(message);

function onSitesChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && SITES_REVISION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export function App() {
  return <Library db={db} send={send} onSitesChanged={onSitesChanged} />;
}
