/**
 * One cluster per real-world referent: identical names (case, diacritics, "the" aside),
 * an acronym and its long form, "Corvid" and "Corvid Labs", and a surname or title+surname
 * ("Mayer", "Ms. Mayer") with the full name ("Marissa Mayer"). "Yahoo" and "Yahoo Japan"
 * stay apart.
 */
import type { EntityKind } from '../../model';
import { isFirstName, isPersonTitle, kindCue, shapeKind, SURNAME_PARTICLE } from '../kind-guess';
import type { AcronymDefinition, Mention } from './candidates';
import { gazetteerKind, isKnownPlace } from './gazetteer';
import { lexiconFirstName, nameGender, type KindVotes } from './lexicon';
import { fold } from './text';

export interface Cluster {
  /** Surface forms and how often each was found by the candidate rules. */
  names: Map<string, number>;
  mentions: Mention[];
  kind: EntityKind;
  /** The acronym, when one was defined for it. */
  short: string | null;
  long: string | null;
}

/** Words after which "X <word>" is X itself: "Corvid Labs" = "Corvid", "Harlow Athletic" = "Harlow". */
const DESIGNATORS = new Set(
  'Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. LLC plc PLC AG SA GmbH Group Holdings Labs Lab Technologies Systems Solutions Athletic Athletics City United Town Rovers Wanderers FC AFC Pictures Studios Motors Airlines Airways Bank Partners Capital Media Networks Software Industries Therapeutics Pharmaceuticals'.split(' '),
);
const EQUIVALENTS = [
  ['United States', 'U.S.', 'US', 'USA', 'U.S.A.'],
  ['United Kingdom', 'U.K.', 'UK', 'Britain'],
  ['European Union', 'EU', 'E.U.'],
  ['United Nations', 'UN', 'U.N.'],
];

export function nameKey(name: string): string {
  let key = fold(name).replace(/^the\s+/, '');
  if (/^(?:\p{Lu}\.)+$/u.test(name)) key = key.replace(/\./g, '');
  return key;
}

const tokensOf = (name: string): string[] => name.split(/\s+/).filter(Boolean);

