import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { Entity } from '../../lib/model';
import { KINDS, KIND_ORDER, isKind } from '../../lib/kinds';
import { formatDate } from '../../lib/format';
import { aliasProblem, cleanText, nameProblem, type Proposal, type ReviewAction, type ReviewState } from '../../lib/packs/review';

/** How many context sentences show before "N more". */
export const CONTEXTS_SHOWN = 2;

export interface ProposalCardProps {
  proposal: Proposal;
  state: ReviewState;
  /** A DOM-safe id prefix for this proposal's controls (stable for the review's lifetime). */
  uid: string;
  /** The uid of another proposal (for "Merge into…" options' focus after a merge). */
  uidOf(entityId: string): string;
  dispatch(action: ReviewAction): void;
  /** Ask for focus on an element id after the next render (controls that move between groups). */
  focusLater(elementId: string): void;
  announce(message: string): void;
}

const CASE_HINT: Readonly<Record<Entity['aliases'][number]['case'], string>> = {
  get sensitive() {
    return t('rvCaseSensitive');
  },
  get proper() {
    return t('rvCaseProper');
  },
  get insensitive() {
    return t('rvCaseInsensitive');
  },
};

/** One proposed entity: include it or not, rename, change kind, aliases, contexts, merge. */
export function ProposalCard({ proposal, state, uid, uidOf, dispatch, focusLater, announce }: ProposalCardProps) {
  const { entity, included } = proposal;
  const [name, setName] = useState(entity.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [alias, setAlias] = useState('');
  const [aliasError, setAliasError] = useState<string | null>(null);
  const [mergeTarget, setMergeTarget] = useState('');

  useEffect(() => {
    setName(entity.name);
    setNameError(null);
  }, [entity.name]);

  const others = state.proposals
    .filter((p) => p.entity.id !== entity.id)
    .map((p) => p.entity)
    .sort((a, b) => a.name.localeCompare(b.name));
  useEffect(() => {
    if (mergeTarget !== '' && !others.some((o) => o.id === mergeTarget)) setMergeTarget('');
  });

  const commitName = (value: string): void => {
    const problem = nameProblem(value);
    setNameError(problem);
    if (problem === null && cleanText(value) !== entity.name) {
      dispatch({ type: 'rename', id: entity.id, name: value });
      announce(t('rvRenamed', { name: cleanText(value), old: entity.name }));
    }
  };

  const addAlias = (e: Event): void => {
    e.preventDefault();
    const problem = aliasProblem(state, entity.id, alias);
    setAliasError(problem);
    if (problem !== null) return;
    dispatch({ type: 'addAlias', id: entity.id, text: alias });
    announce(t('rvAliasAdded', { alias: cleanText(alias) }));
    setAlias('');
  };

  const removeAlias = (text: string, index: number): void => {
    dispatch({ type: 'removeAlias', id: entity.id, text });
    announce(t('rvAliasRemoved', { alias: text }));
    const remaining = entity.aliases.length - 1;
    focusLater(remaining > 1 ? `${uid}-alias-${Math.min(index, remaining - 1)}` : `${uid}-add`);
  };

  const doMerge = (): void => {
    const target = others.find((o) => o.id === mergeTarget);
    if (!target) return;
    dispatch({ type: 'merge', keepId: target.id, mergeId: entity.id });
    announce(t('rvMerged', { from: entity.name, into: target.name }));
    focusLater(`${uidOf(target.id)}-include`);
  };

  const shown = entity.contexts.slice(0, CONTEXTS_SHOWN);
  const more = entity.contexts.slice(CONTEXTS_SHOWN);
  const describedBy = (error: string | null, id: string) => (error ? { 'aria-invalid': true, 'aria-describedby': id } : {});

  return (
    <li class="bs-rv-card" data-included={included ? 'true' : 'false'} data-kind={entity.kind} data-entity-id={entity.id}>
      <div class="bs-rv-card__head">
        <input
          type="checkbox"
          id={`${uid}-include`}
          class="bs-rv-card__check"
          checked={included}
          onChange={() => dispatch({ type: 'toggle', id: entity.id })}
        />
        <h3 class="bs-rv-card__name">
          <label for={`${uid}-include`}>
            <bdi>{entity.name}</bdi>
          </label>
        </h3>
        {entity.role.trim() !== '' ? (
          <p class="bs-rv-card__role" dir="auto">
            {entity.role}
          </p>
        ) : null}
      </div>

      <div class="bs-rv-card__fields">
        <div class="bs-rv-field">
          <label for={`${uid}-name`}>
            {t('rvName')}
            <span class="bs-sr">{` ${t('rvOf', { name: entity.name })}`}</span>
          </label>
          <input
            id={`${uid}-name`}
            type="text"
            value={name}
            maxLength={200}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => setName(e.currentTarget.value)}
            onChange={(e) => commitName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setName(entity.name);
                setNameError(null);
              }
            }}
            {...describedBy(nameError, `${uid}-name-error`)}
          />
          {nameError ? (
            <p id={`${uid}-name-error`} class="bs-rv-error">
              {nameError}
            </p>
          ) : null}
        </div>
        <div class="bs-rv-field">
          <label for={`${uid}-kind`}>
            {t('rvKind')}
            <span class="bs-sr">{` ${t('rvOf', { name: entity.name })}`}</span>
          </label>
          <select
            id={`${uid}-kind`}
            value={entity.kind}
            onChange={(e) => {
              const kind = e.currentTarget.value;
              if (!isKind(kind)) return;
              dispatch({ type: 'setKind', id: entity.id, kind });
              announce(t('rvNowUnder', { name: entity.name, kind: KINDS[kind].plural }));
              focusLater(`${uid}-kind`);
            }}
          >
            {KIND_ORDER.map((k) => (
              <option key={k} value={k}>
                {KINDS[k].label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="bs-rv-aliases">
        <h4 class="bs-rv-sub" id={`${uid}-aliases`}>
          {t('rvAliases')}
        </h4>
        <ul class="bs-rv-chips" aria-labelledby={`${uid}-aliases`}>
          {entity.aliases.map((a, i) => (
            <li key={a.text} class="bs-rv-chip">
              <bdi class="bs-rv-chip__text">{a.text}</bdi>
              {a.case === 'sensitive' ? <span class="bs-rv-chip__case">{CASE_HINT.sensitive}</span> : null}
              {entity.aliases.length > 1 ? (
                <button
                  type="button"
                  id={`${uid}-alias-${i}`}
                  class="bs-rv-chip__remove"
                  aria-label={t('rvRemoveAlias', { alias: a.text, rule: CASE_HINT[a.case] })}
                  onClick={() => removeAlias(a.text, i)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <form class="bs-rv-inline" onSubmit={addAlias}>
          <label for={`${uid}-add`}>
            {t('rvAddAlias')}
            <span class="bs-sr">{` ${t('rvTo', { name: entity.name })}`}</span>
          </label>
          <div class="bs-rv-inline__row">
            <input
              id={`${uid}-add`}
              type="text"
              value={alias}
              maxLength={200}
              autocomplete="off"
              spellcheck={false}
              onInput={(e) => {
                setAlias(e.currentTarget.value);
                if (aliasError) setAliasError(null);
              }}
              {...describedBy(aliasError, `${uid}-add-error`)}
            />
            <button type="submit" class="bs-rv-button">
              {t('rvAdd')}
            </button>
          </div>
          {aliasError ? (
            <p id={`${uid}-add-error`} class="bs-rv-error">
              {aliasError}
            </p>
          ) : null}
        </form>
      </div>

      {entity.contexts.length > 0 ? (
        <div class="bs-rv-contexts">
          <h4 class="bs-rv-sub">{t('rvInArticle')}</h4>
          <ul>
            {shown.map((c, i) => (
              <ContextLine key={i} text={c.text} date={c.date} />
            ))}
          </ul>
          {more.length > 0 ? (
            <details>
              <summary>{tn('rvMoreSentences', more.length)}</summary>
              <ul>
                {more.map((c, i) => (
                  <ContextLine key={i} text={c.text} date={c.date} />
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}

      {others.length > 0 ? (
        <div class="bs-rv-merge">
          <label for={`${uid}-merge`}>
            {t('rvMergeInto')}
            <span class="bs-sr">{` ${t('rvMergeHint', { name: entity.name })}`}</span>
          </label>
          <div class="bs-rv-inline__row">
            <select id={`${uid}-merge`} value={mergeTarget} onChange={(e) => setMergeTarget(e.currentTarget.value)}>
              <option value="">{t('rvChoose')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {t('rvOption', { name: o.name, kind: KINDS[o.kind].label })}
                </option>
              ))}
            </select>
            <button type="button" class="bs-rv-button" disabled={mergeTarget === ''} onClick={doMerge}>
              {t('rvMerge')}
              <span class="bs-sr">{` ${entity.name}`}</span>
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function ContextLine({ text, date }: { text: string; date: string }) {
  return (
    <li class="bs-rv-context">
      <q dir="auto">{text}</q> <time dateTime={date}>{formatDate(date)}</time>
    </li>
  );
}
