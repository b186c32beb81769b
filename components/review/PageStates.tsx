import { useEffect, useRef } from 'preact/hooks';
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
    <StatePanel title="Follow this story" busy>
      <p class="bs-rv-status" role="status">
        Reading the article…
      </p>
    </StatePanel>
  );
}

/** The tab cannot be read as an article: a browser page, a PDF, a closed tab, or no names found. */
export function UnreadableState({ message, onClose }: { message: string; onClose(): void }) {
  return (
    <StatePanel title="This tab cannot be followed">
      <p class="bs-rv-status">{message}</p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button" onClick={onClose}>
          Close
        </button>
      </div>
    </StatePanel>
  );
}

export function ErrorState({ message, onRetry, onClose }: { message: string; onRetry(): void; onClose(): void }) {
  return (
    <StatePanel title="Something went wrong">
      <p class="bs-rv-alert" role="alert">
        Backstory could not read the article: {message}
      </p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button bs-rv-button--primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" class="bs-rv-button" onClick={onClose}>
          Close
        </button>
      </div>
    </StatePanel>
  );
}

export function savedMessage(title: string, entities: number): string {
  return `Saved “${title}”: ${entities} ${entities === 1 ? 'entity' : 'entities'}. They are underlined in the article's tab now.`;
}

export function SavedState({ title, entities, onBack, error }: { title: string; entities: number; onBack(): void; error?: string | undefined }) {
  return (
    <StatePanel title="You follow this story">
      <p class="bs-rv-status bs-rv-status--ok" role="status">
        {savedMessage(title, entities)}
      </p>
      <div class="bs-rv-actions">
        <button type="button" class="bs-rv-button bs-rv-button--primary" onClick={onBack}>
          Back to the article
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
