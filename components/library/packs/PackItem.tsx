/**
 * One installed pack in the Packs section: its facts and sources, an on/off switch, Move up /
 * Move down (the reader's order, which breaks ties between packs of the same date), Export,
 * and Remove, which asks first in an inline panel (notes are kept; for "My entities" it warns
 * that the reader's own entities go with it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t, tn } from '../../../lib/i18n';
import { formatDate, safeHttpUrl } from '../../../lib/format';
import type { PackListRow } from '../queries';
import { ORIGIN_LABELS, ordinal, quoted } from './text';

export interface PackItemHandlers {
  /** Resolves once the request is done: true when it worked (a failure is reported by the section). */
  onEnabled(pack: PackListRow, enabled: boolean): Promise<boolean>;
  onExport(pack: PackListRow): void;
  onRemove(pack: PackListRow): void;
  onMove(pack: PackListRow, step: -1 | 1): void;
}

export interface PackItemProps {
  pack: PackListRow;
  /** Enabled packs, for "2nd of 3 in use". */
  inUse: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  handlers: PackItemHandlers;
}

/** A DOM id for a pack id ("backstory/my-entities" → "bs-pack-backstory-my-entities"). */
export function packDomId(id: string): string {
  return `bs-pack-${id.replace(/[^a-z0-9_-]/gi, '-')}`;
}

export function PackItem({ pack, inUse, canMoveUp, canMoveDown, handlers }: PackItemProps) {
  const headingId = packDomId(pack.id);
  const own = pack.origin === 'user';
  const [confirming, setConfirming] = useState(false);
  // The switch shows the reader's choice at once; the database's value takes over when the
  // request is done (the same on success, the old one after a failure).
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => {
    if (wanted === pack.enabled) setWanted(null);
  }, [wanted, pack.enabled]);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    // Give focus back to the button that asked (it is rendered again on the next frame).
    setTimeout(() => removeRef.current?.focus(), 0);
  };

  const precedenceLine = pack.rank === null ? t('pkPrecedenceOff') : t('pkPrecedence', { rank: ordinal(pack.rank), total: inUse });

  return (
    <li class="bs-panel bs-pack" aria-labelledby={headingId} data-pack-id={pack.id} data-enabled={String(pack.enabled)}>
      <div class="bs-pack__head">
        <h3 id={headingId}>
          <bdi>{pack.title}</bdi>
        </h3>
        <p class="bs-meta bs-pack__origin">
          <span class="bs-badge">{ORIGIN_LABELS[pack.origin]}</span> <span>{precedenceLine}</span>
        </p>
      </div>
      <dl class="bs-facts">
        <div>
          <dt>{t('pkVersion')}</dt>
          <dd>{formatNumber(pack.version)}</dd>
        </div>
        <div>
          <dt>{t('pkAsOf')}</dt>
          <dd>
            <time dateTime={pack.asOf}>{formatDate(pack.asOf)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('pkEntitiesLabel')}</dt>
          <dd>{formatNumber(pack.entityCount)}</dd>
        </div>
      </dl>
      {pack.sources.length > 0 ? (
        <>
          <h4 class="bs-subhead">{tn('pkSource', pack.sources.length)}</h4>
          <SourceList sources={pack.sources} />
        </>
      ) : own ? (
        <p class="bs-meta">{t('pkOwnNoSources')}</p>
      ) : null}
      <div class="bs-actions bs-pack__actions">
        <label class="bs-check">
          <input
            type="checkbox"
            class="bs-pack__enabled"
            checked={wanted ?? pack.enabled}
            onChange={(e) => {
              const next = e.currentTarget.checked;
              setWanted(next);
              void handlers.onEnabled(pack, next).then((ok) => {
                if (!ok) setWanted(null);
              });
            }}
          />
          <span>
            {t('pkEnabled')}
            <span class="bs-sr">{`: ${pack.title}`}</span>
          </span>
        </label>
        {own ? null : (
          <>
            <button type="button" class="bs-btn bs-move-up" disabled={!canMoveUp} onClick={() => handlers.onMove(pack, -1)}>
              {t('pkMoveUp')}
              <span class="bs-sr">{`: ${pack.title}`}</span>
            </button>
            <button type="button" class="bs-btn bs-move-down" disabled={!canMoveDown} onClick={() => handlers.onMove(pack, 1)}>
              {t('pkMoveDown')}
              <span class="bs-sr">{`: ${pack.title}`}</span>
            </button>
          </>
        )}
        <button type="button" class="bs-btn bs-pack__export" onClick={() => handlers.onExport(pack)}>
          {t('pkExport')}
          <span class="bs-sr">{`: ${pack.title}`}</span>
        </button>
        {confirming ? null : (
          <button type="button" class="bs-btn bs-btn--danger bs-pack__remove" ref={removeRef} onClick={() => setConfirming(true)}>
            {t('pkRemove')}
            <span class="bs-sr">{`: ${pack.title}`}</span>
          </button>
        )}
      </div>
      {confirming ? (
        <div class="bs-confirm" role="group" aria-labelledby={`${headingId}-q`}>
          <p id={`${headingId}-q`}>
            {own
              ? t('pkRemoveOwn', { title: quoted(pack.title), entities: tn('pkEntities', pack.entityCount) })
              : t('pkRemovePack', { title: quoted(pack.title), version: pack.version, entities: tn('pkEntities', pack.entityCount) })}
          </p>
          <button
            type="button"
            class="bs-btn bs-btn--danger"
            onClick={() => {
              setConfirming(false);
              handlers.onRemove(pack);
            }}
          >
            {own ? t('pkDeleteMine') : t('pkRemoveButton')}
          </button>
          <button type="button" class="bs-btn" ref={cancelRef} onClick={cancel}>
            {t('commonCancel')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Sources listed before the rest fold into "Show … more". */
export const SOURCES_SHOWN = 5;

function SourceList({ sources }: { sources: PackListRow['sources'] }) {
  if (sources.length <= SOURCES_SHOWN + 1) return <SourceItems sources={sources} />;
  const rest = sources.slice(SOURCES_SHOWN);
  return (
    <>
      <SourceItems sources={sources.slice(0, SOURCES_SHOWN)} />
      <details class="bs-conflicts__more">
        <summary>{tn('pkMoreSources', rest.length)}</summary>
        <SourceItems sources={rest} />
      </details>
    </>
  );
}

function SourceItems({ sources }: { sources: PackListRow['sources'] }) {
  return (
    <ul class="bs-sources-list">
      {sources.map((source) => {
        const url = safeHttpUrl(source.url);
        return (
          <li key={source.id}>
            {url ? (
              <a class="bs-link" href={url} target="_blank" rel="noopener noreferrer" dir="auto">
                {source.title}
              </a>
            ) : (
              <span dir="auto">{source.title}</span>
            )}
            <span class="bs-meta">
              {' · '}
              <time dateTime={source.date}>{formatDate(source.date)}</time>
              {source.publisher ? ' · ' : ''}
              {source.publisher ? <bdi>{source.publisher}</bdi> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
