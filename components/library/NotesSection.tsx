/**
 * Notes: the filter bar, the live list (or the search results), inline editing, and delete
 * with an Undo toast. Every change goes to the background; the list follows the database.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, t, tn } from '../../lib/i18n';
import type { BackstoryDB } from '../../lib/db/schema';
import type { Note, SaveResult } from '../../lib/model';
import type { LibraryActions } from './actions';
import { loadEntityNames, loadNotes, matchesFilter, type Facets } from './queries';
import { errorMessage, useLiveQuery, type LiveState } from './useLiveQuery';
import { useSearch, type SearchState } from './useSearch';
import { NO_FILTERS, NoteFilters, hasFilters, toNoteFilter, type FilterValues } from './NoteFilters';
import { LibraryNoteList } from './LibraryNoteList';
import { UndoBar, type UndoState } from './UndoBar';

export interface NotesSectionProps {
  db: BackstoryDB;
  actions: LibraryActions;
  facets: LiveState<Facets>;
}

function describe(values: FilterValues, list: LiveState<Note[]>, search: SearchState, shown: Note[]): string {
  if (search.status === 'searching') return t('nsSearching');
  if (search.status === 'done') {
    const ms = search.ms < 1 ? `<${formatNumber(1)}` : formatNumber(Math.round(search.ms));
    return tn('nsResults', shown.length, { query: values.query.trim(), ms });
  }
  if (search.status === 'error') return tn('nsSearchFailedShowing', shown.length);
  if (list.status === 'loading') return t('nsLoading');
  if (shown.length === 0) return hasFilters(values) ? t('nsNoMatch') : t('nsNoneYet');
  return hasFilters(values) ? tn('nsMatchFilters', shown.length) : tn('nsCount', shown.length);
}

export function NotesSection({ db, actions, facets }: NotesSectionProps) {
  const [values, setValues] = useState<FilterValues>(NO_FILTERS);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const section = useRef<HTMLElement>(null);
  /** The note whose Edit button gets the focus that its editor or the Undo toast took away. */
  const focusNote = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNote.current;
    const here = section.current;
    if (id === null || !here) return;
    const active = here.ownerDocument.activeElement;
    if (active !== null && active !== here.ownerDocument.body) {
      focusNote.current = null; // the user put focus somewhere: leave it there
      return;
    }
    const item = [...here.querySelectorAll<HTMLElement>('li[data-note-id]')].find((li) => li.dataset.noteId === id);
    const button = item?.querySelector<HTMLButtonElement>('.bs-note__actions button');
    if (!button) return; // not (back) in the list yet: try again on the next render
    focusNote.current = null;
    button.focus();
  });

  const filter = useMemo(() => toNoteFilter(values), [values]);
  const list = useLiveQuery(() => loadNotes(db, filter), [db, JSON.stringify(filter)]);
  // The facets re-run on every change to the notes: use them to re-run the search too.
  const search = useSearch(actions.search, values.query, facets.value);

  const searching = search.status === 'done' || search.status === 'searching';
  const source = search.status === 'done' ? search.results : search.status === 'searching' ? (search.previous?.results ?? []) : (list.value ?? []);
  const shown = searching ? source.filter((n) => matchesFilter(n, filter)) : source;

  const entityIds = shown.flatMap((n) => (n.target.type === 'entity' ? [n.target.entityId] : []));
  const names = useLiveQuery(() => loadEntityNames(db, entityIds), [db, entityIds.join('\u0000')]);

  const run = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const withBusy = (ids: readonly string[], work: () => Promise<void>) =>
    run(async () => {
      setBusy((prev) => new Set([...prev, ...ids]));
      try {
        await work();
      } finally {
        setBusy((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
      }
    });

  const onDelete = (note: Note) =>
    withBusy([note.id], async () => {
      await actions.remove(note.id);
      if (editing === note.id) setEditing(null);
      setUndo({ ids: [note.id], message: t('nsMovedToTrash') });
    });

  const onUndo = (state: UndoState) =>
    withBusy(state.ids, async () => {
      for (const id of state.ids) await actions.restore(id);
      focusNote.current = state.ids[0] ?? null;
      setUndo(null);
      setNotice(state.ids.length === 1 ? t('nsRestoredOne') : tn('nsRestoredMany', state.ids.length));
    });

  const onSaved = (result: SaveResult) => {
    focusNote.current = result.note.id;
    setEditing(null);
    setNotice(
      result.status === 'conflict'
        ? t('nsConflict')
        : t('nsSaved'),
    );
  };

  const onDeleteShown = () =>
    run(async () => {
      const ids = shown.map((n) => n.id);
      const { deleted } = await actions.removeMany(ids);
      setUndo({ ids, message: tn('nsManyMovedToTrash', deleted) });
    });

  return (
    <section class="bs-section-page" aria-labelledby="bs-notes-h" ref={section}>
      <h2 id="bs-notes-h">{t('libSectionNotes')}</h2>
      <NoteFilters values={values} facets={facets.value} onChange={setValues} />
      <div class="bs-listbar">
        <p class="bs-status" role="status" aria-live="polite" aria-atomic="true">
          {describe(values, list, search, shown)}
        </p>
        {hasFilters(values) && shown.length > 0 && !searching ? (
          <DeleteShown count={shown.length} onConfirm={onDeleteShown} />
        ) : null}
      </div>
      {search.status === 'error' ? <p class="bs-error" role="alert">{t('nsSearchFailed', { error: search.error })}</p> : null}
      {list.status === 'error' ? <p class="bs-error" role="alert">{t('nsCouldNotRead', { error: list.error })}</p> : null}
      {error ? <p class="bs-error" role="alert">{error}</p> : null}
      <p class="bs-sr" role="status">
        {notice && !error ? notice : ''}
      </p>
      <LibraryNoteList
        notes={shown}
        entityNames={names.value ?? {}}
        editingId={editing}
        busyIds={busy}
        onEdit={(note) => { setNotice(null); setEditing(note.id); }}
        onCancelEdit={() => {
          focusNote.current = editing;
          setEditing(null);
        }}
        save={actions.save}
        onSaved={onSaved}
        onDelete={onDelete}
      />
      {undo ? <UndoBar state={undo} busy={undo.ids.some((id) => busy.has(id))} onUndo={onUndo} onDismiss={() => setUndo(null)} /> : null}
    </section>
  );
}

function DeleteShown({ count, onConfirm }: { count: number; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="bs-btn" onClick={() => setAsking(true)}>
        {tn('nsMoveShown', count)}
      </button>
    );
  }
  return (
    <div class="bs-confirm" role="group" aria-label={t('nsConfirmLabel')}>
      <span>{tn('nsConfirmQuestion', count)}</span>
      <button type="button" class="bs-btn bs-btn--danger" onClick={() => { setAsking(false); onConfirm(); }}>
        {t('nsMoveToTrash')}
      </button>
      <button type="button" class="bs-btn" onClick={() => setAsking(false)}>
        {t('commonCancel')}
      </button>
    </div>
  );
}
