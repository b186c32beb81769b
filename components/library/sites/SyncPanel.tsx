import type { SitesView } from '../../../lib/messaging';
import { tx } from '../../i18n';
import { formatNumber, t, tn } from '../../../lib/i18n';

type Counted = (n: number) => string;
/** The synced store's collections, as the reader calls them: "3 site rules", "3 of your site rules are …". */
const NAMES: Record<string, { count: Counted; ofYours: Counted }> = {
  settings: { count: (n) => tn('sySettings', n), ofYours: (n) => tn('syOfYourSettings', n) },
  sites: { count: (n) => tn('sySites', n), ofYours: (n) => tn('syOfYourSites', n) },
  notHere: { count: (n) => tn('syNotHere', n), ofYours: (n) => tn('syOfYourNotHere', n) },
  entities: { count: (n) => tn('syEntities', n), ofYours: (n) => tn('syOfYourEntities', n) },
};

/** "3 of your site rules are kept on this browser only", one line per collection. */
export function localOnlyLines(localOnly: Record<string, number>, totals: Record<string, number>): string[] {
  return Object.entries(localOnly)
    .filter(([, n]) => n > 0)
    .map(([collection, n]) => {
      const names = NAMES[collection];
      const total = totals[collection];
      if (names && total !== undefined && total > n) return names.ofYours(n);
      return tn('syLocalOnly', n, { what: names ? names.count(n) : `${formatNumber(n)} ${collection}` });
    });
}

/** What follows the reader to their other browsers, what does not, and why. */
export function SyncPanel({ sync, counts }: { sync: SitesView['sync']; counts: Record<string, number> }) {
  const lines = localOnlyLines(sync.localOnly, counts);
  return (
    <div class="bs-panel bs-sync" role="group" aria-label={t('syLabel')}>
      <h3 class="bs-subhead">{t('syTitle')}</h3>
      <p class="bs-hint">{t('syHint')}</p>
      {lines.length > 0 ? (
        <ul class="bs-warnings">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {sync.pending > 0 ? <p class="bs-meta">{tn('syPending', sync.pending)}</p> : null}
      {sync.lastError ? <p class="bs-meta bs-sync__error">{sync.lastError}</p> : null}
      <p class="bs-hint">{tx('syNotes', { backup: <a href="#backup">{t('syBackup')}</a> })}</p>
    </div>
  );
}
