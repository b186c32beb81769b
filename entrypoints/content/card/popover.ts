/**
 * The hover card's popover: renders the card (Preact) into the extension's shadow-root UI
 * and keeps it next to the mention with Floating UI. It owns the card's little history
 * (related entity → its card, "Back" → the previous one), a per-entity cache of loads, and
 * nothing else: when to show and hide is the hover intent's business.
 */
import { autoUpdate, computePosition } from '@floating-ui/dom';
import { applyLocale } from '../../../components/i18n';
import { h, render } from 'preact';
import type { CardData } from '../../../lib/messaging';
import { CardView, type CardState } from '../../../components/CardView';
import type { Theme } from '../../../components/CardRoot';
import { pageTheme } from '../../../components/theme';
import cardCss from '../../../components/card.css?inline';
import notesCss from '../../../components/notes/notes.css?inline';
import type { CardNotes, CardNotesSource } from '../../../components/notes/card-notes';
import { isTextField, shieldTyping } from '../../../components/notes/key-shield';
import { cardMiddleware, isFocusable, isKeyboardFocus, isNode, rangeReference } from './popover-dom';
import { createLiveRegion } from './live-region';
import type { MentionPlace } from '../../../lib/page/mention-place';
import { t as msg } from '../../../lib/i18n';

export interface CardPopoverOptions {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** An element inside the extension's (shadow-root) UI, where the card is rendered. */
  container: HTMLElement;
  loadCard: (entityId: string) => Promise<CardData>;
  /** The hover intent uses these to keep the card open while the pointer is on it. */
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** The card's "Your notes"; without it the card has no notes section. */
  notes?: CardNotes;
  /** The card's "Not {name} here / anywhere" buttons (the card closes after either). */
  corrections?: CardCorrections;
  /** Where a mention is among its entity's mentions, and its alias's language ("mention 2 of 5", French). */
  locate?: (anchor: Range, entityId: string) => MentionPlace | undefined;
  /** The page new notes are written on; default `doc.location.href` / `doc.title` at save time. */
  pageUrl?: string;
  pageTitle?: string;
}

/** What the card's wrong-match buttons do, given the entity, the text matched on the page and the entity's name. */
export interface CardCorrections {
  notHere(entityId: string, text: string, name: string): void;
  notAnywhere(entityId: string, text: string, name: string): void;
}

export interface CardPopover {
  /** Render the entity's card and position it next to the anchor (a mention's range). */
  show(anchor: Range, entityId: string, matchedText: string): void;
  hide(): void;
  readonly visible: boolean;
  /** The entity whose card is shown (after navigating, the related entity), or null. */
  readonly entityId: string | null;
  contains(node: Node | null): boolean;
  /** Move keyboard focus into the card (for a keyboard shortcut). */
  focus(): void;
  /** Notes changed elsewhere: the open card reloads its notes (a closed one loads on open). */
  refreshNotes(): void;
  /** Packs or entities changed: close the card and forget every loaded card. */
  forgetCards(): void;
  destroy(): void;
}

interface Frame {
  entityId: string;
  /** Only for the card opened from the page. */
  matchedText?: string;
  place?: MentionPlace;
}

/** How many cards "Back" can return through. */
const MAX_HISTORY = 20;

