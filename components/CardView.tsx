import type { CardData } from '../lib/messaging';
import type { Theme } from './CardRoot';
import { EntityCard } from './EntityCard';
import { CardError, CardSkeleton } from './CardStates';

export type CardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CardData };

export interface CardViewProps {
  state: CardState;
  matchedText?: string | undefined;
  theme?: Theme | undefined;
  onOpenEntity: (entityId: string) => void;
  onBack?: (() => void) | undefined;
  onRetry: () => void;
}

/** One card in whichever state it is in: loading skeleton, error with retry, or loaded. */
export function CardView({ state, matchedText, theme, onOpenEntity, onBack, onRetry }: CardViewProps) {
  switch (state.status) {
    case 'loading':
      return <CardSkeleton theme={theme} onBack={onBack} />;
    case 'error':
      return <CardError theme={theme} onBack={onBack} message={state.message} onRetry={onRetry} />;
    case 'ready':
      return (
        <EntityCard
          data={state.data}
          matchedText={matchedText}
          theme={theme}
          onOpenEntity={onOpenEntity}
          onBack={onBack}
        />
      );
  }
}
