import { browser } from 'wxt/browser';
import type { Scope } from './scope';
import { request, type Transport } from '../../lib/messaging';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { highlightApiOf } from '../../lib/page/highlights';
import { createNotedHighlight } from '../../lib/page/noted-highlight';
import type { PageScanner } from '../../lib/page/page-scanner';
import type { PageCard } from './ui-contract';

/** The part of the scanner this feature reads. */
export type NotesScanner = Pick<PageScanner, 'ready' | 'mentions'> & Partial<Pick<PageScanner, 'view'>>;

export interface EntityNotesDeps {
  scanner: NotesScanner;
  /** The content script's card popover: an open card reloads its notes when they change. */
  popover: Pick<PageCard, 'visible' | 'refreshNotes'>;
  send: Transport;
  win?: Window;
}

export interface EntityNotes {
  /** Re-mark the noted mentions now (asks the background only about entities not yet asked about). */
  refreshHighlight(): Promise<void>;
  /** Notes changed: ask again about every entity on the page, and reload the open card's notes. */
  notesChanged(): Promise<void>;
}

/** `notedEntities` takes at most this many ids per request. */
const MAX_IDS = 5_000;

/**
 * Entity notes on the page: the `backstory-noted` highlight on mentions of entities that
 * have notes, and the open card's notes kept fresh. Kept current after the first scan, when
 * the page's mentions change or a card opens (the caller calls `refreshHighlight`), and
 * whenever the background bumps the notes revision
 * (`storage.onChanged`, any tab or extension page). Everything stops with `ctx`; a failure
 * is logged and never breaks the rest of the content script.
 */
export function startEntityNotes(ctx: Scope, deps: EntityNotesDeps): EntityNotes {
  const win = deps.win ?? window;
  const { scanner, send, popover } = deps;
  // Marks only what the kind highlights hold now (near the viewport on a long page).
  const highlight = createNotedHighlight(highlightApiOf(win), scanner.view);
  ctx.onInvalidated(() => highlight.dispose());

  /** What the background said, per entity id: has notes or not. Cleared when notes change. */
  const known = new Map<string, boolean>();
  let generation = 0;
  let chain: Promise<void> = Promise.resolve();

  const paint = (): void => {
    const noted = new Set<string>();
    for (const [id, has] of known) if (has) noted.add(id);
    highlight.update(scanner.mentions(), noted);
  };

  const ask = async (): Promise<void> => {
    if (ctx.isInvalid || !highlight.available) return;
    const gen = generation;
    const ids = [...new Set(scanner.mentions().map((m) => m.entityId))].filter((id) => !known.has(id));
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const batch = ids.slice(i, i + MAX_IDS);
      const noted = new Set(await request(send, 'notedEntities', { entityIds: batch }));
      if (ctx.isInvalid || gen !== generation) return; // notes changed meanwhile: a newer ask follows
      for (const id of batch) known.set(id, noted.has(id));
    }
    paint();
  };

  /** One ask at a time, in order; errors are logged, not thrown. */
  const queue = (): Promise<void> => {
    chain = chain.then(ask).catch((error: unknown) => {
      if (!ctx.isInvalid) console.warn('Backstory: could not mark noted names:', error);
    });
    return chain;
  };


  const notesChanged = (): Promise<void> => {
    generation++;
    known.clear();
    // A closed card loads fresh notes when it opens; only an open one needs telling.
    if (popover.visible) popover.refreshNotes();
    return queue();
  };

  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local' || !(NOTES_REVISION_KEY in changes)) return;
    void notesChanged();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  void scanner.ready.then(() => queue());

  return { refreshHighlight: queue, notesChanged };
}
