/**
 * Passage anchoring, the W3C Web Annotation way: a passage is described by its quote with
 * some context either side (TextQuoteSelector) and its offsets (TextPositionSelector), and
 * found again in a page's (possibly changed) text:
 *
 * 1. at its old position, when the quote and its context are still there → `exact`;
 * 2. else at the best exact occurrence of the quote, scored by how well the text around it
 *    matches the stored prefix/suffix and by its distance from the old position → `moved`
 *    (or `exact` when that is the old position after all);
 * 3. else at the best approximate occurrence (the quote edited a little: up to 20% of its
 *    length in edits), found near exact seeds and the expected position → `fuzzy`;
 * 4. else nowhere: `null`, and the caller lists the note as orphaned.
 *
 * All searching happens on whitespace-collapsed text, so re-wrapping does not matter.
 * Pure: no DOM. `lib/page/passages.ts` flattens a page into the text used here.
 */
import type { PassageSelector } from '../model';
import { collapseWhitespace, collapsedOffset, isSpaceCode, originalSpan, type Collapsed } from './normalise';
import { similarity } from './similarity';
import { fuzzyCandidates } from './fuzzy';

/** Characters of context kept either side of a quote. */
export const CONTEXT_LENGTH = 32;
/** The approximate search's budget: edits per quote character. */
export const MAX_ERROR_RATE = 0.2;
/** Quotes longer than this are found approximately by their head and tail only. */
export const LONG_QUOTE = 400;
/** A quote shorter than this must have matching context to be found anywhere but its position. */
const SHORT_QUOTE = 12;
/** Exact occurrences scored at most (a very common quote is decided among the first ones). */
const MAX_OCCURRENCES = 2000;
const EDGE = 64;

export type AnchorQuality = 'exact' | 'moved' | 'fuzzy';

export interface Anchor {
  /** Offsets into the text anchored in. */
  start: number;
  end: number;
  quality: AnchorQuality;
}

/** A text prepared once for anchoring many passages in it. */
export interface AnchorIndex {
  readonly text: string;
  anchor(selector: PassageSelector): Anchor | null;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The selector of text[start, end): leading and trailing whitespace trimmed off the quote,
 * up to 32 characters of context either side (never half a surrogate pair).
 * Throws a RangeError when the span holds no visible text.
 */
export function describePassage(text: string, start: number, end: number): PassageSelector {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (s === e) throw new RangeError('describePassage: the span holds no text');
  let ps = Math.max(0, s - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, e + CONTEXT_LENGTH);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se))) se--;
  return { exact: text.slice(s, e), prefix: text.slice(ps, s), suffix: text.slice(e, se), start: s, end: e };
}

/** Collapsed context, trimmed to the context length on the side that touches the quote. */
function contextOf(selector: PassageSelector): { prefix: string; suffix: string } {
  return {
    prefix: collapseWhitespace(selector.prefix).text.slice(-CONTEXT_LENGTH),
    suffix: collapseWhitespace(selector.suffix).text.slice(0, CONTEXT_LENGTH),
  };
}

/** 0–1: how well the text around hay[start, end) matches the stored context. */
function contextScore(hay: string, start: number, end: number, prefix: string, suffix: string): number {
  const side = (stored: string, actual: string, atEdge: boolean): number => {
    if (stored.trim() === '') return atEdge || actual.trim() === '' ? 1 : 0.5;
    return similarity(stored, actual);
  };
  const before = hay.slice(Math.max(0, start - prefix.length), start);
  const after = hay.slice(end, end + suffix.length);
  return (side(prefix, before, start === 0) + side(suffix, after, end === hay.length)) / 2;
}

/** 0–1: closeness to the expected position. */
function positionScore(at: number, expected: number, length: number): number {
  return 1 - Math.min(1, Math.abs(at - expected) / Math.max(2000, length));
}

interface Scored {
  start: number;
  end: number;
  score: number;
  context: number;
}

