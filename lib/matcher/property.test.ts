import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseRule } from '../model';
import { compileParts } from './compile';
import { compileMatcher, matcherFromData, specFromEntities, type MatcherSpec } from './index';
import { AutomatonMatcher } from './scanner';
import { seedEntities, israelisEntity } from './testing/fixtures';
import { referenceScan } from './testing/reference';

const seedSpec = specFromEntities([...seedEntities, israelisEntity]);
const seedMatcher = compileMatcher(seedSpec);
const seedRestored = matcherFromData(JSON.parse(JSON.stringify(seedMatcher.toData())));
/** Only the first few states dense: exercises the sparse states of huge packs. */
const seedSparse = new AutomatonMatcher(compileParts(seedSpec, 1));

const WORDS = ['Amy', 'Hunter', 'President', 'Sen.', 'Gazette', 'us', 'US', 'When', 'the', 'said', 'Prime', 'Minister', 'Israel', 'fire', 'cease', 'state', 'two', 'Sara', 'Chuck'];
const PUNCT = ['. ', ', ', ' — ', '\n', '“', '”', '(', ')', '-', '😀', "'", '’s', "'s", ': '];
const JOINERS = [' ', '', '\u00A0', '  ', '\u2009'];

function vary(text: string): fc.Arbitrary<string> {
  return fc
    .record({
      caseMode: fc.constantFrom('keep', 'upper', 'lower'),
      soft: fc.option(fc.nat(text.length), { nil: undefined }),
      nbsp: fc.boolean(),
      dash: fc.boolean(),
      suffix: fc.constantFrom('', "'s", '’s', "'", 's', ''),
    })
    .map(({ caseMode, soft, nbsp, dash, suffix }) => {
      let t = caseMode === 'upper' ? text.toUpperCase() : caseMode === 'lower' ? text.toLowerCase() : text;
      if (nbsp) t = t.replace(/ /g, '\u00A0');
      if (dash) t = t.replace(/-/g, '\u2011');
      if (soft !== undefined) t = `${t.slice(0, soft)}\u00AD${t.slice(soft)}`;
      return t + suffix;
    });
}

function textFrom(spec: MatcherSpec, words: string[], punct: string[]): fc.Arbitrary<string> {
  const fragment = fc.oneof(
    fc.constantFrom(...spec.aliases.map((a) => a.text), ...spec.negatives.map((n) => n.text)).chain(vary),
    fc.constantFrom(...words).chain(vary),
    fc.constantFrom(...punct),
  );
  return fc
    .array(fc.tuple(fragment, fc.constantFrom(...JOINERS)), { maxLength: 14 })
    .map((parts) => parts.map(([f, j]) => f + j).join(''));
}

/** The compiled matcher, its data round trip and the bare automaton all find what the reference finds. */
function expectAllAgree(spec: MatcherSpec, text: string): void {
  const m = compileMatcher(spec);
  const expected = referenceScan(spec, text);
  expect(m.scan(text)).toEqual(expected);
  expect(matcherFromData(JSON.parse(JSON.stringify(m.toData()))).scan(text)).toEqual(expected);
  expect(new AutomatonMatcher(compileParts(spec, 1)).scan(text)).toEqual(expected);
}

