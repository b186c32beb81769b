import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../lib/i18n';
import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { CardCache } from './card-cache';
import { EntityRow } from './EntityRow';
import type { EntityGroup } from './group';
import type { ObserveVisible } from './types';

export interface EntityListProps {
  groups: readonly EntityGroup[];
  cache: CardCache;
  observe: ObserveVisible | undefined;
  expandedId: string | null;
  /** The row that takes Tab focus; the first row when it is not in the list. */
  focusId: string | null;
  onFocusRow: (entityId: string) => void;
  onActivate: (entityId: string) => void;
  /** Esc on a row or in its expansion. */
  onCollapse: () => void;
  /** The expanded row's content. */
  renderExpanded: (entityId: string, panelId: string) => ComponentChildren;
}

/** A DOM id for an entity id ("person/chuck-schumer" → "bs-sb-person_chuck-schumer"). */
export const panelIdOf = (entityId: string): string => `bs-sb-${entityId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const rowsOf = (root: HTMLElement | null): HTMLButtonElement[] =>
  root ? [...root.querySelectorAll<HTMLButtonElement>('button.bs-sb-row__btn')] : [];

/**
 * The entities on the page, grouped by kind. One tab stop for the whole list (roving
 * tabindex): Up/Down move between rows across groups, Home/End to the first/last; Enter or
 * Space reveals the mention and expands the row. Rows are keyed by entity id, so a new
 * summary updates counts in place (same nodes, same focus, same scroll position).
 */
export function EntityList({ groups, cache, observe, expandedId, focusId, onFocusRow, onActivate, onCollapse, renderExpanded }: EntityListProps) {
  const root = useRef<HTMLDivElement>(null);
  const lastFocusIndex = useRef(-1);
  const tabbableId = groups.some((g) => g.entities.some((e) => e.id === focusId)) ? focusId : (groups[0]?.entities[0]?.id ?? null);

  const focusRow = useCallback((row: HTMLButtonElement | undefined) => {
    if (!row) return;
    row.focus();
    row.scrollIntoView?.({ block: 'nearest' });
  }, []);

  // The focused row left the list (its entity left the page): keep focus at the same place.
  useLayoutEffect(() => {
    const rows = rowsOf(root.current);
    const doc = root.current?.ownerDocument;
    const active = doc?.activeElement ?? null;
    const inList = active !== null && root.current?.contains(active) === true;
    if (inList && active instanceof HTMLButtonElement && active.classList.contains('bs-sb-row__btn')) {
      lastFocusIndex.current = rows.indexOf(active);
    } else if ((active === null || active === doc?.body) && lastFocusIndex.current >= 0 && rows.length > 0) {
      focusRow(rows[Math.min(lastFocusIndex.current, rows.length - 1)]);
    }
  });

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const target = e.target;
    if (e.key === 'Escape' && expandedId !== null && !e.defaultPrevented) {
      const row = rowsOf(root.current).find((r) => r.dataset.entityId === expandedId);
      e.preventDefault();
      onCollapse();
      focusRow(row);
      return;
    }
    if (!(target instanceof HTMLButtonElement) || !target.classList.contains('bs-sb-row__btn')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = rowsOf(root.current);
    const at = rows.indexOf(target);
    let next: HTMLButtonElement | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = rows[Math.min(at + 1, rows.length - 1)];
        break;
      case 'ArrowUp':
        next = rows[Math.max(at - 1, 0)];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (!e.repeat && target.dataset.entityId) onActivate(target.dataset.entityId);
        return;
      default:
        return;
    }
    e.preventDefault();
    focusRow(next);
  };

  return (
    <div class="bs-sb-groups" ref={root} onKeyDown={onKeyDown}>
      {groups.map((group) => {
        const headingId = `bs-sb-group-${group.kind}`;
        return (
          <section class="bs-sb-group" key={group.kind} aria-labelledby={headingId}>
            <h2 class="bs-sb-group__title" id={headingId}>
              {group.label}
              <span class="bs-sb-group__count">
                <span class="bs-sb-sr">, </span>
                {formatNumber(group.entities.length)}
              </span>
            </h2>
            <ul class="bs-sb-rows" aria-labelledby={headingId}>
              {group.entities.map((entity) => {
                const expanded = entity.id === expandedId;
                const panelId = panelIdOf(entity.id);
                return (
                  <EntityRow
                    key={entity.id}
                    id={entity.id}
                    kind={entity.kind}
                    name={entity.name}
                    count={entity.count}
                    cache={cache}
                    observe={observe}
                    tabbable={entity.id === tabbableId}
                    expanded={expanded}
                    panelId={panelId}
                    onActivate={onActivate}
                    onFocusRow={onFocusRow}
                  >
                    {expanded ? renderExpanded(entity.id, panelId) : undefined}
                  </EntityRow>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
