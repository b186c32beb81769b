import type { ComponentChildren } from 'preact';
import type { PanelState } from './connection';

export const NO_MENTIONS = 'No people, places or topics from your packs on this page';

function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="bs-sb-empty">
      <h2 class="bs-sb-empty__title">{title}</h2>
      {children}
    </div>
  );
}

export interface EmptyStateProps {
  state: PanelState;
  onScan: () => void;
}

/**
 * What the sidebar says when it has no list to show: still loading, a page no extension
 * can read (and why), a page without the content script ("Scan this page"), or no tab.
 * Returns null when the state has a list.
 */
export function EmptyState({ state, onScan }: EmptyStateProps) {
  switch (state.kind) {
    case 'loading':
      return <Empty title="Loading…" />;
    case 'no-tab':
      return (
        <Empty title="No page to show">
          <p class="bs-sb-muted">The tab this panel was showing is gone. Open a page to see who and what it is about.</p>
        </Empty>
      );
    case 'connecting':
      return (
        <Empty title="Reading this page…">
          <p class="bs-sb-muted">Looking for the people, places and topics of your packs.</p>
        </Empty>
      );
    case 'unreadable':
      return (
        <Empty title="Backstory can’t read this page">
          <p class="bs-sb-reason">{state.reason}</p>
        </Empty>
      );
    case 'off':
      return (
        <Empty title="Backstory is off here">
          <p class="bs-sb-reason">{state.reason}</p>
          <p class="bs-sb-muted">Turn it back on with the Backstory button in the toolbar, or in Options → Sites.</p>
        </Empty>
      );
    case 'no-script':
      return (
        <Empty title="Backstory isn’t running on this page">
          <p class="bs-sb-muted">
            The page was probably open before Backstory was installed or updated. Scan it now, or reload the page.
          </p>
          <button type="button" class="bs-sb-button" onClick={onScan} disabled={state.scanning} aria-disabled={state.scanning}>
            {state.scanning ? 'Scanning…' : 'Scan this page'}
          </button>
          {state.error ? (
            <p class="bs-sb-error" role="alert">
              Couldn’t scan this page: {state.error}
            </p>
          ) : null}
        </Empty>
      );
    case 'ready':
      if (state.summary.entities.length > 0) return null;
      return state.summary.scanning ? (
        <Empty title="Reading this page…" />
      ) : (
        <Empty title={NO_MENTIONS}>
          <p class="bs-sb-muted">Names appear here as soon as the page mentions them.</p>
        </Empty>
      );
  }
}
