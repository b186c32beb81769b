/**
 * Packs: every installed reference pack (title, origin, version, as-of date, sources, entity
 * count, on/off), with Import, Export, Remove (asks first) and the reader's order; the
 * precedence rule in plain words; and the names two packs both claim, with who keeps them.
 * Reads are live (`liveQuery`); writes go to the background through `actions`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { BackstoryDB } from '../../lib/db/schema';
import type { LibraryActions } from './actions';
import { loadPackOverview, type PackListRow } from './queries';
import { errorMessage, useLiveQuery } from './useLiveQuery';
import { downloadText } from './download';
import { ImportPack } from './packs/ImportPack';
import { PackItem, type PackItemHandlers } from './packs/PackItem';
import { Conflicts } from './packs/Conflicts';
import { quoted } from './packs/text';

export interface PacksSectionProps {
  db: BackstoryDB;
  actions: LibraryActions;
  /** Document for downloads; defaults to the global one. */
  doc?: Document;
}

/** "1 installed pack" / "3 installed packs". */
export function installedLine(count: number): string {
  return count === 0 ? t('pkNone') : tn('pkInstalled', count);
}

/** The reader's order after moving `id` one place up (-1) or down (+1), "My entities" kept first. */
export function movedOrder(packs: readonly PackListRow[], id: string, step: -1 | 1): string[] {
  const ids = packs.map((p) => p.id);
  const from = ids.indexOf(id);
  const to = from + step;
  const pinned = (i: number) => packs[i]?.origin === 'user';
  if (from < 0 || to < 0 || to >= ids.length || pinned(from) || pinned(to)) return ids;
  [ids[from], ids[to]] = [ids[to] ?? id, ids[from] ?? id];
  return ids;
}

export function PacksSection({ db, actions, doc = document }: PacksSectionProps) {
  const overview = useLiveQuery(() => loadPackOverview(db), [db]);
  const rows = overview.value?.packs ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // Bumped when the notice should take focus (after a removal, the pack's item is gone).
  const [focusNotice, setFocusNotice] = useState(0);
  useEffect(() => {
    if (focusNotice > 0) noticeRef.current?.focus();
  }, [focusNotice]);
  // After a move the row's button has moved in the DOM: focus it again once the list re-renders.
  const [refocus, setRefocus] = useState<{ id: string; step: -1 | 1 } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!refocus) return;
    const item = [...(listRef.current?.children ?? [])].find((el) => el instanceof HTMLElement && el.dataset['packId'] === refocus.id);
    const wanted = item?.querySelector<HTMLButtonElement>(refocus.step < 0 ? '.bs-move-up' : '.bs-move-down');
    const other = item?.querySelector<HTMLButtonElement>(refocus.step < 0 ? '.bs-move-down' : '.bs-move-up');
    const target = wanted && !wanted.disabled ? wanted : other;
    if (target && !target.disabled) target.focus();
  }, [refocus, overview.value]);

  /** Run one action; its message (or error) goes to the section's notice. True when it worked. */
  const run = async (work: () => Promise<string | null>, takeFocus = false): Promise<boolean> => {
    setError(null);
    try {
      const message = await work();
      setNotice(message);
      if (takeFocus) setFocusNotice((n) => n + 1);
      return true;
    } catch (e) {
      setNotice(null);
      setError(errorMessage(e));
      return false;
    }
  };

  const handlers: PackItemHandlers = {
    onEnabled: (pack, enabled) =>
      run(async () => {
        await actions.setPackEnabled(pack.id, enabled);
        return enabled ? t('pkOn', { title: quoted(pack.title) }) : t('pkOff', { title: quoted(pack.title) });
      }),
    onExport: (pack) =>
      void run(async () => {
        const { filename, json } = await actions.exportPack(pack.id);
        downloadText(doc, filename, json, 'application/json');
        return t('pkSavedFile', { file: filename });
      }),
    onRemove: (pack) =>
      void run(async () => {
        const { notesKept } = await actions.removePack(pack.id);
        const kept = notesKept === 0 ? t('pkNoNotesKept') : tn('pkNotesKept', notesKept);
        return t('pkRemoved', { title: quoted(pack.title), kept });
      }, true),
    onMove: (pack, step) =>
      void run(async () => {
        const ids = movedOrder(rows, pack.id, step);
        await actions.setPackOrder(ids);
        setRefocus({ id: pack.id, step });
        return step < 0 ? t('pkMovedUp', { title: quoted(pack.title) }) : t('pkMovedDown', { title: quoted(pack.title) });
      }),
  };

  const movable = rows.filter((p) => p.origin !== 'user');

  return (
    <section class="bs-section-page" aria-labelledby="bs-packs-h">
      <h2 id="bs-packs-h">{t('pkTitle')}</h2>
      <p class="bs-hint">{t('pkHint')}</p>
      <p class="bs-status" role="status" aria-live="polite">
        {overview.status === 'loading' ? t('pkLoading') : installedLine(rows.length)}
      </p>
      {overview.status === 'error' ? <p class="bs-error" role="alert">{t('pkCouldNotRead', { error: overview.error })}</p> : null}
      <ImportPack db={db} actions={actions} />
      <div class="bs-panel bs-rule" role="group" aria-labelledby="bs-rule-h">
        <h3 id="bs-rule-h">{t('pkRuleTitle')}</h3>
        <p>{t('pkRule')}</p>
      </div>
      {notice && !error ? (
        <p class="bs-notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      ) : null}
      {error ? <p class="bs-error" role="alert">{error}</p> : null}
      <ul class="bs-packs" ref={listRef}>
        {rows.map((pack) => (
          <PackItem
            key={pack.id}
            pack={pack}
            inUse={overview.value?.inUse ?? 0}
            canMoveUp={pack.origin !== 'user' && movable[0]?.id !== pack.id}
            canMoveDown={pack.origin !== 'user' && movable[movable.length - 1]?.id !== pack.id}
            handlers={handlers}
          />
        ))}
      </ul>
      {overview.value ? <Conflicts conflicts={overview.value.conflicts} /> : null}
    </section>
  );
}
