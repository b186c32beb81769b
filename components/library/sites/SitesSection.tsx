/**
 * Sites: where Backstory runs. The mode (everywhere except the listed sites, or only on
 * them), the site rules (added by typing a site; each can be turned back on or off and
 * removed), the "Not {name} here" rules made from the card, and what follows the reader to
 * their other browsers through sync. Writes go to the background; every open tab follows.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SitesAction, SitesView } from '../../../lib/messaging';
import type { SiteMode, SiteRule } from '../../../lib/sites/rules';
import { notHereId } from '../../../lib/sites/state';
import { errorMessage } from '../useLiveQuery';
import { t, tn } from '../../../lib/i18n';
import { SyncPanel } from './SyncPanel';

export interface SitesDeps {
  view(): Promise<SitesView>;
  update(action: SitesAction): Promise<{ view: SitesView; error?: string; notes?: string[] }>;
  /** Subscribe to "the sites state changed" (here, in a tab, or in another browser); returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
}

/** What a rule means in a mode, for its status line and its button. */
function ruleWords(mode: SiteMode, rule: SiteRule): { status: string; toggle: string } {
  const runs = mode === 'except' ? !rule.active : rule.active;
  return runs ? { status: t('stRuns'), toggle: t('stTurnOff') } : { status: t('stOff'), toggle: t('stTurnOn') };
}

export function SitesSection({ sites }: { sites: SitesDeps }) {
  const id = useId();
  const [view, setView] = useState<SitesView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [input, setInput] = useState('');
  const [subdomains, setSubdomains] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => sites.onChanged(() => setVersion((v) => v + 1)), [sites]);
  useEffect(() => {
    let live = true;
    sites.view().then(
      (next) => {
        if (!live) return;
        setView(next);
        setLoadError(null);
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [sites, version]);

  const run = async (action: SitesAction, done?: string | ((view: SitesView) => string)): Promise<boolean> => {
    setError(null);
    try {
      const reply = await sites.update(action);
      setView(reply.view);
      if (reply.error) {
        setError(reply.error);
        setNotice(null);
        return false;
      }
      const said = typeof done === 'function' ? done(reply.view) : done;
      setNotice([said, ...(reply.notes ?? [])].filter(Boolean).join(' ') || null);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  if (loadError) return <p class="bs-error" role="alert">{t('stCouldNotLoad', { error: loadError })}</p>;
  if (!view) return <p class="bs-hint">{t('commonLoading')}</p>;
  const mode = view.mode;
  const addLabel = mode === 'except' ? t('stAddExcept') : t('stAddOnly');

  return (
    <section class="bs-section-page bs-sites" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('stTitle')}</h2>
      <fieldset class="bs-panel bs-fieldset">
        <legend>{t('stWhere')}</legend>
        {(['except', 'only'] as const).map((m) => (
          <label class="bs-check" key={m}>
            <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => void run({ op: 'mode', mode: m })} />
            {m === 'except' ? t('stModeExcept') : t('stModeOnly')}
          </label>
        ))}
      </fieldset>
      <form
        class="bs-panel bs-site-form"
        onSubmit={(e) => {
          e.preventDefault();
          // Said with the rule's own name (the host), not what was typed (perhaps a whole address).
          const said = (next: SitesView): string => {
            const added = next.rules.reduce<SiteRule | null>((a, r) => (a === null || r.updatedAt > a.updatedAt ? r : a), null);
            const name = added?.label ?? input.trim();
            return next.mode === 'except' ? t('stOffOn', { name }) : t('stRunsOn', { name });
          };
          void run({ op: 'add', input, subdomains }, said).then(
            (ok) => {
              if (ok) setInput('');
              field.current?.focus();
            },
          );
        }}
      >
        <label for={`${id}-site`}>{t('stSiteLabel')}</label>
        <p class="bs-hint" id={`${id}-site-hint`}>
          {t('stSiteHint')}
        </p>
        <div class="bs-actions">
          <input
            id={`${id}-site`}
            ref={field}
            class="bs-input bs-site-form__input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            aria-describedby={`${id}-site-hint${error ? ` ${id}-site-error` : ''}`}
            aria-invalid={error ? 'true' : undefined}
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <label class="bs-check">
            <input type="checkbox" checked={subdomains} onChange={(e) => setSubdomains(e.currentTarget.checked)} />
            {t('stSubdomains')}
          </label>
          <button type="submit" class="bs-btn bs-btn--primary">
            {addLabel}
          </button>
        </div>
        {error ? (
          <p class="bs-error" role="alert" id={`${id}-site-error`}>
            {error}
          </p>
        ) : null}
        <p class="bs-notice" role="status" aria-live="polite">
          {notice ?? ''}
        </p>
      </form>
      <h3 class="bs-subhead">{mode === 'except' ? t('stListExcept') : t('stListOnly')}</h3>
      {view.rules.length === 0 ? (
        <p class="bs-hint">{mode === 'except' ? t('stNoneExcept') : t('stNoneOnly')}</p>
      ) : (
        <ul class="bs-rows bs-site-rules">
          {view.rules.map((rule) => {
            const words = ruleWords(mode, rule);
            return (
              <li class="bs-row bs-site-rule" key={rule.site.host} data-host={rule.site.host} data-active={String(rule.active)}>
                <span class="bs-site-rule__name">
                  <strong>
                    <bdi>{rule.label}</bdi>
                  </strong>
                  {rule.site.subdomains ? <span class="bs-meta">{` ${t('stSubdomains')}`}</span> : null}
                </span>
                <span class="bs-meta bs-site-rule__status">{words.status}</span>
                <span class="bs-actions">
                  <button type="button" class="bs-btn bs-site-rule__toggle" onClick={() => void run({ op: 'active', host: rule.site.host, active: !rule.active })}>
                    {words.toggle}
                    <span class="bs-sr">{`: ${rule.label}`}</span>
                  </button>
                  <button type="button" class="bs-btn bs-site-rule__remove" onClick={() => void run({ op: 'remove', host: rule.site.host }, t('stRemoved', { label: rule.label }))}>
                    {t('commonRemove')}
                    <span class="bs-sr">{`: ${rule.label}`}</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h3 class="bs-subhead">{t('stNotHereTitle')}</h3>
      <p class="bs-hint">{t('stNotHereHint')}</p>
      {view.notHere.length === 0 ? (
        <p class="bs-hint">{t('stNone')}</p>
      ) : (
        <ul class="bs-rows bs-not-here">
          {view.notHere.map((rule) => (
            <li class="bs-row" key={notHereId(rule)}>
              <span>
                {t('stNotHereRule', { label: rule.label, name: rule.entityName || rule.entityId })}
                <span class="bs-meta">{` ${t('stOnSite', { site: rule.site })}`}</span>
              </span>
              <button
                type="button"
                class="bs-btn bs-not-here__remove"
                onClick={() => void run({ op: 'removeNotHere', id: notHereId(rule) }, t('stUnderlinedAgain', { label: rule.label, site: rule.site }))}
              >
                {t('commonRemove')}
                <span class="bs-sr">{`: ${t('stNotHereSr', { label: rule.label, site: rule.site })}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <SyncPanel sync={view.sync} counts={{ sites: view.rules.length, notHere: view.notHere.length }} />
      <p class="bs-hint bs-sites__count">{tn('stRuleCount', view.rules.length)}</p>
    </section>
  );
}
