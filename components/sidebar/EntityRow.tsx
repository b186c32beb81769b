import type { ComponentChildren } from 'preact';
import { formatNumber, t, tn } from '../../lib/i18n';
import { memo } from 'preact/compat';
import { useRef } from 'preact/hooks';
import type { EntityKind } from '../../lib/model';
import { useCardEntry, type CardCache } from './card-cache';
import { useSeen } from './useVisible';
import type { ObserveVisible } from './types';

export interface EntityRowProps {
  /** Primitives, not the summary's entity object: a new summary re-renders only rows whose count changed. */
  id: string;
  kind: EntityKind;
  name: string;
  count: number;
  cache: CardCache;
  observe: ObserveVisible | undefined;
  /** The row that takes Tab focus (roving tabindex: exactly one row has tabIndex 0). */
  tabbable: boolean;
  expanded: boolean;
  /** Id of the expanded panel (`aria-controls`). */
  panelId: string;
  onActivate: (entityId: string) => void;
  onFocusRow: (entityId: string) => void;
  /** The expanded part (mention stepper and full card), shown under the row. */
  children?: ComponentChildren;
}

/** "1 mention", "12 mentions". */
export const mentions = (n: number): string => tn('sbMentions', n);

/**
 * One entity on the page: its name and mention count (a fixed-width badge), its role and a
 * one-line summary once its card has loaded (lazily, when the row comes into view). The
 * button holds the name and count (its accessible name); role and summary are its
 * description. The row's height never depends on what has loaded, so the list never jumps.
 */
function EntityRowImpl({ id, kind, name, count, cache, observe, tabbable, expanded, panelId, onActivate, onFocusRow, children }: EntityRowProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const seen = useSeen(ref, observe);
  const entry = useCardEntry(cache, id, seen || expanded);
  const data = entry?.status === 'ready' ? entry.data.entity : null;
  const descId = `${panelId}-desc`;
  const nameId = `${panelId}-name`;
  return (
    <li class="bs-sb-item" data-kind={kind} data-expanded={expanded ? 'true' : undefined}>
      <div class="bs-sb-row" data-kind={kind}>
        <button
          type="button"
          ref={ref}
          class="bs-sb-row__btn"
          data-entity-id={id}
          tabIndex={tabbable ? 0 : -1}
          aria-expanded={expanded}
          aria-controls={expanded ? panelId : undefined}
          aria-describedby={descId}
          onClick={() => onActivate(id)}
          onFocus={() => onFocusRow(id)}
        >
          <span class="bs-sb-row__name" id={nameId}>
            <bdi>{name}</bdi>
          </span>
          <span class="bs-sb-count" title={mentions(count)}>
            {formatNumber(count)}
            <span class="bs-sb-sr">{` ${tn('sbMentionsWord', count)}`}</span>
          </span>
        </button>
        {/* Outside the button (its name stays short); the button's ::after covers it for the pointer. */}
        <span class="bs-sb-row__desc" id={descId}>
          <span class="bs-sb-row__role" dir={data ? 'auto' : undefined}>
            {data ? data.role : entry?.status === 'error' ? t('sbCardNotAvailable') : '\u00a0'}
          </span>
          <span class="bs-sb-row__summary" dir={data ? 'auto' : undefined}>
            {data ? data.summary : '\u00a0'}
          </span>
        </span>
      </div>
      {expanded ? children : null}
    </li>
  );
}

/** Rows re-render only when their own props change (a new summary changes a few counts). */
export const EntityRow = memo(EntityRowImpl);
