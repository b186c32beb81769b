import { useCallback, useEffect, useState } from 'preact/hooks';
import { t, type PlainKey } from '../../lib/i18n';
import type { Pack } from '../../lib/model';
import type { ImportPackResult } from '../../lib/messaging';
import { ReviewScreen } from '../../components/review/ReviewScreen';
import { ErrorState, LoadingState, SavedState, UnreadableState } from '../../components/review/PageStates';
import type { ArticleLoad } from './load';

/** Everything the review page reads and writes (browser APIs in `main.tsx`, fakes in tests). */
export interface ReviewDeps {
  /** Read the article's tab and draft its pack. */
  load(): Promise<ArticleLoad>;
  /** `importPack { json, origin: 'drafted', replace }`. */
  save(json: string, replace: boolean): Promise<ImportPackResult>;
  /** Bring the article's tab to the front. */
  backToArticle(): Promise<void>;
  /** Leave without saving (back to the article, this tab closed). */
  close(): void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'review'; pack: Pack }
  | { kind: 'saved'; title: string; entities: number; backError?: string };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const TITLES: Record<State['kind'], PlainKey> = {
  loading: 'rvDocLoading',
  unreadable: 'rvDocFollow',
  error: 'rvDocFollow',
  review: 'rvDocFollow',
  saved: 'rvDocSaved',
};

/** The "Follow this story" page: read the article, review the proposals, save the pack. */
export function App({ deps }: { deps: ReviewDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    deps.load().then(
      (loaded) => {
        if (!current) return;
        setState(loaded.kind === 'draft' ? { kind: 'review', pack: loaded.pack } : loaded);
      },
      (e: unknown) => current && setState({ kind: 'error', message: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [deps, attempt]);

  useEffect(() => {
    document.title = t(TITLES[state.kind]);
  }, [state.kind]);

  const back = useCallback(() => {
    deps.backToArticle().catch(() =>
      setState((s) => (s.kind === 'saved' ? { ...s, backError: t('rvTabGone') } : s)),
    );
  }, [deps]);

  switch (state.kind) {
    case 'loading':
      return <LoadingState />;
    case 'unreadable':
      return <UnreadableState message={state.message} onClose={deps.close} />;
    case 'error':
      return <ErrorState message={state.message} onRetry={() => setAttempt((n) => n + 1)} onClose={deps.close} />;
    case 'review':
      return (
        <ReviewScreen
          draft={state.pack}
          save={deps.save}
          onSaved={({ pack, entities }) => setState({ kind: 'saved', title: pack.title, entities })}
          onCancel={deps.close}
        />
      );
    case 'saved':
      return <SavedState title={state.title} entities={state.entities} onBack={back} error={state.backError} />;
  }
}
