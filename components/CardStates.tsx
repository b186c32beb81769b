import { CardRoot, type Theme } from './CardRoot';
import { t } from '../lib/i18n';

interface StateProps {
  theme?: Theme | undefined;
  onBack?: (() => void) | undefined;
}

/** Placeholder shapes while the card loads (usually only a few milliseconds). */
export function CardSkeleton({ theme, onBack }: StateProps) {
  return (
    <CardRoot theme={theme} label={t('cardLoadingLabel')} busy onBack={onBack}>
      <div class="bs-skeleton" aria-hidden="true">
        <span class="bs-skeleton__line bs-skeleton__line--badge" />
        <span class="bs-skeleton__line bs-skeleton__line--title" />
        <span class="bs-skeleton__line" />
        <span class="bs-skeleton__line" />
        <span class="bs-skeleton__line bs-skeleton__line--short" />
      </div>
      <p class="bs-visually-hidden">{t('commonLoading')}</p>
    </CardRoot>
  );
}

export interface CardErrorProps extends StateProps {
  message: string;
  onRetry: () => void;
}

/** The card could not be loaded; says why (as text) and offers to try again. */
export function CardError({ theme, onBack, message, onRetry }: CardErrorProps) {
  return (
    <CardRoot theme={theme} label={t('cardErrorLabel')} onBack={onBack}>
      <p class="bs-error" role="alert">
        {t('cardError', { message })}
      </p>
      <button type="button" class="bs-button" onClick={onRetry}>
        {t('commonRetry')}
      </button>
    </CardRoot>
  );
}
