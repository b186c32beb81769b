import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RELATION_CONVERSE, type Entity } from '../model';
import { loadShippedPack, shippedPack } from './shipped';
import raw from './story-2024-03-18.json';

/**
 * The pack's source text, kept beside the pack so its tests run anywhere. The project's
 * seed (`../shared/seed/` from the repo root) is the original: when it is there, the copy
 * must equal it.
 */
const ARTICLE_PATH = fileURLToPath(new URL('./sources/article-2024-03-18.txt', import.meta.url));
const SEED_PATH = fileURLToPath(new URL('../../../shared/seed/article-2024-03-18.txt', import.meta.url));

function readArticle(): string {
  return readFileSync(ARTICLE_PATH, 'utf8');
}

describe('the pack source', () => {
  // Runs wherever the project's shared folder is beside the clone (CI, development).
  it.runIf(existsSync(SEED_PATH))('is the seed article, word for word', () => {
    expect(readArticle()).toBe(readFileSync(SEED_PATH, 'utf8'));
  });
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/news.html', import.meta.url));
const FIXTURE_EXPECTED = fileURLToPath(new URL('../../tests/fixtures/news.expected.json', import.meta.url));

/** Every actor and topic the article names, as the issue lists them. */
const REQUIRED_IDS = [
  'person/benjamin-netanyahu',
  'person/chuck-schumer',
  'person/joe-biden',
  'organisation/hamas',
  'organisation/biden-administration',
  'organisation/us-senate',
  'place/israel',
  'place/united-states',
  'place/gaza',
  'place/rafah',
  'place/middle-east',
  'group/palestinian-civilians',
  'group/progressive-democrats',
  'group/arab-american-voters',
  'group/western-allies',
  'group/international-community',
  'event/israel-hamas-war',
  'topic/ceasefire',
  'topic/two-state-solution',
  'topic/new-israeli-election',
  'topic/humanitarian-situation-gaza',
  'topic/civilian-casualties',
  'topic/us-israel-relations',
  'topic/rafah-offensive',
  'topic/middle-east-peace',
];

/** Alias texts deliberately shared by several entities (none so far). */
const INTENDED_SHARED_ALIASES = new Set<string>();

const INVERSE = RELATION_CONVERSE;

const byId = new Map(shippedPack.entities.map((e) => [e.id, e]));

function get(id: string): Entity {
  const e = byId.get(id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
}

/** Matcher-like key: case folded, hyphens and dashes as spaces, curly apostrophes straight. */
const aliasKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');

describe('the shipped pack', () => {
  it('is valid and loads', () => {
    expect(shippedPack.id).toBe('story-2024-03-18-netanyahu-rift');
    expect(shippedPack.version).toBe(1);
    expect(shippedPack.asOf).toBe('2024-03-18');
    expect(loadShippedPack(raw)).toEqual(shippedPack);
  });

  it('refuses to load an invalid pack, listing the errors', () => {
    expect(() => loadShippedPack({ ...raw, asOf: '2024-02-30' })).toThrow(/shipped pack is invalid:\n {2}- asOf: not a real date/);
  });

  it('has one source: the seed article', () => {
    expect(shippedPack.sources).toEqual([
      { id: 'src-article-2024-03-18', title: "Netanyahu's defiance opens rift with Western allies", date: '2024-03-18' },
    ]);
  });

  it.each(REQUIRED_IDS)('has the entity %s', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  it('uses ids of the form kind/slug', () => {
    for (const e of shippedPack.entities) expect(e.id).toMatch(new RegExp(`^${e.kind}/[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('quotes every context exactly from the article', () => {
    const article = squash(readArticle());
    for (const e of shippedPack.entities) {
      expect(e.contexts.length, `${e.id} has no context`).toBeGreaterThan(0);
      for (const c of e.contexts) {
        expect(article.includes(squash(c.text)), `${e.id}: not in the article: ${c.text}`).toBe(true);
        expect(c).toMatchObject({ sourceId: 'src-article-2024-03-18', date: '2024-03-18' });
      }
    }
  });

  it('points every relation at an entity of the pack, with a label and a date', () => {
    for (const e of shippedPack.entities) {
      for (const r of e.relations) {
        expect(byId.has(r.target), `${e.id} → ${r.target}`).toBe(true);
        expect(r.label, `${e.id} → ${r.target} has no label`).toBeTruthy();
        expect(r.date, `${e.id} → ${r.target} has no date`).toBeTruthy();
      }
    }
  });

  it('states every relation from both sides', () => {
    for (const e of shippedPack.entities) {
      for (const r of e.relations) {
        const back = get(r.target).relations.some((x) => x.target === e.id && x.type === INVERSE[r.type]);
        expect(back, `${r.target} lacks ${INVERSE[r.type]} → ${e.id}`).toBe(true);
      }
    }
  });

  it('has no alias shared by two entities', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of shippedPack.entities) {
      for (const key of new Set(e.aliases.map((a) => aliasKey(a.text)))) {
        const owner = owners.get(key);
        if (owner !== undefined && !INTENDED_SHARED_ALIASES.has(key)) clashes.push(`"${key}": ${owner} and ${e.id}`);
        owners.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('matches short acronyms case-sensitively', () => {
    for (const e of shippedPack.entities) {
      for (const a of e.aliases) {
        const letters = a.text.replace(/[^A-Za-z]/g, '');
        if (letters.length <= 3 && letters === letters.toUpperCase()) expect(a.case, `${e.id}: ${a.text}`).toBe('sensitive');
      }
    }
  });

  it('only lists negative phrases that contain one of the entity’s aliases', () => {
    for (const e of shippedPack.entities) {
      for (const phrase of e.negative ?? []) {
        const hit = e.aliases.some((a) => aliasKey(phrase).includes(aliasKey(a.text)));
        expect(hit, `${e.id}: "${phrase}" contains none of its aliases`).toBe(true);
      }
    }
  });

  it('keeps the names that must not match out of the aliases', () => {
    expect(get('person/chuck-schumer').negative).toContain('Amy Schumer');
    expect(get('person/joe-biden').negative).toEqual(expect.arrayContaining(['Hunter Biden', 'Jill Biden', 'Beau Biden']));
    expect(get('person/benjamin-netanyahu').negative).toEqual(
      expect.arrayContaining(['Sara Netanyahu', 'Yair Netanyahu', 'Benzion Netanyahu', 'Yonatan Netanyahu']),
    );
    expect(get('place/israel').aliases.map((a) => a.text)).not.toContain('Israeli');
  });

  it('writes each summary in one to three sentences', () => {
    for (const e of shippedPack.entities) {
      const sentences = e.summary.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/).filter((s) => s.trim() !== '');
      expect(sentences.length, `${e.id}: ${e.summary}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${e.id}: ${e.summary}`).toBeLessThanOrEqual(3);
      expect(e.summary, e.id).toMatch(/[.!?]$/);
      expect(e.role, e.id).not.toBe('');
    }
  });

  it('links only to Wikipedia over https', () => {
    for (const e of shippedPack.entities) {
      for (const l of e.links ?? []) expect(l.url, e.id).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/[^\s]+$/);
    }
  });

  it('names only its own entities in the e2e fixture’s expected mentions', () => {
    const expected = JSON.parse(readFileSync(FIXTURE_EXPECTED, 'utf8')) as { entityId: string; text: string }[];
    const visible = squash(readFileSync(FIXTURE, 'utf8').replace(/<[^>]*>/g, ''));
    expect(expected.length).toBeGreaterThan(10);
    for (const { entityId, text } of expected) {
      expect(byId.has(entityId), entityId).toBe(true);
      expect(visible.includes(text), text).toBe(true);
    }
  });
});
