/**
 * What makes a frame load its page UI besides a hover: the `note-selection` and
 * `track-selection` commands (keyboard or context menu), the popup's passage-status
 * query, and a page that has passage notes (they must be marked without anyone asking).
 * Until the UI is loaded the core answers these; once it is, the UI's own listeners do and
 * the core stays out of the way (a message reaches every listener in the same task, so
 * "loaded" at dispatch time decides who answers, never both).
 */
import { browser } from 'wxt/browser';
import { isFromBackground, parseContentCommand, request, type Transport } from '../../lib/messaging';
import { isPassageStatusQuery, type PassageStatus } from '../../lib/anchoring/status';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { watchRevision } from './revision-watch';
import type { UiLoader } from './ui-loader';
import type { Scope } from './scope';

export interface UiTriggerDeps {
  send: Transport;
  doc: Document;
  win: Window;
  loader: UiLoader;
  /** Probe for passage notes once this settles (the first scan), so it never competes with it. */
  ready: Promise<unknown>;
}

export function startUiTriggers(scope: Scope, deps: UiTriggerDeps): void {
  const { send, doc, win, loader } = deps;

  /** Does this page have passage notes? Then load the UI, which marks them. */
  const probe = async (): Promise<void> => {
    if (scope.isInvalid || loader.current() !== null) return;
    const url = win.location.href;
    if (!/^https?:/i.test(url)) return;
    const notes = await request(send, 'notesForPage', { url });
    if (notes.some((note) => note.target.type === 'passage')) await loader.ensure();
  };
  const probeSafely = (): Promise<void> =>
    probe().catch((error: unknown) => {
      if (!scope.isInvalid) console.warn('Backstory: could not look for the notes of this page:', error);
    });
  let probed: Promise<void> = Promise.resolve(deps.ready).catch(() => undefined).then(probeSafely);
  const reprobe = (): void => {
    probed = probeSafely();
  };
  // A note written elsewhere, or an SPA moving to another URL.
  watchRevision(scope, NOTES_REVISION_KEY, 100, () => {
    if (loader.current() === null) reprobe();
  });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const onNavigate = (): void => {
    if (loader.current() === null) reprobe();
  };
  navigation?.addEventListener('navigatesuccess', onNavigate);
  scope.onInvalidated(() => navigation?.removeEventListener('navigatesuccess', onNavigate));

  const emptyStatus = (): PassageStatus => ({ url: win.location.href, anchored: [], orphaned: [] });
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): Promise<PassageStatus> | undefined => {
    if (!isFromBackground(sender, browser.runtime.id) || loader.current() !== null) return undefined;
    if (isPassageStatusQuery(message)) {
      if (win !== win.top) return undefined;
      return probed.then(() => {
        const ui = loader.current();
        return ui ? ui.passageStatus() : emptyStatus();
      });
    }
    const command = parseContentCommand(message)?.command;
    // Every frame hears a command; only the one the reader is in acts on it.
    if ((command === 'note-selection' || command === 'track-selection') && doc.hasFocus()) {
      loader.ensure().then(
        (ui) => {
          if (command === 'note-selection') ui.newPassageNote();
          else ui.trackSelection();
        },
        () => undefined, // the loader said why
      );
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  scope.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
