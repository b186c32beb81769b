import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, matcherFromData, specFromEntities, type Matcher } from './index';
import * as F from './testing/fixtures';

const base = compileMatcher(specFromEntities(F.seedEntities));
const withIsraelis = compileMatcher(specFromEntities([...F.seedEntities, F.israelisEntity]));

type Row = [text: string, expected: [string, string][], matcher?: Matcher];

const rows: Row[] = [
  // leftmost-longest
  ["Israeli Prime Minister Benjamin Netanyahu's strategy", [["Prime Minister Benjamin Netanyahu's", F.NETANYAHU]]],
  ['Israeli Prime Minister Benjamin Netanyahu said', [['Israeli', F.ISRAELIS], ['Prime Minister Benjamin Netanyahu', F.NETANYAHU]], withIsraelis],
  ['Benjamin Netanyahu said', [['Benjamin Netanyahu', F.NETANYAHU]]],
  ['Prime Minister Netanyahu', [['Netanyahu', F.NETANYAHU]]],
  ['the Gaza Strip and Gaza', [['Gaza Strip', F.GAZA_STRIP], ['Gaza', F.GAZA]]],
  // whole words
  ['the Gazette reported', []],
  ['Netanyahus and NetanyahuGaza', []],
  ['Hamasi fighters', []],
  ['calls for ceasefires', []],
  ['Rafah-based aid groups', [['Rafah', F.RAFAH]]],
  ['anti-Netanyahu protests', [['Netanyahu', F.NETANYAHU]]],
  ['an Israeli official', []],
  ['an Israeli official', [['Israeli', F.ISRAELIS]], withIsraelis],
  // possessives
  ['Netanyahu’s defiant stance', [['Netanyahu’s', F.NETANYAHU]]],
  ["Netanyahu's approach", [["Netanyahu's", F.NETANYAHU]]],
  ["Hamas' leaders", [["Hamas'", F.HAMAS]]],
  ["Israel's approach", [["Israel's", F.ISRAEL]]],
  ['Gaza\u2019s hospitals', [['Gaza\u2019s', F.GAZA]]],
  // quotes
  ['“Netanyahu” was quoted', [['Netanyahu', F.NETANYAHU]]],
  // case rules
  ['NETANYAHU VOWS TO PRESS ON', [['NETANYAHU', F.NETANYAHU]]],
  ['netanyahu vows', []],
  ['GAZA CITY UNDER FIRE', [['GAZA', F.GAZA]]],
  ['Western allies and western allies', [['Western allies', F.WESTERN_ALLIES]]],
  ['join us in Gaza', [['Gaza', F.GAZA]]],
  ['Us and them; USA', []],
  ['Bibi, not BIBI', [['Bibi', F.NETANYAHU]]],
  ['CEASEFIRE NOW, Ceasefire, ceasefire', [['CEASEFIRE', F.CEASEFIRE], ['Ceasefire', F.CEASEFIRE], ['ceasefire', F.CEASEFIRE]]],
  // U.S.
  ['the tension between the US and Israel', [['US', F.US], ['Israel', F.ISRAEL]]],
  ['relations with the U.S.', [['U.S.', F.US]]],
  ['U.S.-Israeli relations and US-Israeli ties', [['U.S.', F.US], ['US', F.US]]],
  ['US Senator Chuck Schumer', [['US', F.US], ['Chuck Schumer', F.SCHUMER]]],
  // invisible characters and whitespace
  ['Netan\u00ADyahu met', [['Netan\u00ADyahu', F.NETANYAHU]]],
  ['Netanya\u200Bhu and Ha\u2060mas', [['Netanya\u200Bhu', F.NETANYAHU], ['Ha\u2060mas', F.HAMAS]]],
  ['Chuck\u00A0Schumer spoke', [['Chuck\u00A0Schumer', F.SCHUMER]]],
  ['Benjamin \t Netanyahu and Middle\u202FEast', [['Benjamin \t Netanyahu', F.NETANYAHU], ['Middle\u202FEast', F.MIDDLE_EAST]]],
  // hyphens and dashes
  ['a cease\u2011fire', [['cease\u2011fire', F.CEASEFIRE]]],
  ['a cease-fire, a cease fire, a Cease\u2013fire', [['cease-fire', F.CEASEFIRE], ['cease fire', F.CEASEFIRE], ['Cease\u2013fire', F.CEASEFIRE]]],
  ['the two state solution', [['two state solution', F.TWO_STATE]]],
  ['the two\u2010state solution or Two-State Solution', [['two\u2010state solution', F.TWO_STATE], ['Two-State Solution', F.TWO_STATE]]],
  // diacritics
  ['Senator Chuck Schu\u0308mer', [['Chuck Schu\u0308mer', F.SCHUMER]]],
  ['Schümer and Schu\u0308mer', [['Schümer', F.SCHUMER], ['Schu\u0308mer', F.SCHUMER]]],
  ['Netanyahú said; Netanyahu\u0301 said', [['Netanyahú', F.NETANYAHU], ['Netanyahu\u0301', F.NETANYAHU]]],
  // negatives and the surname rule
  ["Amy Schumer's new special", []],
  ['Hunter Biden testified; Jill Biden spoke', []],
  ['Sara Netanyahu and Yair Netanyahu', []],
  ['Avner Netanyahu, a son', []],
  ['President Biden said', [['President Biden', F.BIDEN]]],
  ['President Joe Biden', [['Joe Biden', F.BIDEN]]],
  ['Sen. Schumer and Mr. Netanyahu', [['Schumer', F.SCHUMER], ['Netanyahu', F.NETANYAHU]]],
  ['When Schumer spoke, the Biden administration listened', [['Schumer', F.SCHUMER], ['Biden', F.BIDEN]]],
  ['Israel’s Netanyahu', [['Israel’s', F.ISRAEL], ['Netanyahu', F.NETANYAHU]]],
  ['in Gaza. Netanyahu said', [['Gaza', F.GAZA], ['Netanyahu', F.NETANYAHU]]],
  ['Democrats\nSchumer said', [['Schumer', F.SCHUMER]]],
  ['Former Netanyahu aide', [['Netanyahu', F.NETANYAHU]]],
  // groups
  ['progressive Democrats and Arab American supporters', [['progressive Democrats', F.PROGRESSIVES], ['Arab American', F.ARAB_AMERICANS]]],
  // astral characters and emoji keep offsets right
  ['😀Netanyahu🇮🇱 and 𝒳 Gaza 👍🏽', [['Netanyahu', F.NETANYAHU], ['Gaza', F.GAZA]]],
  ['👨‍👩‍👧 Hamas', [['Hamas', F.HAMAS]]],
];

