import { useEffect, useState } from 'preact/hooks';
import type { SitesAction, SitesView } from '../../lib/messaging';
import type { PageCounts } from '../../lib/page/page-counts';
import { pageAccess } from '../../lib/sites/host';
import { hostOfUrl, pageStatus } from '../../lib/sites/state';
import { plural } from '../../components/library/packs/text';

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

const NOT_WEB: Record<string, string> = {
  'browser-page': 'This is one of the browser’s own pages: Backstory does not run here.',
  'web-store': 'Browsers do not let extensions run on their web stores, so Backstory cannot underline this page.',
  'not-a-web-page': 'Backstory reads web pages (http and https) only: nothing to underline here.',
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function pausedLine(until: number | 'off'): string {
  if (until === 'off') return 'Paused everywhere until you turn it back on.';
  const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(until));
  return `Paused everywhere until ${time}.`;
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
      <section class="bs-popup__site" aria-label="Where Backstory runs">
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
    <section class="bs-popup__site" aria-label="Where Backstory runs">
      <label class="bs-switch">
        <input
          type="checkbox"
          role="switch"
          checked={siteOn}
          disabled={view === null}
          onChange={(e) => run({ op: 'switch', url: tab.url, on: e.currentTarget.checked })}
        />
        <span class="bs-switch__label">
          Backstory on this site <span class="bs-popup__host">{host}</span>
        </span>
      </label>
      {view?.mode === 'only' ? <p class="bs-popup__hint">Runs only on the sites you list in Options → Sites.</p> : null}
      {pause ? (
        <p class="bs-popup__pause">
          {pausedLine(pause.until)}{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'resume' })}>
            Turn back on
          </button>
        </p>
      ) : (
        <p class="bs-popup__pause" role="group" aria-label="Pause everywhere">
          <span>Pause everywhere:</span>{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'pause', hours: 1 })}>
            for 1 hour
          </button>{' '}
          <button type="button" class="bs-nbutton" onClick={() => run({ op: 'pause', hours: null })}>
            until I turn it back on
          </button>
        </p>
      )}
      <p class="bs-popup__counts" aria-live="polite">
        {!running
          ? 'Nothing is underlined on this page.'
          : counts
            ? `${plural(counts.names, 'name')} · ${plural(counts.mentions, 'mention')} on this page`
            : 'This tab has not been scanned yet (reload it to start).'}
      </p>
      <button
        type="button"
        class="bs-nbutton"
        onClick={() => {
          if (!deps.openSidebar(tab.id)) setError('This browser has no sidebar for extensions.');
        }}
      >
        Open the sidebar
      </button>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
