/**
 * What compromise (the NLP library) knows, wrapped for the draft: whether a capitalised word
 * is an ordinary word of English, first names' gender, and its people / places /
 * organisations as kind votes.
 */
import nlp from 'compromise';
import type { EntityKind } from '../../model';
import { fold } from './text';

type Tags = string | string[] | undefined;
interface World {
  model: { one: { lexicon: Record<string, Tags> } };
}

let lexiconCache: Record<string, Tags> | null = null;
function lexicon(): Record<string, Tags> {
  if (!lexiconCache) {
    const world = (nlp as unknown as { world: () => World }).world();
    lexiconCache = world.model.one.lexicon;
  }
  return lexiconCache;
}

function tagsOf(word: string): string[] {
  const t = lexicon()[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const PROPER_TAGS = /^(?:Person|FirstName|MaleName|FemaleName|LastName|Place|Country|City|Region|ProperNoun|Organization|SportsTeam|Company|School|Demonym|Honorific)$/;

/** True when the lexicon knows the word only as an ordinary (not proper) word. */
export function lexiconCommon(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.test(t));
}

/** True when the lexicon knows the word as a name (person, place, organisation, …). */
export function lexiconProper(word: string): boolean {
  return tagsOf(word).some((t) => PROPER_TAGS.test(t));
}

/** "Nigerian", "Turkish", "French": an adjective of nationality (not an entity on its own). */
export function isDemonymAdjective(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.includes('Demonym') && !tags.includes('Plural')) return !/s$/.test(word);
  return /^\p{Lu}\p{Ll}+(?:ish|ese|ian|ean|ic)$/u.test(word) && !tags.some((t) => /Name|Person|Place|Country|City/.test(t));
}

/** 'male' / 'female' for a given name the lexicon knows. */
export function nameGender(word: string): 'male' | 'female' | null {
  const tags = tagsOf(word);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  return null;
}

/** True for a word the lexicon knows as a given name. */
export function lexiconFirstName(word: string): boolean {
  return tagsOf(word).some((t) => /^(?:FirstName|MaleName|FemaleName)$/.test(t));
}

export type KindVotes = Map<string, Partial<Record<EntityKind, number>>>;

function clean(s: string): string {
  return s
    .replace(/['’]s?$/u, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/\.$/, '')
    .trim();
}

/** compromise's people(), places() and organizations() over the paragraphs, as votes keyed by folded name. */
export function nlpVotes(paragraphs: readonly string[]): KindVotes {
  const votes: KindVotes = new Map();
  const add = (names: string[], kind: EntityKind): void => {
    for (const raw of names) {
      const name = clean(raw);
      if (name === '') continue;
      const key = fold(name);
      const v = votes.get(key) ?? {};
      v[kind] = (v[kind] ?? 0) + 1;
      votes.set(key, v);
      const parts = name.split(/\s+/);
      if (kind === 'person' && parts.length > 1) {
        // "Senator Mark Warner" votes for "Mark Warner" as well.
        const rest = fold(parts.slice(1).join(' '));
        const w = votes.get(rest) ?? {};
        w.person = (w.person ?? 0) + 1;
        votes.set(rest, w);
      }
    }
  };
  for (const p of paragraphs) {
    const doc = nlp(p);
    add(doc.people().out('array') as string[], 'person');
    add(doc.places().out('array') as string[], 'place');
    add(doc.organizations().out('array') as string[], 'organisation');
  }
  return votes;
}

/** compromise used alone (the eval's baseline): its people, places and organisations. */
export function nlpEntities(paragraphs: readonly string[]): { name: string; kind: EntityKind }[] {
  const out: { name: string; kind: EntityKind }[] = [];
  const text = paragraphs.join('\n\n');
  const doc = nlp(text);
  const push = (names: string[], kind: EntityKind): void => {
    for (const raw of names) {
      const name = clean(raw);
      if (name !== '') out.push({ name, kind });
    }
  };
  push(doc.people().out('array') as string[], 'person');
  push(doc.places().out('array') as string[], 'place');
  push(doc.organizations().out('array') as string[], 'organisation');
  return out;
}
