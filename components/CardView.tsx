import type { CardData } from '../lib/messaging';
import type { MentionPlace } from '../lib/page/mention-place';
import type { Theme } from './CardRoot';
import { EntityCard, type CardCorrectionActions, type EntityCardNotes } from './EntityCard';
import { CardError, CardSkeleton } from './CardStates';

export type CardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CardData };

export interface CardViewProps {
  state: CardState;
  matchedText?: string | undefined;
  /** Where the mention is on the page, and its alias's language. */
  place?: MentionPlace | undefined;
  theme?: Theme | undefined;
  onOpenEntity: (entityId: string) => void;
  onBack?: (() => void) | undefined;
  onRetry: () => void;
  /** The notes section of a loaded card (none without it). */
  notes?: EntityCardNotes | undefined;
  corrections?: CardCorrectionActions | undefined;
}

/** One card in whichever state it is in: loading skeleton, error with retry, or loaded. */
export function CardView({ state, matchedText, place, theme, onOpenEntity, onBack, onRetry, notes, corrections }: CardViewProps) {
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
          place={place}
          theme={theme}
          onOpenEntity={onOpenEntity}
          onBack={onBack}
          notes={notes}
          corrections={corrections}
        />
      );
  }
}
