import type { Link, Source } from '../lib/model';
import { t } from '../lib/i18n';
import { formatDate, safeHttpUrl, urlHost } from '../lib/format';

/** An external link: only http(s) URLs become anchors, always in a new tab without opener. */
export function ExternalLink({ url, children }: { url: string | undefined; children: string }) {
  const href = safeHttpUrl(url);
  if (!href) return <span dir="auto">{children}</span>;
  return (
    <a class="bs-link" href={href} target="_blank" rel="noopener noreferrer" dir="auto">
      {children}
    </a>
  );
}

export interface SourceListProps {
  sources: readonly Source[];
  links: readonly Link[];
  headingId: string;
}

/** Where the card's knowledge comes from, and further reading (Wikipedia etc.). */
export function SourceList({ sources, links: allLinks, headingId }: SourceListProps) {
  // A link that cannot be followed safely is not worth showing at all.
  const links = allLinks.filter((l) => safeHttpUrl(l.url) !== null);
  if (sources.length === 0 && links.length === 0) return null;
  return (
    <section class="bs-section bs-section--sources" aria-labelledby={headingId}>
      <h3 class="bs-section__title" id={headingId}>
        {sources.length > 0 ? t('cardSources') : t('cardLinks')}
      </h3>
      {sources.length > 0 ? (
        <ul class="bs-sources">
          {sources.map((s) => {
            const publisher = s.publisher ?? (safeHttpUrl(s.url) ? urlHost(s.url ?? '') : '');
            return (
              <li class="bs-source" key={s.id}>
                <ExternalLink url={s.url}>{s.title}</ExternalLink>
                <span class="bs-meta">
                  {' · '}
                  <time dateTime={s.date}>{formatDate(s.date)}</time>
                  {publisher ? ' · ' : ''}
                  {publisher ? <bdi>{publisher}</bdi> : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {links.length > 0 ? (
        <ul class="bs-links" aria-label={t('cardLinks')}>
          {links.map((l, i) => (
            <li key={`${l.url}:${i}`}>
              <ExternalLink url={l.url}>{l.title}</ExternalLink>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
