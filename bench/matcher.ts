/**
 * Matcher benchmark: MB/s of the scan over ~1.5 MB of generated news text, against a plain
 * charCodeAt loop (the ceiling) and the `ahocorasick` npm package.
 *
 * The text imitates a news site's front page: mostly unrelated news (other people, places,
 * numbers, quotes, headlines) with a mention of the shipped pack's entities about every
 * 200 characters; a "dense" text at the seed article's density (a story about exactly these
 * people, ~1 mention per 60 characters) is a second figure. The densities actually found by
 * the matcher are printed.
 *
 * Timing is interleaved: every repetition runs each contender once, in the same order, so
 * machine load hits all of them alike; ratios are computed per repetition and their median
 * reported. Run: npx tsx bench/matcher.ts   (MATCHER_BENCH_RUNS=n for n repetitions, ≥ 7)
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { CaseRule, Entity, EntityKind } from '../lib/model';
import { compileMatcher, matcherFromData, specFromEntities, type MatcherSpec } from '../lib/matcher';
import { resolvePacks, type PackSource } from '../lib/packs/resolve';
import { shippedPack } from '../lib/packs/shipped';
import { rng as prng } from '../lib/rng';

export interface MatcherBenchResult {
  name: string;
  /** MB/s (10^6 UTF-16 code units per second), or milliseconds for timings. */
  value: number;
  unit: 'MB/s' | 'ms' | 'bytes';
  note?: string;
}

interface AhoCorasickInstance {
  search(text: string): unknown[];
}
type AhoCorasickCtor = new (keywords: string[]) => AhoCorasickInstance;


const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

/** Frequent function words (about half of running news text). */
const FUNCTION = words(`the the the of of and and to to in in a a that for on with as was by at from is it be
  has have had are were will would said says but not this their his her its they he she we us our an or after
  who which about more than over into up out new also one two last year week when been could there all`);
/** Content words of general news (politics, economy, sport, weather, culture). */
const CONTENT = words(`government minister officials reported according military civilians talks pressure
  region leaders statement conflict international diplomatic economy inflation prices market shares
  investors bank rates percent growth jobs workers strike union police court judge trial case lawyers
  election vote voters campaign poll party council city state country border security attack forces
  troops aid hospital health patients doctors school students teachers climate weather storm rain heat
  flood fire season team match game win league coach players final goal championship film music show
  festival album award book report study research scientists data company chief executive deal plan
  budget tax spending debt energy oil gas power housing rent homes families children community residents
  protest crowd demonstrators spokesman agency ministry department public private national local
  federal regional global early late long short major key top senior former latest annual weekly`);
/** Capitalised names and places that are not in the pack. */
const OTHER_NAMES = words(`Smith Johnson Williams Brown Taylor Wilson Davies Evans Thomas Roberts Garcia Martinez
  Nguyen Kim Chen Singh Patel Müller Schmidt Dubois Rossi London Paris Berlin Tokyo Beijing Moscow Kyiv
  Ukraine Russia China India Brazil Canada Mexico Germany France Britain Europe Africa Asia Sydney Toronto
  Chicago Texas California Florida Microsoft Apple Google Amazon Tesla Reuters AP NATO EU Fed Congress
  Parliament Monday Tuesday Wednesday Thursday Friday Saturday Sunday January March April June Mr Ms Dr`);
const NUMBERS = words(`3 12 27 140 2,500 1.4 3.2% 4.5% $1.2bn $350m £40m 2023 2024 10,000 75 19 8pm 1990s`);
const PUNCT_END = ['.', '.', '.', '.', '?', '!'];

export interface NewsTextOptions {
  chars: number;
  /** Target characters per planted mention (the density the matcher finds is measured). */
  mentionEvery: number;
  /** Alias texts to plant as mentions. */
  mentions: string[];
  seed?: number;
}

