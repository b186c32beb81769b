/**
 * Language rules outside Hebrew and Arabic: the German genitive and compounds, French
 * elisions, scripts without spaces, the surname context in French and German, ties
 * between languages, and `Match.lang` through the serialised data.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../model';
import { compileMatcher, matcherFromData, specFromEntities, type Matcher } from './index';

function entity(id: string, kind: Entity['kind'], aliases: Entity['aliases'], negative?: string[]): Entity {
  const e: Entity = { id, kind, name: aliases[0]?.text ?? id, aliases, role: '', summary: '', contexts: [], relations: [] };
  if (negative) e.negative = negative;
  return e;
}

const entities: Entity[] = [
  entity('netanyahu', 'person', [
    { text: 'Benjamin Netanyahu', case: 'proper' },
    { text: 'Netanyahu', case: 'proper' },
    { text: 'Benjamin Netanjahu', case: 'proper', lang: 'de' },
    { text: 'Netanjahu', case: 'proper', lang: 'de' },
    { text: 'Benyamin Nétanyahou', case: 'proper', lang: 'fr' },
    { text: 'Nétanyahou', case: 'proper', lang: 'fr' },
    { text: 'Netanyahou', case: 'proper', lang: 'fr' },
    { text: '内塔尼亚胡', case: 'proper', lang: 'zh' },
    { text: 'ネタニヤフ', case: 'proper', lang: 'ja' },
    { text: 'เนทันยาฮู', case: 'proper', lang: 'th' },
  ]),
  entity('biden', 'person', [
    { text: 'Joe Biden', case: 'proper' },
    { text: 'Biden', case: 'proper' },
    { text: 'Biden', case: 'proper', lang: 'de' },
    { text: '바이든', case: 'proper', lang: 'ko' },
  ]),
  entity('hamas', 'organisation', [
    { text: 'Hamas', case: 'proper' },
    { text: 'Hamas', case: 'proper', lang: 'de' },
  ]),
  entity('gaza', 'place', [
    { text: 'Gaza', case: 'proper' },
    { text: 'Gazastreifen', case: 'proper', lang: 'de' },
  ]),
  entity('israel', 'place', [
    { text: 'Israel', case: 'proper' },
    { text: 'Israël', case: 'proper', lang: 'fr' },
  ]),
  entity('pa', 'organisation', [{ text: 'Autorité palestinienne', case: 'proper', lang: 'fr' }]),
  entity('ceasefire', 'topic', [
    { text: 'ceasefire', case: 'insensitive', lang: 'en' },
    { text: 'cessez-le-feu', case: 'insensitive', lang: 'fr' },
    { text: 'Waffenruhe', case: 'insensitive', lang: 'de' },
  ]),
];
const m = compileMatcher(specFromEntities(entities));

/** [mention text, start, entity, lang] of each match. */
function found(matcher: Matcher, text: string): [string, number, string, string | undefined][] {
  return matcher.scan(text).map((x) => [text.slice(x.start, x.end), x.start, x.entityId, x.lang]);
}

type Row = [string, [string, number, string, string | undefined][]];

describe('German genitive and compounds', () => {
  it.each<Row>([
    // The genitive s is part of the mention, as an English possessive is.
    ['Netanjahus Regierung', [['Netanjahus', 0, 'netanyahu', 'de']]],
    ['NETANJAHUS KURS', [['NETANJAHUS', 0, 'netanyahu', 'de']]],
    ['Bidens Rede', [['Bidens', 0, 'biden', 'de']]],
    ['des Gazastreifens', [['Gazastreifens', 4, 'gaza', 'de']]],
    ['Netanjahu’s Kurs', [['Netanjahu’s', 0, 'netanyahu', 'de']]],
    // Names ending in s take an apostrophe instead.
    ["Hamas' Führung", [["Hamas'", 0, 'hamas', undefined]]],
    // Hyphenated compounds: the first part is a word of its own.
    ['die Netanjahu-Regierung', [['Netanjahu', 4, 'netanyahu', 'de']]],
    ['im Gaza-Krieg', [['Gaza', 3, 'gaza', undefined]]],
    ['Hamas-Terroristen', [['Hamas', 0, 'hamas', undefined]]],
    // A closed compound is an alias of its own; the plain word also matches.
    ['im Gazastreifen', [['Gazastreifen', 3, 'gaza', 'de']]],
    ['Die Waffenruhe hält', [['Waffenruhe', 4, 'ceasefire', 'de']]],
    // The same alias text without a language wins the plain form (written the same).
    ['Biden sagte', [['Biden', 0, 'biden', undefined]]],
  ])('%s', (text, expected) => {
    expect(found(m, text)).toEqual(expected);
  });

  it.each(['Netanjahuso', 'Netanjahuss', 'Hamass', 'Gazastreifensee', 'Netanyahus'])('%s has no match', (text) => {
    expect(found(m, text)).toEqual([]);
  });

  it('keeps the surname after German titles, also hyphenated, and drops it after a first name', () => {
    expect(found(m, 'Ministerpräsident Netanjahu und US-Präsident Biden').map(([t]) => t)).toEqual(['Netanjahu', 'Biden']);
    expect(found(m, 'Laut Netanjahu hat Regierungschef Netanjahu recht').map(([t]) => t)).toEqual(['Netanjahu', 'Netanjahu']);
    expect(found(m, 'Sara Netanjahu und Hunter Biden')).toEqual([]);
  });
});

