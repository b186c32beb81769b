/** The shipped pack on news in French, German, Hebrew and Arabic (__fixtures__/news-languages.ts). */
import { describe, expect, it } from 'vitest';
import { shippedPack } from '../packs/shipped';
import { NEWS_SAMPLES } from './__fixtures__/news-languages';
import { compileMatcher, matcherFromData, specFromEntities, type Matcher } from './index';

const compiled = compileMatcher(specFromEntities(shippedPack.entities));
const restored = matcherFromData(JSON.parse(JSON.stringify(compiled.toData())));

function mentions(m: Matcher, text: string): [string, string, string?][] {
  return m.scan(text).map((x) => {
    const row: [string, string, string?] = [text.slice(x.start, x.end), x.entityId];
    if (x.lang !== undefined) row.push(x.lang);
    return row;
  });
}

describe('the shipped pack on news in other languages', () => {
  it.each(NEWS_SAMPLES.map((s) => [s.lang, s] as const))('finds every mention in the %s sample', (_lang, sample) => {
    expect(mentions(compiled, sample.text)).toEqual(sample.mentions);
    expect(mentions(restored, sample.text)).toEqual(sample.mentions);
    // Most mentions are in the sample's own language.
    const own = sample.mentions.filter(([, , lang]) => lang === sample.lang).length;
    expect(own / sample.mentions.length).toBeGreaterThan(0.6);
  });

  it('underlines the name and not its Hebrew or Arabic prefix (the last mention of each)', () => {
    const cases: [string, string][] = [
      ['בין ביידן לנתניהו', 'נתניהו'],
      ['הביקורת בארה״ב', 'ארה״ב'],
      ['וארצות הברית', 'ארצות הברית'],
      ['שבעזה', 'עזה'],
      ['انتصارا لحماس', 'حماس'],
      ['وبغزة', 'غزة'],
      ['والقدس والولايات المتحدة', 'الولايات المتحدة'],
      ['للولايات المتحدة', 'لولايات المتحدة'],
    ];
    for (const [text, name] of cases) {
      const m = compiled.scan(text).at(-1);
      expect(m && text.slice(m.start, m.end), text).toBe(name);
      expect(m?.end, text).toBe(text.length);
    }
  });

  it('does not take common words for names', () => {
    for (const text of ['השומר', 'והשומר עמד בשער', 'שומרים על השקט', 'המשמר האזרחי', 'שומר', 'تحدث بحماس كبير', 'بكل حماس', 'الحماس']) {
      expect(compiled.scan(text), text).toEqual([]);
    }
  });
});
