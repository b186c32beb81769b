/**
 * The Entities list: a search box and a kind filter over every entity of every pack, shown a
 * page at a time (`PAGE_SIZE` rows in the DOM, however many entities there are). Each row
 * opens the editor; it names the pack whose version is shown and marks edited entities, the
 * reader's own and those of a pack that is turned off.
 */
import type { EntityKind } from '../../../lib/model';
import { t, tn } from '../../../lib/i18n';
import { KIND_ORDER, kindInfo } from '../../../lib/kinds';
import type { EntityIndexRow } from '../queries';
import { quoted } from '../packs/text';

export const PAGE_SIZE = 50;

export interface EntityListProps {
  status: string;
  /** The rows of the current page. */
  rows: readonly EntityIndexRow[];
  page: number;
  pages: number;
  query: string;
  kind: EntityKind | '';
  onQuery(query: string): void;
  onKind(kind: EntityKind | ''): void;
  onPage(page: number): void;
  onOpen(id: string): void;
  onAdd(): void;
}

/** "Showing 1–50 of 5,000 entities" (with "matching" when filtered). */
export function showingLine(start: number, count: number, total: number, filtered: boolean): string {
  if (total === 0) return filtered ? t('enNoMatch') : t('enNoneYet');
  return tn(filtered ? 'enShowingMatching' : 'enShowing', total, { from: start + 1, to: start + count });
}

function packLine(row: EntityIndexRow): string {
  const [shown, ...others] = row.packs;
  if (!shown) return '';
  if (others.length === 0) return shown.title;
  return t('enPackAlso', { title: shown.title, others: others.map((p) => quoted(p.title)).join(', ') });
}

export function EntityList(props: EntityListProps) {
  const { status, rows, page, pages, query, kind, onQuery, onKind, onPage, onOpen, onAdd } = props;
  const go = (next: number, from: HTMLButtonElement) => {
    onPage(next);
    // At either end the button just used turns off: keep focus in the pager.
    const pager = from.closest('.bs-pager');
    setTimeout(() => {
      if (from.disabled) pager?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    }, 0);
  };
  return (
    <>
      <div class="bs-listbar">
        <button type="button" class="bs-btn bs-btn--primary bs-entity-add" onClick={onAdd}>
          {t('enAdd')}
        </button>
      </div>
      <div class="bs-filters" role="search" aria-label={t('enFind')}>
        <div class="bs-field bs-field--search">
          <label for="bs-ent-q">{t('enSearch')}</label>
          <input
            id="bs-ent-q"
            type="search"
            value={query}
            autoComplete="off"
            aria-describedby="bs-ent-q-hint"
            onInput={(e) => onQuery(e.currentTarget.value)}
          />
          <p class="bs-hint" id="bs-ent-q-hint">
            {t('enSearchHint')}
          </p>
        </div>
        <div class="bs-field">
          <label for="bs-ent-kind">{t('enKind')}</label>
          <select id="bs-ent-kind" value={kind} onChange={(e) => onKind(e.currentTarget.value as EntityKind | '')}>
            <option value="">{t('enAllKinds')}</option>
            {KIND_ORDER.map((k) => (
              <option key={k} value={k}>
                {kindInfo(k).plural}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="bs-status" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {rows.length > 0 ? (
        <ul class="bs-entity-list" aria-label={t('enListLabel')}>
          {rows.map((row) => (
            <EntityRow key={row.id} row={row} onOpen={onOpen} />
          ))}
        </ul>
      ) : null}
      {pages > 1 ? (
        <nav class="bs-pager" aria-label={t('enPages')}>
          <button type="button" class="bs-btn" disabled={page <= 0} onClick={(e) => go(page - 1, e.currentTarget)}>
            {t('enPrevious')}
            <span class="bs-sr">{` ${t('enPageWord')}`}</span>
          </button>
          <span class="bs-meta">{t('enPageOf', { page: page + 1, pages })}</span>
          <button type="button" class="bs-btn" disabled={page >= pages - 1} onClick={(e) => go(page + 1, e.currentTarget)}>
            {t('enNext')}
            <span class="bs-sr">{` ${t('enPageWord')}`}</span>
          </button>
        </nav>
      ) : null}
    </>
  );
}

function EntityRow({ row, onOpen }: { row: EntityIndexRow; onOpen(id: string): void }) {
  const off = row.packs.every((p) => !p.enabled);
  const aliases = row.aliases.filter((a) => a !== row.name);
  return (
    <li class="bs-entity-row" data-entity-id={row.id} data-kind={row.kind}>
      <button type="button" class="bs-entity-row__open" onClick={() => onOpen(row.id)}>
        <bdi class="bs-entity-row__name">{row.name}</bdi>
        <span class="bs-sr">{`, ${kindInfo(row.kind).label}`}</span>
      </button>
      <span class="bs-entity-row__kind" aria-hidden="true">
        {kindInfo(row.kind).label}
      </span>
      <span class="bs-entity-row__badges">
        {row.edited ? <span class="bs-badge">{t('enEdited')}</span> : null}
        {row.own ? <span class="bs-badge">{t('enYours')}</span> : null}
        {off ? <span class="bs-badge bs-badge--off">{t('enPackOff')}</span> : null}
      </span>
      <span class="bs-meta bs-entity-row__pack">{packLine(row)}</span>
      {aliases.length > 0 ? (
        <span class="bs-meta bs-entity-row__aliases">
          {aliases.length > 4
            ? t('enAliasesMore', { aliases: aliases.slice(0, 4).join(', '), more: aliases.length - 4 })
            : t('enAliases', { aliases: aliases.join(', ') })}
        </span>
      ) : null}
    </li>
  );
}