export function createCardPopover(opts: CardPopoverOptions): CardPopover {
  const { doc, win, signal, container, loadCard } = opts;
  const cache = new Map<string, Promise<CardData>>();
  const loaded = new Map<string, CardData>();

  const style = doc.createElement('style');
  style.textContent = `${cardCss}\n${notesCss}`;
  const root = doc.createElement('div');
  root.className = 'bs-popover';
  // The card speaks the UI's language and direction, whatever the page's (`dir="rtl"` in Hebrew).
  applyLocale(root);
  root.hidden = true;
  Object.assign(root.style, { position: 'fixed', top: '0px', left: '0px', zIndex: '2147483647', width: 'max-content' });
  container.append(style, root);
  const live = createLiveRegion(doc, container);
  /** The next ready card is announced (opened or stepped to from the keyboard). */
  let announce = false;

  let visible = false;
  let destroyed = false;
  let anchor: Range | null = null;
  let current: Frame | null = null;
  let history: Frame[] = [];
  let state: CardState = { status: 'loading' };
  let theme: Theme = 'light';
  /** Bumped on every show/navigation/hide: a load or position that finishes late is stale. */
  let token = 0;
  let stopAutoUpdate: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;
  /** Bumped by refreshNotes(): the notes section reloads. */
  let notesVersion = 0;
  const ownNotes: CardNotesSource | null = opts.notes
    ? { notes: opts.notes, page: () => ({ url: opts.pageUrl ?? doc.location.href, title: opts.pageTitle ?? doc.title }) }
    : null;

  // "On the card" for the hover intent means the pointer is on it, or keyboard focus is in
  // it: a keyboard user reading the card must not lose it because the mouse moved away.
  // (Focus from a mouse click does not count, or the card would stick after any click —
  // except in a text field: someone typing a note must not lose it to a stray mouse move.)
  let pointerIn = false;
  let focusIn = false;
  /** focus() was asked for before the card was positioned. */
  let focusWhenPlaced = false;
  let held = false;
  const syncHeld = (): void => {
    const now = visible && (pointerIn || focusIn);
    if (now === held) return;
    held = now;
    if (now) opts.onPointerEnter?.();
    else opts.onPointerLeave?.();
  };
  const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void): void =>
    root.addEventListener(type, fn, { signal });
  on('pointerenter', () => {
    pointerIn = true;
    syncHeld();
  });
  on('pointerleave', () => {
    pointerIn = false;
    // A focused field that was removed (a saved editor) may not have sent a focusout.
    const active = activeElement();
    if (focusIn && !(active !== null && root.contains(active) && holdsCard(active))) focusIn = false;
    syncHeld();
  });
  on('focusin', (e) => {
    focusIn = holdsCard(e.target);
    syncHeld();
  });
  on('focusout', (e) => {
    const next = e.relatedTarget;
    if (isNode(next) && root.contains(next)) return; // moving within the card: focusin follows
    focusIn = false;
    syncHeld();
  });
  // Esc from inside the card (the UI host may isolate key events from the page).
  on('keydown', (e) => {
    if (e.key !== 'Escape' || !visible) return;
    e.stopPropagation();
    hide();
  });

  /** Focus here holds the card: keyboard focus, or any focus in a text field (a click too). */
  const holdsCard = (t: EventTarget | null): boolean => (isNode(t) && isTextField(t as Element)) || isKeyboardFocus(t);
  shieldTyping(win, root, signal);

  function fetchCard(entityId: string): Promise<CardData> {
    let p = cache.get(entityId);
    if (!p) {
      p = loadCard(entityId).then((data) => {
        loaded.set(entityId, data);
        return data;
      });
      // A failure is not cached: "Retry" (or the next hover) asks again.
      p.catch(() => {
        if (cache.get(entityId) === p) cache.delete(entityId);
      });
      cache.set(entityId, p);
    }
    return p;
  }

  function load(frame: Frame): void {
    const t = ++token;
    current = frame;
    const ready = loaded.get(frame.entityId);
    if (ready) {
      state = { status: 'ready', data: ready };
      paint();
      return;
    }
    state = { status: 'loading' };
    paint();
    fetchCard(frame.entityId).then(
      (data) => {
        if (t !== token || !visible) return;
        state = { status: 'ready', data };
        paint();
      },
      (error: unknown) => {
        if (t !== token || !visible) return;
        state = { status: 'error', message: error instanceof Error ? error.message : String(error) };
        paint();
      },
    );
  }

  function paint(): void {
    if (!visible || !current) return;
    const frame = current;
    // A new state may replace the card's element (skeleton → card): keep keyboard focus in it.
    const hadFocus = focusInside();
    render(
      h(CardView, {
        state,
        matchedText: frame.matchedText,
        place: frame.place,
        theme,
        onOpenEntity: openEntity,
        onBack: history.length > 0 ? back : undefined,
        onRetry: () => load(frame),
        notes: ownNotes ? { source: ownNotes, version: notesVersion } : undefined,
        corrections: correctionsFor(frame),
      }),
      root,
    );
    if (hadFocus && !focusInside()) root.querySelector<HTMLElement>('.bs-card')?.focus({ preventScroll: true });
    if (announce && state.status === 'ready') {
      announce = false;
      const name = state.data.entity.name;
      const place = frame.place;
      live.say(place ? msg('cardAnnounce', { name, where: msg('cardWhere', { n: place.index, total: place.total }) }) : name);
    }
  }

  /** The wrong-match buttons of a card opened from a mention, once it has loaded. */
  function correctionsFor(frame: Frame) {
    const actions = opts.corrections;
    const text = frame.matchedText;
    if (!actions || text === undefined || state.status !== 'ready') return undefined;
    const { entity } = state.data;
    const run = (action: CardCorrections['notHere']) => () => {
      action(entity.id, text, entity.name);
      hide();
    };
    return { notHere: run(actions.notHere), notAnywhere: run(actions.notAnywhere) };
  }

  function refreshNotes(): void {
    if (destroyed) return;
    notesVersion++;
    paint();
  }

  function openEntity(entityId: string): void {
    if (!visible || !current || entityId === current.entityId) return;
    history = [...history, current].slice(-MAX_HISTORY);
    load({ entityId });
    focusCardIfFocusWasInside();
  }

  function back(): void {
    const previous = history.at(-1);
    if (!visible || !previous) return;
    history = history.slice(0, -1);
    load(previous);
    focusCardIfFocusWasInside();
  }

  /** After navigating with the keyboard, keep focus in the card (the button pressed is gone). */
  function focusCardIfFocusWasInside(): void {
    const card = root.querySelector<HTMLElement>('.bs-card');
    if (card && (focusInside() || activeElement() === null)) card.focus({ preventScroll: true });
  }

  function activeElement(): Element | null {
    // The shadow root (or the document, outside one) knows which of its elements has focus.
    const scope = root.getRootNode() as Node & { activeElement?: Element | null };
    const active = scope.activeElement ?? null;
    return active && active !== doc.body ? active : null;
  }

  function focusInside(): boolean {
    const active = activeElement();
    return active !== null && root.contains(active);
  }

  function position(range: Range): void {
    const reference = rangeReference(range);
    const update = (): void => {
      void computePosition(reference, root, { strategy: 'fixed', placement: 'bottom-start', middleware: cardMiddleware() }).then(({ x, y, middlewareData }) => {
        if (!visible || anchor !== range) return;
        // The mention scrolled out of view (or was removed): the card would float over nothing.
        if (middlewareData.hide?.referenceHidden) {
          hide();
          return;
        }
        root.style.left = `${Math.round(x)}px`;
        root.style.top = `${Math.round(y)}px`;
        root.style.visibility = 'visible';
        if (focusWhenPlaced) {
          focusWhenPlaced = false;
          focus();
        }
      }, () => undefined); // A failed measurement leaves the card where it was; the next update retries.
    };
    stopAutoUpdate?.();
    stopAutoUpdate = autoUpdate(reference, root, update);
  }

  function show(range: Range, entityId: string, matchedText: string): void {
    if (destroyed) return;
    if (visible && anchor === range && current?.entityId === entityId && history.length === 0) return;
    const wasVisible = visible;
    visible = true;
    anchor = range;
    history = [];
    theme = pageTheme(doc, win);
    // Stepping to the next name with focus in the card: say which one it is now.
    announce = focusInside();
    root.hidden = false;
    // Hidden until first positioned, so a new card never flashes at the old spot.
    if (!wasVisible) root.style.visibility = 'hidden';
    const place = opts.locate?.(range, entityId);
    load({ entityId, matchedText, ...(place ? { place } : {}) });
    position(range);
  }

  function hide(): void {
    focusWhenPlaced = false;
    if (!visible) return;
    const hadFocus = focusInside();
    visible = false;
    token++;
    anchor = null;
    current = null;
    history = [];
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    render(null, root);
    root.hidden = true;
    pointerIn = false;
    focusIn = false;
    syncHeld();
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  function focus(): void {
    if (!visible) return;
    // A card not yet positioned is still visibility:hidden, which cannot take focus.
    if (root.style.visibility === 'hidden') {
      focusWhenPlaced = true;
      return;
    }
    const card = root.querySelector<HTMLElement>('.bs-card');
    if (!card) return;
    if (!focusInside()) {
      const active = doc.activeElement;
      returnFocus = isFocusable(active) && active !== doc.body ? active : null;
    }
    card.focus({ preventScroll: true });
  }

  function destroy(): void {
    if (destroyed) return;
    hide();
    destroyed = true;
    live.destroy();
    render(null, root);
    root.remove();
    style.remove();
    cache.clear();
    loaded.clear();
  }

  signal.addEventListener('abort', destroy, { once: true });
  if (signal.aborted) destroy();

  return {
    show,
    hide,
    get visible() {
      return visible;
    },
    get entityId() {
      return visible && current ? current.entityId : null;
    },
    contains: (node) => node !== null && root.contains(node),
    focus,
    refreshNotes,
    forgetCards() {
      hide();
      cache.clear();
      loaded.clear();
    },
    destroy,
  };
}
