import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t, uiDir, uiLang } from '../../lib/i18n';
import { tx } from '../../components/i18n';
import type { EntityKind } from '../../lib/model';
import type { EntityRef, TrackDraft } from '../../lib/messaging';
import { KIND_ORDER, kindInfo } from '../../lib/kinds';
import { PACK_LIMITS } from '../../lib/packs/limits';

export interface TrackFormProps {
  /** Prefilled from the selection: the name, a kind guess, the sentence around it. */
  name: string;
  kind: EntityKind;
  context: string;
  page: { url: string; title: string };
  theme: 'light' | 'dark';
  save(draft: TrackDraft): Promise<EntityRef>;
  onClose(): void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** "Senator Warner, Warner" → ["Senator Warner", "Warner"] (trimmed, no blanks or repeats). */
export function splitAliases(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/**
 * "Track this name": the small form the context menu (or Alt+Shift+T) opens next to a
 * selected name. Prefilled, editable; "Track" adds it to the reader's own pack ("My
 * entities") and every open tab underlines it at once. Esc or Cancel closes it.
 */
export function TrackForm(props: TrackFormProps) {
  const { page, theme, save, onClose } = props;
  const id = useId();
  const [name, setName] = useState(props.name);
  const [kind, setKind] = useState<EntityKind>(props.kind);
  const [aliases, setAliases] = useState('');
  const [role, setRole] = useState('');
  const [context, setContext] = useState(props.context);
  const [state, setState] = useState<{ kind: 'editing' | 'saving' } | { kind: 'saved'; ref: EntityRef } | { kind: 'error'; message: string }>({ kind: 'editing' });
  const nameField = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    nameField.current?.focus({ preventScroll: true });
    nameField.current?.select();
  }, []);
  useEffect(() => {
    if (state.kind === 'saved') closeButton.current?.focus({ preventScroll: true });
  }, [state.kind]);

  const trimmed = name.replace(/\s+/g, ' ').trim();
  const invalid = trimmed === '' ? t('tkGiveName') : trimmed.length > PACK_LIMITS.name ? t('tkAtMost', { max: PACK_LIMITS.name }) : '';

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (invalid !== '' || state.kind === 'saving') return;
    setState({ kind: 'saving' });
    try {
      const draft: TrackDraft = {
        name: trimmed,
        kind,
        aliases: splitAliases(aliases).filter((a) => a.length <= PACK_LIMITS.alias),
        role: role.trim().slice(0, PACK_LIMITS.role),
        context: context.replace(/\s+/g, ' ').trim().slice(0, PACK_LIMITS.context),
        pageUrl: page.url,
        pageTitle: page.title.slice(0, PACK_LIMITS.sourceTitle),
      };
      setState({ kind: 'saved', ref: await save(draft) });
    } catch (error) {
      setState({ kind: 'error', message: t('notesNotSaved', { message: messageOf(error) }) });
    }
  };

  return (
    <section
      class="bs-notes-theme bs-passage bs-track"
      data-theme={theme}
      lang={uiLang()}
      dir={uiDir()}
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header class="bs-passage__header">
        <h2 class="bs-passage__title" id={`${id}-title`}>
          {t('tkTitle')}
        </h2>
        <button type="button" class="bs-nbutton bs-passage__close" ref={closeButton} aria-label={t('commonClose')} onClick={onClose}>
          ×
        </button>
      </header>
      {state.kind === 'saved' ? (
        <p class="bs-track__done" role="status">
          {t('tkTracking', { name: state.ref.name, kind: kindInfo(state.ref.kind).lower })}
        </p>
      ) : (
        <form class="bs-track__form" onSubmit={(e) => void submit(e)} noValidate>
          <div class="bs-track__field">
            <label for={`${id}-name`}>{t('tkName')}</label>
            <input id={`${id}-name`}
              ref={nameField}
              class="bs-input"
              value={name}
              maxLength={PACK_LIMITS.name}
              aria-invalid={invalid !== '' ? 'true' : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <div class="bs-track__field">
            <label for={`${id}-kind`}>{t('tkKind')}</label>
            <select id={`${id}-kind`} class="bs-input" value={kind} onChange={(e) => setKind(e.currentTarget.value as EntityKind)}>
              {KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {kindInfo(k).label}
                </option>
              ))}
            </select>
          </div>
          <div class="bs-track__field">
            <label for={`${id}-aliases`}>{t('tkAliases')}</label>
            <input id={`${id}-aliases`} class="bs-input" value={aliases} placeholder={t('tkAliasesPlaceholder')} onInput={(e) => setAliases(e.currentTarget.value)} />
          </div>
          <div class="bs-track__field">
            <label for={`${id}-role`}>{t('tkRole')}</label>
            <input id={`${id}-role`} class="bs-input" value={role} maxLength={PACK_LIMITS.role} onInput={(e) => setRole(e.currentTarget.value)} />
          </div>
          <div class="bs-track__field">
            <label for={`${id}-context`}>{t('tkContext')}</label>
            <textarea id={`${id}-context`} dir="auto" class="bs-textarea" rows={3} value={context} maxLength={PACK_LIMITS.context} onInput={(e) => setContext(e.currentTarget.value)} />
          </div>
          <p class="bs-track__source">
            {tx('tkSource', { page: <bdi class="bs-track__page">{page.title || page.url}</bdi> })}
          </p>
          <div class="bs-track__actions">
            <button type="submit" class="bs-nbutton bs-nbutton--primary" disabled={invalid !== '' || state.kind === 'saving'}>
              {state.kind === 'saving' ? t('tkTrackingBusy') : t('tkTrack')}
            </button>
            <button type="button" class="bs-nbutton" onClick={onClose}>
              {t('commonCancel')}
            </button>
          </div>
          {invalid !== '' ? <p class="bs-track__hint">{invalid}</p> : null}
          {state.kind === 'error' ? (
            <p class="bs-note-editor__error" role="alert">
              {state.message}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
