/**
 * Passage notes in one frame: load the page's notes, anchor each passage note in the page's
 * text and mark it (`backstory-passage`); re-anchor when notes change (the background bumps
 * `notesRevision`) or the page's text changes; on the `note-selection` command (keyboard or
 * context menu) open a new note's editor on the selection; on a click on a marked passage
 * show its notes; answer the popup's `passage-status` query (top frame only).
 */
import { browser } from 'wxt/browser';
import type { Scope } from './scope';
import { request, isFromBackground, parseContentCommand, type Transport } from '../../lib/messaging';
import type { Note, NoteTarget, PassageSelector } from '../../lib/model';
import { createAnchorIndex, isPassageStatusQuery, type PassageStatus } from '../../lib/anchoring';
import { highlightApiOf } from '../../lib/page/highlights';
import { caretFromPoint } from '../../lib/page/hit-test';
import { createPassageHighlight, flattenPage, isOwnUiNode, offsetsToRange, offsetsToRanges, selectedPassage } from '../../lib/page/passages';
import { NOTES_REVISION_KEY } from '../../lib/notes/revision';
import { createPassageUi, type PassageUi } from './passage-ui';
import { flashRange, scrollBehavior } from '../../lib/page/flash';

export interface PassageNotesDeps {
  send: Transport;
  doc: Document;
  win: Window;
  /** Start after this settles (e.g. the page scan), so anchoring never competes with it. */
  ready?: Promise<unknown>;
  /** How long the page's text must stay unchanged before re-anchoring (ms, default 1000). */
  settleMs?: number;
}

export interface PassageNotes {
  status(): PassageStatus;
  /** The status once the page's notes are loaded (what the popup's query gets). */
  statusWhenLoaded(): Promise<PassageStatus>;
  /** A new note's editor on the selection (or, on a caret in a marked passage, its notes). */
  newNote(): void;
  /** Reload the page's notes and re-anchor. */
  refresh(): Promise<void>;
  /** Scroll to a passage note's passage and flash it; false when it is not anchored. */
  reveal(noteId: string): boolean;
}

type PassageNote = Note & { target: Extract<NoteTarget, { type: 'passage' }> };

interface Anchored {
  note: PassageNote;
  ranges: Range[];
  /** The whole span (for placing the card). */
  span: Range;
}

const isPassageNote = (note: Note): note is PassageNote => note.target.type === 'passage';

