import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';

export type Theme = 'light' | 'dark';

export interface CardRootProps {
  /** Forces a theme; without it the card follows `prefers-color-scheme`. */
  theme?: Theme | undefined;
  labelledBy?: string | undefined;
  describedBy?: string | undefined;
  /** Accessible name when there is no heading (loading, error). */
  label?: string | undefined;
  busy?: boolean | undefined;
  /** Shows a "Back" button that returns to the previous card. */
  onBack?: (() => void) | undefined;
  children: ComponentChildren;
}

/**
 * The card's outer frame, shared by the loaded, loading and error states: a non-modal,
 * tooltip-like dialog. It is focusable (`tabIndex=-1`) so a keyboard shortcut can move
 * focus into it, but nothing here ever takes focus by itself.
 */
export function CardRoot({ theme, labelledBy, describedBy, label, busy, onBack, children }: CardRootProps) {
  return (
    <div
      class="bs-card"
      role="dialog"
      tabIndex={-1}
      data-theme={theme}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-label={labelledBy ? undefined : label}
      aria-busy={busy ? 'true' : undefined}
    >
      {onBack ? (
        <div class="bs-toolbar">
          <button type="button" class="bs-back" onClick={onBack}>
            <span aria-hidden="true" class="bs-back__arrow">
              ←
            </span>{' '}
            {t('cardBack')}
          </button>
        </div>
      ) : null}
      {children}
    </div>
  );
}
