import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { EntityKind, InstalledPack, Pack } from '../../lib/model';
import type { ImportPackResult } from '../../lib/messaging';
import { KINDS, KIND_ORDER } from '../../lib/kinds';
import { formatDate, safeHttpUrl } from '../../lib/format';
import { parsePack } from '../../lib/packs/schema';
import {
  describeErrors,
  finalPack,
  reviewReducer,
  selectedCount,
  startReview,
  titleProblem,
  type Proposal,
  type ReviewState,
} from '../../lib/packs/review';
import { ProposalCard } from './ProposalCard';

export interface ReviewScreenProps {
  draft: Pack;
  /** Send the pack file's text to the background (`importPack`, origin `drafted`). */
  save(json: string, replace: boolean): Promise<ImportPackResult>;
  onSaved(saved: { pack: InstalledPack; entities: number }): void;
  onCancel(): void;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'confirm'; installed: InstalledPack; json: string; entities: number }
  | { kind: 'failed'; message: string };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The proposals grouped by kind, people first; the draft's order inside a group. */
export function groupByKind(proposals: readonly Proposal[]): { kind: EntityKind; proposals: Proposal[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, proposals: proposals.filter((p) => p.entity.kind === kind) })).filter(
    (g) => g.proposals.length > 0,
  );
}

/** The review screen of "Follow this story": every proposal, editable, then "Save pack". */
export function ReviewScreen({ draft, save, onSaved, onCancel }: ReviewScreenProps) {
  const [state, dispatch] = useReducer(reviewReducer, draft, startReview);
  const [saving, setSaving] = useState<SaveState>({ kind: 'idle' });
  const [message, setMessage] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const uids = useMemo(() => new Map(draft.entities.map((e, i) => [e.id, `bs-rv-${i}`])), [draft]);
  const uidOf = (id: string): string => uids.get(id) ?? 'bs-rv-x';

  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, state]);

  const total = state.proposals.length;
  const selected = selectedCount(state);

  const submit = async (replace: boolean, json?: string, entities?: number): Promise<void> => {
    let text = json;
    let count = entities ?? 0;
    if (text === undefined) {
      const pack = finalPack(state);
      const parsed = parsePack(pack);
      if (!parsed.ok) {
        setSaving({ kind: 'invalid', errors: describeErrors(pack, parsed.errors) });
        return;
      }
      text = JSON.stringify(pack);
      count = pack.entities.length;
    }
    setSaving({ kind: 'saving' });
    try {
      const result = await save(text, replace);
      if (result.status === 'installed') {
        setSaving({ kind: 'idle' });
        onSaved({ pack: result.pack, entities: count });
      } else if (result.status === 'invalid') {
        setSaving({ kind: 'invalid', errors: result.errors });
      } else {
        setSaving({ kind: 'confirm', installed: result.installed, json: text, entities: count });
        setFocusId('bs-rv-replace');
      }
    } catch (e) {
      setSaving({ kind: 'failed', message: messageOf(e) });
    }
  };

  return (
    <main class="bs-rv" aria-busy={saving.kind === 'saving'}>
      <header class="bs-rv-header">
        <h1 class="bs-rv-title">{t('rvFollow')}</h1>
        <p class="bs-rv-lede">{t('rvLede')}</p>
        <PackDetails state={state} dispatch={dispatch} />
      </header>

      <p class="bs-rv-count" aria-live="polite">
        {t('rvSelected', { selected, total })}
      </p>

      {groupByKind(state.proposals).map((group) => (
        <section key={group.kind} class="bs-rv-group" aria-labelledby={`bs-rv-group-${group.kind}`}>
          <h2 id={`bs-rv-group-${group.kind}`} class="bs-rv-group__title">
            {KINDS[group.kind].plural} <span class="bs-rv-group__count">{t('rvGroupCount', { count: group.proposals.length })}</span>
          </h2>
          <ul class="bs-rv-list">
            {group.proposals.map((p) => (
              <ProposalCard
                key={p.entity.id}
                proposal={p}
                state={state}
                uid={uidOf(p.entity.id)}
                uidOf={uidOf}
                dispatch={dispatch}
                focusLater={setFocusId}
                announce={setMessage}
              />
            ))}
          </ul>
        </section>
      ))}

      <p class="bs-sr" aria-live="polite">
        {message}
      </p>

      <footer class="bs-rv-footer">
        <SaveFeedback saving={saving} onReplace={(s) => void submit(true, s.json, s.entities)} onKeep={() => {
            setSaving({ kind: 'idle' });
            setFocusId('bs-rv-save');
          }} />
        <div class="bs-rv-actions">
          <button
            type="button"
            id="bs-rv-save"
            class="bs-rv-button bs-rv-button--primary"
            disabled={selected === 0 || saving.kind === 'saving'}
            onClick={() => void submit(false)}
          >
            {saving.kind === 'saving' ? t('commonSaving') : t('rvSavePack')}
          </button>
          <button type="button" class="bs-rv-button" onClick={onCancel}>
            {t('commonCancel')}
          </button>
          {selected === 0 ? <p class="bs-rv-hint">{t('rvSelectOne')}</p> : null}
        </div>
      </footer>
    </main>
  );
}