export function startPassageNotes(ctx: Scope, deps: PassageNotesDeps): PassageNotes {
  const { send, doc, win, settleMs = 1000 } = deps;
  const highlight = createPassageHighlight(highlightApiOf(win));
  ctx.onInvalidated(() => highlight.dispose());
  let ui: PassageUi | null = null;
  const uiOf = (): PassageUi => (ui ??= createPassageUi(ctx, { doc, win }));

  let url = win.location.href;
  let notes: PassageNote[] = [];
  let anchored: Anchored[] = [];
  let orphaned: string[] = [];
  let lastText = '';
  let pending: { range: Range } | null = null;
  let loads = 0;
  let loading: Promise<void> = Promise.resolve();
  /** Settles once the first load is done (or skipped): the status waits for it. */
  let started: Promise<void> = Promise.resolve();

  const paint = (): void => {
    const ranges = anchored.flatMap((a) => a.ranges);
    if (pending) ranges.push(pending.range);
    highlight.set(ranges);
  };

  const reanchor = (): void => {
    if (notes.length === 0) {
      // Nothing to place: never walk the whole page for nothing.
      anchored = [];
      orphaned = [];
      lastText = '';
      paint();
      return;
    }
    const page = flattenPage(doc);
    lastText = page.text;
    const index = createAnchorIndex(page.text);
    const found: Anchored[] = [];
    const lost: string[] = [];
    for (const note of notes) {
      const anchor = index.anchor(note.target.selector);
      const span = anchor && offsetsToRange(doc, page, anchor.start, anchor.end);
      if (!anchor || !span) {
        lost.push(note.id);
        continue;
      }
      found.push({ note, span, ranges: offsetsToRanges(doc, page, anchor.start, anchor.end) });
    }
    anchored = found;
    orphaned = lost;
    paint();
  };

  const refresh = (): Promise<void> => {
    const load = ++loads;
    url = win.location.href;
    if (!/^https?:/i.test(url)) return Promise.resolve();
    loading = request(send, 'notesForPage', { url }).then(
      (all) => {
        if (load !== loads || ctx.isInvalid) return;
        notes = all.filter(isPassageNote);
        reanchor();
      },
      (error: unknown) => console.warn('Backstory: could not load the notes of this page.', error),
    );
    return loading;
  };

  const actions = {
    save: (draft: Parameters<typeof request<'saveNote'>>[2]['draft']) => request(send, 'saveNote', { draft }),
    remove: (id: string) => request(send, 'deleteNote', { id }),
    restore: (id: string) => request(send, 'restoreNote', { id }),
  };
  const pageInfo = () => ({ url: win.location.href, title: doc.title });

  const openNotes = (hits: Anchored[]): void => {
    const first = hits[0];
    if (!first) return;
    const selector: PassageSelector = first.note.target.selector;
    uiOf().show(first.span, {
      quote: selector.exact,
      target: first.note.target,
      page: pageInfo(),
      notes: hits.map((a) => a.note),
      actions,
      onChange: () => void refresh(),
    });
  };

  const notesAt = (node: Node, offset: number): Anchored[] =>
    anchored.filter((a) => a.ranges.some((r) => r.isPointInRange(node, offset)));

  const newNote = (): void => {
    const passage = selectedPassage(doc);
    if (passage === null) {
      // A caret inside a marked passage (no selection): show its notes instead.
      const sel = doc.getSelection();
      const hits = sel && sel.rangeCount > 0 ? notesAt(sel.getRangeAt(0).startContainer, sel.getRangeAt(0).startOffset) : [];
      openNotes(hits);
      return;
    }
    const target: NoteTarget = { type: 'passage', url: win.location.href, selector: passage.selector };
    // The selection is marked while its editor is open, and until the saved note is anchored.
    const mine = { range: passage.range };
    pending = mine;
    paint();
    let saved = false;
    const unmark = (): void => {
      if (pending !== mine) return;
      pending = null;
      paint();
    };
    uiOf().show(
      passage.range,
      {
        quote: passage.selector.exact,
        target,
        page: pageInfo(),
        notes: [],
        actions,
        onChange: () => {
          saved = true;
          void refresh().then(unmark);
        },
      },
      () => {
        if (!saved) unmark();
      },
    );
  };

  // Commands (keyboard shortcut, context menu) and the popup's status query.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): Promise<PassageStatus> | undefined => {
    if (!isFromBackground(sender, browser.runtime.id)) return undefined;
    if (isPassageStatusQuery(message)) {
      if (win !== win.top) return undefined;
      return api.statusWhenLoaded();
    }
    // Every frame hears a keyboard command; only the one the user is in acts on it.
    if (parseContentCommand(message)?.command === 'note-selection' && doc.hasFocus()) newNote();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Notes changed (in any tab, the popup, the options page).
  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && NOTES_REVISION_KEY in changes) void refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  // A click on a marked passage (not the end of a text selection) shows its notes.
  const onClick = (e: MouseEvent): void => {
    if (anchored.length === 0 || e.button !== 0 || isOwnUiNode(e.target as Node)) return;
    const sel = doc.getSelection();
    if (sel && !sel.isCollapsed) return;
    const caret = caretFromPoint(doc, e.clientX, e.clientY, []);
    if (caret) openNotes(notesAt(caret.offsetNode, caret.offset));
  };
  doc.addEventListener('click', onClick, { signal: ctx.signal, passive: true });

  // The page's text changed (or an SPA moved to another URL): re-anchor once it settles.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = (): void => {
    timer = undefined;
    if (win.location.href !== url) {
      void refresh();
      return;
    }
    if (notes.length === 0) return;
    if (flattenPage(doc).text !== lastText) reanchor();
  };
  const observer = new MutationObserver((records: MutationRecord[]) => {
    // Most pages have no passage notes: then only a new URL (an SPA navigation) matters.
    if (timer !== undefined || (notes.length === 0 && win.location.href === url)) return;
    const ours = records.every((r) => {
      if (isOwnUiNode(r.target)) return true;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      return r.type === 'childList' && nodes.length > 0 && nodes.every(isOwnUiNode);
    });
    if (!ours) timer = setTimeout(settle, settleMs);
  });
  if (doc.body) observer.observe(doc.body, { childList: true, characterData: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  // ── the side panel's "show me this passage" (sidebar-bridge.ts) ──
  const revealPassage = (noteId: string): boolean => {
    const hit = anchored.find((a) => a.note.id === noteId);
    const first = hit?.ranges[0] ?? hit?.span;
    if (!hit || !first) return false;
    const start = first.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: scrollBehavior(win) });
    flashRange(highlightApiOf(win), hit.ranges.length > 0 ? hit.ranges : [hit.span], win);
    return true;
  };

  const api: PassageNotes = {
    status: () => ({ url, anchored: anchored.map((a) => a.note.id), orphaned: [...orphaned] }),
    statusWhenLoaded: () => started.then(() => loading).then(() => api.status()),
    newNote,
    refresh,
    reveal: (noteId) => revealPassage(noteId),
  };
  started = Promise.resolve(deps.ready)
    .catch(() => undefined)
    .then(() => (ctx.isInvalid ? undefined : refresh()));
  return api;
}
