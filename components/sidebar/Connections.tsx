import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { formatDate, relationLabel } from '../../lib/format';
import type { PageEntitySummary } from '../../lib/sidebar-protocol';
import { useCacheVersion, type CardCache } from './card-cache';
import { pageRelations } from './group';
import { useSeen } from './useVisible';
import type { ObserveVisible } from './types';

export interface ConnectionsProps {
  entities: readonly PageEntitySummary[];
  cache: CardCache;
  observe: ObserveVisible | undefined;
  /** A target's button: expand that entity. */
  onOpen: (entityId: string) => void;
}

/**
 * "How they connect": the relations among the entities on this page, grouped by source
 * ("Chuck Schumer — criticised → Benjamin Netanyahu (14 Mar 2024)"). The cards it needs are
 * asked for once the section is in view.
 */
export function Connections({ entities, cache, observe, onOpen }: ConnectionsProps) {
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref, observe);
  useCacheVersion(cache);
  useEffect(() => {
    if (seen) for (const e of entities) cache.want(e.id);
  }, [seen, entities, cache]);
  const groups = pageRelations(entities, (id) => cache.data(id));
  const pending = seen && entities.some((e) => cache.get(e.id)?.status === 'loading');
  return (
    <section class="bs-sb-section" aria-labelledby="bs-sb-connect" ref={ref}>
      <h2 class="bs-sb-section__title" id="bs-sb-connect">
        {t('sbConnectTitle')}
      </h2>
      {groups.length === 0 ? (
        <p class="bs-sb-muted">{pending || !seen ? t('sbConnectLooking') : t('sbConnectNone')}</p>
      ) : (
        <ul class="bs-sb-connections">
          {groups.map(({ source, items }) => (
            <li class="bs-sb-connection" key={source.id}>
              <h3 class="bs-sb-connection__source" data-kind={source.kind}>
                <bdi>{source.name}</bdi>
              </h3>
              <ul class="bs-sb-links" aria-label={t('sbConnectionsOf', { name: source.name })}>
                {items.map(({ relation, target }, i) => (
                  <li class="bs-sb-link" key={`${relation.type}:${target.id}:${i}`}>
                    <span class="bs-sb-link__type">{relationLabel(relation.type)}</span>
                    {' '}
                    <span aria-hidden="true" class="bs-sb-link__arrow">
                      →
                    </span>{' '}
                    <button type="button" class="bs-sb-link__target" data-kind={target.kind} onClick={() => onOpen(target.id)}>
                      <bdi>{target.name}</bdi>
                    </button>
                    {relation.date ? (
                      <span class="bs-sb-link__date">
                        {' ('}
                        <time dateTime={relation.date}>{formatDate(relation.date)}</time>
                        {')'}
                      </span>
                    ) : null}
                    {relation.label ? (
                      <span class="bs-sb-link__label" dir="auto">
                        {relation.label}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