/** The sources some proposal cites (a draft may list others). */
function citedSources(state: ReviewState) {
  const cited = new Set(state.proposals.flatMap((p) => [...p.entity.contexts.map((c) => c.sourceId), ...p.entity.relations.map((r) => r.sourceId)]));
  const sources = state.meta.sources.filter((s) => cited.has(s.id));
  return sources.length > 0 ? sources : state.meta.sources;
}

function PackDetails({ state, dispatch }: { state: ReviewState; dispatch: (a: { type: 'setPackTitle'; title: string }) => void }) {
  const [title, setTitle] = useState(state.meta.title);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTitle(state.meta.title), [state.meta.title]);
  const commit = (value: string): void => {
    const problem = titleProblem(value);
    setError(problem);
    if (problem === null) dispatch({ type: 'setPackTitle', title: value });
  };
  return (
    <div class="bs-rv-pack">
      <div class="bs-rv-field bs-rv-field--wide">
        <label for="bs-rv-pack-title">{t('rvStoryTitle')}</label>
        <input
          id="bs-rv-pack-title"
          type="text"
          value={title}
          maxLength={300}
          autocomplete="off"
          onInput={(e) => setTitle(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': 'bs-rv-pack-title-error' } : {})}
        />
        {error ? (
          <p id="bs-rv-pack-title-error" class="bs-rv-error">
            {error}
          </p>
        ) : null}
      </div>
      <dl class="bs-rv-meta">
        <div>
          <dt>{t('rvAsOf')}</dt>
          <dd>
            <time dateTime={state.meta.asOf}>{formatDate(state.meta.asOf)}</time>
          </dd>
        </div>
        {citedSources(state).slice(0, 3).map((source) => {
          const href = safeHttpUrl(source.url);
          return (
            <div key={source.id}>
              <dt>{t('rvSource')}</dt>
              <dd>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
                    {source.title}
                  </a>
                ) : (
                  <bdi>{source.title}</bdi>
                )}
                {source.publisher ? (
                  <span class="bs-rv-publisher">
                    {' · '}
                    <bdi>{source.publisher}</bdi>
                  </span>
                ) : null}
                {href ? <span class="bs-rv-url">{href}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

type ConfirmState = Extract<SaveState, { kind: 'confirm' }>;

function SaveFeedback({ saving, onReplace, onKeep }: { saving: SaveState; onReplace(s: ConfirmState): void; onKeep(): void }) {
  if (saving.kind === 'invalid') {
    return (
      <div class="bs-rv-alert" role="alert">
        <p>{t('rvCouldNotSave')}</p>
        <ul>
          {saving.errors.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (saving.kind === 'failed') {
    return (
      <div class="bs-rv-alert" role="alert">
        <p>{t('rvCouldNotSaveMsg', { message: saving.message })}</p>
      </div>
    );
  }
  if (saving.kind === 'confirm') {
    return (
      <div class="bs-rv-confirm" role="alertdialog" aria-labelledby="bs-rv-confirm-text">
        <p id="bs-rv-confirm-text">
          {t('rvAlreadyFollow', { title: saving.installed.title, version: saving.installed.version })}
        </p>
        <div class="bs-rv-actions">
          <button type="button" id="bs-rv-replace" class="bs-rv-button bs-rv-button--primary" onClick={() => onReplace(saving)}>
            {t('rvReplace')}
          </button>
          <button type="button" class="bs-rv-button" onClick={onKeep}>
            {t('rvKeepMine')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}
