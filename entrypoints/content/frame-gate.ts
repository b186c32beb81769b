/**
 * Frames that cost almost nothing. News pages carry many ad and embed frames; most have a
 * few words of text, none of the story's names, and no reader looking at them. Before a
 * sub-frame asks for anything (site status, matcher), it looks at its own text:
 *
 * - enough readable text (an embedded article, a liveblog, a `srcdoc` reader): it runs like
 *   the top frame;
 * - a little text: the background, which already holds the compiled matcher, says whether
 *   that text names anyone (`probeText`); only then does the frame decode the matcher;
 * - no text, or nothing found: it waits. A mutation only schedules a look a second later
 *   (one timer, however many mutations), and a look that finds the same text asks nothing.
 *
 * The top frame never waits: it is what the reader reads.
 */
import { request, type Transport } from '../../lib/messaging';
import type { Scope } from './scope';

/** This much readable text (non-space characters) is worth a scan without asking. */
export const READABLE_CHARS = 1_000;
/** At most this much of a small frame's text is sent to be probed. */
export const PROBE_CHARS = 4_000;
/** A frame smaller than this (CSS px) shows no readable text. */
const MIN_WIDTH = 40;
const MIN_HEIGHT = 16;
/** After a mutation, look again this much later (ms). */
const RECHECK_MS = 1_000;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'math']);

export interface FrameText {
  /** The text, joined by spaces, at most `PROBE_CHARS` long. */
  text: string;
  /** Non-space characters seen (the walk stops once `READABLE_CHARS` is reached). */
  chars: number;
}

/** The frame's readable text, cheaply: a walk of text nodes that stops early. */
export function frameText(doc: Document): FrameText {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return { text: '', chars: 0 };
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent !== null && SKIPPED.has(parent.localName)) continue;
    const value = node.nodeValue ?? '';
    const trimmed = value.trim();
    if (trimmed === '') continue;
    chars += trimmed.replace(/\s+/g, '').length;
    if (length < PROBE_CHARS) {
      const piece = trimmed.slice(0, PROBE_CHARS - length);
      parts.push(piece);
      length += piece.length + 1;
    }
    if (chars >= READABLE_CHARS) break;
  }
  return { text: parts.join(' '), chars };
}

export type FrameVerdict = 'scan' | 'probe' | 'wait';

/** Set on the content scripts' global (the isolated world's, never the page's) by a gate that let its frame through. */
const GATE_PASSED = '__backstoryGatePassed';

/** The gate found this frame worth scanning: the core it asks for need not look again. */
export function markGatePassed(global: object): void {
  (global as Record<string, unknown>)[GATE_PASSED] = true;
}

/** True once this frame's gate let it through (see `markGatePassed`). */
export function gatePassed(global: object): boolean {
  return (global as Record<string, unknown>)[GATE_PASSED] === true;
}

/** What a sub-frame should do with what it sees now (pure: sizes and text in, verdict out). */
export function frameVerdict(size: { width: number; height: number }, seen: FrameText): FrameVerdict {
  if (size.width < MIN_WIDTH || size.height < MIN_HEIGHT) return 'wait';
  if (seen.chars >= READABLE_CHARS) return 'scan';
  return seen.chars === 0 ? 'wait' : 'probe';
}

export interface FrameGateDeps {
  doc: Document;
  win: Window;
  send: Transport;
  /** Test seam: the delay before a look after a mutation. */
  recheckMs?: number;
}

/**
 * Resolves once this frame has text worth scanning (at once for the top frame); never
 * resolves if the scope ends first. Nothing but one observer, one resize listener and at
 * most one timer while it waits.
 */
export function whenWorthScanning(scope: Scope, deps: FrameGateDeps): Promise<void> {
  const { doc, win, send } = deps;
  if (win === win.top) return Promise.resolve();
  const recheckMs = deps.recheckMs ?? RECHECK_MS;
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastProbed: string | null = null;
    let probing = false;
    /** Something changed while a probe was out: look again after it. */
    let dirty = false;
    let done = false;
    const observer = new MutationObserver(() => {
      if (probing) dirty = true;
      else schedule();
    });
    const finish = (): void => {
      if (done) return;
      done = true;
      stop();
      resolve();
    };
    const stop = (): void => {
      observer.disconnect();
      win.removeEventListener('resize', onResize);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const schedule = (): void => {
      if (done || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        look();
      }, recheckMs);
    };
    const onResize = (): void => schedule();
    let idle = false;
    /** The test build marks the first time a frame settles into waiting (never in production). */
    const markIdle = (seen: FrameText): void => {
      if (idle || !__BACKSTORY_TEST_BUILD__) return;
      idle = true;
      performance.mark('backstory:frame-idle', { detail: { chars: seen.chars } });
    };
    const look = (): void => {
      if (done || probing || scope.isInvalid) return;
      const seen = frameText(doc);
      const verdict = frameVerdict({ width: win.innerWidth, height: win.innerHeight }, seen);
      if (verdict === 'scan') return finish();
      if (verdict === 'wait') return markIdle(seen);
      if (seen.text === lastProbed) return;
      lastProbed = seen.text;
      probing = true;
      request(send, 'probeText', { text: seen.text })
        .then((found) => {
          if (found && !scope.isInvalid) finish();
          else markIdle(seen);
        })
        .catch((error: unknown) => {
          if (!scope.isInvalid) console.warn('Backstory: could not check this frame:', error);
        })
        .finally(() => {
          probing = false;
          if (dirty) {
            dirty = false;
            schedule();
          }
        });
    };
    scope.onInvalidated(stop);
    observer.observe(doc, { childList: true, characterData: true, subtree: true });
    win.addEventListener('resize', onResize, { passive: true });
    look();
  });
}
