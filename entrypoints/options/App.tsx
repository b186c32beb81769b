/**
 * The options page: the notes library over the extension's own database (read live with
 * Dexie `liveQuery`), writing through the background by message.
 */
import { browser } from 'wxt/browser';
import type { Transport } from '../../lib/messaging';
import { BackstoryDB } from '../../lib/db/schema';
import { Library } from '../../components/library/Library';

const db = new BackstoryDB();
const send: Transport = (message) => browser.runtime.sendMessage(message);

export function App() {
  return <Library db={db} send={send} />;
}
