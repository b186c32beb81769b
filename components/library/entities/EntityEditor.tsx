/**
 * The entity editor: name, kind, aliases with their case rules, role, summary, relations and
 * negative phrases. Saving sends the whole entity (`saveEntity`): a pack entity gets the
 * reader's edit above its pack, one of the reader's own is updated, a new one goes into "My
 * entities" with an id made from its kind and name. The form is checked first; a refusal
 * from the background is shown as it comes, in an alert.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../../lib/i18n';
import type { ResolvedEntity } from '../../../lib/model';
import { KIND_ORDER, kindInfo } from '../../../lib/kinds';
import { PACK_LIMITS } from '../../../lib/packs/schema';
import { uniqueId } from '../../../lib/packs/user-layer';
import { isKind } from '../../../lib/kinds';
import type { LibraryActions } from '../actions';
import type { EntityForEdit, EntityIndexRow } from '../queries';
import { errorMessage } from '../useLiveQuery';
import { quoted } from '../packs/text';
import { emptyForm, entityFromForm, fieldIds, formFromEntity, validateForm, type EntityForm, type FormProblem } from './draft';
import { AliasFields, NegativeFields, RelationFields } from './fields';

export interface EntityEditorProps {
  /** The entity as opened; null for a new one. */
  data: EntityForEdit | null;
  /** Bumped by the parent to load `data` into the form again (after a save or a reset). */
  revision: number;
  index: readonly EntityIndexRow[];
  actions: LibraryActions;
  /** What just happened ("Saved …"), shown in the editor. */
  notice: string | null;
  onSaved(resolved: ResolvedEntity, isNew: boolean): void;
  onReset(id: string): void;
  onDeleted(name: string): void;
  onClose(): void;
}