describe('French elisions', () => {
  it.each<Row>([
    ["la sécurité d'Israël", [['Israël', 14, 'israel', 'fr']]],
    ['la sécurité d’Israël', [['Israël', 14, 'israel', 'fr']]],
    ['qu’Israël', [['Israël', 3, 'israel', 'fr']]],
    ["l'Autorité palestinienne", [['Autorité palestinienne', 2, 'pa', 'fr']]],
    ['L’AUTORITÉ PALESTINIENNE', [['AUTORITÉ PALESTINIENNE', 2, 'pa', 'fr']]],
    ['jusqu’à Gaza', [['Gaza', 8, 'gaza', undefined]]],
    ['un cessez-le-feu à Gaza', [['cessez-le-feu', 3, 'ceasefire', 'fr'], ['Gaza', 19, 'gaza', undefined]]],
  ])('%s', (text, expected) => {
    expect(found(m, text)).toEqual(expected);
  });

  it('keeps the surname after French sentence starts and titles', () => {
    expect(found(m, 'Selon Nétanyahou, le président Biden').map(([t, , , lang]) => [t, lang])).toEqual([
      ['Nétanyahou', 'fr'],
      ['Biden', undefined],
    ]);
  });
});

describe('scripts without spaces between words', () => {
  it.each<Row>([
    ['以色列总理内塔尼亚胡表示', [['内塔尼亚胡', 5, 'netanyahu', 'zh']]],
    ['ネタニヤフ首相は', [['ネタニヤフ', 0, 'netanyahu', 'ja']]],
    ['イスラエルのネタニヤフ氏', [['ネタニヤフ', 6, 'netanyahu', 'ja']]],
    ['นายกรัฐมนตรีเนทันยาฮูกล่าว', [['เนทันยาฮู', 12, 'netanyahu', 'th']]],
    ['바이든은 말했다', [['바이든', 0, 'biden', 'ko']]],
    // A Latin name right next to them needs no space either.
    ['美国总统Biden表示', [['Biden', 4, 'biden', undefined]]],
    ['哈马斯Hamas和Gaza', [['Hamas', 3, 'hamas', undefined], ['Gaza', 9, 'gaza', undefined]]],
  ])('%s', (text, expected) => {
    expect(found(m, text)).toEqual(expected);
  });

  it('still needs word boundaries in spaced scripts', () => {
    expect(found(m, 'Gazas Netanjahuz Israelis')).toEqual([]);
  });
});

describe('ties between languages and Match.lang', () => {
  it('gives a span the alias written exactly as the text', () => {
    expect(found(m, 'Israël et Israel')).toEqual([
      ['Israël', 0, 'israel', 'fr'],
      ['Israel', 10, 'israel', undefined],
    ]);
    expect(found(m, 'Netanyahou et Nétanyahou').map(([, , , lang]) => lang)).toEqual(['fr', 'fr']);
    const [a, b] = m.scan('Netanyahou et Nétanyahou');
    expect([m.aliases[a?.aliasIndex ?? -1]?.text, m.aliases[b?.aliasIndex ?? -1]?.text]).toEqual(['Netanyahou', 'Nétanyahou']);
  });

  it('reports the language only when the alias has one', () => {
    const [hit] = m.scan('a ceasefire');
    expect(hit).toEqual({ entityId: 'ceasefire', start: 2, end: 11, aliasIndex: expect.any(Number) as number, lang: 'en' });
    expect(Object.keys(m.scan('Gaza')[0] ?? {})).not.toContain('lang');
  });

  it('keeps languages through the serialised data', () => {
    const data = m.toData();
    expect(data.version).toBe(3);
    expect(data.languages).toEqual(['de', 'fr', 'zh', 'ja', 'th', 'ko', 'en']);
    expect(data.aliasLang).toHaveLength(m.aliases.length);
    const restored = matcherFromData(JSON.parse(JSON.stringify(data)));
    expect(restored.aliases).toEqual(m.aliases);
    expect(restored.aliases.filter((a) => a.lang === 'fr').map((a) => a.text)).toEqual(['Benyamin Nétanyahou', 'Nétanyahou', 'Netanyahou', 'Israël', 'Autorité palestinienne', 'cessez-le-feu']);
    for (const text of ['Netanjahus Regierung', 'qu’Israël', 'ネタニヤフ首相は', 'Israël et Israel']) expect(restored.scan(text)).toEqual(m.scan(text));
  });

  it('refuses an alias language that is not a language tag', () => {
    expect(() => compileMatcher({ aliases: [{ entityId: 'x', text: 'X', case: 'proper', lang: 'French' }], negatives: [] })).toThrow(/language tag/);
  });
});
