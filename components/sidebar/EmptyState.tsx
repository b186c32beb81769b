import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { PanelState } from './connection';

export const NO_MENTIONS = t('sbNoMentions');

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
      return <Empty title={t('commonLoading')} />;
    case 'no-tab':
      return (
        <Empty title={t('sbNoTabTitle')}>
          <p class="bs-sb-muted">{t('sbNoTabText')}</p>
        </Empty>
      );
    case 'connecting':
      return (
        <Empty title={t('sbReadingTitle')}>
          <p class="bs-sb-muted">{t('sbReadingText')}</p>
        </Empty>
      );
    case 'unreadable':
      return (
        <Empty title={t('sbUnreadableTitle')}>
          <p class="bs-sb-reason">{state.reason}</p>
        </Empty>
      );
    case 'off':
      return (
        <Empty title={t('sbOffTitle')}>
          <p class="bs-sb-reason">{state.reason}</p>
          <p class="bs-sb-muted">{t('sbOffText')}</p>
        </Empty>
      );
    case 'no-script':
      return (
        <Empty title={t('sbNoScriptTitle')}>
          <p class="bs-sb-muted">{t('sbNoScriptText')}</p>
          <button type="button" class="bs-sb-button" onClick={onScan} disabled={state.scanning} aria-disabled={state.scanning}>
            {state.scanning ? t('sbScanning') : t('sbScan')}
          </button>
          {state.error ? (
            <p class="bs-sb-error" role="alert">
              {t('sbScanError', { error: state.error })}
            </p>
          ) : null}
        </Empty>
      );
    case 'ready':
      if (state.summary.entities.length > 0) return null;
      return state.summary.scanning ? (
        <Empty title={t('sbReadingTitle')} />
      ) : (
        <Empty title={NO_MENTIONS}>
          <p class="bs-sb-muted">{t('sbNamesAppear')}</p>
        </Empty>
      );
  }
}
