import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { ComponentChildren } from 'preact';

/** The review page's states other than the review itself: one heading, focus on it. */
function StatePanel({ title, children, busy = false }: { title: string; children?: ComponentChildren; busy?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <main class="bs-rv bs-rv--state" aria-busy={busy}>
      <h1 class="bs-rv-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </main>
  );
}

export function LoadingState() {
  return (
    <StatePanel title={t('rvFollow')} busy>
      <p class="bs-rv-status" role="status">
        {t('rvReading')}
      </p>
    </StatePanel>
  );
}

/** The tab cannot be read as an article: a browser page, a PDF, a closed tab, or no names found. */
export function UnreadableState({ message, onClose }: { message: string; onClose(): void }) {
  return (
    <StatePanel title={t('rvCannotFollow')}>
      <p class="bs-rv-status">{message}</p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button" onClick={onClose}>
          {t('commonClose')}
        </button>
      </div>
    </StatePanel>
  );
}

export function ErrorState({ message, onRetry, onClose }: { message: string; onRetry(): void; onClose(): void }) {
  return (
    <StatePanel title={t('rvWrong')}>
      <p class="bs-rv-alert" role="alert">
        {t('rvCouldNotRead', { message })}
      </p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button bs-rv-button--primary" onClick={onRetry}>
          {t('rvTryAgain')}
        </button>
        <button type="button" class="bs-rv-button" onClick={onClose}>
          {t('commonClose')}
        </button>
      </div>
    </StatePanel>
  );
}

export function savedMessage(title: string, entities: number): string {
  return tn('rvSavedMsg', entities, { title });
}

export function SavedState({ title, entities, onBack, error }: { title: string; entities: number; onBack(): void; error?: string | undefined }) {
  return (
    <StatePanel title={t('rvYouFollow')}>
      <p class="bs-rv-status bs-rv-status--ok" role="status">
        {savedMessage(title, entities)}
      </p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button bs-rv-button--primary" onClick={onBack}>
          {t('rvBack')}
        </button>
      </div>
      {error ? (
        <p class="bs-rv-alert" role="alert">
          {error}
        </p>
      ) : null}
    </StatePanel>
  );
}
