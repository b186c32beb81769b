/**
 * Matcher benchmark: MB/s of the scan over ~1.5 MB of generated news-like text, against a
 * plain charCodeAt loop (the ceiling) and the `ahocorasick` npm package.
 * Run: npx tsx bench/matcher.ts
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { CaseRule } from '../lib/model';
import { compileMatcher, matcherFromData, type AliasSpec, type MatcherSpec } from '../lib/matcher';

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

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const P = 'proper';
const S = 'sensitive';
const I = 'insensitive';
/** ~40 entities, ~120 aliases, shaped like the shipped pack. */
const SHIPPED: [string, [string, CaseRule][]][] = [
  ['person/benjamin-netanyahu', [['Benjamin Netanyahu', P], ['Netanyahu', P], ['Prime Minister Benjamin Netanyahu', P], ['Bibi', S], ['Israeli Prime Minister', P]]],
  ['person/chuck-schumer', [['Chuck Schumer', P], ['Schumer', P], ['Charles Schumer', P], ['Senate Majority Leader', P]]],
  ['person/joe-biden', [['Joe Biden', P], ['Biden', P], ['President Biden', P], ['Joseph R. Biden', P], ['Biden administration', P]]],
  ['person/kamala-harris', [['Kamala Harris', P], ['Harris', P], ['Vice President Harris', P]]],
  ['person/antony-blinken', [['Antony Blinken', P], ['Blinken', P], ['Secretary of State', P]]],
  ['person/benny-gantz', [['Benny Gantz', P], ['Gantz', P]]],
  ['person/yoav-gallant', [['Yoav Gallant', P], ['Gallant', S]]],
  ['person/yahya-sinwar', [['Yahya Sinwar', P], ['Sinwar', P]]],
  ['person/mahmoud-abbas', [['Mahmoud Abbas', P], ['Abbas', P]]],
  ['person/itamar-ben-gvir', [['Itamar Ben-Gvir', P], ['Ben-Gvir', P], ['Ben Gvir', P]]],
  ['person/bezalel-smotrich', [['Bezalel Smotrich', P], ['Smotrich', P]]],
  ['person/yair-lapid', [['Yair Lapid', P], ['Lapid', P]]],
  ['person/john-kirby', [['John Kirby', P], ['Kirby', P]]],
  ['person/mike-johnson', [['Mike Johnson', P], ['Speaker Johnson', P]]],
  ['organisation/hamas', [['Hamas', P]]],
  ['organisation/hezbollah', [['Hezbollah', P]]],
  ['organisation/idf', [['Israel Defense Forces', P], ['IDF', S], ['Israeli military', I]]],
  ['organisation/un', [['United Nations', P], ['UN', S], ['U.N.', S], ['UN Security Council', P], ['Security Council', P]]],
  ['organisation/unrwa', [['UNRWA', S]]],
  ['organisation/likud', [['Likud', P]]],
  ['organisation/knesset', [['Knesset', P]]],
  ['organisation/senate', [['US Senate', P], ['Senate', P]]],
  ['organisation/democratic-party', [['Democratic Party', P], ['Democrats', P], ['progressive Democrats', P]]],
  ['organisation/republican-party', [['Republican Party', P], ['Republicans', P], ['GOP', S]]],
  ['organisation/palestinian-authority', [['Palestinian Authority', P], ['PA', S]]],
  ['place/gaza', [['Gaza', P], ['Gaza Strip', P], ['Gaza City', P]]],
  ['place/rafah', [['Rafah', P], ['Rafah crossing', P]]],
  ['place/israel', [['Israel', P], ['State of Israel', P]]],
  ['place/united-states', [['United States', P], ['US', S], ['U.S.', S], ['America', P], ['Washington', P]]],
  ['place/west-bank', [['West Bank', P], ['occupied West Bank', P]]],
  ['place/middle-east', [['Middle East', P], ['Mideast', P]]],
  ['place/egypt', [['Egypt', P], ['Cairo', P]]],
  ['place/qatar', [['Qatar', P], ['Doha', P]]],
  ['place/lebanon', [['Lebanon', P], ['Beirut', P]]],
  ['place/iran', [['Iran', P], ['Tehran', P]]],
  ['place/jerusalem', [['Jerusalem', P], ['East Jerusalem', P]]],
  ['place/khan-younis', [['Khan Younis', P], ['Khan Yunis', P]]],
  ['topic/ceasefire', [['ceasefire', I], ['cease-fire', I], ['truce', I], ['humanitarian pause', I]]],
  ['topic/two-state-solution', [['two-state solution', I], ['two-state', I], ['Palestinian state', I]]],
  ['topic/humanitarian-aid', [['humanitarian aid', I], ['aid trucks', I], ['famine', I], ['humanitarian crisis', I]]],
  ['topic/hostages', [['hostages', I], ['hostage deal', I], ['hostage release', I]]],
  ['topic/israeli-election', [['new election', I], ['early elections', I], ['Israeli election', I]]],
  ['group/western-allies', [['Western allies', P], ['Western counterparts', P]]],
  ['group/arab-americans', [['Arab American', P], ['Arab Americans', P], ['Arab American supporters', P]]],
  ['event/october-7', [['October 7', P], ['Oct. 7', P]]],
];

