/**
 * "Track this name" in one frame: on the `track-selection` command (the context menu
 * "Track “…” with Backstory", or Alt+Shift+T) open a small form next to the selected name,
 * prefilled with the name, a kind guess and the sentence around it, in its own shadow-root
 * host (`backstory-track-ui`). Saving adds the name to "My entities"; the background then
 * signals every tab (see `packs.ts`), this one included, to underline it.
 */
import { browser } from 'wxt/browser';
import { h } from 'preact';
import type { Scope } from './scope';
import { isFromBackground, parseContentCommand, request, type Transport } from '../../lib/messaging';
import { guessKind, sentenceAround } from '../../lib/packs/kind-guess';
import { flattenPage, selectedPassage } from '../../lib/page/passages';
import { notesCss } from '../../components/notes';
import { pageTheme } from '../../components/theme';
import panelCss from './passage-panel.css?inline';
import trackCss from './track-form.css?inline';
import { createFloatingPanel, type FloatingPanel } from './floating-panel';
import { TrackForm } from './TrackForm';

export const TRACK_UI_HOST_TAG = 'backstory-track-ui';
/** A selection longer than this is not a name. */
const MAX_NAME = 120;

export interface TrackSelection {
  name: string;
  context: string;
  range: Range;
}

/** The selected name and the sentence around it, or null when nothing usable is selected. */
export function trackSelection(doc: Document): TrackSelection | null {
  const page = flattenPage(doc);
  const selected = selectedPassage(doc, page);
  if (selected === null) return null;
  const name = selected.selector.exact.replace(/\s+/g, ' ').trim().replace(/[’']s$/u, '').replace(/^[\s"“‘(]+|[\s"”’),.;:!?]+$/gu, '');
  if (name === '' || name.length > MAX_NAME) return null;
  const { start, end } = selected.selector;
  // The sentence, within the block the selection starts in.
  let block = 0;
  for (let i = 0; i < page.starts.length; i++) if ((page.starts[i] ?? 0) <= start) block = i;
  const from = page.starts[block] ?? 0;
  const text = page.blocks[block]?.text ?? '';
  const context = sentenceAround(text, start - from, Math.min(end - from, text.length)).replace(/\s+/g, ' ').trim();
  return { name, context, range: selected.range };
}

export function startTrackName(ctx: Scope, deps: { send: Transport; doc: Document; win: Window }): { open(): boolean } {
  const { send, doc, win } = deps;
  let panel: FloatingPanel | null = null;
  const panelOf = (): FloatingPanel =>
    (panel ??= createFloatingPanel(ctx, { doc, win, hostTag: TRACK_UI_HOST_TAG, css: `${notesCss}\n${panelCss}\n${trackCss}` }));

  const open = (): boolean => {
    const selection = trackSelection(doc);
    if (selection === null) return false;
    const page = { url: win.location.href, title: doc.title };
    panelOf().show(selection.range, (close, key) =>
      h(TrackForm, {
        key,
        name: selection.name,
        kind: guessKind(selection.name, selection.context),
        context: selection.context,
        page,
        theme: pageTheme(doc, win),
        save: (draft) => request(send, 'trackEntity', { draft }),
        onClose: close,
      }),
    );
    return true;
  };

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    if (!isFromBackground(sender, browser.runtime.id)) return undefined;
    if (parseContentCommand(message)?.command !== 'track-selection') return undefined;
    // Every frame hears a keyboard command; only the one the user is in acts on it.
    if (doc.hasFocus()) open();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return { open };
}
