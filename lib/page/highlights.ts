/**
 * Painting mentions with the CSS Custom Highlight API: one registered `Highlight` per entity
 * kind (`backstory-person`, …) plus `backstory-active` for the mention under the pointer.
 * The page's DOM is never touched. Without the API nothing is painted (no DOM fallback).
 */
import { KIND_ORDER, highlightName } from '../kinds';
import type { EntityKind } from '../model';
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

export interface HighlightLayer {
  /** False when the browser has no Custom Highlight API: every call is then a no-op. */
  readonly available: boolean;
  add(mention: PageMention): void;
  /**
   * Holds a mention's range back until `flush`: adding ranges frame after frame makes
   * Chromium rebuild every registered range's markers each frame, so far-off mentions are
   * registered together.
   */
  hold(mention: PageMention): void;
  /** Registers up to `max` held-back ranges; returns how many are still held. */
  flush(max: number): number;
  remove(mention: PageMention): void;
  setActive(mention: PageMention | null): void;
  /** True when `highlight` is one of this layer's registrations. */
  owns(highlight: HighlightLike): boolean;
  /**
   * Registers again each of this layer's highlights that is gone from the registry (the
   * page called `CSS.highlights.clear()` or deleted one); a name the page (or a newer
   * instance) registered for itself is left alone. True when something was restored.
   */
  reclaim(): boolean;
  /** Unregisters everything this layer registered. */
  dispose(): void;
}

const NOOP_LAYER: HighlightLayer = {
  available: false,
  add: () => undefined,
  hold: () => undefined,
  flush: () => 0,
  remove: () => undefined,
  setActive: () => undefined,
  owns: () => false,
  reclaim: () => false,
  dispose: () => undefined,
};

/** Registers the kind highlights and the active highlight; `api` null → a no-op layer. */
export function createHighlightLayer(api: HighlightApi | null): HighlightLayer {
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
  let held = new Set<PageMention>();
  const owned = new Set(registered.values());
  const setActive = (mention: PageMention | null): void => {
    if (disposed || mention === activeMention) return;
    active.clear();
    activeMention = mention;
    if (mention !== null) active.add(mention.range);
  };

  return {
    available: true,
    add(mention) {
      if (!disposed) byKind.get(mention.kind)?.add(mention.range);
    },
    hold(mention) {
      if (!disposed) held.add(mention);
    },
    flush(max) {
      if (held.size <= max) {
        for (const m of held) byKind.get(m.kind)?.add(m.range);
        held = new Set();
        return 0;
      }
      let n = 0;
      for (const m of held) {
        if (n++ >= max) break;
        byKind.get(m.kind)?.add(m.range);
        held.delete(m);
      }
      return held.size;
    },
    remove(mention) {
      if (!held.delete(mention)) byKind.get(mention.kind)?.delete(mention.range);
      if (activeMention === mention) setActive(null);
    },
    setActive,
    owns: (highlight) => owned.has(highlight),
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
      held.clear();
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