/** The name shown for a cluster: its long form, else its most complete and most frequent form. */
export function displayName(c: Cluster): string {
  if (c.long) return c.long;
  let best = '';
  let bestScore = -1;
  for (const [name, count] of c.names) {
    const score = tokensOf(name).length * 1000 + count * 10 + (/^\p{Lu}{2,}/u.test(name) ? 0 : 1);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function decideKind(c: Cluster, sentenceOf: (m: Mention) => string, votes: KindVotes): EntityKind {
  const name = displayName(c);
  if (c.mentions.some((m) => m.title !== undefined && isPersonTitle(tokensOf(m.title).pop() ?? ''))) return 'person';
  if (c.mentions.length > 0 && c.mentions.every((m) => m.quoted)) return 'topic';
  // Countries, states, regions are places ("United States", not an organisation for "United").
  const known = gazetteerKind(name) ?? (c.short ? gazetteerKind(c.short) : null);
  if (known) return known;
  const cue = kindCue(name) ?? (c.short ? 'organisation' : null);
  if (cue) return cue;
  const ts = tokensOf(name);
  if (ts.length >= 2 && ts.length <= 4 && (isFirstName(ts[0] ?? '') || lexiconFirstName(ts[0] ?? '')) && shapeKind(name) === 'person') return 'person';
  const tally: Partial<Record<EntityKind, number>> = {};
  for (const [surface] of c.names) {
    for (const [kind, n] of Object.entries(votes.get(fold(surface)) ?? {}) as [EntityKind, number][]) tally[kind] = (tally[kind] ?? 0) + n;
  }
  for (const m of c.mentions) {
    const k = kindCue(m.name, sentenceOf(m));
    if (k) tally[k] = (tally[k] ?? 0) + 1.5;
  }
  const ranked = (Object.entries(tally) as [EntityKind, number][]).sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (top && top[1] >= 1) return top[0];
  return shapeKind(name);
}

function absorb(into: Cluster, from: Cluster): void {
  for (const [n, count] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + count);
  into.mentions.push(...from.mentions);
  into.short ??= from.short;
  into.long ??= from.long;
}

/** Surname keys of a person's name: "pieter de vries" → ["de vries", "vries"]. */
function surnameKeys(name: string): string[] {
  const ts = tokensOf(fold(name));
  if (ts.length < 2) return [];
  const keys = [ts.slice(1).join(' ')].filter(() => ts.length === 3 && SURNAME_PARTICLE.test(ts[1] ?? ''));
  keys.push(ts[ts.length - 1] ?? '');
  return keys;
}

export function mergeMentions(
  mentions: readonly Mention[],
  acronyms: readonly AcronymDefinition[],
  sentenceOf: (m: Mention) => string,
  votes: KindVotes,
): Cluster[] {
  const byKey = new Map<string, Cluster>();
  for (const m of mentions) {
    const key = nameKey(m.name);
    const c: Cluster = byKey.get(key) ?? { names: new Map<string, number>(), mentions: [], kind: 'topic', short: null, long: null };
    c.names.set(m.name, (c.names.get(m.name) ?? 0) + 1);
    c.mentions.push(m);
    byKey.set(key, c);
  }
  const merge = (fromKey: string, intoKey: string): void => {
    const from = byKey.get(fromKey);
    const into = byKey.get(intoKey);
    if (!from || !into || from === into) return;
    absorb(into, from);
    for (const [k, v] of byKey) if (v === from) byKey.set(k, into);
  };
  for (const def of acronyms) {
    const long = byKey.get(nameKey(def.long));
    if (long) {
      long.short ??= def.short;
      long.long ??= def.long;
    }
    merge(nameKey(def.short), nameKey(def.long));
  }
  for (const group of EQUIVALENTS) {
    const present = group.filter((n) => byKey.has(nameKey(n)));
    for (const n of present.slice(1)) merge(nameKey(n), nameKey(present[0] ?? n));
  }
  const live = (): Cluster[] => [...new Set(byKey.values())];
  for (const c of live()) c.kind = decideKind(c, sentenceOf, votes);

  // "Corvid" → "Corvid Labs" when exactly one such long name exists.
  for (const c of live()) {
    const name = displayName(c);
    if (tokensOf(name).length !== 1 || kindCue(name) === 'place' || c.kind === 'person') continue;
    const targets = live().filter((o) => {
      const ts = tokensOf(displayName(o));
      return o !== c && ts.length >= 2 && ts[0] === name && DESIGNATORS.has(ts[ts.length - 1] ?? '') && (o.kind === 'organisation' || o.kind === 'place');
    });
    const target = targets[0];
    if (targets.length === 1 && target) merge(nameKey(name), nameKey(displayName(target)));
  }

  // Surnames and title+surname into the full name.
  const people = live().filter((c) => c.kind === 'person' && tokensOf(displayName(c)).length >= 2);
  for (const c of live()) {
    const name = displayName(c);
    const key = nameKey(name);
    if (people.includes(c) || kindCue(name) === 'place' || isKnownPlace(name) || c.short) continue;
    const matches = people.filter((p) => surnameKeys(displayName(p)).includes(key));
    if (matches.length === 0) continue;
    const gender = genderOfTitles(c);
    const fitting = gender ? matches.filter((p) => nameGender(tokensOf(displayName(p))[0] ?? '') !== (gender === 'male' ? 'female' : 'male')) : matches;
    const pool = fitting.length > 0 ? fitting : matches;
    const target = [...pool].sort((a, b) => b.mentions.length - a.mentions.length || firstAt(a) - firstAt(b))[0];
    if (target) merge(key, nameKey(displayName(target)));
  }
  const out = live();
  for (const c of out) c.kind = decideKind(c, sentenceOf, votes);
  return out;
}

function genderOfTitles(c: Cluster): 'male' | 'female' | null {
  for (const m of c.mentions) {
    if (m.title === 'Mr.' || m.title === 'Mr' || m.title === 'Sir' || m.title === 'Lord' || m.title === 'King' || m.title === 'Prince') return 'male';
    if (/^(?:Ms|Mrs|Miss|Dame|Lady|Queen|Princess)\.?$/.test(m.title ?? '')) return 'female';
  }
  return null;
}

function firstAt(c: Cluster): number {
  return Math.min(...c.mentions.map((m) => m.paragraph * 100000 + m.start));
}
