/**
 * The candidates of one scan and the choice among them: candidates and negative phrase
 * occurrences are kept in growable Int32 buffers (reused between scans); `select` drops
 * the candidates inside a negative of their entity, then keeps the leftmost-longest,
 * non-overlapping ones.
 */
import type { Match } from '../model';
import * as C from './columns';
import type { PackColumns } from './columns';

// Module-local copies of imported bindings (see scanner.ts).
const { aliasLangOf, startAt } = C;

/** Ints per stored candidate: start, end, alias, scan position (raw end). */
const CAND = 4;
/** Ints per stored negative occurrence: start, end, entity. */
const NEG = 3;

export class Candidates {
  /** Accepted candidates (`CAND` ints each; growable, reused between scans). */
  private cand: Int32Array<ArrayBuffer> = new Int32Array(CAND * 64);
  private candCount = 0;
  /** Negative occurrences (`NEG` ints each). */
  private neg: Int32Array<ArrayBuffer> = new Int32Array(NEG * 8);
  private negCount = 0;
  /** Candidate order for the selection (reused). */
  private order: Int32Array<ArrayBuffer> = new Int32Array(64);

  constructor(private readonly columns: PackColumns) {}

  /** Forgets the last scan's candidates. */
  reset(): void {
    this.candCount = 0;
    this.negCount = 0;
  }

  pushCandidate(start: number, end: number, alias: number, scanEnd: number): void {
    const at = this.candCount * CAND;
    if (at + CAND > this.cand.length) this.cand = grow(this.cand);
    const cand = this.cand;
    cand[at] = start;
    cand[at + 1] = end;
    cand[at + 2] = alias;
    cand[at + 3] = scanEnd;
    this.candCount++;
  }

  pushNegative(start: number, end: number, entity: number): void {
    const at = this.negCount * NEG;
    if (at + NEG > this.neg.length) this.neg = grow(this.neg);
    this.neg[at] = start;
    this.neg[at + 1] = end;
    this.neg[at + 2] = entity;
    this.negCount++;
  }

  /**
   * Drops the candidates inside a negative phrase of their entity (alias set to -1). Both
   * lists are in scan order, so the candidates that can lie inside a negative are a short
   * run found by binary search on the scan position.
   */
  private applyNegatives(): void {
    const cand = this.cand;
    const neg = this.neg;
    const aliasEntity = this.columns.aliasEntity;
    const count = this.candCount;
    for (let j = 0; j < this.negCount * NEG; j += NEG) {
      const nStart = neg[j] as number;
      const nEnd = neg[j + 1] as number;
      const entity = neg[j + 2] as number;
      // First candidate whose scan position is after the negative's start.
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cand[mid * CAND + 3] as number) <= nStart) lo = mid + 1;
        else hi = mid;
      }
      for (let at = lo * CAND; at < count * CAND && (cand[at + 3] as number) <= nEnd; at += CAND) {
        const alias = cand[at + 2] as number;
        if (alias < 0 || aliasEntity[alias] !== entity) continue;
        if (nStart <= (cand[at] as number) && (cand[at + 1] as number) <= nEnd) cand[at + 2] = -1;
      }
    }
  }

  /**
   * Leftmost-longest, non-overlapping. Ties (one span, several aliases: "Israël" for the
   * French alias and for "Israel") go to the alias written exactly as the text, then to
   * the lower alias index.
   */
  select(text: string, entityId: (e: number) => string): Match[] {
    if (this.negCount > 0) this.applyNegatives();
    const cand = this.cand;
    const { aliasEntity } = this.columns;
    if (this.order.length < this.candCount) this.order = new Int32Array(this.candCount * 2);
    const order = this.order;
    let count = 0;
    for (let at = 0; at < this.candCount * CAND; at += CAND) {
      if ((cand[at + 2] as number) >= 0) order[count++] = at;
    }
    // Candidates arrive in end order, which is nearly start order (only overlapping
    // candidates are out of place), so an insertion sort is linear in practice.
    for (let k = 1; k < count; k++) {
      const x = order[k] as number;
      let j = k - 1;
      if (compareCandidates(cand, order[j] as number, x) <= 0) continue;
      do {
        order[j + 1] = order[j] as number;
        j--;
      } while (j >= 0 && compareCandidates(cand, order[j] as number, x) > 0);
      order[j + 1] = x;
    }
    const out: Match[] = [];
    let lastEnd = -1;
    for (let k = 0; k < count; k++) {
      let at = order[k] as number;
      const start = cand[at] as number;
      if (start < lastEnd) continue;
      if (k + 1 < count && sameSpan(cand, at, order[k + 1] as number)) at = this.exactOf(text, k, count);
      const aliasIndex = cand[at + 2] as number;
      lastEnd = cand[at + 1] as number;
      const match: Match = { entityId: entityId(aliasEntity[aliasIndex] as number), start, end: lastEnd, aliasIndex };
      const lang = aliasLangOf(this.columns, aliasIndex);
      if (lang !== undefined) match.lang = lang;
      out.push(match);
    }
    return out;
  }

  /** Of the candidates from `order[k]` on with its span, the first whose alias is written as the text. */
  private exactOf(text: string, k: number, count: number): number {
    const { cand, order } = this;
    const { aliasText, aliasEnds } = this.columns;
    const first = order[k] as number;
    for (let j = k; j < count && sameSpan(cand, first, order[j] as number); j++) {
      const at = order[j] as number;
      const alias = cand[at + 2] as number;
      const from = startAt(aliasEnds, alias);
      const length = (aliasEnds[alias] ?? 0) - from;
      const start = cand[at] as number;
      let i = 0;
      while (i < length && text.charCodeAt(start + i) === aliasText.charCodeAt(from + i)) i++;
      if (i === length) return at;
    }
    return first;
  }
}

function sameSpan(cand: Int32Array, x: number, y: number): boolean {
  return cand[x] === cand[y] && cand[x + 1] === cand[y + 1];
}

/** Start ascending, then end descending, then alias index ascending. */
function compareCandidates(cand: Int32Array, x: number, y: number): number {
  return (cand[x] ?? 0) - (cand[y] ?? 0) || (cand[y + 1] ?? 0) - (cand[x + 1] ?? 0) || (cand[x + 2] ?? 0) - (cand[y + 2] ?? 0);
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