describe('automaton agrees with the naive reference', () => {
  it('on news-like text with the seed pack', () => {
    fc.assert(
      fc.property(textFrom(seedSpec, WORDS, PUNCT), (text) => {
        const expected = referenceScan(seedSpec, text);
        expect(seedMatcher.scan(text)).toEqual(expected);
        expect(seedRestored.scan(text)).toEqual(expected);
        expect(seedSparse.scan(text)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  // Mostly word-initial aliases; some start with punctuation (not anchored at word starts).
  const tinyAlias = fc.stringMatching(/^[.']?[abAB][abAB .\-']{0,5}$/);
  const tinySpec: fc.Arbitrary<MatcherSpec> = fc
    .record({
      aliases: fc.array(
        fc.record({
          entityId: fc.constantFrom('e1', 'e2', 'e3'),
          text: tinyAlias,
          case: fc.constantFrom<CaseRule>('sensitive', 'proper', 'insensitive'),
          surname: fc.boolean(),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      negatives: fc.array(fc.record({ entityId: fc.constantFrom('e1', 'e2', 'e3'), text: tinyAlias }), { maxLength: 3 }),
    })
    .map((spec) => ({ ...spec, aliases: spec.aliases.map((a) => (a.surname ? a : { entityId: a.entityId, text: a.text, case: a.case })) }));

  it('on random small-alphabet packs (overlaps, shared suffixes, case rules)', () => {
    const pieces = ['a', 'b', 'A', 'B', ' ', '-', '.', "'", '\u00AD', '\u00A0', '’', 's', 'S', 'c', '\n', 'a\u0301', 'á'];
    fc.assert(
      fc.property(tinySpec, fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (spec, parts) => {
        const text = parts.join('');
        expectAllAgree(spec, text);
      }),
      { numRuns: 800 },
    );
  });

  // Hebrew, Arabic, Latin and unspaced scripts mixed, with every language rule in play.
  const scripts = {
    he: ['ו', 'ב', 'ל', 'ש', 'כ', 'ה', 'נ', 'ע', 'ז'],
    ar: ['و', 'ب', 'ل', 'ا', 'ك', 'غ', 'ز', 'ة', 'ه', 'ف'],
    la: ['a', 'b', 's', 'S', 'A'],
    cjk: ['中', '国', 'ネ'],
  };
  const scriptAlias = fc.oneof(
    fc
      .constantFrom(...Object.values(scripts))
      .chain((letters) => fc.tuple(fc.constantFrom(...letters), fc.array(fc.constantFrom(...letters, ' '), { maxLength: 5 })))
      .map(([first, rest]) => (first + rest.join('')).trim()),
    // Arabic aliases with the article (compiled without it).
    fc.array(fc.constantFrom(...scripts.ar), { minLength: 2, maxLength: 4 }).map((rest) => `ال${rest.join('')}`),
  );
  const langSpec: fc.Arbitrary<MatcherSpec> = fc
    .record({
      aliases: fc.array(
        fc.record({
          entityId: fc.constantFrom('e1', 'e2', 'e3'),
          text: scriptAlias,
          case: fc.constantFrom<CaseRule>('sensitive', 'proper', 'insensitive'),
          lang: fc.option(fc.constantFrom('he', 'ar', 'de', 'sv', 'fr', 'yi', 'fa', 'ja'), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      negatives: fc.array(fc.record({ entityId: fc.constantFrom('e1', 'e2', 'e3'), text: scriptAlias }), { maxLength: 2 }),
    })
    .map((spec) => ({
      ...spec,
      aliases: spec.aliases.map(({ lang, ...a }) => (lang === undefined ? a : { ...a, lang })),
    }));
  const marks = ['\u05B0', '\u064E', '\u0640', '\u200F', '\u05BE', "'", '-', ' ', '.', '\u00AD'];
  const before = ['', '', ' ', 'ו', 'וב', 'כש', 'ה', 'וה', 'ב', 'ובל', 'و', 'ب', 'وب', 'ال', 'بال', 'لل', 'ولل', 'a', '中', '\u05BE', '\u0640'];
  const after = ['', '', ' ', 's', 'S', "'s", 'sa', 'ן', 'ة', '国', '\u064E', '.'];
  /** Texts made of the pack's own phrases, with prefixes and suffixes around them, and noise. */
  function multilingualText(spec: MatcherSpec): fc.Arbitrary<string> {
    const texts = [...spec.aliases.map((a) => a.text), ...spec.negatives.map((n) => n.text)];
    // An article alias also comes after ل, contracted: للقدس for ل + القدس.
    const phrases = [...texts, ...texts.filter((t) => t.startsWith('ال')).map((t) => `لل${t.slice(2)}`)];
    const noise = [...scripts.he, ...scripts.ar, ...scripts.la, ...scripts.cjk, ...marks];
    const fragment = fc.oneof(
      fc.tuple(fc.constantFrom(...before), fc.constantFrom(...phrases), fc.constantFrom(...after)).map((p) => p.join('')),
      fc.constantFrom(...noise),
    );
    return fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
  }

  it('on random multilingual packs (prefixes, the Arabic article, the genitive, unspaced scripts)', () => {
    fc.assert(
      fc.property(
        langSpec.chain((spec) => fc.tuple(fc.constant(spec), multilingualText(spec))),
        ([spec, text]) => {
          expectAllAgree(spec, text);
        },
      ),
      { numRuns: 800 },
    );
  }, 60_000);

  it('data round trip gives identical scans on random texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(seedRestored.scan(text)).toEqual(seedMatcher.scan(text));
      }),
      { numRuns: 300 },
    );
  });
});
