/**
 * The editor's list fields: aliases (text + case rule), relations (type, target entity
 * found by name, optional wording) and negative phrases. Each row has its own labelled
 * controls and a Remove button; "Add …" appends a row and moves focus into it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { CASE_RULES, RELATION_TYPES, type CaseRule, type RelationType } from '../../../lib/model';
import { kindInfo } from '../../../lib/kinds';
import { relationLabel } from '../../../lib/format';
import { PACK_LIMITS } from '../../../lib/packs/schema';
import { caseRuleFor } from '../../../lib/packs/user-layer';
import type { EntityIndexRow } from '../queries';
import { fieldIds, rowKey, type AliasRow, type NegativeRow, type RelationRow } from './draft';
import { matchesKey, queryWords } from './search';

export const CASE_LABELS: Readonly<Record<CaseRule, string>> = {
  get sensitive() {
    return t('enCaseSensitive');
  },
  get proper() {
    return t('enCaseProper');
  },
  get insensitive() {
    return t('enCaseInsensitive');
  },
};

/** Most target candidates offered at once. */
export const TARGET_CHOICES = 25;

/** Focus the element with `id` once it is rendered. */
function useFocusLater(): (id: string) => void {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (pending === null) return;
    document.getElementById(pending)?.focus();
    setPending(null);
  }, [pending]);
  return setPending;
}

interface ListProps<T> {
  rows: T[];
  invalid: ReadonlySet<string>;
  onChange(rows: T[]): void;
}

function replace<T extends { key: number }>(rows: T[], key: number, patch: Partial<T>): T[] {
  return rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
}

/** After removing row `index`, focus the next row's field, else the previous one's, else `fallback`. */
function focusAfterRemove<T extends { key: number }>(rows: T[], index: number, field: (key: number) => string, fallback: string, focus: (id: string) => void): void {
  const next = rows[index + 1] ?? rows[index - 1];
  focus(next ? field(next.key) : fallback);
}

export function AliasFields({ rows, invalid, onChange }: ListProps<AliasRow>) {
  const focus = useFocusLater();
  return (
    <fieldset class="bs-fieldset">
      <legend>{t('enAliasesLegend')}</legend>
      <p class="bs-hint">{t('enAliasesHint')}</p>
      <ol class="bs-rows">
        {rows.map((alias, i) => (
          <li key={alias.key} class="bs-row">
            <div class="bs-field">
              <label for={fieldIds.alias(alias.key)}>{t('enAliasN', { n: i + 1 })}</label>
              <input
                id={fieldIds.alias(alias.key)}
                type="text"
                value={alias.text}
                maxLength={PACK_LIMITS.alias + 20}
                aria-invalid={invalid.has(fieldIds.alias(alias.key)) ? 'true' : undefined}
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  onChange(replace(rows, alias.key, alias.caseChosen ? { text } : { text, case: caseRuleFor(text) }));
                }}
              />
            </div>
            <div class="bs-field">
              <label for={fieldIds.aliasCase(alias.key)}>{t('enCaseOfAlias', { n: i + 1 })}</label>
              <select
                id={fieldIds.aliasCase(alias.key)}
                value={alias.case}
                onChange={(e) => onChange(replace(rows, alias.key, { case: e.currentTarget.value as CaseRule, caseChosen: true }))}
              >
                {CASE_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {CASE_LABELS[rule]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              class="bs-btn bs-row__remove"
              onClick={() => {
                focusAfterRemove(rows, i, fieldIds.alias, fieldIds.aliases, focus);
                onChange(rows.filter((r) => r.key !== alias.key));
              }}
            >
              {t('commonRemove')}
              <span class="bs-sr">{` ${t('enRemoveAlias', { n: i + 1 })}`}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={fieldIds.aliases}
        class="bs-btn"
        disabled={rows.length >= PACK_LIMITS.aliasesPerEntity}
        aria-invalid={invalid.has(fieldIds.aliases) ? 'true' : undefined}
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, text: '', case: 'proper', caseChosen: false }]);
          focus(fieldIds.alias(key));
        }}
      >
        {t('enAddAlias')}
      </button>
    </fieldset>
  );
}

export function NegativeFields({ rows, invalid, onChange }: ListProps<NegativeRow>) {
  const focus = useFocusLater();
  const addId = 'bs-ed-add-negative';
  return (
    <fieldset class="bs-fieldset">
      <legend>{t('enNegativesLegend')}</legend>
      <p class="bs-hint">{t('enNegativesHint')}</p>
      {rows.length > 0 ? (
        <ol class="bs-rows">
          {rows.map((negative, i) => (
            <li key={negative.key} class="bs-row">
              <div class="bs-field">
                <label for={fieldIds.negative(negative.key)}>{t('enNegativeN', { n: i + 1 })}</label>
                <input
                  id={fieldIds.negative(negative.key)}
                  type="text"
                  value={negative.text}
                  aria-invalid={invalid.has(fieldIds.negative(negative.key)) ? 'true' : undefined}
                  onInput={(e) => onChange(replace(rows, negative.key, { text: e.currentTarget.value }))}
                />
              </div>
              <button
                type="button"
                class="bs-btn bs-row__remove"
                onClick={() => {
                  focusAfterRemove(rows, i, fieldIds.negative, addId, focus);
                  onChange(rows.filter((r) => r.key !== negative.key));
                }}
              >
                {t('commonRemove')}
                <span class="bs-sr">{` ${t('enRemoveNegative', { n: i + 1 })}`}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <button
        type="button"
        id={addId}
        class="bs-btn"
        disabled={rows.length >= PACK_LIMITS.negativesPerEntity}
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, text: '' }]);
          focus(fieldIds.negative(key));
        }}
      >
        {t('enAddNegative')}
      </button>
    </fieldset>
  );
}