describe('matcher on real-news text', () => {
  it('has enough rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('%j', (text, expected, matcher = base) => {
    const found = matcher.scan(text);
    expect(found.map((m) => [text.slice(m.start, m.end), m.entityId])).toEqual(expected);
    for (const [i, m] of found.entries()) {
      const prev = found[i - 1];
      if (prev) expect(m.start).toBeGreaterThanOrEqual(prev.end);
      expect(matcher.aliases[m.aliasIndex]?.entityId).toBe(m.entityId);
    }
  });

  it('scans the seed article', () => {
    const text = 'Facing criticism from figures such as US Senator Chuck Schumer and concern over Gaza, Netanyahu\u2019s defiant stance…';
    expect(base.scan(text).map((m) => m.entityId)).toEqual([F.US, F.SCHUMER, F.GAZA, F.NETANYAHU]);
  });

  it('is reusable across scans and handles empty text', () => {
    expect(base.scan('')).toEqual([]);
    const text = 'Hamas and Gaza';
    expect(base.scan(text)).toEqual(base.scan(text));
  });
});

describe('specFromEntities', () => {
  it('marks single-word person surnames only', () => {
    const spec = specFromEntities(F.seedEntities);
    const surnames = spec.aliases.filter((a) => a.surname === true).map((a) => a.text);
    expect(surnames).toEqual(['Netanyahu', 'Schumer', 'Schümer', 'Biden']);
    expect(spec.negatives).toContainEqual({ entityId: F.SCHUMER, text: 'Amy Schumer' });
  });
});

