import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { request, type Transport } from '../../lib/messaging';
import type { Note } from '../../lib/model';
import type { PageEntitySummary, PageSummary } from '../../lib/sidebar-protocol';
import { NoteList, sortNewestFirst } from '../notes/NoteList';
import { NoteView } from '../notes/NoteView';
import { useSeen } from './useVisible';
import type { ObserveVisible } from './types';

export interface PageNotesProps {
  send: Transport;
  /** The tab's URL (notes are kept per normalised http(s) URL). */
  url: string;
  summary: PageSummary;
  notesVersion: number;
  observe: ObserveVisible | undefined;
  onRevealPassage: (noteId: string) => void;
}

interface Loaded {
  page: Note[];
  passages: Note[];
  entities: { entity: PageEntitySummary; notes: Note[] }[];
}

/** `url`: the page the result belongs to (a result for another page is not shown). */
type Load = { status: 'loading' } | { status: 'error'; url: string; message: string } | { status: 'ready'; url: string; value: Loaded };

/** At most this many entities' notes are listed (the page's most prominent first). */
const MAX_NOTED = 30;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function loadNotes(send: Transport, url: string, entities: readonly PageEntitySummary[]): Promise<Loaded> {
  const http = /^https?:\/\//i.test(url);
  const [pageNotes, noted] = await Promise.all([
    http ? request(send, 'notesForPage', { url }) : Promise.resolve([]),
    entities.length > 0 ? request(send, 'notedEntities', { entityIds: entities.map((e) => e.id).slice(0, 5_000) }) : Promise.resolve([]),
  ]);
  const notedSet = new Set(noted);
  const withNotes = entities.filter((e) => notedSet.has(e.id)).slice(0, MAX_NOTED);
  const lists = await Promise.all(withNotes.map((entity) => request(send, 'notesForEntity', { entityId: entity.id })));
  return {
    page: pageNotes.filter((n) => n.target.type === 'page'),
    passages: sortNewestFirst(pageNotes.filter((n) => n.target.type === 'passage')),
    entities: withNotes.map((entity, i) => ({ entity, notes: lists[i] ?? [] })).filter((x) => x.notes.length > 0),
  };
}

/**
 * "Notes on this page": page notes, passage notes (the quote is a button that scrolls the
 * page to it; a passage no longer found is marked so), and the notes on the entities present.
 * Asked for only once the section is in view, and again when the set of entities or the
 * notes change (debounced: counts change often while a page is scanned).
 */
export function PageNotes({ send, url, summary, notesVersion, observe, onRevealPassage }: PageNotesProps) {
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref, observe);
  const [loaded, setLoad] = useState<Load>({ status: 'loading' });
  // After a navigation, the previous page's notes are not this page's: loading until they come.
  const load: Load = loaded.status !== 'loading' && loaded.url !== url ? { status: 'loading' } : loaded;
  const idsKey = summary.entities.map((e) => e.id).sort().join('\n');
  const entitiesRef = useRef(summary.entities);
  entitiesRef.current = summary.entities;

  useEffect(() => {
    if (!seen) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      loadNotes(send, url, entitiesRef.current).then(
        (value) => current && setLoad({ status: 'ready', url, value }),
        (e: unknown) => current && setLoad({ status: 'error', url, message: messageOf(e) }),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [seen, send, url, idsKey, notesVersion]);

  const orphaned = new Set(summary.passages.orphaned);
  const value = load.status === 'ready' ? load.value : null;
  const empty = value !== null && value.page.length === 0 && value.passages.length === 0 && value.entities.length === 0;
  return (
    <section class="bs-sb-section" aria-labelledby="bs-sb-notes" ref={ref}>
      <h2 class="bs-sb-section__title" id="bs-sb-notes">
        {t('sbNotesTitle')}
      </h2>
      {load.status === 'loading' ? <p class="bs-sb-muted">{t('sbNotesLoading')}</p> : null}
      {load.status === 'error' ? (
        <p class="bs-sb-error" role="alert">
          {t('sbNotesError', { message: load.message })}
        </p>
      ) : null}
      {empty ? <p class="bs-sb-muted">{t('sbNotesNone')}</p> : null}
      {value && value.page.length > 0 ? (
        <div class="bs-sb-notegroup">
          <h3 class="bs-sb-subtitle">{t('sbAboutPage')}</h3>
          <NoteList notes={value.page} label={t('sbAboutPage')} showPage={false} />
        </div>
      ) : null}
      {value && value.passages.length > 0 ? (
        <div class="bs-sb-notegroup">
          <h3 class="bs-sb-subtitle">{t('sbOnPassages')}</h3>
          <ul class="bs-sb-passages" aria-label={t('sbPassageNotes')}>
            {value.passages.map((note) => {
              const quote = note.target.type === 'passage' ? note.target.selector.exact : '';
              const lost = orphaned.has(note.id);
              return (
                <li class="bs-sb-passage" key={note.id} data-orphaned={lost ? 'true' : undefined}>
                  {lost ? (
                    <>
                      <p class="bs-sb-passage__quote" dir="auto">
                        {t('commonQuoted', { text: quote })}
                      </p>
                      <p class="bs-sb-orphan">{t('sbPassageLost')}</p>
                    </>
                  ) : (
                    <button type="button" class="bs-sb-passage__quote bs-sb-passage__go" onClick={() => onRevealPassage(note.id)}>
                      <span class="bs-sb-sr">{`${t('sbShowOnPage')} `}</span>
                      <bdi>{t('commonQuoted', { text: quote })}</bdi>
                    </button>
                  )}
                  <NoteView note={note} showPage={false} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {value?.entities.map(({ entity, notes }) => (
        <div class="bs-sb-notegroup" key={entity.id}>
          <h3 class="bs-sb-subtitle" data-kind={entity.kind}>
            <bdi>{entity.name}</bdi>
          </h3>
          <NoteList notes={notes} label={t('sbNotesOn', { name: entity.name })} />
        </div>
      ))}
    </section>
  );
}