interface RelationFieldsProps extends ListProps<RelationRow> {
  /** Every installed entity (targets are chosen from these). */
  index: readonly EntityIndexRow[];
  /** The edited entity's id ('' for a new one): never offered as a target. */
  selfId: string;
}

export function RelationFields({ rows, invalid, onChange, index, selfId }: RelationFieldsProps) {
  const focus = useFocusLater();
  const addId = 'bs-ed-add-relation';
  const byId = useMemo(() => new Map(index.map((row) => [row.id, row])), [index]);
  return (
    <fieldset class="bs-fieldset">
      <legend>{t('enRelationsLegend')}</legend>
      <p class="bs-hint">{t('enRelationsHint')}</p>
      {rows.length > 0 ? (
        <ol class="bs-rows">
          {rows.map((relation, i) => (
            <RelationRowFields
              key={relation.key}
              n={i + 1}
              relation={relation}
              invalid={invalid}
              index={index}
              byId={byId}
              selfId={selfId}
              onChange={(patch) => onChange(replace(rows, relation.key, patch))}
              onRemove={() => {
                focusAfterRemove(rows, i, fieldIds.relationType, addId, focus);
                onChange(rows.filter((r) => r.key !== relation.key));
              }}
            />
          ))}
        </ol>
      ) : null}
      <button
        type="button"
        id={addId}
        class="bs-btn"
        disabled={rows.length >= PACK_LIMITS.relationsPerEntity}
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, type: 'related-to', target: '', label: '' }]);
          focus(fieldIds.relationType(key));
        }}
      >
        {t('enAddRelation')}
      </button>
    </fieldset>
  );
}

interface RelationRowProps {
  n: number;
  relation: RelationRow;
  invalid: ReadonlySet<string>;
  index: readonly EntityIndexRow[];
  byId: ReadonlyMap<string, EntityIndexRow>;
  selfId: string;
  onChange(patch: Partial<RelationRow>): void;
  onRemove(): void;
}

function describe(row: EntityIndexRow): string {
  return t('enDescribe', { name: row.name, kind: kindInfo(row.kind).lower, pack: row.packs[0]?.title ?? '' });
}

function RelationRowFields({ n, relation, invalid, index, byId, selfId, onChange, onRemove }: RelationRowProps) {
  const [find, setFind] = useState('');
  const targetRef = useRef<HTMLSelectElement>(null);
  const candidates = useMemo(() => {
    const terms = queryWords(find);
    if (terms.length === 0) return [];
    const out: EntityIndexRow[] = [];
    for (const row of index) {
      if (row.id === selfId || row.id === relation.target || !matchesKey(row.key, terms)) continue;
      out.push(row);
      if (out.length >= TARGET_CHOICES) break;
    }
    return out;
  }, [find, index, selfId, relation.target]);
  const current = relation.target === '' ? null : byId.get(relation.target);
  const targetId = fieldIds.relationTarget(relation.key);
  return (
    <li class="bs-row bs-row--relation">
      <div class="bs-field">
        <label for={fieldIds.relationType(relation.key)}>{t('enRelationType', { n })}</label>
        <select
          id={fieldIds.relationType(relation.key)}
          value={relation.type}
          onChange={(e) => onChange({ type: e.currentTarget.value as RelationType })}
        >
          {RELATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {relationLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div class="bs-field">
        <label for={fieldIds.relationFind(relation.key)}>{t('enRelationFind', { n })}</label>
        <input
          id={fieldIds.relationFind(relation.key)}
          type="search"
          value={find}
          aria-describedby={`${targetId}-hint`}
          aria-invalid={invalid.has(fieldIds.relationFind(relation.key)) ? 'true' : undefined}
          onInput={(e) => setFind(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              targetRef.current?.focus();
            }
          }}
        />
        <span class="bs-meta" id={`${targetId}-hint`}>
          {find.trim() === ''
            ? t('enTypeName')
            : candidates.length === 0
              ? t('enNoMatch')
              : t(candidates.length === TARGET_CHOICES ? 'enFoundMore' : 'enFound', { count: candidates.length })}
        </span>
      </div>
      <div class="bs-field">
        <label for={targetId}>{t('enRelationEntity', { n })}</label>
        <select
          id={targetId}
          ref={targetRef}
          value={relation.target}
          aria-invalid={invalid.has(targetId) ? 'true' : undefined}
          onChange={(e) => {
            onChange({ target: e.currentTarget.value });
            setFind('');
          }}
        >
          {relation.target === '' ? <option value="">{t('enNotChosen')}</option> : null}
          {relation.target !== '' ? (
            <option value={relation.target}>{current ? describe(current) : t('enNotInstalled', { id: relation.target })}</option>
          ) : null}
          {candidates.map((row) => (
            <option key={row.id} value={row.id}>
              {describe(row)}
            </option>
          ))}
        </select>
      </div>
      <div class="bs-field">
        <label for={fieldIds.relationLabel(relation.key)}>{t('enRelationWordingLabel', { n })}</label>
        <input
          id={fieldIds.relationLabel(relation.key)}
          type="text"
          value={relation.label}
          aria-invalid={invalid.has(fieldIds.relationLabel(relation.key)) ? 'true' : undefined}
          onInput={(e) => onChange({ label: e.currentTarget.value })}
        />
      </div>
      <button type="button" class="bs-btn bs-row__remove" onClick={onRemove}>
        {t('commonRemove')}
        <span class="bs-sr">{` ${t('enRemoveRelation', { n })}`}</span>
      </button>
    </li>
  );
}