/** Generated news text: sentences, paragraphs, occasional headlines and quotes. */
export function newsText(o: NewsTextOptions): string {
  const rand = prng(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const mentionP = 6.2 / o.mentionEvery; // ~6.2 characters per word slot
  const word = (): string => {
    if (rand() < mentionP) {
      const m = pick(o.mentions);
      const r = rand();
      return r < 0.1 ? `${m}\u2019s` : r < 0.15 ? `${m}'s` : m;
    }
    const r = rand();
    if (r < 0.5) return pick(FUNCTION);
    if (r < 0.88) return pick(CONTENT);
    if (r < 0.96) return pick(OTHER_NAMES);
    return pick(NUMBERS);
  };
  const parts: string[] = [];
  let size = 0;
  while (size < o.chars) {
    let s: string;
    const kind = rand();
    if (kind < 0.08) {
      // Headline: Title Case or ALL CAPS, no full stop.
      const ws = Array.from({ length: 4 + Math.floor(rand() * 6) }, word);
      s = kind < 0.02 ? ws.join(' ').toUpperCase() : ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    } else {
      const ws: string[] = [];
      const n = 8 + Math.floor(rand() * 22);
      for (let i = 0; i < n; i++) ws.push(word() + (i < n - 1 && rand() < 0.07 ? ',' : ''));
      s = ws.join(' ');
      s = s.charAt(0).toUpperCase() + s.slice(1) + pick(PUNCT_END);
      if (kind > 0.9) s = `\u201c${s}\u201d ${pick(OTHER_NAMES)} said.`;
    }
    const sep = kind < 0.08 || rand() < 0.2 ? '\n\n' : ' ';
    parts.push(s, sep);
    size += s.length + sep.length;
  }
  return parts.join('');
}

/** The pack that ships with the extension, as the runtime compiles it. */
export function shippedSpec(): MatcherSpec {
  return specFromEntities(shippedPack.entities);
}

/**
 * The generated 50,000-alias pack, as entities (what the background recompiles after an
 * import): the shipped pack's entities plus 9,000 generated ones (a third of them people)
 * with one- to three-word names made of syllables, `count` aliases in all.
 */
export function bigEntities(count: number): Entity[] {
  const rand = prng(7);
  const syl = words('ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve za zu an el or us ha yu');
  const word = (): string => {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += syl[Math.floor(rand() * syl.length)] ?? '';
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const rules: CaseRule[] = ['proper', 'proper', 'insensitive', 'sensitive'];
  const kinds: EntityKind[] = ['person', 'organisation', 'place'];
  const generated: Entity[] = Array.from({ length: 9000 }, (_, k) => ({
    id: `gen/${k}`,
    kind: kinds[k % kinds.length] ?? 'person',
    name: '',
    aliases: [],
    role: '',
    summary: '',
    contexts: [],
    relations: [],
  }));
  let total = shippedPack.entities.reduce((sum, e) => sum + e.aliases.length, 0);
  while (total < count) {
    const n = 1 + Math.floor(rand() * 3);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(word());
    const entity = generated[total % generated.length];
    if (entity) {
      const text = ws.join(' ');
      entity.aliases.push({ text, case: rules[total % 4] ?? 'proper' });
      if (entity.name === '') entity.name = text;
    }
    total++;
  }
  return [...shippedPack.entities, ...generated];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Median seconds of `runs` timed runs after 2 warm-up runs (for one-off timings). */
function time(fn: () => unknown, runs = 5): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

/** The aim for the whole recompile path, with room under the 100 ms requirement for a busy machine. */
const RECOMPILE_AIM_MS = 70;

let sink = 0;
function ceilingLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  sink ^= sum;
  return sum;
}

interface Contender {
  key: string;
  /** Millions of code units per run. */
  mb: number;
  run: () => unknown;
  /** MB/s per repetition. */
  rates: number[];
}

/** Warms every contender up, then runs `reps` interleaved repetitions. */
function race(contenders: Contender[], reps: number): void {
  for (let w = 0; w < 3; w++) for (const c of contenders) c.run();
  for (let r = 0; r < reps; r++) {
    for (const c of contenders) {
      const t0 = performance.now();
      c.run();
      c.rates.push(c.mb / ((performance.now() - t0) / 1000));
    }
  }
}

export interface Densities {
  front: number;
  dense: number;
  seed: number;
}

export async function runMatcherBench(reps = 9): Promise<{ results: MatcherBenchResult[]; densities: Densities }> {
  const require = createRequire(import.meta.url);
  const AhoCorasick = require('ahocorasick') as AhoCorasickCtor;
  const shipped = shippedSpec();
  const bigPack = bigEntities(50_000);
  const big = specFromEntities(bigPack);
  const mShipped = compileMatcher(shipped);
  const plant = shipped.aliases.map((a) => a.text);
  const front = newsText({ chars: 1_500_000, mentionEvery: 200, mentions: plant });
  const dense = newsText({ chars: 1_500_000, mentionEvery: 51, mentions: plant, seed: 43 });
  const frontLower = front.toLowerCase();
  const denseLower = dense.toLowerCase();
  const { readFileSync } = await import('node:fs');
  const seed = readFileSync(new URL('../lib/packs/sources/article-2024-03-18.txt', import.meta.url), 'utf8');
  const seedDensity = seed.length / Math.max(1, mShipped.scan(seed).length);
  const densities: Densities = {
    front: front.length / Math.max(1, mShipped.scan(front).length),
    dense: dense.length / Math.max(1, mShipped.scan(dense).length),
    seed: seedDensity,
  };

  const acShipped = new AhoCorasick(shipped.aliases.map((a) => a.text.toLowerCase()));
  const t0 = performance.now();
  const acBig = new AhoCorasick(big.aliases.map((a) => a.text.toLowerCase()));
  const acBigCompile = performance.now() - t0;
  const mBig = compileMatcher(big);

  const mb = front.length / 1e6;
  const mbDense = dense.length / 1e6;
  const c = (key: string, size: number, run: () => unknown): Contender => ({ key, mb: size, run, rates: [] });
  const contenders = [
    c('ceiling', mb, () => ceilingLoop(front)),
    c('shipped', mb, () => mShipped.scan(front)),
    c('acShipped', mb, () => acShipped.search(frontLower)),
    c('big', mb, () => mBig.scan(front)),
    c('acBig', mb, () => acBig.search(frontLower)),
    c('dense', mbDense, () => mShipped.scan(dense)),
    c('acDense', mbDense, () => acShipped.search(denseLower)),
  ];
  race(contenders, reps);
  const rates = (key: string): number[] => contenders.find((x) => x.key === key)?.rates ?? [];
  const ratio = (a: string, b: string): number => median(rates(a).map((r, i) => r / (rates(b)[i] ?? 1)));
  const row = (name: string, key: string, ac?: string): MatcherBenchResult => {
    const rs = rates(key);
    const notes = [`best ${Math.max(...rs).toFixed(1)}`];
    if (key !== 'ceiling') notes.push(`${(ratio(key, 'ceiling') * 100).toFixed(0)}% of ceiling`);
    if (ac !== undefined) notes.push(`${ratio(key, ac).toFixed(1)}× ahocorasick`);
    return { name, value: median(rs), unit: 'MB/s', note: notes.join(', ') };
  };
  const nA = shipped.aliases.length;
  const nB = big.aliases.length;
  const results: MatcherBenchResult[] = [
    row('charCodeAt loop (ceiling)', 'ceiling'),
    row(`matcher, shipped pack (${nA} aliases), front page`, 'shipped', 'acShipped'),
    row(`matcher, generated pack (${nB} aliases), front page`, 'big', 'acBig'),
    row(`matcher, shipped pack, dense (seed-article density)`, 'dense', 'acDense'),
    row(`ahocorasick npm (${nA} keywords, lowercased), front page`, 'acShipped'),
    row(`ahocorasick npm (${nB} keywords, lowercased), front page`, 'acBig'),
    row(`ahocorasick npm (${nA} keywords, lowercased), dense`, 'acDense'),
  ];
  const json = JSON.stringify(mBig.toData());
  const parseOnly = time(() => JSON.parse(json)) * 1000;
  const unscanned = compileMatcher(big);
  // What the background does after an import or an edit (lib/background/matcher-cache.ts).
  const recompile = time(() => compileMatcher(specFromEntities(bigPack)).toData(), 11) * 1000;
  // The same, from the pack-source layer: the shipped pack and a second pack of 9,000
  // entities that share some of its aliases, resolved (precedence, conflicts) first.
  const { entities: _shipped, ...shippedMeta } = shippedPack;
  const generatedEntities = bigPack.slice(shippedPack.entities.length);
  const source: PackSource = {
    packs: [
      { ...shippedMeta, origin: 'shipped', enabled: true, order: 0, installedAt: 0 },
      { ...shippedMeta, id: 'bench/generated', title: 'Generated', asOf: '2030-01-01', origin: 'imported', enabled: true, order: 1, installedAt: 0 },
    ],
    entities: {
      [shippedPack.id]: shippedPack.entities,
      'bench/generated': [...generatedEntities, ...shippedPack.entities.slice(0, 20).map((e) => ({ ...e, id: `bench/${e.id}` }))],
    },
    edits: {},
  };
  const withResolve = time(() => compileMatcher(specFromEntities(resolvePacks(source).matcherEntities)).toData(), 11) * 1000;
  results.push(
    {
      name: `recompile after an import: specFromEntities + compile + toData (${nB} aliases)`,
      value: recompile,
      unit: 'ms',
      note: `aim ≤ ${RECOMPILE_AIM_MS} ms; requirement < 100 ms`,
    },
    {
      name: `recompile from the pack-source layer: resolvePacks (2 packs, 20 shared entities) + the above`,
      value: withResolve,
      unit: 'ms',
      note: 'requirement < 100 ms',
    },
    { name: `  resolvePacks (2 packs, ${bigPack.length + 20} entities)`, value: time(() => resolvePacks(source), 9) * 1000, unit: 'ms' },
    { name: `  specFromEntities (${bigPack.length} entities)`, value: time(() => specFromEntities(bigPack), 9) * 1000, unit: 'ms' },
    { name: `  compileMatcher (${nB} aliases)`, value: time(() => compileMatcher(big), 9) * 1000, unit: 'ms' },
    { name: `  toData (${nB} aliases, not yet scanned)`, value: time(() => unscanned.toData(), 9) * 1000, unit: 'ms' },
    {
      name: `compileMatcher + first scan (${nB} aliases; builds the scan tables)`,
      value: time(() => compileMatcher(big).scan(''), 9) * 1000,
      unit: 'ms',
    },
    { name: `matcherFromData (${nB} aliases, incl. JSON.parse ${parseOnly.toFixed(1)} ms)`, value: time(() => matcherFromData(JSON.parse(json))) * 1000, unit: 'ms' },
    { name: `ahocorasick constructor (${nB} keywords)`, value: acBigCompile, unit: 'ms' },
    { name: `matcher data, JSON (${nB} aliases)`, value: json.length, unit: 'bytes' },
    { name: `matcher data, JSON (${nA} aliases)`, value: JSON.stringify(mShipped.toData()).length, unit: 'bytes' },
  );
  if (sink === 0.5) console.log(sink);
  return { results, densities };
}

function printTable(results: MatcherBenchResult[]): void {
  const width = Math.max(...results.map((r) => r.name.length)) + 2;
  for (const r of results) {
    const value = r.unit === 'bytes' ? `${r.value.toLocaleString('en')} B` : `${r.value.toFixed(1)} ${r.unit}`;
    console.log(`${r.name.padEnd(width)}${value.padStart(14)}${r.note ? `   (${r.note})` : ''}`);
  }
}

const self = process.argv[1] ?? '';
if (self.endsWith('bench/matcher.ts') || self.endsWith('bench/matcher.js')) {
  const reps = Math.max(7, Number(process.env.MATCHER_BENCH_RUNS ?? 9) || 9);
  const { results, densities: d } = await runMatcherBench(reps);
  const per = (x: number): string => (x > 0 ? `1 mention per ${x.toFixed(0)} chars` : 'n/a');
  console.log(`Text: ~1.5 MB of generated news text each; mentions found by the shipped pack:`);
  console.log(`  front page ${per(d.front)}; dense ${per(d.dense)}; seed article ${per(d.seed)}`);
  console.log(`MB/s: median of ${reps} interleaved runs after warm-up; ratios: median of per-run ratios\n`);
  printTable(results);
}
