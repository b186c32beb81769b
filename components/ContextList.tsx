import type { ContextPassage, Source } from '../lib/model';
import { t } from '../lib/i18n';
import { formatDate, markTerms } from '../lib/format';

export interface ContextListProps {
  contexts: readonly ContextPassage[];
  /** The words that mention the entity (its name and alias texts); marked in each passage. */
  terms: readonly string[];
  sources: readonly Source[];
  headingId: string;
}

/** The article's sentences about the entity, mentions emphasised, each with its date. */
export function ContextList({ contexts, terms, sources, headingId }: ContextListProps) {
  if (contexts.length === 0) return null;
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  return (
    <section class="bs-section" aria-labelledby={headingId}>
      <h3 class="bs-section__title" id={headingId}>
        {t('cardInTheNews')}
      </h3>
      <ul class="bs-contexts">
        {contexts.map((c, i) => {
          const source = titles.get(c.sourceId);
          return (
            <li class="bs-context" key={`${i}:${c.text.slice(0, 24)}`}>
              <blockquote class="bs-context__text" dir="auto">
                {markTerms(c.text, terms).map((seg, j) =>
                  seg.mark ? <mark key={j}>{seg.text}</mark> : <span key={j}>{seg.text}</span>,
                )}
              </blockquote>
              <p class="bs-meta">
                <time dateTime={c.date}>{formatDate(c.date)}</time>
                {source ? (
                  <span>
                    {' · '}
                    <bdi>{source}</bdi>
                  </span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
