/**
 * The page side, wired: text index → matcher → mentions → highlights, time-sliced and
 * visible-first, kept current by a MutationObserver, with hover hit-testing. Everything
 * it starts is tied to `signal`; on abort it disconnects, unregisters and forgets.
 */
import type { EntityKind, Match } from '../model';
import type { HitTest, PageMention } from './types';
import { createHighlightLayer, highlightApiOf, type HighlightApi, type HighlightView } from './highlights';
import { createViewportBand, type ViewportBandOptions } from './highlights-viewport';
import { createHitTest } from './hit-test';
import { MentionStore, compareComposed } from './mention-store';
import { createIdCounter, mentionsFromMatches } from './mentions';
import { createPageObserver, type ChangeBatch } from './observer';
import { createMeasurer, scanRoots, type MeasureBlock, type Measurer, type ScanStep } from './scan';
import {
  createYieldInBackground,
  createYieldToPage,
  BACKGROUND_WORK,
  emptySliceStats,
  runSliced,
  type YieldToPage,
} from './scheduler';
import { composedParent, type TextBlock } from './text-index';

export interface PageScannerOptions {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  match: (text: string) => Match[];
  kindOf: (entityId: string) => EntityKind | undefined;
  /** True for the extension's host element (its subtree is never scanned). */
  isOwnUi?: (node: Node) => boolean;
  /** Called once for each open shadow root of the page that gets scanned. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** After each batch: the initial scan done, or an incremental update. */
  onChange?: (mentions: readonly PageMention[]) => void;
  /**
   * Runs alone as the first step of the initial scan (so in a task of its own, after the
   * one that started the scanner): e.g. decoding the matcher.
   */
  prepare?: () => void;
  /** Work per slice before yielding to the page (ms). Default 6. */
  budgetMs?: number;
  /** Wait from the first DOM mutation to its rescan (ms). Default 100. */
  mutationDelayMs?: number;
  /** Test seams; the defaults use `win`. */
  now?: () => number;
  yieldToPage?: YieldToPage;
  /** For work off the viewport; defaults to `yieldToPage` when that is given. */
  yieldInBackground?: YieldToPage;
  measure?: MeasureBlock;
  highlightApi?: HighlightApi | null;
  /**
   * Register only the mentions near the viewport (highlights-viewport.ts). Default: where
   * the document has a layout (not in a test DOM). An object gives the band's test seams.
   */
  viewportBand?: boolean | Partial<Pick<ViewportBandOptions, 'rectOf' | 'scrollY' | 'viewportHeight' | 'requestFrame' | 'observeResize' | 'screens'>>;
}

export interface PageScannerStats {
  /** Blocks of text currently indexed. */
  blocks: number;
  mentions: number;
  /** Work time of all scanning so far (initial + updates), excluding time yielded (ms). */
  scanMs: number;
  longestSliceMs: number;
  slices: number;
}

export interface PageScanner {
  /** Resolves when the initial scan (all blocks) is registered, or when aborted. */
  ready: Promise<void>;
  /** Current mentions, in document order. */
  mentions(): readonly PageMention[];
  hitTest: HitTest;
  setActive(m: PageMention | null): void;
  mentionsOf(entityId: string): PageMention[];
  /**
   * Which mentions the kind highlights hold now (on a long page, those near the viewport):
   * for highlights that mark a subset of them (`createNotedHighlight(api, scanner.view)`).
   */
  view: HighlightView;
  stats(): PageScannerStats;
  /**
   * Scan the whole page again (the matcher changed: a pack was imported, edited or turned
   * off). Mentions are replaced block by block, visible first; resolves when done.
   */
  rescanAll(): Promise<void>;
}

/** Matches turned into mentions per step of a block with many of them. */
const MENTIONS_PER_STEP = 64;
/** Held-back ranges registered per step. */
const RANGES_PER_STEP = 512;

