/**
 * The library's filter bar: search words, entity, tag, site and a date range. The menus
 * list only values that live notes have, with their counts.
 */
import type { NoteFilter } from '../../lib/model';
import { t } from '../../lib/i18n';
import type { Facet, Facets } from './queries';
import { dayEnd, dayStart } from './dates';

export interface FilterValues {
  query: string;
  entityId: string;
  tag: string;
  site: string;
  /** YYYY-MM-DD or "". */
  from: string;
  to: string;
}

export const NO_FILTERS: FilterValues = { query: '', entityId: '', tag: '', site: '', from: '', to: '' };

/** The form's values as a `NoteFilter` (empty fields left out). */
export function toNoteFilter(values: FilterValues): NoteFilter {
  const filter: NoteFilter = {};
  if (values.entityId) filter.entityId = values.entityId;
  if (values.tag) filter.tag = values.tag;
  if (values.site) filter.site = values.site;
  const from = dayStart(values.from);
  const to = dayEnd(values.to);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
}

export function hasFilters(values: FilterValues): boolean {
  return Object.values(values).some((v) => v !== '');
}

interface MenuProps {
  id: string;
  label: string;
  all: string;
  value: string;
  options: Facet[];
  onChange: (value: string) => void;
}

function Menu({ id, label, all, value, options, onChange }: MenuProps) {
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <div class="bs-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t('nfOption', { label: o.label, count: o.count })}
          </option>
        ))}
        {known ? null : <option value={value}>{t('nfOption', { label: value, count: 0 })}</option>}
      </select>
    </div>
  );
}

export interface NoteFiltersProps {
  values: FilterValues;
  facets: Facets | undefined;
  onChange: (values: FilterValues) => void;
}

export function NoteFilters({ values, facets, onChange }: NoteFiltersProps) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  return (
    <form class="bs-filters" role="search" aria-label={t('nfSearchLabel')} onSubmit={(e) => e.preventDefault()}>
      <div class="bs-field bs-field--search">
        <label for="bs-q">{t('nfSearch')}</label>
        <input
          id="bs-q"
          type="search"
          value={values.query}
          autoComplete="off"
          spellcheck={false}
          aria-describedby="bs-q-hint"
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <p id="bs-q-hint" class="bs-hint">
          {t('nfSearchHint')}
        </p>
      </div>
      <Menu id="bs-f-entity" label={t('nfEntity')} all={t('nfAllEntities')} value={values.entityId} options={facets?.entities ?? []} onChange={(entityId) => set({ entityId })} />
      <Menu id="bs-f-tag" label={t('nfTag')} all={t('nfAllTags')} value={values.tag} options={facets?.tags ?? []} onChange={(tag) => set({ tag })} />
      <Menu id="bs-f-site" label={t('nfSite')} all={t('nfAllSites')} value={values.site} options={facets?.sites ?? []} onChange={(site) => set({ site })} />
      <div class="bs-field">
        <label for="bs-f-from">{t('nfFrom')}</label>
        <input id="bs-f-from" type="date" value={values.from} max={values.to || undefined} onInput={(e) => set({ from: e.currentTarget.value })} />
      </div>
      <div class="bs-field">
        <label for="bs-f-to">{t('nfTo')}</label>
        <input id="bs-f-to" type="date" value={values.to} min={values.from || undefined} onInput={(e) => set({ to: e.currentTarget.value })} />
      </div>
      <div class="bs-field bs-field--actions">
        <button type="button" class="bs-btn" disabled={!hasFilters(values)} onClick={() => onChange(NO_FILTERS)}>
          {t('nfClear')}
        </button>
      </div>
    </form>
  );
}
