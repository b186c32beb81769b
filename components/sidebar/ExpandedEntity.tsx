import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { PageEntitySummary } from '../../lib/sidebar-protocol';
import { CardView, type CardState } from '../CardView';
import type { CardNotesSource } from '../notes/card-notes';
import { useCardEntry, type CardCache } from './card-cache';

/** Where the stepper is: the `index`-th of `count` mentions (from the last 'revealed'). */
export interface StepPosition {
  index: number;
  count: number;
}

export interface ExpandedEntityProps {
  entity: PageEntitySummary;
  panelId: string;
  cache: CardCache;
  position: StepPosition | undefined;
  onStep: (entityId: string, delta: number) => void;
  /** A related entity's button: returns true when the sidebar switched to it (it is on this page). */
  onOpenOnPage: (entityId: string) => boolean;
  notes: CardNotesSource;
  notesVersion: number;
}

/**
 * The expanded entity: "‹ 2 of 5 ›" to step through its mentions on the page, then its full
 * card (the hover card's `CardView`: role, summary, notes, contexts, relations, sources).
 * A related entity that is on the page becomes the expanded one; one that is not opens its
 * card here, with Back.
 */
export function ExpandedEntity({ entity, panelId, cache, position, onStep, onOpenOnPage, notes, notesVersion }: ExpandedEntityProps) {
  const [trail, setTrail] = useState<string[]>([]);
  // Another entity expanded in place: start its card fresh. (Only on a real change: the
  // effect's first run comes after paint and must not undo a related card opened meanwhile.)
  const shownFor = useRef(entity.id);
  useEffect(() => {
    if (shownFor.current === entity.id) return;
    shownFor.current = entity.id;
    setTrail([]);
  }, [entity.id]);
  const shownId = trail[trail.length - 1] ?? entity.id;
  const entry = useCardEntry(cache, shownId, true);
  const state: CardState = entry === undefined ? { status: 'loading' } : entry;
  const box = useRef<HTMLDivElement>(null);
  /** A related card or Back replaced the button that had focus: move focus to the new card. */
  const follow = useRef(false);
  const navigate = (next: (t: string[]) => string[]): void => {
    follow.current = true;
    setTrail(next);
  };
  useEffect(() => {
    if (!follow.current) return;
    const here = box.current;
    const doc = here?.ownerDocument;
    const active = doc?.activeElement ?? null;
    // Focus the user moved elsewhere stays there; focus dropped with the old card comes here
    // (to the skeleton while loading, then again to the loaded card that replaces it).
    if (active === null || active === doc?.body) here?.querySelector<HTMLElement>('.bs-card')?.focus({ preventScroll: true });
    else if (!here?.contains(active)) follow.current = false;
    if (state.status !== 'loading') follow.current = false;
  }, [shownId, state.status]);
  const count = position?.count ?? entity.count;
  const where = position ? t('sbStepPosition', { index: position.index + 1, count: position.count }) : tn('sbStepOnPage', count);
  return (
    <div class="bs-sb-expanded" id={panelId} ref={box}>
      <div class="bs-sb-stepper" role="group" aria-label={t('sbMentionsOf', { name: entity.name })}>
        <button
          type="button"
          class="bs-sb-step"
          aria-label={t('sbPrevMention')}
          disabled={count < 2 && position !== undefined}
          onClick={() => onStep(entity.id, -1)}
        >
          <span aria-hidden="true" class="bs-sb-step__icon">‹</span>
        </button>
        <span class="bs-sb-stepper__pos">{where}</span>
        <button
          type="button"
          class="bs-sb-step"
          aria-label={t('sbNextMention')}
          disabled={count < 2 && position !== undefined}
          onClick={() => onStep(entity.id, 1)}
        >
          <span aria-hidden="true" class="bs-sb-step__icon">›</span>
        </button>
      </div>
      <CardView
        state={state}
        onOpenEntity={(id) => {
          if (id === shownId) return;
          if (onOpenOnPage(id)) return;
          navigate((t) => [...t, id]);
        }}
        onBack={trail.length > 0 ? () => navigate((t) => t.slice(0, -1)) : undefined}
        onRetry={() => cache.want(shownId)}
        notes={{ source: notes, version: notesVersion }}
      />
    </div>
  );
}
