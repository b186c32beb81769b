/**
 * Anchoring benchmark: a ~50k-character generated article, 200 passages described on it
 * (quotes of 20–240 characters), then a changed version of the article — paragraphs
 * inserted and removed, words edited, some inside the quotes — and the time to re-anchor
 * all 200 on it (one `createAnchorIndex` + 200 `anchor` calls), median of several runs.
 * Prints how many came back exact / moved / fuzzy / orphaned, and checks each against
 * where the passage really went (wrong = found somewhere it is not).
 * Run: npx tsx bench/anchoring.ts   (ANCHORING_BENCH_RUNS=n, default 15)
 */
import { performance } from 'node:perf_hooks';
import { createAnchorIndex, describePassage, type AnchorQuality } from '../lib/anchoring';
import type { PassageSelector } from '../lib/model';
import { rng as prng } from '../lib/rng';

export interface AnchoringBenchResult {
  textLength: number;
  changedLength: number;
  passages: number;
  medianMs: number;
  p95Ms: number;
  unchangedMedianMs: number;
  counts: Record<AnchorQuality | 'orphaned', number>;
  /** Passages whose paragraph was removed (orphaned is right for them). */
  removed: number;
  /** Anchored where the passage is not, or orphaned though it is still there. */
  wrong: number;
}


const WORDS = (
  'the a of to and in on for with that said was is by at from as it has have had would will not new ' +
  'government minister election ceasefire talks officials president senate leader party coalition vote ' +
  'Netanyahu Schumer Biden Hamas Gaza Rafah Israel Washington Democrats Republicans allies aid hostages ' +
  'offensive civilians plan speech called rejected urged warned support pressure week Sunday Monday ' +
  'statement interview reporters analysts according sources people country war peace border crossing'
).split(' ');

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'the');
  const s = words.join(' ');
  return `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}.`;
}

function paragraph(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 4);
  return Array.from({ length: n }, () => sentence(rand)).join(' ');
}

interface Planted {
  selector: PassageSelector;
  para: number;
  /** Offsets inside the paragraph. */
  from: number;
  to: number;
}

interface Fixture {
  before: string;
  after: string;
  planted: Planted[];
  /** Where each passage really is in `after` (null: its paragraph was removed). */
  truth: ({ start: number; end: number } | null)[];
}

export function makeFixture(seed = 7, passages = 200): Fixture {
  const rand = prng(seed);
  const paras: string[] = [];
  let length = 0;
  while (length < 50_000) {
    const p = paragraph(rand);
    paras.push(p);
    length += p.length + 1;
  }
  const starts: number[] = [];
  let at = 0;
  for (const p of paras) {
    starts.push(at);
    at += p.length + 1;
  }
  const before = paras.join('\n');
  const planted: Planted[] = [];
  while (planted.length < passages) {
    const para = Math.floor(rand() * paras.length);
    const text = paras[para] ?? '';
    const len = 20 + Math.floor(rand() * 220);
    if (text.length <= len + 2) continue;
    const from = Math.floor(rand() * (text.length - len));
    const to = from + len;
    if (!/\S/.test(text.slice(from, to))) continue;
    const base = starts[para] ?? 0;
    const selector = describePassage(before, base + from, base + to);
    planted.push({ selector, para, from: selector.start - base, to: selector.end - base });
  }
  // The changes: ~8% of paragraphs removed, one new paragraph before ~10% of them, a word
  // replaced in ~15% of them (anywhere in the paragraph: sometimes inside a quote).
  const kept: { text: string; from: number; edit?: { at: number; delta: number; end: number } }[] = [];
  const newIndex = new Map<number, number>();
  paras.forEach((p, i) => {
    if (rand() < 0.1) kept.push({ text: paragraph(rand), from: -1 });
    if (rand() < 0.08) return;
    let text = p;
    let edit: { at: number; delta: number; end: number } | undefined;
    if (rand() < 0.15) {
      const words = [...p.matchAll(/[a-z]{3,}/g)];
      const w = words[Math.floor(rand() * words.length)];
      if (w?.index !== undefined) {
        const replacement = WORDS[Math.floor(rand() * WORDS.length)] ?? 'new';
        text = p.slice(0, w.index) + replacement + p.slice(w.index + w[0].length);
        edit = { at: w.index, end: w.index + w[0].length, delta: replacement.length - w[0].length };
      }
    }
    newIndex.set(i, kept.length);
    kept.push({ text, from: i, ...(edit ? { edit } : {}) });
  });
  const after = kept.map((k) => k.text).join('\n');
  const newStarts: number[] = [];
  at = 0;
  for (const k of kept) {
    newStarts.push(at);
    at += k.text.length + 1;
  }
  const truth = planted.map((p) => {
    const ni = newIndex.get(p.para);
    if (ni === undefined) return null;
    const k = kept[ni];
    const base = newStarts[ni] ?? 0;
    const e = k?.edit;
    let { from, to } = p;
    if (e && e.end <= from) {
      from += e.delta;
      to += e.delta;
    } else if (e && e.at < to) {
      to += e.delta;
    }
    return { start: base + from, end: base + to };
  });
  return { before, after, planted, truth };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export function runAnchoringBench(runs = 15): AnchoringBenchResult {
  const { before, after, planted, truth } = makeFixture();
  const anchorAll = (text: string) => {
    const index = createAnchorIndex(text);
    return planted.map((p) => index.anchor(p.selector));
  };
  anchorAll(after); // warm-up
  const times: number[] = [];
  let results = anchorAll(after);
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    results = anchorAll(after);
    times.push(performance.now() - t0);
  }
  const unchanged: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    anchorAll(before);
    unchanged.push(performance.now() - t0);
  }
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  let wrong = 0;
  results.forEach((a, i) => {
    counts[a ? a.quality : 'orphaned']++;
    const t = truth[i];
    if (!a || !t) {
      if ((a === null) !== (t === null)) wrong++;
      return;
    }
    // Right when the anchor overlaps the true span by at least 80% of the longer one.
    const overlap = Math.min(a.end, t.end) - Math.max(a.start, t.start);
    if (overlap < 0.8 * Math.max(a.end - a.start, t.end - t.start)) wrong++;
  });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    textLength: before.length,
    changedLength: after.length,
    passages: planted.length,
    medianMs: median(times),
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN,
    unchangedMedianMs: median(unchanged),
    counts,
    removed: truth.filter((t) => t === null).length,
    wrong,
  };
}

const self = process.argv[1] ?? '';
if (self.endsWith('bench/anchoring.ts') || self.endsWith('bench/anchoring.js')) {
  const runs = Math.max(5, Number(process.env.ANCHORING_BENCH_RUNS ?? 15) || 15);
  const r = runAnchoringBench(runs);
  console.log(`Article: ${r.textLength.toLocaleString('en')} chars → changed: ${r.changedLength.toLocaleString('en')} chars; ${r.passages} passages`);
  console.log(`Re-anchor all ${r.passages} on the changed page: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms (${runs} runs)`);
  console.log(`Re-anchor all ${r.passages} on the unchanged page: median ${r.unchangedMedianMs.toFixed(1)} ms`);
  console.log(
    `Results: exact ${r.counts.exact} · moved ${r.counts.moved} · fuzzy ${r.counts.fuzzy} · orphaned ${r.counts.orphaned} ` +
      `(${r.removed} of the passages' paragraphs were removed) · wrong ${r.wrong}`,
  );
}