export function createAnchorIndex(text: string): AnchorIndex {
  let collapsed: Collapsed | null = null;
  const hayOf = (): Collapsed => (collapsed ??= collapseWhitespace(text));

  /** Original offsets of a collapsed span, without the spaces an approximate match may take in. */
  const toOriginal = (c: Collapsed, start: number, end: number): { start: number; end: number } => {
    let s = start;
    let e = end;
    while (s < e && c.text.charCodeAt(s) === 32) s++;
    while (e > s && c.text.charCodeAt(e - 1) === 32) e--;
    return originalSpan(c, s, e);
  };

  const exactOccurrences = (hay: string, quote: string, expected: number, prefix: string, suffix: string): Scored[] => {
    const out: Scored[] = [];
    for (let at = hay.indexOf(quote); at >= 0 && out.length < MAX_OCCURRENCES; at = hay.indexOf(quote, at + 1)) {
      const context = contextScore(hay, at, at + quote.length, prefix, suffix);
      out.push({ start: at, end: at + quote.length, context, score: 40 * context + 2 * positionScore(at, expected, hay.length) });
    }
    return out;
  };

  const fuzzyFind = (hay: string, quote: string, expected: number, prefix: string, suffix: string): Scored | null => {
    const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
    if (maxErrors < 1) return null;
    const hits = fuzzyCandidates(hay, { pattern: quote, maxErrors, expected, before: prefix, after: suffix });
    let best: Scored | null = null;
    for (const hit of hits) {
      const context = contextScore(hay, hit.start, hit.end, prefix, suffix);
      const score = 50 * (1 - hit.errors / quote.length) + 40 * context + 2 * positionScore(hit.start, expected, hay.length);
      if (best === null || score > best.score) best = { start: hit.start, end: hit.end, score, context };
    }
    return best;
  };

  /** A long quote: its head and tail found separately, the span between them of about its length. */
  const fuzzyLong = (hay: string, quote: string, expected: number, prefix: string, suffix: string): Scored | null => {
    const head = quote.slice(0, EDGE);
    const tail = quote.slice(-EDGE);
    const h = exactOccurrences(hay, head, expected, prefix, '').sort((a, b) => b.score - a.score)[0] ?? fuzzyFind(hay, head, expected, prefix, '');
    if (h === null) return null;
    const tailExpected = h.start + quote.length - EDGE;
    const t = exactOccurrences(hay, tail, tailExpected, '', suffix).sort((a, b) => b.score - a.score)[0] ?? fuzzyFind(hay, tail, tailExpected, '', suffix);
    if (t === null || t.end <= h.start) return null;
    const length = t.end - h.start;
    if (Math.abs(length - quote.length) > quote.length * MAX_ERROR_RATE) return null;
    return { start: h.start, end: t.end, score: h.score + t.score, context: (h.context + t.context) / 2 };
  };

  const anchor = (selector: PassageSelector): Anchor | null => {
    const { exact, start, end } = selector;
    if (exact.trim() === '') return null;
    const { prefix, suffix } = contextOf(selector);

    // 1. The old position, with its context intact.
    if (end - start === exact.length && text.slice(start, end) === exact) {
      const before = collapseWhitespace(text.slice(Math.max(0, start - selector.prefix.length - 8), start)).text;
      const after = collapseWhitespace(text.slice(end, end + selector.suffix.length + 8)).text;
      if (contextScore(before + exact + after, before.length, before.length + exact.length, prefix, suffix) >= 0.8) {
        return { start, end, quality: 'exact' };
      }
    }

    const c = hayOf();
    const hay = c.text;
    const quote = collapseWhitespace(exact).text.trim();
    const expected = collapsedOffset(c, start);

    // 2. Exact occurrences of the quote, by context and distance.
    let best: Scored | undefined;
    for (const occ of exactOccurrences(hay, quote, expected, prefix, suffix)) if (best === undefined || occ.score > best.score) best = occ;
    if (best !== undefined && (quote.length >= SHORT_QUOTE || best.context >= 0.5 || best.start === expected)) {
      const span = toOriginal(c, best.start, best.end);
      return { ...span, quality: span.start === start && span.end === end ? 'exact' : 'moved' };
    }

    // 3. An approximate occurrence (the quote edited a little).
    const fuzzy = quote.length > LONG_QUOTE ? fuzzyLong(hay, quote, expected, prefix, suffix) : fuzzyFind(hay, quote, expected, prefix, suffix);
    if (fuzzy !== null && (quote.length >= 2 * SHORT_QUOTE || fuzzy.context >= 0.5)) {
      return { ...toOriginal(c, fuzzy.start, fuzzy.end), quality: 'fuzzy' };
    }
    // 4. Orphaned.
    return null;
  };

  return { text, anchor };
}

/** Find one passage in `text` (see the module comment); null when it is no longer there. */
export function anchorPassage(text: string, selector: PassageSelector): Anchor | null {
  return createAnchorIndex(text).anchor(selector);
}
