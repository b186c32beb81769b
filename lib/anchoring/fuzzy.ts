/**
 * Approximate search: where in `hay` does `pattern` occur with at most `maxErrors` edits
 * (insertions, deletions, substitutions)? Candidate regions come from exact "seeds" — pieces
 * of the pattern and the edges of its context, wherever they still occur — plus the expected
 * position; each region is checked with a semi-global edit-distance pass (Sellers), which
 * also tracks where the best match starts. Cost: O(m · (m + 2k)) per region, a few regions.
 */

export interface FuzzyHit {
  start: number;
  end: number;
  /** Edits between `pattern` and `hay.slice(start, end)`. */
  errors: number;
}

export interface FuzzyQuery {
  pattern: string;
  maxErrors: number;
  /** Where the match is expected to start (in `hay`). */
  expected: number;
  /** Extra seeds: text expected to end right before / start right after the match. */
  before?: string;
  after?: string;
}

/** Most regions checked per query (by seed votes), besides the expected position. */
const MAX_REGIONS = 4;
/** Occurrences of one seed taken into account (a very common piece says little). */
const MAX_SEED_HITS = 16;
const SEED_EDGE = 16;

function occurrences(hay: string, needle: string, limit: number): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let at = hay.indexOf(needle); at >= 0 && out.length < limit; at = hay.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** Candidate match starts with their votes (pieces of the pattern that agree on them). */
function seedRegions(hay: string, q: FuzzyQuery): number[] {
  const { pattern, maxErrors } = q;
  const m = pattern.length;
  const bucket = Math.max(8, maxErrors);
  const votes = new Map<number, { votes: number; at: number }>();
  const vote = (at: number, weight: number): void => {
    const key = Math.round(at / bucket);
    const cur = votes.get(key);
    if (cur) cur.votes += weight;
    else votes.set(key, { votes: weight, at });
  };
  // Pigeonhole: with k edits, at least one of k+1 disjoint pieces survives intact; pieces
  // shorter than 6 characters match everywhere, so long patterns use fewer, longer pieces.
  const pieces = Math.max(1, Math.min(maxErrors + 1, Math.floor(m / 6)));
  const len = Math.floor(m / pieces);
  for (let p = 0; p < pieces; p++) {
    const offset = p * len;
    const piece = pattern.slice(offset, p === pieces - 1 ? m : offset + len);
    for (const at of occurrences(hay, piece, MAX_SEED_HITS)) vote(at - offset, 1);
  }
  const before = q.before?.slice(-SEED_EDGE) ?? '';
  if (before.trim().length >= 4) for (const at of occurrences(hay, before, MAX_SEED_HITS)) vote(at + before.length, 2);
  const after = q.after?.slice(0, SEED_EDGE) ?? '';
  if (after.trim().length >= 4) for (const at of occurrences(hay, after, MAX_SEED_HITS)) vote(at - m, 2);
  const ranked = [...votes.values()].sort((a, b) => b.votes - a.votes || Math.abs(a.at - q.expected) - Math.abs(b.at - q.expected));
  // Regions with a third of the best region's votes or more: a lone chance hit of a short
  // piece is not worth a pass when several pieces agree elsewhere.
  const floor = (ranked[0]?.votes ?? 0) / 3;
  const regions = ranked.filter((r) => r.votes >= floor).slice(0, MAX_REGIONS).map((r) => r.at);
  // The expected position, unless the seeds already agree on somewhere.
  if ((ranked[0]?.votes ?? 0) < 3) regions.push(q.expected);
  return regions;
}

/**
 * The best match of `pattern` inside hay[from, to): fewest errors, then closest to `near`.
 * Semi-global: the match may start and end anywhere in the window.
 */
export function bestMatchIn(hay: string, pattern: string, from: number, to: number, near: number): FuzzyHit | null {
  const m = pattern.length;
  if (m === 0 || to <= from) return null;
  const pat = new Uint16Array(m);
  for (let i = 0; i < m; i++) pat[i] = pattern.charCodeAt(i);
  const cost = new Int32Array(m + 1);
  const start = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    start[i] = from;
  }
  let best: FuzzyHit | null = null;
  for (let j = from; j < to; j++) {
    const ch = hay.charCodeAt(j);
    let diagCost = cost[0] ?? 0;
    let diagStart = start[0] ?? 0;
    cost[0] = 0;
    start[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const oldCost = cost[i] ?? 0;
      const oldStart = start[i] ?? 0;
      let c = diagCost + (pat[i - 1] === ch ? 0 : 1);
      let s = diagStart;
      const up = (cost[i - 1] ?? 0) + 1;
      if (up < c) {
        c = up;
        s = start[i - 1] ?? 0;
      }
      if (oldCost + 1 < c) {
        c = oldCost + 1;
        s = oldStart;
      }
      cost[i] = c;
      start[i] = s;
      diagCost = oldCost;
      diagStart = oldStart;
    }
    const errors = cost[m] ?? 0;
    const s = start[m] ?? 0;
    if (best === null || errors < best.errors || (errors === best.errors && Math.abs(s - near) < Math.abs(best.start - near))) {
      best = { start: s, end: j + 1, errors };
    }
  }
  return best;
}

/** Every distinct approximate match (≤ maxErrors) found around the seeds and the expected position. */
export function fuzzyCandidates(hay: string, q: FuzzyQuery): FuzzyHit[] {
  const { pattern, maxErrors } = q;
  const m = pattern.length;
  if (m === 0 || hay.length === 0) return [];
  const margin = maxErrors + 8;
  const regions = seedRegions(hay, q);
  const hits: FuzzyHit[] = [];
  for (const at of regions) {
    const from = Math.max(0, at - margin);
    const to = Math.min(hay.length, at + m + margin);
    const hit = bestMatchIn(hay, pattern, from, to, at);
    if (hit === null || hit.errors > maxErrors || hit.end <= hit.start) continue;
    if (hits.some((h) => h.start === hit.start && h.end === hit.end)) continue;
    hits.push(hit);
  }
  return hits;
}
