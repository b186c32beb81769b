/**
 * The notes library (the options page): a header, a section navigation and one section at a
 * time. Reads come straight from the database through `liveQuery`; writes go through
 * `actions` (the background). The section follows the URL hash (#notes, #trash, …).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatNumber, t, tn, type PlainKey } from '../../lib/i18n';
import type { BackstoryDB } from '../../lib/db/schema';
import type { Transport } from '../../lib/messaging';
import { createActions } from './actions';
import { loadFacets } from './queries';
import { useLiveQuery } from './useLiveQuery';
import { NotesSection } from './NotesSection';
import { TrashSection } from './TrashSection';
import { BackupSection } from './BackupSection';
import { PacksSection } from './PacksSection';
import { EntitiesSection } from './entities/EntitiesSection';
import { SitesSection, type SitesDeps } from './sites/SitesSection';

const sectionOf = <I extends string>(id: I, key: PlainKey) => ({
  id,
  get title(): string {
    return t(key);
  },
});

export const SECTIONS = [
  sectionOf('notes', 'libSectionNotes'),
  sectionOf('trash', 'libSectionTrash'),
  sectionOf('backup', 'libSectionBackup'),
  sectionOf('packs', 'libSectionPacks'),
  sectionOf('entities', 'libSectionEntities'),
  sectionOf('sites', 'libSectionSites'),
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  return SECTIONS.find((s) => s.id === id)?.id ?? 'notes';
}

export interface LibraryProps {
  db: BackstoryDB;
  send: Transport;
  /** Window for the hash and downloads; defaults to the global one. */
  win?: Window;
  /** The change signal of the sites state; without it the Sites section reloads only on its own writes. */
  onSitesChanged?: (listener: () => void) => () => void;
}

export function Library({ db, send, win = window, onSitesChanged }: LibraryProps) {
  const actions = useMemo(() => createActions(send), [send]);
  const sites = useMemo<SitesDeps>(
    () => ({
      view: () => actions.sitesState(),
      update: (action) => actions.updateSites(action),
      onChanged: onSitesChanged ?? (() => () => undefined),
    }),
    [actions, onSitesChanged],
  );
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(win.location.hash));
  const facets = useLiveQuery(() => loadFacets(db), [db]);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(win.location.hash));
    win.addEventListener('hashchange', onHash);
    return () => win.removeEventListener('hashchange', onHash);
  }, [win]);

  useEffect(() => {
    const title = SECTIONS.find((s) => s.id === section)?.title ?? '';
    win.document.title = t('libDocTitle', { section: title });
  }, [section, win]);

  const count = (id: SectionId): number | null => {
    if (!facets.value) return null;
    if (id === 'notes') return facets.value.total;
    if (id === 'trash') return facets.value.trash;
    return null;
  };

  return (
    <div class="bs-library bs-notes-theme">
      <a class="bs-skip" href="#bs-main" onClick={(e) => { e.preventDefault(); win.document.getElementById('bs-main')?.focus(); }}>
        {t('libSkip')}
      </a>
      <header class="bs-lib-header">
        <h1 class="bs-lib-title">{t('libTitle')}</h1>
        <p class="bs-lib-tagline">{t('libTagline')}</p>
      </header>
      <nav class="bs-lib-nav" aria-label={t('libNavLabel')}>
        <ul>
          {SECTIONS.map((s) => {
            const n = count(s.id);
            return (
              <li key={s.id}>
                <a
                  href={`#${s.id}`}
                  class="bs-lib-nav__link"
                  aria-current={section === s.id ? 'page' : undefined}
                  onClick={() => setSection(s.id)}
                >
                  <span>{s.title}</span>
                  {n !== null ? (
                    <span class="bs-count">
                      <span class="bs-sr">, </span>
                      {formatNumber(n)}
                      <span class="bs-sr">{` ${tn('libNavCount', n)}`}</span>
                    </span>
                  ) : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="bs-main" class="bs-lib-main" tabIndex={-1}>
        {section === 'notes' ? <NotesSection db={db} actions={actions} facets={facets} /> : null}
        {section === 'trash' ? <TrashSection db={db} actions={actions} /> : null}
        {section === 'backup' ? <BackupSection actions={actions} doc={win.document} /> : null}
        {section === 'packs' ? <PacksSection db={db} actions={actions} doc={win.document} /> : null}
        {section === 'entities' ? <EntitiesSection db={db} actions={actions} /> : null}
        {section === 'sites' ? <SitesSection sites={sites} /> : null}
      </main>
    </div>
  );
}
