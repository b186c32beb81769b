import { describe, expect, it } from 'vitest';
import { kindOf, K_IGNORABLE, K_WORD, normaliseKey, normaliseWithOffsets } from './normalise';

describe('normalise: right-to-left scripts and unspaced scripts', () => {
  it.each([
    // Hebrew niqqud and Arabic harakat are combining marks: dropped.
    ['נְתַנְיָהוּ', 'נתניהו'],
    ['غَزَّةُ', 'غزه'],
    // Tatweel, bidi controls and the Arabic letter mark are invisible.
    ['غـــزة', 'غزه'],
    ['\u200Fנתניהו\u200E \u202Bבעזה\u202C \u2067x\u2069 \u061Cا', 'נתניהו בעזה x ا'],
    // The maqaf is a hyphen (a separator); geresh and gershayim are an apostrophe and a quote.
    ['ארצות־הברית', 'ארצות הברית'],
    ['צ׳אק', "צ'אק"],
    ['ארה״ב', 'ארה"ב'],
    // Arabic spellings used interchangeably: hamza carriers (أ إ آ ؤ ئ → ا و ي), ى → ي, ة → ه.
    ['إسرائيل أمريكا آمن مسؤول', 'اسراييل امريكا امن مسوول'],
    ['اسرائيل', 'اسراييل'],
    ['على', 'علي'],
  ])('%s → %s', (input, key) => {
    expect(normaliseKey(input)).toBe(key);
  });

  it('keeps offsets into the original string', () => {
    const n = normaliseWithOffsets('\u200Fو־غـزة');
    expect(n.text).toBe('و غزه');
    expect(n.offsets).toEqual([1, 2, 3, 5, 6]);
  });

  it('counts Hebrew and Arabic letters as word characters, not those of unspaced scripts', () => {
    for (const ch of 'אשعغa1') expect(kindOf(ch.charCodeAt(0)) & K_WORD, ch).toBe(K_WORD);
    for (const ch of '中ネのเ한ກ') expect(kindOf(ch.charCodeAt(0)) & K_WORD, ch).toBe(0);
    for (const ch of '\u0640\u200F\u05B0\u064E') expect(kindOf(ch.charCodeAt(0)) & K_IGNORABLE, ch).toBe(K_IGNORABLE);
  });
});