/** False in a DOM without layout (a test DOM): nothing can be placed there. */
function hasLayout(doc: Document): boolean {
  const r = doc.documentElement.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

function inScopes(node: Node, scopes: ReadonlySet<Node>): boolean {
  for (let cur: Node | null = node; cur !== null; cur = composedParent(cur)) {
    if (scopes.has(cur)) return true;
  }
  return false;
}

export function startPageScanner(opts: PageScannerOptions): PageScanner {
  const { doc, win, signal, match, kindOf, isOwnUi, onChange } = opts;
  const store = new MentionStore();
  const api = opts.highlightApi === undefined ? highlightApiOf(win) : opts.highlightApi;
  const bandOption = opts.viewportBand ?? hasLayout(doc);
  const layer = createHighlightLayer(api, bandOption === false ? {} : {
    membership: (apply) => createViewportBand({
      ...(bandOption === true ? {} : bandOption),
      win,
      doc,
      signal,
      apply,
      // The layout moved: places are measured again as background work.
      onStale: () => void enqueue(function* remeasure() {
        yield BACKGROUND_WORK;
        yield* flush();
      }),
    }),
  });
  const nextId = createIdCounter();
  const sliceStats = emptySliceStats();
  const perf = (win as Window & { performance?: Performance }).performance;
  const now = opts.now ?? (() => (perf !== undefined ? perf.now() : Date.now()));
  const yieldToPage = opts.yieldToPage ?? createYieldToPage(win, signal);
  const yieldInBackground = opts.yieldInBackground
    ?? (opts.yieldToPage !== undefined ? yieldToPage : createYieldInBackground(win, signal, yieldToPage));
  const measureSeam = opts.measure;
  const shadowRoots = new Set<ShadowRoot>();
  let shadowList: ShadowRoot[] = [];

  const observer = createPageObserver({
    win,
    signal,
    isOwnUi,
    delayMs: opts.mutationDelayMs,
    onBatch: (batch) => enqueue(() => rescan(batch)),
  });

  const collect = {
    isOwnUi,
    // The page moved the walk's position away: rescan what the walk left of `container`.
    onLost: (container: Element | ShadowRoot) => {
      void enqueue(() => rescan({ scopes: [container], removals: true }));
    },
    onShadowRoot: (root: ShadowRoot) => {
      observer.observe(root);
      if (!shadowRoots.has(root)) {
        shadowRoots.add(root);
        shadowList = [...shadowRoots];
        opts.onShadowRoot?.(root);
      }
    },
  };

  function* process(block: TextBlock, near: boolean): Generator<undefined, void, undefined> {
    let matches: Match[];
    try {
      matches = match(block.text);
    } catch {
      matches = []; // a matcher bug must not stop the scan
    }
    if (matches.length === 0) {
      store.add(block, []);
      return;
    }
    // In chunks, so a block with very many mentions does not overrun the slice.
    for (let from = 0; from < matches.length; from += MENTIONS_PER_STEP) {
      if (from > 0) yield;
      const records = mentionsFromMatches(doc, block, matches, kindOf, nextId, from, from + MENTIONS_PER_STEP);
      store.add(block, records);
      for (const { mention } of records) {
        if (near) layer.add(mention);
        else layer.hold(mention);
      }
    }
  }

  function* flush(): Generator<undefined, void, undefined> {
    while (layer.flush(RANGES_PER_STEP) > 0) yield;
  }

  const steps = (roots: readonly (Element | ShadowRoot)[]): Generator<ScanStep, void, undefined> => {
    // Measured afresh for each pass (the viewport may have moved).
    const measure: Measurer = measureSeam !== undefined ? { block: measureSeam } : createMeasurer(doc, win);
    const since = observer.received();
    const changed = (): boolean => observer.received() !== since;
    return scanRoots(doc, roots, { collect, measure, process, flush, changed });
  };

  function* rescan(batch: ChangeBatch): Generator<ScanStep, void, undefined> {
    const scopes = new Set<Node>(batch.scopes);
    const stale = (block: TextBlock): boolean => {
      const first = block.nodes[0];
      if (first === undefined) return true;
      if (batch.removals && block.nodes.some((n) => !n.isConnected)) return true;
      return scopes.size > 0 && inScopes(first, scopes);
    };
    for (const m of store.removeWhere(stale)) layer.remove(m);
    // Scopes still present are scanned again, in document order (so one pass's blocks
    // are collected in document order), visible first.
    const roots = batch.scopes.filter((s) => s.isConnected).sort(compareComposed);
    yield* steps(roots);
  }

  const emit = (): void => {
    if (signal.aborted || onChange === undefined) return;
    try {
      onChange(store.all());
    } catch {
      // a listener's error is its own
    }
  };

  let chain: Promise<void> = Promise.resolve();
  let emitted = false;
  let emittedVersion = -1;
  function enqueue(work: () => Generator<ScanStep, void, undefined>): Promise<void> {
    chain = chain
      .then(async () => {
        // Never in the caller's task: the first slice gets a task of its own.
        await yieldToPage();
        if (signal.aborted) return;
        const done = await runSliced(work(), {
          now,
          yieldToPage,
          yieldInBackground,
          signal,
          budgetMs: opts.budgetMs,
          stats: sliceStats,
        });
        // Ordering the pass's mentions and reporting them get a task of their own too.
        if (done) await yieldToPage();
        store.commit();
        layer.reclaim();
        // The first batch always reports; later ones only when mentions changed.
        if (done && (!emitted || store.version !== emittedVersion)) {
          emitted = true;
          emittedVersion = store.version;
          emit();
        }
      })
      .catch(() => undefined);
    return chain;
  }

  let dispose = (): void => undefined;
  const aborted = new Promise<void>((resolve) => {
    dispose = () => {
      layer.dispose();
      store.clear();
      shadowRoots.clear();
      shadowList = [];
      resolve();
    };
  });
  if (signal.aborted) dispose();
  else signal.addEventListener('abort', dispose, { once: true });

  let ready: Promise<void> = aborted;
  if (!signal.aborted) {
    observer.observe(doc.documentElement);
    const root = doc.body ?? doc.documentElement;
    const prepare = opts.prepare;
    ready = Promise.race([enqueue(function* initial() {
      if (prepare !== undefined) {
        try {
          prepare();
        } catch {
          // `match` fails the same way later, and is guarded there
        }
        yield;
      }
      yield* steps([root]);
    }), aborted]);
  }

  const lookups = {
    mentionsAtNode: (node: Node) => store.mentionsAtNode(node),
    mentionOfRange: (range: AbstractRange) => store.mentionOfRange(range),
    shadowRoots: () => shadowList,
    ownsHighlight: layer.owns,
  };
  const hitTestImpl = createHitTest(win, doc, lookups, api);
  // `highlightsFromPoint` sees only registered ranges: while some are not (far off, or not
  // placed yet), the caret under the point finds the mention instead.
  const hitTestByCaret = createHitTest(win, doc, lookups, null);
  const healed = new WeakSet<PageMention>();

  return {
    ready,
    mentions: () => store.all(),
    hitTest: (x, y) => {
      // No mentions (most pages): no point asking the browser what is under the pointer.
      if (signal.aborted || store.mentionCount === 0) return null;
      // The page may have cleared `CSS.highlights`: a few lookups per frame put them back.
      layer.reclaim();
      if (layer.complete) return hitTestImpl(x, y);
      const hit = hitTestByCaret(x, y);
      // Under the pointer but not registered: the places are out of date (once per mention).
      if (hit !== null && !layer.view.isShown(hit) && !healed.has(hit)) {
        healed.add(hit);
        layer.invalidate();
      }
      return hit;
    },
    setActive: (m) => layer.setActive(m),
    mentionsOf: (entityId) => store.mentionsOf(entityId),
    view: layer.view,
    rescanAll: () => {
      if (signal.aborted) return Promise.resolve();
      const root = doc.body ?? doc.documentElement;
      return enqueue(() => rescan({ scopes: [root], removals: true }));
    },
    stats: () => ({
      blocks: store.blockCount,
      mentions: store.mentionCount,
      scanMs: sliceStats.busyMs,
      longestSliceMs: sliceStats.longestSliceMs,
      slices: sliceStats.slices,
    }),
  };
}
