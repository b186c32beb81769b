/**
 * Painting mentions with the CSS Custom Highlight API: one registered `Highlight` per entity
 * kind (`backstory-person`, …) plus `backstory-active` for the mention under the pointer.
 * The page's DOM is never touched. Without the API nothing is painted (no DOM fallback).
 *
 * Which mentions the kind highlights hold is a `Membership`'s choice: all of them (the
 * default), or on a real page only those near the viewport (highlights-viewport.ts: Chromium
 * repaints every registered range whenever any highlight changes). The mention under the
 * pointer only ever changes `backstory-active`, never a kind highlight.
 */
import { KIND_ORDER, highlightName } from '../kinds';
import type { EntityKind } from '../model';
import type { ApplyMembership, Membership } from './highlights-viewport';
import type { PageMention } from './types';

/** The part of `Highlight` used here (a Set of ranges with a priority). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  has(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
  readonly size: number;
}

/** A hit from `highlightsFromPoint`: current spec shape `{highlight, ranges}`. */
export interface HighlightHitLike {
  highlight: HighlightLike;
  ranges: readonly AbstractRange[];
}

export interface HighlightsFromPointOptions {
  shadowRoots?: ShadowRoot[];
}

/** The part of `HighlightRegistry` (`CSS.highlights`) used here. */
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
  /** Chrome 140+, Firefox 150+. Early implementations returned bare Highlights. */
  highlightsFromPoint?: (
    x: number,
    y: number,
    options?: HighlightsFromPointOptions,
  ) => readonly (HighlightHitLike | HighlightLike)[];
}

export interface HighlightApi {
  registry: HighlightRegistryLike;
  create(): HighlightLike;
}

type WindowWithHighlights = Window & {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
};

/** The page's Custom Highlight API, or null where the browser lacks it. */
export function highlightApiOf(win: Window): HighlightApi | null {
  const w = win as WindowWithHighlights;
  const css: unknown = (w as { CSS?: unknown }).CSS;
  if (typeof css !== 'object' || css === null || !('highlights' in css)) return null;
  const registry = (css as { highlights: unknown }).highlights as HighlightRegistryLike | undefined;
  const Ctor = w.Highlight;
  if (registry === undefined || registry === null || typeof Ctor !== 'function') return null;
  return { registry, create: () => new Ctor() };
}

export const ACTIVE_HIGHLIGHT = 'backstory-active';
/** Reserved for mentions of entities the user has notes on. */
export const NOTED_HIGHLIGHT = 'backstory-noted';

/** Which mentions are registered in the kind highlights now, and when that changes. */
export interface HighlightView {
  isShown(mention: PageMention): boolean;
  /**
   * `listener` hears every change, in the task that makes it (so a highlight that follows
   * it changes in the same frame). Returns the unsubscribe function.
   */
  subscribe(listener: (shown: readonly PageMention[], hidden: readonly PageMention[]) => void): () => void;
}

export interface HighlightLayer {
  /** False when the browser has no Custom Highlight API: every call is then a no-op. */
  readonly available: boolean;
  /** A mention near the viewport: registered at once. */
  add(mention: PageMention): void;
  /**
   * Holds a mention's range back until `flush`: adding ranges frame after frame makes
   * Chromium rebuild every registered range's markers each frame, so far-off mentions are
   * registered together.
   */
  hold(mention: PageMention): void;
  /**
   * Works through up to `max` held-back mentions (registering them, or with a viewport
   * band measuring their place); returns how many still wait.
   */
  flush(max: number): number;
  remove(mention: PageMention): void;
  setActive(mention: PageMention | null): void;
  /** True when `highlight` is one of this layer's registrations. */
  owns(highlight: HighlightLike): boolean;
  /** True when every mention added or held is registered (nothing left out or waiting). */
  readonly complete: boolean;
  readonly view: HighlightView;
  /** The layout may have moved: places are measured again by later `flush` steps. */
  invalidate(): void;
  /**
   * Registers again each of this layer's highlights that is gone from the registry (the
   * page called `CSS.highlights.clear()` or deleted one); a name the page (or a newer
   * instance) registered for itself is left alone. True when something was restored.
   */
  reclaim(): boolean;
  /** Unregisters everything this layer registered. */
  dispose(): void;
}

const NO_VIEW: HighlightView = { isShown: () => false, subscribe: () => () => undefined };

