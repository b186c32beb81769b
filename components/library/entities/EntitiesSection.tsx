/**
 * Entities: search every entity of every installed pack (a page at a time, so 5,000 stay
 * fast), open one to edit it, or add a new one to "My entities". Edits live in a user layer
 * above the packs (a pack update keeps them); "Reset to the pack's version" drops one.
 * The list is live (`liveQuery`); the editor loads its entity once, so what the reader is
 * typing is never replaced under them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import type { BackstoryDB } from '../../../lib/db/schema';
import type { EntityKind, ResolvedEntity } from '../../../lib/model';
import type { LibraryActions } from '../actions';
import { loadEntityForEdit, loadEntityIndex, type EntityForEdit } from '../queries';
import { errorMessage, useLiveQuery } from '../useLiveQuery';
import { quoted } from '../packs/text';
import { matchesKey, queryWords } from './search';
import { EntityList, PAGE_SIZE, showingLine } from './EntityList';
import { EntityEditor } from './EntityEditor';

export interface EntitiesSectionProps {
  db: BackstoryDB;
  actions: LibraryActions;
}

interface Editing {
  /** null: a new entity. */
  data: EntityForEdit | null;
  revision: number;
  notice: string | null;
}

export function EntitiesSection({ db, actions }: EntitiesSectionProps) {
  const index = useLiveQuery(() => loadEntityIndex(db), [db]);
  const all = index.value ?? [];
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where focus goes back to when the editor closes: a row's entity id, or "add"/"search".
  const returnTo = useRef<string | null>(null);
  const [restoreFocus, setRestoreFocus] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const filtered = useMemo(() => {
    const terms = queryWords(query);
    if (terms.length === 0 && kind === '') return all;
    return all.filter((row) => (kind === '' || row.kind === kind) && matchesKey(row.key, terms));
  }, [all, query, kind]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const start = current * PAGE_SIZE;
  const rows = filtered.slice(start, start + PAGE_SIZE);
  const isFiltered = queryWords(query).length > 0 || kind !== '';

  useEffect(() => {
    if (restoreFocus === 0 || editing) return;
    const root = listRef.current;
    const id = returnTo.current;
    const row = [...(root?.querySelectorAll<HTMLElement>('.bs-entity-row') ?? [])].find((el) => el.dataset['entityId'] === id);
    const target =
      row?.querySelector<HTMLElement>('.bs-entity-row__open') ??
      (id === 'add' ? root?.querySelector<HTMLElement>('.bs-entity-add') : null) ??
      root?.querySelector<HTMLElement>('#bs-ent-q');
    target?.focus();
  }, [restoreFocus, editing]);

  const open = async (id: string) => {
    setError(null);
    try {
      const data = await loadEntityForEdit(db, id);
      if (!data) throw new Error(t('enGone'));
      returnTo.current = id;
      setNotice(null);
      setEditing({ data, revision: 0, notice: null });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const close = (message: string | null = null) => {
    setEditing(null);
    setNotice(message);
    setRestoreFocus((n) => n + 1);
  };

  const reload = async (id: string, message: string) => {
    const data = await loadEntityForEdit(db, id);
    if (!data) return close(message);
    returnTo.current = id;
    setEditing((prev) => ({ data, revision: (prev?.revision ?? 0) + 1, notice: message }));
  };

  const onSaved = (resolved: ResolvedEntity, isNew: boolean) => {
    const name = quoted(resolved.entity.name);
    void reload(resolved.entity.id, isNew ? t('enAdded', { name }) : resolved.edited ? t('enSavedEdit', { name }) : t('enSaved', { name }));
  };

  let status = t('enLoading');
  if (index.status !== 'loading') status = showingLine(start, rows.length, filtered.length, isFiltered);

  return (
    <section class="bs-section-page" aria-labelledby="bs-entities-h">
      <h2 id="bs-entities-h">{t('enTitle')}</h2>
      <p class="bs-hint">{t('enHint')}</p>
      {index.status === 'error' ? <p class="bs-error" role="alert">{t('enCouldNotRead', { error: index.error })}</p> : null}
      {error ? <p class="bs-error" role="alert">{error}</p> : null}
      {editing ? (
        <EntityEditor
          data={editing.data}
          revision={editing.revision}
          index={all}
          actions={actions}
          notice={editing.notice}
          onSaved={onSaved}
          onReset={(id) => void reload(id, t('enResetDone'))}
          onDeleted={(name) => {
            returnTo.current = 'search';
            close(t('enDeleted', { name: quoted(name) }));
          }}
          onClose={() => close()}
        />
      ) : (
        <div ref={listRef}>
          {notice ? (
            <p class="bs-notice" role="status">
              {notice}
            </p>
          ) : null}
          <EntityList
            status={status}
            rows={rows}
            page={current}
            pages={pages}
            query={query}
            kind={kind}
            onQuery={(q) => {
              setQuery(q);
              setPage(0);
            }}
            onKind={(k) => {
              setKind(k);
              setPage(0);
            }}
            onPage={setPage}
            onOpen={(id) => void open(id)}
            onAdd={() => {
              returnTo.current = 'add';
              setNotice(null);
              setEditing({ data: null, revision: 0, notice: null });
            }}
          />
        </div>
      )}
    </section>
  );
}
