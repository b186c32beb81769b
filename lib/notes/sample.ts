/**
 * Deterministic, realistic-looking notes for tests and the benchmark: entity, page and
 * passage notes of a few sentences, with tags, on a handful of news sites.
 */
import type { Note, NoteTarget } from '../model';
import { rng } from '../rng';

export { rng };

const ENTITIES = ['person/netanyahu', 'person/schumer', 'person/biden', 'place/gaza', 'place/rafah', 'org/hamas', 'topic/ceasefire'];
const SITES = ['www.nytimes.com', 'www.theguardian.com', 'www.bbc.co.uk', 'apnews.com', 'www.haaretz.com', 'www.lemonde.fr'];
const TAGS = ['politics', 'israel', 'us', 'election', 'war', 'aid', 'diplomacy', 'follow-up', 'quote', 'context'];
const WORDS = (
  'the senate majority leader called for a new election in israel saying netanyahu had lost his way ' +
  'biden administration pressure humanitarian aid trucks crossing rafah ceasefire talks resumed in cairo doha ' +
  'hostages released negotiations stalled coalition partners far right ministers opposition protests tel aviv ' +
  'jerusalem west bank settlements two state solution progressive democrats criticised republicans defended ' +
  'résumé of the débat über die lage 2024 march 18 speech floor remarks unprecedented rebuke ally strategy ' +
  'famine warning united nations security council resolution vetoed abstained allies europe canada australia'
).split(' ');


function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function sentence(random: () => number, length: number): string {
  const words = Array.from({ length }, () => pick(random, WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** `count` notes with ids `sample-0…`, updatedAt spread over ~a year before `now`. */
export function sampleNotes(count: number, seed = 1, now = 1_710_000_000_000): Note[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i): Note => {
    const url = `https://${pick(random, SITES)}/2024/03/${Math.floor(random() * 500)}/story`;
    const kind = random();
    const target: NoteTarget =
      kind < 0.4
        ? { type: 'entity', entityId: pick(random, ENTITIES) }
        : kind < 0.7
          ? { type: 'page', url }
          : { type: 'passage', url, selector: { exact: sentence(random, 4), prefix: 'before ', suffix: ' after', start: 10, end: 40 } };
    const text = Array.from({ length: 1 + Math.floor(random() * 3) }, () => sentence(random, 6 + Math.floor(random() * 12))).join(' ');
    const tags = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(random, TAGS)))];
    const updatedAt = now - Math.floor(random() * 365 * 24 * 3600 * 1000);
    return { id: `sample-${i}`, target, text, tags, pageUrl: url, pageTitle: `Story ${i % 97}`, createdAt: updatedAt - 1000, updatedAt, rev: 1 };
  });
}
