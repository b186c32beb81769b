import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import { tx, txn } from '../i18n';
import { request } from '../../lib/messaging';
import { urlHost } from '../../lib/format';
import type { PageSummary } from '../../lib/sidebar-protocol';
import { CardCache, useCacheVersion } from './card-cache';
import { PanelConnection, type PanelEvent, type PanelState } from './connection';
import { Connections } from './Connections';
import { EmptyState } from './EmptyState';
import { EntityList, panelIdOf } from './EntityList';
import { ExpandedEntity, type StepPosition } from './ExpandedEntity';
import { groupEntities, matchesFilter } from './group';
import { requestNotesSource } from '../notes/card-notes';
import { PageNotes } from './PageNotes';
import type { SidebarDeps } from './types';

export interface SidebarProps {
  deps: SidebarDeps;
}

const EMPTY: PageSummary['entities'] = [];
const notConnected = (): string => t('sbNotConnected');
const wrap = (i: number, n: number): number => (n <= 0 ? 0 : ((i % n) + n) % n);

/** "Mention 2 of 5 of Chuck Schumer" and friends, for the polite live region. */
function describe(event: PanelEvent, nameOf: (id: string) => string): string {
  switch (event.type) {
    case 'revealed':
      return event.count === 0
        ? t('sbGone', { name: nameOf(event.entityId) })
        : t('sbMentionOf', { name: nameOf(event.entityId), index: event.index + 1, count: event.count });
    case 'revealed-passage':
      return event.found ? t('sbPassageShown') : t('sbPassageGone');
    case 'error':
      return event.message;
  }
}

/**
 * The context sidebar: everything on the active tab's page at a glance. Entities grouped by
 * kind in order of prominence (count, role, one-line summary), each expanding into its full
 * card with a mention stepper; the page's notes; how the names connect; a filter. Follows
 * the active tab (or the one pinned with `?tab=`) through `PanelConnection`.
 */
