/** Packs: the installed reference packs, with version, as-of date, sources and entity count. */
import type { BackstoryDB } from '../../lib/db/schema';
import { formatDate, safeHttpUrl } from '../../lib/format';
import { loadPacks, type PackRow } from './queries';
import { useLiveQuery } from './useLiveQuery';

export function PacksSection({ db }: { db: BackstoryDB }) {
  const packs = useLiveQuery(() => loadPacks(db), [db]);
  const rows = packs.value ?? [];
  return (
    <section class="bs-section-page" aria-labelledby="bs-packs-h">
      <h2 id="bs-packs-h">Packs</h2>
      <p class="bs-hint">Reference packs hold the people, places and topics Backstory recognises, as of a date.</p>
      <p class="bs-status" role="status" aria-live="polite">
        {packs.status === 'loading' ? 'Loading packs…' : rows.length === 0 ? 'No packs are installed.' : `${rows.length} installed ${rows.length === 1 ? 'pack' : 'packs'}`}
      </p>
      {packs.status === 'error' ? <p class="bs-error" role="alert">{`Could not read the packs: ${packs.error}`}</p> : null}
      <ul class="bs-packs">
        {rows.map((pack) => (
          <PackItem key={pack.id} pack={pack} />
        ))}
      </ul>
    </section>
  );
}

function PackItem({ pack }: { pack: PackRow }) {
  const headingId = `bs-pack-${pack.id.replace(/[^a-z0-9_-]/gi, '-')}`;
  return (
    <li class="bs-panel bs-pack" aria-labelledby={headingId}>
      <h3 id={headingId}>{pack.title}</h3>
      <dl class="bs-facts">
        <div>
          <dt>Version</dt>
          <dd>{pack.version}</dd>
        </div>
        <div>
          <dt>As of</dt>
          <dd>
            <time dateTime={pack.asOf}>{formatDate(pack.asOf)}</time>
          </dd>
        </div>
        <div>
          <dt>Entities</dt>
          <dd>{pack.entityCount}</dd>
        </div>
      </dl>
      <h4 class="bs-subhead">{pack.sources.length === 1 ? 'Source' : 'Sources'}</h4>
      <ul class="bs-sources-list">
        {pack.sources.map((source) => {
          const url = safeHttpUrl(source.url);
          return (
            <li key={source.id}>
              {url ? (
                <a class="bs-link" href={url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>
              ) : (
                <span>{source.title}</span>
              )}
              <span class="bs-meta">
                {' · '}
                <time dateTime={source.date}>{formatDate(source.date)}</time>
                {source.publisher ? ` · ${source.publisher}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
