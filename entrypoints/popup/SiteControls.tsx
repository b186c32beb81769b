import { useEffect, useState } from 'preact/hooks';
import type { SitesAction, SitesView } from '../../lib/messaging';
import type { PageCounts } from '../../lib/page/page-counts';
import { pageAccess } from '../../lib/sites/host';
import { hostOfUrl, pageStatus } from '../../lib/sites/state';
import { formatTime, t, tn } from '../../lib/i18n';
import { tx } from '../../components/i18n';

export interface SiteDeps {
  view(): Promise<SitesView>;
  update(action: SitesAction): Promise<{ view: SitesView; error?: string }>;
  /** The tab's underlined names and mentions (its top frame), or null without a content script. */
  counts(tabId: number): Promise<PageCounts | null>;
  /** Must run in the click's own task (browsers need the user gesture). */
  openSidebar(tabId: number | undefined): boolean;
  /** Subscribe to "the sites state changed"; returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
  now?: () => number;
}

const NOT_WEB: Readonly<Record<string, string>> = {
  get 'browser-page'() {
    return t('ppBrowserPage');
  },
  get 'web-store'() {
    return t('ppWebStore');
  },
  get 'not-a-web-page'() {
    return t('ppNotWeb');
  },
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function pausedLine(until: number | 'off'): string {
  if (until === 'off') return t('ppPausedOff');
  return t('ppPausedUntil', { time: formatTime(until) });
}

/**
 * The popup's "where it runs" controls for the active tab: the site switch, the pause, the
 * tab's counts and "Open the sidebar". Pages Backstory cannot read say so instead.
 */
export function SiteControls({ deps, tab }: { deps: SiteDeps; tab: { id?: number | undefined; url: string } }) {
  const [view, setView] = useState<SitesView | null>(null);
  const [counts, setCounts] = useState<PageCounts | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const access = pageAccess(tab.url);

  useEffect(() => deps.onChanged(() => setVersion((v) => v + 1)), [deps]);
  useEffect(() => {
    let live = true;
    deps.view().then(
      (next) => live && setView(next),
      (e: unknown) => live && setError(messageOf(e)),
    );
    // The page scans again after a change: ask for its counts now and once it has had time.
    const ask = (): void => {
      if (tab.id === undefined) return;
      deps.counts(tab.id).then((c) => live && setCounts(c), () => live && setCounts(null));
    };
    ask();
    const later = [setTimeout(ask, 700), setTimeout(ask, 2000)];
    return () => {
      live = false;
      later.forEach(clearTimeout);
    };
  }, [deps, tab.id, version]);

  const run = (action: SitesAction): void => {
    setError('');
    deps.update(action).then(
      (reply) => {
        setView(reply.view);
        if (reply.error) setError(reply.error);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };

  if (access !== 'web') {
    return (
      <section class="bs-popup__site" aria-label={t('ppWhere')}>
        <p class="bs-popup__info">{NOT_WEB[access]}</p>
      </section>
    );
  }
  const host = hostOfUrl(tab.url);
  const now = (deps.now ?? Date.now)();
  const siteOn = view ? pageStatus({ ...view, pause: null }, tab.url, now).runs : true;
  const pause = view?.pause ?? null;
  const running = siteOn && pause === null;
  return (
    <section class="bs-popup__site" aria-label={t('ppWhere')}>
      <label class="bs-switch">
        <input
          type="checkbox"
          role="switch"
          checked={siteOn}
          disabled={view === null}
          onChange={(e) => run({ op: 'switch', url: tab.url, on: e.currentTarget.checked })}
        />
        <span class="bs-switch__label">
          {tx('ppOnThisSite', { host: <bdi class="bs-popup__host">{host}</bdi> })}
        </span>
      </label>
      {view?.mode === 'only' ? <p class="bs-popup__hint">{t('ppOnlyListed')}</p> : null}
      {pause ? (
        <p class="bs-popup__pause">
          {pausedLine(pause.until)}{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'resume' })}>
            {t('ppTurnOn')}
          </button>
        </p>
      ) : (
        <p class="bs-popup__pause" role="group" aria-label={t('ppPauseLabel')}>
          <span>{t('ppPause')}</span>{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'pause', hours: 1 })}>
            {t('ppForHour')}
          </button>{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'pause', hours: null })}>
            {t('ppUntilOn')}
          </button>
        </p>
      )}
      <p class="bs-popup__counts" aria-live="polite">
        {!running
          ? t('ppNothingUnderlined')
          : counts
            ? t('ppCounts', { names: tn('ppNames', counts.names), mentions: tn('ppMentions', counts.mentions) })
            : t('ppNotScanned')}
      </p>
      <button
        type="button"
        class="bs-nbutton"
        onClick={() => {
          if (!deps.openSidebar(tab.id)) setError(t('ppNoSidebar'));
        }}
      >
        {t('ppOpenSidebar')}
      </button>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