const SEED_SENTENCES = [
  'Amid escalating tensions in Gaza, Israeli Prime Minister Benjamin Netanyahu\u2019s strategy has sparked a significant rift with Western allies, notably the United States.',
  'Facing criticism from figures such as US Senator Chuck Schumer and international concern over the humanitarian situation in Gaza, Netanyahu\u2019s defiant stance highlights a growing diplomatic divide.',
  'With calls for a ceasefire and a new election in Israel intensifying, the international community watches closely as these developments unfold.',
  'Despite the international pressure to delay offensive operations in Rafah and prioritize the protection of Palestinian civilians, Netanyahu has vowed to continue with his plans.',
  'The tension between the US and Israel is further exacerbated by Netanyahu\u2019s public rebuke of US criticism, marking a notable strain in the bilateral relationship.',
  'Senate Majority Leader Chuck Schumer, along with President Joe Biden and other international leaders, has called for a reassessment of Israel\u2019s approach to the conflict with Hamas.',
  'This sentiment has gained traction among progressive Democrats and Arab American supporters, putting additional pressure on the Biden administration.',
  '\u201cWe will not stop,\u201d the prime minister said on Sunday \u2014 a remark that drew a sharp response from Washington.',
  'Officials in Cairo and Doha said talks on a two-state solution and a hostage deal would resume next week.',
  'Aid agencies warned of famine as trucks queued at the Rafah crossing for a third day.',
];
const FILLER = 'the of and to in a that for on with as was by said officials reported according week government military civilians talks pressure region leaders statement minister conflict international diplomatic'.split(' ');

export function newsText(targetChars: number): string {
  const rand = prng(42);
  const names = SHIPPED.flatMap(([, aliases]) => aliases.map(([t]) => t));
  const parts: string[] = [];
  let size = 0;
  while (size < targetChars) {
    let s: string;
    if (rand() < 0.6) s = SEED_SENTENCES[Math.floor(rand() * SEED_SENTENCES.length)] ?? '';
    else {
      const words: string[] = [];
      const n = 8 + Math.floor(rand() * 18);
      for (let i = 0; i < n; i++) {
        const r = rand();
        words.push(r < 0.12 ? (names[Math.floor(rand() * names.length)] ?? '') : (FILLER[Math.floor(rand() * FILLER.length)] ?? ''));
      }
      s = `${words.join(' ')}.`;
      s = s.charAt(0).toUpperCase() + s.slice(1);
    }
    parts.push(s, rand() < 0.15 ? '\n\n' : ' ');
    size += s.length + 1;
  }
  return parts.join('');
}

export function shippedSpec(): MatcherSpec {
  const aliases: AliasSpec[] = SHIPPED.flatMap(([entityId, list]) => list.map(([text, rule]) => ({ entityId, text, case: rule })));
  return { aliases, negatives: [{ entityId: 'person/chuck-schumer', text: 'Amy Schumer' }, { entityId: 'person/joe-biden', text: 'Hunter Biden' }] };
}