export function EntityEditor({ data, revision, index, actions, notice, onSaved, onReset, onDeleted, onClose }: EntityEditorProps) {
  const [form, setForm] = useState<EntityForm>(() => (data ? formFromEntity(data.entity) : emptyForm()));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const cancelDeleteRef = useRef<HTMLButtonElement>(null);
  const first = useRef(true);

  const ids = useMemo(() => new Set(index.map((row) => row.id)), [index]);
  const invalid = useMemo(() => new Set(problems.map((p) => p.field)), [problems]);

  // Focus the heading when the editor opens; reload the form when the parent says so.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      headingRef.current?.focus();
      return;
    }
    setForm(data ? formFromEntity(data.entity) : emptyForm());
    setProblems([]);
    setError(null);
  }, [revision]);
  useEffect(() => {
    if (confirmDelete) cancelDeleteRef.current?.focus();
  }, [confirmDelete]);

  const isNew = data === null;
  const title = isNew ? t('enAddTitle') : t('enEditTitle', { name: quoted(data.entity.name) });
  const set = (patch: Partial<EntityForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const found = validateForm(form, (id) => ids.has(id));
    setProblems(found);
    if (found.length > 0) {
      // Let the summary render, then take the reader to it.
      setTimeout(() => problemsRef.current?.focus(), 0);
      return;
    }
    const id = isNew ? uniqueId(`user/${form.kind}`, form.name, (candidate) => ids.has(candidate)) : form.id;
    setBusy(true);
    try {
      const resolved = await actions.saveEntity(entityFromForm(form, id), isNew);
      onSaved(resolved, isNew);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    if (!data) return;
    setError(null);
    setBusy(true);
    try {
      await actions.resetEntity(data.entity.id);
      onReset(data.entity.id);
      headingRef.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!data) return;
    setConfirmDelete(false);
    setError(null);
    try {
      const { deleted } = await actions.deleteEntity(data.entity.id);
      if (!deleted) throw new Error(t('enNotOwn', { name: quoted(data.entity.name) }));
      onDeleted(data.entity.name);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div class="bs-panel bs-editor" role="region" aria-labelledby="bs-editor-h">
      <div class="bs-editor__top">
        <h3 id="bs-editor-h" tabIndex={-1} ref={headingRef}>
          {title}
        </h3>
        <button type="button" class="bs-btn" onClick={onClose}>
          {t('enBack')}
        </button>
      </div>
      <Provenance data={data} />
      {notice ? (
        <p class="bs-notice" role="status">
          {notice}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div class="bs-error" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>{tn('enProblems', problems.length)}</p>
          <ul class="bs-error__lines">
            {problems.map((p, i) => (
              <li key={i}>
                <a
                  class="bs-link"
                  href={`#${p.field}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    document.getElementById(p.field)?.focus();
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <div class="bs-error" role="alert">
          <p>{t('enNotSaved')}</p>
          <p class="bs-error__detail">{error}</p>
        </div>
      ) : null}
      <form class="bs-editor__form" noValidate onSubmit={(e) => void save(e)}>
        <div class="bs-editor__grid">
          <div class="bs-field">
            <label for={fieldIds.name}>{t('enName')}</label>
            <input
              id={fieldIds.name}
              type="text"
              value={form.name}
              autoComplete="off"
              aria-invalid={invalid.has(fieldIds.name) ? 'true' : undefined}
              onInput={(e) => set({ name: e.currentTarget.value })}
            />
          </div>
          <div class="bs-field">
            <label for={fieldIds.kind}>{t('enKind')}</label>
            <select id={fieldIds.kind} value={form.kind} onChange={(e) => isKind(e.currentTarget.value) && set({ kind: e.currentTarget.value })}>
              {KIND_ORDER.map((kind) => (
                <option key={kind} value={kind}>
                  {kindInfo(kind).label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <AliasFields rows={form.aliases} invalid={invalid} onChange={(aliases) => set({ aliases })} />
        <div class="bs-field">
          <label for={fieldIds.role}>{t('enRole')}</label>
          <input
            id={fieldIds.role}
            type="text"
            value={form.role}
            aria-describedby="bs-ed-role-hint"
            aria-invalid={invalid.has(fieldIds.role) ? 'true' : undefined}
            onInput={(e) => set({ role: e.currentTarget.value })}
          />
          <span class="bs-meta" id="bs-ed-role-hint">{t('enRoleHint', { max: PACK_LIMITS.role })}</span>
        </div>
        <div class="bs-field">
          <label for={fieldIds.summary}>{t('enSummary')}</label>
          <textarea
            id={fieldIds.summary}
            rows={4}
            value={form.summary}
            aria-describedby="bs-ed-summary-hint"
            aria-invalid={invalid.has(fieldIds.summary) ? 'true' : undefined}
            onInput={(e) => set({ summary: e.currentTarget.value })}
          />
          <span class="bs-meta" id="bs-ed-summary-hint">{t('enSummaryHint', { length: form.summary.trim().length, max: PACK_LIMITS.summary })}</span>
        </div>
        <RelationFields rows={form.relations} invalid={invalid} index={index} selfId={form.id} onChange={(relations) => set({ relations })} />
        <NegativeFields rows={form.negatives} invalid={invalid} onChange={(negatives) => set({ negatives })} />
        <div class="bs-actions bs-editor__actions">
          <button type="submit" class="bs-btn bs-btn--primary" disabled={busy}>
            {isNew ? t('enAddToMine') : t('commonSave')}
          </button>
          {data?.edited && !data.own ? (
            <button type="button" class="bs-btn" disabled={busy} onClick={() => void reset()}>
              {t('enReset')}
            </button>
          ) : null}
          {data?.own && !confirmDelete ? (
            <button type="button" class="bs-btn bs-btn--danger" onClick={() => setConfirmDelete(true)}>
              {t('enDelete')}
            </button>
          ) : null}
        </div>
      </form>
      {confirmDelete && data ? (
        <div class="bs-confirm" role="group" aria-labelledby="bs-ed-delete-q">
          <p id="bs-ed-delete-q">{t('enDeleteQuestion', { name: quoted(data.entity.name) })}</p>
          <button type="button" class="bs-btn bs-btn--danger" onClick={() => void remove()}>
            {t('enDeleteEntity')}
          </button>
          <button type="button" class="bs-btn" ref={cancelDeleteRef} onClick={() => setConfirmDelete(false)}>
            {t('commonCancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Where the entity comes from, and what an edit means for it. */
function Provenance({ data }: { data: EntityForEdit | null }) {
  if (!data) return <p class="bs-hint">{t('enNewHint')}</p>;
  const [shown, ...others] = data.packs;
  if (data.own) return <p class="bs-hint">{t('enOwnHint')}</p>;
  return (
    <div class="bs-hint bs-provenance">
      <p>
        {shown ? `${t(shown.enabled ? 'enFrom' : 'enFromOff', { title: quoted(shown.title), version: shown.version })} ` : ''}
        {data.edited
          ? data.basedOn
            ? t('enEditShownBased', { version: data.basedOn.version })
            : t('enEditShown')
          : t('enSavingKeeps')}
      </p>
      {others.length > 0 ? <p>{t('enAlsoIn', { packs: others.map((p) => quoted(p.title)).join(', ') })}</p> : null}
    </div>
  );
}