export function Sidebar({ deps }: SidebarProps) {
  const connection = useMemo(() => new PanelConnection(deps), [deps]);
  const cache = useMemo(() => new CardCache((entityId) => request(deps.send, 'getCard', { entityId })), [deps]);
  const [state, setState] = useState<PanelState>(() => connection.getState());
  const [filter, setFilter] = useState('');
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [positions, setPositions] = useState<Readonly<Record<string, StepPosition>>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [notesVersion, setNotesVersion] = useState(0);
  const pendingFocus = useRef<string | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);

  const summary = state.kind === 'ready' ? state.summary : null;
  const entities = summary?.entities ?? EMPTY;
  const tab = state.kind === 'loading' || state.kind === 'no-tab' ? null : state.tab;
  const pageKey = tab ? `${tab.id} ${tab.url ?? ''}` : '';

  // What callbacks read without re-creating themselves (rows are memoised on them).
  const pageUrl = summary?.url || tab?.url || '';
  const live = useRef({ entities, positions, expandedId, pageUrl, title: summary?.title ?? '' });
  live.current = { entities, positions, expandedId, pageUrl, title: summary?.title ?? '' };

  useEffect(() => {
    const stop = connection.subscribe(setState);
    connection.start();
    return () => {
      stop();
      connection.destroy();
    };
  }, [connection]);

  useEffect(() => deps.onNotesChanged(() => setNotesVersion((v) => v + 1)), [deps]);

  // Another page: nothing expanded, no stale "2 of 5".
  useEffect(() => {
    setExpandedId(null);
    setPositions({});
  }, [pageKey]);

  const nameOf = useCallback((id: string) => live.current.entities.find((e) => e.id === id)?.name ?? t('sbIt'), []);

  useEffect(
    () =>
      connection.onEvent((event) => {
        if (event.type === 'revealed') {
          setPositions((p) => ({ ...p, [event.entityId]: { index: event.index, count: event.count } }));
        }
        setAnnouncement(describe(event, nameOf));
      }),
    [connection, nameOf],
  );

  const reveal = useCallback(
    (entityId: string, index: number) => {
      if (!connection.post({ type: 'reveal', entityId, index })) setAnnouncement(notConnected());
    },
    [connection],
  );

  const step = useCallback(
    (entityId: string, delta: number) => {
      const { positions: pos, entities: list } = live.current;
      const at = pos[entityId];
      const count = at?.count ?? list.find((e) => e.id === entityId)?.count ?? 0;
      reveal(entityId, at ? wrap(at.index + delta, count) : delta > 0 ? 0 : Math.max(count - 1, 0));
    },
    [reveal],
  );

  const activate = useCallback(
    (entityId: string) => {
      setFocusId(entityId);
      if (live.current.expandedId === entityId) {
        step(entityId, 1);
        return;
      }
      setExpandedId(entityId);
      reveal(entityId, 0);
    },
    [reveal, step],
  );

  /** Switch the expanded entity to one on this page (from a relation); false if it is not here. */
  const openOnPage = useCallback((entityId: string): boolean => {
    const target = live.current.entities.find((e) => e.id === entityId);
    if (!target) return false;
    setFilter((f) => (f && !matchesFilter(target, f) ? '' : f));
    setExpandedId(entityId);
    setFocusId(entityId);
    pendingFocus.current = entityId;
    return true;
  }, []);

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    const row = document.querySelector<HTMLElement>(`#${panelIdOf(id)}-name`)?.closest<HTMLElement>('button');
    row?.focus();
    row?.scrollIntoView?.({ block: 'start' });
  });

  const collapse = useCallback(() => setExpandedId(null), []);

  const notesSource = useMemo(
    () => requestNotesSource(deps.send, () => ({ url: live.current.pageUrl, title: live.current.title })),
    [deps],
  );

  // Filtering by role needs every card: ask for them once the user filters, and filter
  // again as they arrive.
  const filtering = filter.trim() !== '';
  const cardsVersion = useCacheVersion(cache);
  useEffect(() => {
    if (filtering) for (const e of entities) cache.want(e.id);
  }, [filtering, entities, cache]);
  const visible = useMemo(
    () => (filtering ? entities.filter((e) => matchesFilter(e, filter, cache.data(e.id)?.entity.role)) : entities),
    [entities, filter, filtering, cache, cardsVersion],
  );
  const groups = useMemo(() => groupEntities(visible), [visible]);

  const renderExpanded = (entityId: string, panelId: string) => {
    const entity = entities.find((e) => e.id === entityId);
    if (!entity) return null;
    return (
      <ExpandedEntity
        entity={entity}
        panelId={panelId}
        cache={cache}
        position={positions[entityId]}
        onStep={step}
        onOpenOnPage={openOnPage}
        notes={notesSource}
        notesVersion={notesVersion}
      />
    );
  };

  const mentionTotal = entities.reduce((n, e) => n + e.count, 0);
  const pageLabel = summary ? summary.title.trim() || urlHost(summary.url) || summary.url : (tab?.title ?? '');

  return (
    <main class="bs-sb bs-notes-theme">
      <header class="bs-sb-header">
        <h1 class="bs-sb-title">{t('sbTitle')}</h1>
        {pageLabel ? (
          <p class="bs-sb-page" title={tab?.url} dir="auto">
            {pageLabel}
          </p>
        ) : null}
      </header>
      {summary && entities.length > 0 ? (
        <>
          <div class="bs-sb-filter" role="search">
            <label class="bs-sb-filter__label" for="bs-sb-filter">
              {t('sbFilter')}
            </label>
            <input
              id="bs-sb-filter"
              ref={filterInput}
              class="bs-sb-filter__input"
              type="search"
              autocomplete="off"
              spellcheck={false}
              placeholder={t('sbFilterPlaceholder')}
              value={filter}
              onInput={(e) => setFilter(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowDown') return;
                const first = e.currentTarget.closest('.bs-sb')?.querySelector<HTMLButtonElement>('button.bs-sb-row__btn');
                if (!first) return;
                e.preventDefault();
                first.focus();
              }}
            />
          </div>
          <p class="bs-sb-totals">
            {txn('sbTotalNames', entities.length, { num: <span class="bs-sb-num">{formatNumber(entities.length)}</span> })}
            {' · '}
            {txn('sbTotalMentions', mentionTotal, { num: <span class="bs-sb-num">{formatNumber(mentionTotal)}</span> })}
            {summary.scanning ? ` · ${t('sbTotalsReading')}` : ''}
            {filter.trim() ? ` · ${t('sbTotalsShown', { count: visible.length })}` : ''}
          </p>
          {groups.length === 0 ? (
            <p class="bs-sb-muted bs-sb-nomatch">{tx('sbNothingMatches', { filter: <bdi>{filter.trim()}</bdi> })}</p>
          ) : (
            <EntityList
              groups={groups}
              cache={cache}
              observe={deps.observeVisible}
              expandedId={expandedId}
              focusId={focusId}
              onFocusRow={setFocusId}
              onActivate={activate}
              onCollapse={collapse}
              renderExpanded={renderExpanded}
            />
          )}
        </>
      ) : (
        <EmptyState state={state} onScan={() => void connection.scan()} />
      )}
      {summary && pageUrl ? (
        <PageNotes
          send={deps.send}
          url={pageUrl}
          summary={summary}
          notesVersion={notesVersion}
          observe={deps.observeVisible}
          onRevealPassage={(noteId) => {
            if (!connection.post({ type: 'reveal-passage', noteId })) setAnnouncement(notConnected());
          }}
        />
      ) : null}
      {summary && entities.length > 1 ? (
        <Connections entities={entities} cache={cache} observe={deps.observeVisible} onOpen={(id) => void openOnPage(id)} />
      ) : null}
      <p class="bs-sb-sr" role="status" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}