function bigSpec(count: number): MatcherSpec {
  const rand = prng(7);
  const syl = 'ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve za zu an el or us ha yu'.split(' ');
  const word = (): string => {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += syl[Math.floor(rand() * syl.length)] ?? '';
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const base = shippedSpec();
  const rules: CaseRule[] = ['proper', 'proper', 'insensitive', 'sensitive'];
  const aliases = [...base.aliases];
  while (aliases.length < count) {
    const n = 1 + Math.floor(rand() * 3);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word());
    aliases.push({ entityId: `gen/${aliases.length % 9000}`, text: words.join(' '), case: rules[aliases.length % 4] ?? 'proper' });
  }
  return { aliases, negatives: base.negatives };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Median seconds of `runs` timed runs after 2 warm-up runs. */
function time(fn: () => unknown, runs = 7): number {
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

let sink = 0;
function ceilingLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  sink ^= sum;
  return sum;
}

export async function runMatcherBench(): Promise<MatcherBenchResult[]> {
  const require = createRequire(import.meta.url);
  const AhoCorasick = require('ahocorasick') as AhoCorasickCtor;
  const text = newsText(1_500_000);
  const lower = text.toLowerCase();
  const mb = text.length / 1e6;
  const shipped = shippedSpec();
  const big = bigSpec(50_000);
  const results: MatcherBenchResult[] = [];

  const ceiling = mb / time(() => ceilingLoop(text));
  results.push({ name: 'charCodeAt loop (ceiling)', value: ceiling, unit: 'MB/s' });

  const acShipped = new AhoCorasick(shipped.aliases.map((a) => a.text.toLowerCase()));
  const acShippedRate = mb / time(() => acShipped.search(lower), 5);
  const t0 = performance.now();
  const acBig = new AhoCorasick(big.aliases.map((a) => a.text.toLowerCase()));
  const acBigCompile = performance.now() - t0;
  const acBigRate = mb / time(() => acBig.search(lower), 5);

  const mShipped = compileMatcher(shipped);
  const shippedRate = mb / time(() => mShipped.scan(text));
  const mentions = mShipped.scan(text).length;
  const compileBig = time(() => compileMatcher(big), 5) * 1000;
  const mBig = compileMatcher(big);
  const bigRate = mb / time(() => mBig.scan(text));
  const json = JSON.stringify(mBig.toData());
  const fromData = time(() => matcherFromData(JSON.parse(json)), 5) * 1000;
  const parseOnly = time(() => JSON.parse(json), 5) * 1000;

  const rel = (rate: number, ac: number): string => `${((rate / ceiling) * 100).toFixed(0)}% of ceiling, ${(rate / ac).toFixed(1)}× ahocorasick`;
  results.push(
    { name: `matcher (shipped-size pack, ${shipped.aliases.length} aliases)`, value: shippedRate, unit: 'MB/s', note: `${rel(shippedRate, acShippedRate)}; ${mentions} mentions` },
    { name: `matcher (generated pack, ${big.aliases.length} aliases)`, value: bigRate, unit: 'MB/s', note: rel(bigRate, acBigRate) },
    { name: `ahocorasick npm (${shipped.aliases.length} keywords, lowercased)`, value: acShippedRate, unit: 'MB/s' },
    { name: `ahocorasick npm (${big.aliases.length} keywords, lowercased)`, value: acBigRate, unit: 'MB/s' },
    { name: `compileMatcher (${big.aliases.length} aliases)`, value: compileBig, unit: 'ms' },
    { name: `matcherFromData (${big.aliases.length} aliases, incl. JSON.parse ${parseOnly.toFixed(1)} ms)`, value: fromData, unit: 'ms' },
    { name: `ahocorasick constructor (${big.aliases.length} keywords)`, value: acBigCompile, unit: 'ms' },
    { name: `matcher data, JSON (${big.aliases.length} aliases)`, value: json.length, unit: 'bytes' },
    { name: `matcher data, JSON (${shipped.aliases.length} aliases)`, value: JSON.stringify(mShipped.toData()).length, unit: 'bytes' },
  );
  if (sink === 0.5) console.log(sink);
  return results;
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
  console.log(`Text: ~1.5 MB of generated news-like text (median of ≥5 runs after warm-up)\n`);
  printTable(await runMatcherBench());
}
