import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Note } from '../../lib/model';
import type { PassageStatus } from '../../lib/anchoring';
import { PageNotes, PassageNotes, type NoteActions } from './sections';
import { SiteControls, type SiteDeps } from './SiteControls';

export interface PopupTab {
  id?: number | undefined;
  url?: string | undefined;
  title?: string | undefined;
}

/** Everything the popup reads and writes (browser APIs in `main.tsx`, fakes in tests). */
export interface PopupDeps {
  activeTab(): Promise<PopupTab | null>;
  notesForPage(url: string): Promise<Note[]>;
  actions: NoteActions;
  /** The tab's anchoring result, or null when the tab has no Backstory content script. */
  passageStatus(tabId: number): Promise<PassageStatus | null>;
  /** Subscribe to "notes changed"; returns the unsubscribe. */
  onNotesChanged(listener: () => void): () => void;
  /** "Follow this story": open the review screen of a pack drafted from the tab's article. */
  followStory(tab: PopupTab): Promise<void>;
  /** Where Backstory runs: the site switch, the pause, the counts, the sidebar. */
  sites: SiteDeps;
}

type State =
  | { kind: 'loading' }
  | { kind: 'unsupported'; url: string | undefined }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; tab: PopupTab & { url: string }; notes: Note[]; status: PassageStatus | null };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The action popup: the notes of the active tab's page. Page notes (about the page as a
 * whole) can be read, written, edited and deleted; passage notes are listed with their
 * quotes, and those the page's content script could not find are marked orphaned.
 */
export function App({ deps }: { deps: PopupDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => deps.onNotesChanged(() => setVersion((v) => v + 1)), [deps]);

  useEffect(() => {
    let current = true;
    const load = async (): Promise<State> => {
      const tab = await deps.activeTab();
      const url = tab?.url;
      if (!tab || url === undefined || !/^https?:\/\//i.test(url)) return { kind: 'unsupported', url };
      const [notes, status] = await Promise.all([
        deps.notesForPage(url),
        tab.id === undefined ? Promise.resolve(null) : deps.passageStatus(tab.id),
      ]);
      return { kind: 'ready', tab: { ...tab, url }, notes, status };
    };
    load().then(
      (next) => current && setState(next),
      (e: unknown) => current && setState({ kind: 'error', message: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [deps, version]);

  return (
    <main class="bs-notes-theme bs-popup">
      <header class="bs-popup__header">
        <h1 class="bs-popup__title">{t('ppTitle')}</h1>
        {state.kind === 'ready' ? (
          <p class="bs-popup__page" title={state.tab.url} dir="auto">
            {state.tab.title?.trim() || hostOf(state.tab.url)}
          </p>
        ) : null}
      </header>
      {state.kind === 'loading' ? <p class="bs-popup__info">{t('commonLoading')}</p> : null}
      {state.kind === 'unsupported' ? <SiteControls deps={deps.sites} tab={{ url: state.url ?? '' }} /> : null}
      {state.kind === 'error' ? (
        <p class="bs-note-editor__error" role="alert">
          {t('ppCouldNotLoad', { message: state.message })}
        </p>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <SiteControls deps={deps.sites} tab={state.tab} />
          <FollowStory tab={state.tab} follow={deps.followStory} />
          <PageNotes
            url={state.tab.url}
            title={state.tab.title ?? ''}
            notes={state.notes.filter((n) => n.target.type === 'page')}
            actions={deps.actions}
            onChange={() => setVersion((v) => v + 1)}
          />
          <PassageNotes
            notes={state.notes.filter((n) => n.target.type === 'passage')}
            status={state.status}
            actions={deps.actions}
            onChange={() => setVersion((v) => v + 1)}
          />
        </>
      ) : null}
    </main>
  );
}

/** "Follow this story": draft a pack from this article, review it, save it. */
function FollowStory({ tab, follow }: { tab: PopupTab; follow: PopupDeps['followStory'] }) {
  const [error, setError] = useState('');
  return (
    <section class="bs-popup__follow" aria-label={t('ppFollow')}>
      <button
        type="button"
        class="bs-nbutton bs-nbutton--primary"
        onClick={() => {
          setError('');
          follow(tab).catch((e: unknown) => setError(messageOf(e)));
        }}
      >
        {t('ppFollow')}
      </button>
      <p class="bs-popup__hint">{t('ppFollowHint')}</p>
      {error ? (
        <p class="bs-note-editor__error" role="alert">
          {t('ppCouldNotOpenReview', { error })}
        </p>
      ) : null}
    </section>
  );
}