const NOOP_LAYER: HighlightLayer = {
  available: false,
  add: () => undefined,
  hold: () => undefined,
  flush: () => 0,
  remove: () => undefined,
  setActive: () => undefined,
  owns: () => false,
  complete: true,
  view: NO_VIEW,
  invalidate: () => undefined,
  reclaim: () => false,
  dispose: () => undefined,
};

/** Everything registered: near mentions at once, held ones by `settle` in batches. */
export function createEagerMembership(apply: ApplyMembership): Membership {
  const shown = new Set<PageMention>();
  let held = new Set<PageMention>();
  return {
    track(m, near) {
      if (shown.has(m) || held.has(m)) return;
      if (!near) {
        held.add(m);
        return;
      }
      shown.add(m);
      apply([m], []);
    },
    untrack(m) {
      if (held.delete(m)) return;
      if (shown.delete(m)) apply([], [m]);
    },
    isShown: (m) => shown.has(m),
    get complete() {
      return held.size === 0;
    },
    settle(max) {
      if (held.size === 0) return 0;
      const batch: PageMention[] = [];
      if (held.size <= max) {
        batch.push(...held);
        held = new Set();
      } else {
        for (const m of held) {
          if (batch.length >= max) break;
          batch.push(m);
        }
        for (const m of batch) held.delete(m);
      }
      for (const m of batch) shown.add(m);
      apply(batch, []);
      return held.size;
    },
    invalidate: () => undefined,
    dispose() {
      shown.clear();
      held.clear();
    },
  };
}

export interface HighlightLayerOptions {
  /** Chooses which mentions are registered; default all (`createEagerMembership`). */
  membership?: (apply: ApplyMembership) => Membership;
}

/** Registers the kind highlights and the active highlight; `api` null → a no-op layer. */
export function createHighlightLayer(api: HighlightApi | null, options: HighlightLayerOptions = {}): HighlightLayer {
  if (api === null) return NOOP_LAYER;
  const { registry } = api;
  const byKind = new Map<EntityKind, HighlightLike>();
  const registered = new Map<string, HighlightLike>();
  const register = (name: string, priority: number): HighlightLike => {
    const h = api.create();
    h.priority = priority;
    registry.set(name, h);
    registered.set(name, h);
    return h;
  };
  for (const kind of KIND_ORDER) byKind.set(kind, register(highlightName(kind), 0));
  const active = register(ACTIVE_HIGHLIGHT, 2);
  let activeMention: PageMention | null = null;
  let disposed = false;
  const owned = new Set(registered.values());
  const listeners = new Set<(shown: readonly PageMention[], hidden: readonly PageMention[]) => void>();

  const apply: ApplyMembership = (show, hide) => {
    if (disposed) return;
    for (const m of hide) byKind.get(m.kind)?.delete(m.range);
    for (const m of show) byKind.get(m.kind)?.add(m.range);
    for (const listener of listeners) {
      try {
        listener(show, hide);
      } catch {
        // a listener's error is its own
      }
    }
  };
  const membership = (options.membership ?? createEagerMembership)(apply);

  const setActive = (mention: PageMention | null): void => {
    if (disposed || mention === activeMention) return;
    // Only the small active highlight changes: the kind highlights are never touched here.
    if (activeMention !== null) active.delete(activeMention.range);
    activeMention = mention;
    if (mention !== null) active.add(mention.range);
  };

  const view: HighlightView = {
    isShown: (m) => !disposed && membership.isShown(m),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    available: true,
    add(mention) {
      if (!disposed) membership.track(mention, true);
    },
    hold(mention) {
      if (!disposed) membership.track(mention, false);
    },
    flush: (max) => (disposed ? 0 : membership.settle(max)),
    remove(mention) {
      membership.untrack(mention);
      if (activeMention === mention) setActive(null);
    },
    setActive,
    owns: (highlight) => owned.has(highlight),
    get complete() {
      return membership.complete;
    },
    view,
    invalidate: () => membership.invalidate(),
    reclaim() {
      if (disposed) return false;
      let restored = false;
      for (const [name, h] of registered) {
        if (registry.get(name) !== undefined) continue;
        registry.set(name, h);
        restored = true;
      }
      return restored;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      membership.dispose();
      listeners.clear();
      for (const [name, h] of registered) {
        h.clear();
        // Only remove our own registration (a newer instance may have replaced it).
        if (registry.get(name) === h) registry.delete(name);
      }
      registered.clear();
      activeMention = null;
    },
  };
}
