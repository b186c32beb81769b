import { useId } from 'preact/hooks';
import type { CardData } from '../lib/messaging';
import type { Source } from '../lib/model';
import { formatDate } from '../lib/format';
import { CardRoot, type Theme } from './CardRoot';
import { KindBadge } from './KindBadge';
import { ContextList } from './ContextList';
import { RelationList } from './RelationList';
import { SourceList } from './SourceList';
import { languageName, t } from '../lib/i18n';
import type { MentionPlace } from '../lib/page/mention-place';
import { tx } from './i18n';
import { NotesSection } from './notes/NotesSection';
import type { CardNotesSource } from './notes/card-notes';

export interface EntityCardProps {
  data: CardData;
  /** The text that matched on the page ("Netanyahu’s"); omitted for cards opened from a relation. */
  matchedText?: string | undefined;
  /** Where that mention is among the entity's mentions on the page, and the language it was matched in. */
  place?: MentionPlace | undefined;
  /** A related entity's button was pressed: show that entity's card. */
  onOpenEntity?: ((entityId: string) => void) | undefined;
  /** Shows a "Back" button (the container keeps the history). */
  onBack?: (() => void) | undefined;
  theme?: Theme | undefined;
  /** Shows "Your notes" (list, add, edit, delete); `version` changes when notes changed elsewhere. */
  notes?: EntityCardNotes | undefined;
  /** "Not {name} here" / "Not {name} anywhere" for the matched text (cards opened from the page only). */
  corrections?: CardCorrectionActions | undefined;
}

export interface CardCorrectionActions {
  notHere(): void;
  notAnywhere(): void;
}

export interface EntityCardNotes {
  source: CardNotesSource;
  version: number;
}

/** The sources this entity's contexts and relations cite, or all of the pack's if none. */
function citedSources(data: CardData): Source[] {
  const cited = new Set<string>();
  for (const c of data.entity.contexts) cited.add(c.sourceId);
  for (const r of data.entity.relations) if (r.sourceId) cited.add(r.sourceId);
  const used = data.pack.sources.filter((s) => cited.has(s.id));
  return used.length > 0 ? used : [...data.pack.sources];
}

/**
 * The hover card of one entity. Everything is rendered as text: pack data and notes may
 * come from anywhere and are never parsed as HTML.
 */
export function EntityCard({ data, matchedText, place, onOpenEntity, onBack, theme, notes, corrections }: EntityCardProps) {
  const id = useId();
  const { entity, pack } = data;
  const headingId = `${id}-name`;
  const summaryId = `${id}-summary`;
  const whereId = `${id}-where`;
  const shownPlace = matchedText ? place : undefined;
  const terms = [entity.name, ...entity.aliases.map((a) => a.text)];
  return (
    <CardRoot theme={theme} labelledBy={headingId} describedBy={shownPlace ? `${whereId} ${summaryId}` : summaryId} onBack={onBack}>
      <header class="bs-header">
        <KindBadge kind={entity.kind} />
        <h2 class="bs-name" id={headingId}>
          <bdi>{entity.name}</bdi>
        </h2>
        {entity.role ? (
          <p class="bs-role">
            <bdi>{entity.role}</bdi>
            <span class="bs-asof">
              {' · '}
              {tx('cardAsOf', { date: <time dateTime={pack.asOf}>{formatDate(pack.asOf)}</time> })}
            </span>
          </p>
        ) : null}
      </header>
      <p class="bs-summary" id={summaryId} dir="auto">
        {entity.summary}
      </p>
      {notes ? (
        <NotesSection
          key={entity.id}
          entityId={entity.id}
          source={notes.source}
          version={notes.version}
          headingId={`${id}-notes`}
        />
      ) : null}
      <ContextList
        contexts={entity.contexts}
        terms={terms}
        sources={pack.sources}
        headingId={`${id}-contexts`}
      />
      <RelationList
        relations={entity.relations}
        related={data.related}
        onOpenEntity={onOpenEntity}
        headingId={`${id}-related`}
      />
      <SourceList sources={citedSources(data)} links={entity.links ?? []} headingId={`${id}-sources`} />
      <footer class="bs-footer">
        {matchedText ? (
          <p class="bs-matched">
            {shownPlace?.lang
              ? tx('cardMatchedIn', { text: <bdi class="bs-matched__text">{matchedText}</bdi>, language: languageName(shownPlace.lang) })
              : tx('cardMatched', { text: <bdi class="bs-matched__text">{matchedText}</bdi> })}
            {shownPlace ? (
              <>
                {' · '}
                <span id={whereId}>{t('cardWhere', { n: shownPlace.index, total: shownPlace.total })}</span>
              </>
            ) : null}
          </p>
        ) : null}
        {matchedText && corrections ? (
          <p class="bs-wrong" role="group" aria-label={t('cardWrongMatch', { text: matchedText, name: entity.name })}>
            <button type="button" class="bs-wrong__button" onClick={corrections.notHere}>
              {t('cardNotHere', { name: entity.name })}
            </button>
            <button type="button" class="bs-wrong__button" onClick={corrections.notAnywhere}>
              {t('cardNotAnywhere', { name: entity.name })}
            </button>
          </p>
        ) : null}
        {data.also.length > 0 ? <AlsoLine data={data} onOpenEntity={onOpenEntity} /> : null}
        <p class="bs-pack">
          <bdi>{pack.title}</bdi>
          {data.edited ? <span class="bs-edited">{` · ${t('cardEditedByYou')}`}</span> : null}
        </p>
      </footer>
    </CardRoot>
  );
}

/**
 * "Also: …": entities of other packs that claim this name too and lost to this one by the
 * precedence rule (Options → Packs), or other packs' versions of this same entity.
 */
function AlsoLine({ data, onOpenEntity }: Pick<EntityCardProps, 'data' | 'onOpenEntity'>) {
  const self = data.entity.id;
  return (
    <p class="bs-also">
      <span class="bs-also__label">{`${t('cardAlso')} `}</span>
      {data.also.map((side, i) => (
        <span key={`${side.packId}\u0000${side.entityId}`}>
          {i > 0 ? '; ' : null}
          {side.entityId !== self && onOpenEntity ? (
            <button type="button" class="bs-also__open" onClick={() => onOpenEntity(side.entityId)}>
              <bdi>{side.name}</bdi>
            </button>
          ) : (
            <span>{side.entityId === self ? t('cardAlsoSelf', { name: side.name }) : <bdi>{side.name}</bdi>}</span>
          )}
          <span class="bs-also__pack">{` ${t('cardAlsoIn', { pack: side.packTitle })}`}</span>
        </span>
      ))}
    </p>
  );
}
