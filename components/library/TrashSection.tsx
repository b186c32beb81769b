/**
 * Trash: notes deleted in the last 30 days, newest deletion first, each with Restore; and
 * "Empty trash", which asks once more before deleting them for good.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRelativeDays, t, tn } from '../../lib/i18n';
import type { BackstoryDB } from '../../lib/db/schema';
import type { Note } from '../../lib/model';
import { TRASH_DAYS } from '../../lib/db/notes-repo';
import type { LibraryActions } from './actions';
import { loadEntityNames, loadNotes } from './queries';
import { errorMessage, useLiveQuery } from './useLiveQuery';
import { formatDay } from './dates';
import { TrashList } from './TrashList';

const DAY = 24 * 60 * 60 * 1000;

/** When a note deleted at `deletedAt` leaves the trash for good. */
export function purgeDate(deletedAt: number): number {
  return deletedAt + TRASH_DAYS * DAY;
}

export interface TrashSectionProps {
  db: BackstoryDB;
  actions: LibraryActions;
}

export function TrashSection({ db, actions }: TrashSectionProps) {
  const trash = useLiveQuery(() => loadNotes(db, { trash: true }), [db]);
  const notes: Note[] = trash.value ?? [];
  const entityIds = notes.flatMap((n) => (n.target.type === 'entity' ? [n.target.entityId] : []));
  const names = useLiveQuery(() => loadEntityNames(db, entityIds), [db, entityIds.join('\u0000')]);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Focus Cancel once, when the question appears (an inline ref callback would run on
  // every render and pull focus back from wherever the user moved it).
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const run = async (work: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const onRestore = (note: Note) =>
    run(async () => {
      await actions.restore(note.id);
      return t('trRestored');
    });

  const onEmpty = () =>
    run(async () => {
      setConfirming(false);
      const { purged } = await actions.emptyTrash();
      return tn('trPurged', purged);
    });

  let status = t('trLoading');
  if (trash.status !== 'loading') status = notes.length === 0 ? t('trEmpty') : tn('trCount', notes.length);

  return (
    <section class="bs-section-page" aria-labelledby="bs-trash-h">
      <h2 id="bs-trash-h">{t('trTitle')}</h2>
      <p class="bs-hint">{tn('trHint', TRASH_DAYS)}</p>
      <div class="bs-listbar">
        <p class="bs-status" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </p>
        {notes.length > 0 && !confirming ? (
          <button type="button" class="bs-btn bs-btn--danger" onClick={() => setConfirming(true)}>
            {t('trEmptyButton')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="bs-confirm" role="group" aria-labelledby="bs-empty-q">
          <p id="bs-empty-q">{tn('trConfirm', notes.length)}</p>
          <button type="button" class="bs-btn bs-btn--danger" onClick={onEmpty}>
            {t('trDeleteForGood')}
          </button>
          <button type="button" class="bs-btn" onClick={() => setConfirming(false)} ref={cancelButton}>
            {t('commonCancel')}
          </button>
        </div>
      ) : null}
      {trash.status === 'error' ? <p class="bs-error" role="alert">{t('trCouldNotRead', { error: trash.error })}</p> : null}
      {error ? <p class="bs-error" role="alert">{error}</p> : null}
      {notice && !error ? <p class="bs-notice" role="status">{notice}</p> : null}
      <TrashList notes={notes} entityNames={names.value ?? {}} onRestore={onRestore} describeDeletion={(note) => deletionLine(note)} />
    </section>
  );
}

function deletionLine(note: Note): string {
  if (note.deletedAt === undefined) return '';
  const purge = purgeDate(note.deletedAt);
  const line = t('trDeletionLine', { deleted: formatDay(note.deletedAt), purge: formatDay(purge) });
  const now = Date.now();
  return purge > now ? `${line} ${t('trDeletionIn', { when: formatRelativeDays(purge, now) })}` : line;
}