describe('matcher data', () => {
  it('survives JSON and keeps scanning identically', () => {
    const data: unknown = JSON.parse(JSON.stringify(base.toData()));
    const restored = matcherFromData(data);
    for (const [text] of rows) expect(restored.scan(text)).toEqual(base.scan(text));
    expect(restored.aliases).toEqual(base.aliases);
  });

  it('rejects malformed data with a clear error', () => {
    const good = base.toData();
    const bad: unknown[] = [
      null,
      'x',
      [],
      { ...good, format: 'other' },
      { ...good, version: 1 },
      // Version 2 (before aliases had languages) is rebuilt, never read.
      { ...good, version: 2 },
      (({ languages: _l, aliasLang: _a, ...v2 }) => ({ ...v2, version: 2 }))(good),
      { ...good, languages: 'fr' },
      { ...good, languages: ['FR'] },
      { ...good, languages: ['fr', 'fr'] },
      { ...good, languages: [7] },
      { ...good, aliasLang: good.aliasLang.slice(1) },
      { ...good, aliasLang: `1${good.aliasLang.slice(1)}` },
      { ...good, aliasLang: undefined },
      { ...good, entityText: 7 },
      { ...good, aliasEntity: 'YwAAAA==' },
      { ...good, aliasInfo: `7${good.aliasInfo.slice(1)}` },
      { ...good, negativeEnds: 'AAAA' },
      { ...good, symbols: '//8=' },
      { ...good, childBits: '@@@@' },
      { ...good, childBits: 'AAA' },
      { ...good, edgeClasses: good.edgeClasses.slice(1) },
      { ...good, edgeClasses: good.aliasText },
      { ...good, termStates: 'AQAAAA==' },
      { ...good, aliasText: '', aliasEnds: '', aliasEntity: '', aliasInfo: '' },
    ];
    for (const d of bad) expect(() => matcherFromData(d)).toThrow(/matcher data/);
  });

  it('loads in slices, giving the page a turn whenever a slice used its time', async () => {
    // A pack big enough to need several slices: 3,000 made-up names on top of the seed pack.
    const extra = Array.from({ length: 3000 }, (_, i) => ({ entityId: `made-up/${i}`, text: `Zorvan Quillet${i.toString(36)}`, case: 'proper' as const }));
    const seed = specFromEntities(F.seedEntities);
    const big = compileMatcher({ ...seed, aliases: [...seed.aliases, ...extra] });
    const data: unknown = JSON.parse(JSON.stringify(big.toData()));
    let clock = 0;
    let turns = 0;
    const loaded = await loadMatcher(data, {
      yieldToPage: () => {
        turns++;
        return Promise.resolve();
      },
      sliceMs: 4,
      now: () => (clock += 1), // every look at the clock is a millisecond later
    });
    expect(turns).toBeGreaterThan(2);
    const text = 'Zorvan Quillet2s met Netanyahu in Rafah.';
    expect(loaded.scan(text)).toEqual(big.scan(text));
    expect(loaded.aliases).toEqual(big.aliases);
    expect(loaded.scan(text).map((m) => m.entityId)).toContain('made-up/100');
    for (const [row] of rows) expect(loaded.scan(row)).toEqual(big.scan(row));
  });

  it('loads in one slice when the time allows, and rejects malformed data', async () => {
    let turns = 0;
    const yieldToPage = (): Promise<void> => {
      turns++;
      return Promise.resolve();
    };
    const loaded = await loadMatcher(JSON.parse(JSON.stringify(base.toData())), { yieldToPage, sliceMs: 1e9 });
    expect(turns).toBe(0);
    for (const [text] of rows) expect(loaded.scan(text)).toEqual(base.scan(text));
    await expect(loadMatcher({ ...base.toData(), childBits: 'AAA' }, { yieldToPage })).rejects.toThrow(/matcher data/);
  });
});
