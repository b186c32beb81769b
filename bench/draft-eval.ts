/**
 * "Follow this story" evaluation: runs `draftPack` on the hand-labelled article pages in
 * tests/fixtures/articles/ and on the demo pages (labels.json names each file relative to itself;
 * happy-dom documents) and prints, per article and per split
 * (dev / holdout / demo, then overall), recall of key actors, precision, duplicate rate, kind accuracy,
 * valid-pack rate and context coverage, next to a baseline of compromise's people(),
 * places() and organizations() used alone on the same extracted text.
 * Run: npx tsx bench/draft-eval.ts [--verbose [--proposals]] [--only dev|holdout|demo]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import type { EntityKind } from '../lib/model';
import { draftPack } from '../lib/packs/draft';
import { extractArticle } from '../lib/packs/draft/extract';
import { nlpEntities } from '../lib/packs/draft/lexicon';
import { parsePack } from '../lib/packs/schema';

interface KeyActor {
  name: string;
  kind: EntityKind;
  aliases?: string[];
}
interface Label {
  split: 'dev' | 'holdout' | 'demo';
  url: string;
  keyActors: KeyActor[];
  acceptable: string[];
}
interface Proposal {
  name: string;
  kind: EntityKind;
  forms: string[];
  hasContext: boolean;
}
interface Score {
  keys: number;
  found: number;
  proposals: number;
  correct: number;
  duplicated: number;
  kindRight: number;
  valid: number;
  packs: number;
  withContext: number;
  ms: number;
  misses: string[];
  junk: string[];
  wrongKind: string[];
}

const DIR = resolve(import.meta.dirname, '../tests/fixtures/articles');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const NOW = new Date('2030-01-01T00:00:00Z');

export function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/['’]s$/, '')
    .replace(/\./g, '')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

function loadDocument(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

function score(label: Label, proposals: Proposal[], valid: boolean, ms: number): Score {
  const actorForms = label.keyActors.map((a) => new Set([a.name, ...(a.aliases ?? [])].map(norm)));
  const acceptable = new Set(label.acceptable.map(norm));
  const matches = (p: Proposal, forms: Set<string>): boolean => p.forms.some((f) => forms.has(f));
  // A proposal whose own name is another labelled referent ("Hunter Biden" with the alias
  // "Biden") is about that referent: it cannot stand for a key actor through an alias.
  const otherNames = [...actorForms.map((f, i) => ({ names: new Set([norm(label.keyActors[i]?.name ?? '')]), i })), { names: acceptable, i: -1 }];
  const namedOther = (p: Proposal, ai: number): boolean => {
    const n = norm(p.name);
    return !(actorForms[ai]?.has(n) ?? false) && otherNames.some((o) => o.i !== ai && o.names.has(n));
  };
  const assigned = new Map<number, number>();
  const s: Score = { keys: label.keyActors.length, found: 0, proposals: proposals.length, correct: 0, duplicated: 0, kindRight: 0, valid: valid ? 1 : 0, packs: 1, withContext: 0, ms, misses: [], junk: [], wrongKind: [] };
  // Prefer proposals whose display name matches, then aliases.
  label.keyActors.forEach((actor, ai) => {
    const forms = actorForms[ai] ?? new Set<string>();
    const candidates = proposals
      .map((p, pi) => ({ p, pi }))
      .filter(({ p, pi }) => !assigned.has(pi) && matches(p, forms) && !namedOther(p, ai))
      .sort((a, b) => Number(!forms.has(norm(a.p.name))) - Number(!forms.has(norm(b.p.name))));
    const best = candidates[0];
    if (!best) {
      s.misses.push(actor.name);
      return;
    }
    assigned.set(best.pi, ai);
    s.found++;
    if (best.p.kind === actor.kind) s.kindRight++;
    else s.wrongKind.push(`${actor.name}: ${best.p.kind} (want ${actor.kind})`);
    if (candidates.length >= 2) s.duplicated++;
  });
  proposals.forEach((p, pi) => {
    if (p.hasContext) s.withContext++;
    if (assigned.has(pi) || actorForms.some((f) => matches(p, f)) || p.forms.some((f) => acceptable.has(f))) s.correct++;
    else s.junk.push(p.name);
  });
  return s;
}

function add(into: Score, s: Score): void {
  for (const k of ['keys', 'found', 'proposals', 'correct', 'duplicated', 'kindRight', 'valid', 'packs', 'withContext', 'ms'] as const) into[k] += s[k];
}

const empty = (): Score => ({ keys: 0, found: 0, proposals: 0, correct: 0, duplicated: 0, kindRight: 0, valid: 0, packs: 0, withContext: 0, ms: 0, misses: [], junk: [], wrongKind: [] });
const pct = (a: number, b: number): string => (b === 0 ? '   –' : (a / b).toFixed(2).padStart(4));

function row(name: string, s: Score, withPack: boolean): string {
  return [
    name.padEnd(28),
    String(s.proposals).padStart(5),
    pct(s.found, s.keys).padStart(7),
    pct(s.correct, s.proposals).padStart(7),
    pct(s.duplicated, s.found).padStart(6),
    pct(s.kindRight, s.found).padStart(6),
    (withPack ? pct(s.valid, s.packs) : '   –').padStart(6),
    (withPack ? pct(s.withContext, s.proposals) : '   –').padStart(6),
    `${(s.ms / Math.max(1, s.packs)).toFixed(0)} ms`.padStart(8),
  ].join(' ');
}

const HEADER = `${'article'.padEnd(28)} ${'props'.padStart(5)} ${'recall'.padStart(7)} ${'precis'.padStart(7)} ${'dups'.padStart(6)} ${'kind'.padStart(6)} ${'valid'.padStart(6)} ${'ctx'.padStart(6)} ${'time'.padStart(8)}`;

const labels = JSON.parse(readFileSync(resolve(DIR, 'labels.json'), 'utf8')) as Record<string, Label>;
const totals: Record<string, { ours: Score; base: Score }> = {};
const lines: Record<string, string[]> = {};
for (const [file, label] of Object.entries(labels)) {
  if (only && label.split !== only) continue;
  const html = readFileSync(resolve(DIR, file), 'utf8');
  const t0 = performance.now();
  const pack = draftPack(loadDocument(html, label.url), { url: label.url, now: NOW });
  const ms = performance.now() - t0;
  const ours = score(
    label,
    pack.entities.map((e) => ({ name: e.name, kind: e.kind, forms: [e.name, ...e.aliases.map((a) => a.text)].map(norm), hasContext: e.contexts.length > 0 })),
    parsePack(pack).ok,
    ms,
  );
  const t1 = performance.now();
  const extracted = extractArticle(loadDocument(html, label.url));
  const seen = new Map<string, Proposal>();
  for (const e of nlpEntities(extracted.paragraphs)) if (!seen.has(norm(e.name))) seen.set(norm(e.name), { name: e.name, kind: e.kind, forms: [norm(e.name)], hasContext: false });
  const base = score(label, [...seen.values()], false, performance.now() - t1);
  const t = (totals[label.split] ??= { ours: empty(), base: empty() });
  add(t.ours, ours);
  add(t.base, base);
  const out = (lines[label.split] ??= []);
  out.push(row(file.replace(/^(?:\.\.\/)+/, '').replace(/\.html$/, ''), ours, true));
  out.push(row('  compromise alone', base, false));
  if (verbose) {
    if (argv.includes('--proposals')) for (const e of pack.entities) out.push(`      · ${e.kind.padEnd(12)} ${e.name}${e.role ? ` | role "${e.role}"` : ''} [${e.aliases.map((a) => (a.case === 'proper' ? a.text : `${a.text}:${a.case}`)).join(', ')}]`);
    out.push(`    missed: ${ours.misses.join('; ') || '–'}`);
    out.push(`    not labelled: ${ours.junk.join('; ') || '–'}`);
    out.push(`    wrong kind: ${ours.wrongKind.join('; ') || '–'}`);
    if (!parsePack(pack).ok) out.push(`    INVALID: ${JSON.stringify(parsePack(pack))}`);
  }
}

console.log('Draft packs from articles: ours vs compromise people()/places()/organizations() alone');
console.log('recall = key actors found; precis = proposals that are key or acceptable; dups = found key actors matched by ≥ 2 proposals;');
console.log('kind = found key actors of the right kind; valid = packs accepted by parsePack; ctx = proposals with a context sentence.\n');
const overall = { ours: empty(), base: empty() };
for (const split of ['dev', 'holdout', 'demo']) {
  const t = totals[split];
  if (!t) continue;
  console.log(`── ${split} (${t.ours.packs} articles, ${t.ours.keys} key actors) ──`);
  console.log(HEADER);
  for (const l of lines[split] ?? []) console.log(l);
  console.log(row(`TOTAL ${split}`, t.ours, true));
  console.log(row(`  compromise alone`, t.base, false));
  console.log('');
  add(overall.ours, t.ours);
  add(overall.base, t.base);
}
console.log(`── summary (${overall.ours.packs} articles, ${overall.ours.keys} key actors) ──`);
console.log(HEADER);
for (const split of ['dev', 'holdout', 'demo']) {
  const t = totals[split];
  if (!t) continue;
  console.log(row(split, t.ours, true));
  console.log(row('  compromise alone', t.base, false));
}
console.log(row('OVERALL', overall.ours, true));
console.log(row('  compromise alone', overall.base, false));
console.log('');
console.log('Aims (unseen articles): recall ≥ 0.85, precision ≥ 0.80, dups ≤ 0.15, kind ≥ 0.85, valid 1.00, ctx ≥ 0.95');
