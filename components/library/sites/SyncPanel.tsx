import type { SitesView } from '../../../lib/messaging';
import { plural } from '../packs/text';

/** The synced store's collections, as the reader calls them (one and many). */
const NAMES: Record<string, [string, string]> = {
  settings: ['setting', 'settings'],
  sites: ['site rule', 'site rules'],
  notHere: ['“Not … here” rule', '“Not … here” rules'],
  entities: ['entity', 'entities'],
};

/** "3 of your site rules are kept on this browser only", one line per collection. */
export function localOnlyLines(localOnly: Record<string, number>, totals: Record<string, number>): string[] {
  return Object.entries(localOnly)
    .filter(([, n]) => n > 0)
    .map(([collection, n]) => {
      const [one, many] = NAMES[collection] ?? [collection, collection];
      const total = totals[collection];
      const what = total !== undefined && total > n ? `${n.toLocaleString('en')} of your ${many} ${n === 1 ? 'is' : 'are'}` : `${plural(n, one, many)} ${n === 1 ? 'is' : 'are'}`;
      return `${what} kept on this browser only: sync storage is full.`;
    });
}

/** What follows the reader to their other browsers, what does not, and why. */
export function SyncPanel({ sync, counts }: { sync: SitesView['sync']; counts: Record<string, number> }) {
  const lines = localOnlyLines(sync.localOnly, counts);
  return (
    <div class="bs-panel bs-sync" role="group" aria-label="Sync">
      <h3 class="bs-subhead">On your other browsers</h3>
      <p class="bs-hint">
        The choice above, your site rules, your “Not … here” rules, your own entities and your corrections of pack entities are kept in the browser's own sync storage: they follow you to every browser where you are signed in with sync on (Chrome Sync, Firefox Sync). Nothing goes to a server of Backstory's. A pause stays on this browser.
      </p>
      {lines.length > 0 ? (
        <ul class="bs-warnings">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {sync.pending > 0 ? <p class="bs-meta">{`${plural(sync.pending, 'change')} waiting to be synced.`}</p> : null}
      {sync.lastError ? <p class="bs-meta bs-sync__error">{sync.lastError}</p> : null}
      <p class="bs-hint">
        Notes stay on this browser: they are far more than sync storage holds (100 KB in all). To take them to another browser, use{' '}
        <a href="#backup">Backup</a>: export here, import there.
      </p>
    </div>
  );
}
