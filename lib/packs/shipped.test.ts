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
    expect(shippedPack.version).toBe(2);
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
        // Cased letters only: Hebrew and Arabic have no case, so the rule means nothing there.
        const letters = a.text.replace(/[^\p{Lu}\p{Ll}]/gu, '');
        if (letters.length > 0 && letters.length <= 3 && letters === letters.toUpperCase()) expect(a.case, `${e.id}: ${a.text}`).toBe('sensitive');
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

  it('knows every entity as the Hebrew and Arabic press write it', () => {
    for (const e of shippedPack.entities) {
      const langs = new Set(e.aliases.map((a) => a.lang));
      expect(langs.has('he') && langs.has('ar'), e.id).toBe(true);
    }
  });

  it('has the main actors and topics in French, German, Hebrew and Arabic', () => {
    const has = (id: string, text: string, lang: string): void => {
      expect(get(id).aliases.some((a) => a.text === text && a.lang === lang), `${id}: ${text} (${lang})`).toBe(true);
    };
    has('person/benjamin-netanyahu', 'Netanyahou', 'fr');
    has('person/benjamin-netanyahu', 'Netanjahu', 'de');
    has('person/benjamin-netanyahu', 'נתניהו', 'he');
    has('person/benjamin-netanyahu', 'نتنياهو', 'ar');
    has('person/chuck-schumer', 'شومر', 'ar');
    has('person/joe-biden', 'ביידן', 'he');
    has('person/joe-biden', 'بايدن', 'ar');
    has('organisation/hamas', 'חמאס', 'he');
    has('organisation/hamas', 'حماس', 'ar');
    has('place/gaza', 'Gazastreifen', 'de');
    has('place/gaza', 'עזה', 'he');
    has('place/gaza', 'غزة', 'ar');
    has('place/rafah', 'רפיח', 'he');
    has('place/rafah', 'رفح', 'ar');
    has('place/israel', 'Israël', 'fr');
    has('place/israel', 'ישראל', 'he');
    has('place/israel', 'إسرائيل', 'ar');
    has('topic/ceasefire', 'cessez-le-feu', 'fr');
    has('topic/ceasefire', 'Waffenruhe', 'de');
    has('topic/ceasefire', 'הפסקת אש', 'he');
    has('topic/ceasefire', 'وقف إطلاق النار', 'ar');
    has('topic/two-state-solution', 'solution à deux États', 'fr');
    has('topic/two-state-solution', 'Zweistaatenlösung', 'de');
    has('topic/two-state-solution', 'פתרון שתי המדינות', 'he');
    has('topic/two-state-solution', 'حل الدولتين', 'ar');
    has('place/united-states', 'États-Unis', 'fr');
    has('place/united-states', 'Vereinigte Staaten', 'de');
    has('place/united-states', 'ארצות הברית', 'he');
    has('place/united-states', 'الولايات المتحدة', 'ar');
    has('organisation/us-senate', 'Sénat américain', 'fr');
    has('organisation/us-senate', 'US-Senat', 'de');
  });

  it('never names Schumer by the bare Hebrew word for "guard"', () => {
    // שומר alone is the common word "guard" (השומר: "the guard"): only longer forms.
    const hebrew = get('person/chuck-schumer').aliases.filter((a) => a.lang === 'he').map((a) => a.text);
    expect(hebrew.length).toBeGreaterThan(0);
    expect(hebrew).not.toContain('שומר');
    for (const text of hebrew) expect(text.split(' ').length, text).toBeGreaterThan(1);
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
