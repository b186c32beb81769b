/** The Hebrew and Arabic prefix rules (lang.ts), with exact mention offsets. */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec, type Matcher } from './index';

const he = (entityId: string, text: string, lang: string | undefined = 'he'): AliasSpec =>
  lang === undefined ? { entityId, text, case: 'proper' } : { entityId, text, case: 'proper', lang };
const ar = (entityId: string, text: string, lang: string | undefined = 'ar'): AliasSpec => he(entityId, text, lang);

/** A test pack; "שומר" (the common word "guard") is here on purpose, to test the negatives. */
const hebrew = compileMatcher({
  aliases: [
    he('netanyahu', 'נתניהו'),
    he('gaza', 'עזה'),
    he('rafah', 'רפיח'),
    he('biden', 'ביידן'),
    he('guard', 'שומר'),
    he('senate', 'הסנאט'),
    he('senate', 'סנאט'),
    he('ceasefire', 'הפסקת אש'),
    he('us', 'ארה"ב'),
    he('schumer', "צ'אק שומר"),
    he('idf', 'צה', undefined),
    he('yiddish', 'נודניק', 'yi'),
    he('unmarked', 'ירושלים', undefined),
  ],
  negatives: [{ entityId: 'netanyahu', text: 'שרה נתניהו' }],
});

const arabic = compileMatcher({
  aliases: [
    ar('gaza', 'غزة'),
    ar('netanyahu', 'نتنياهو'),
    ar('biden', 'بايدن'),
    ar('hamas', 'حماس'),
    ar('jerusalem', 'القدس'),
    ar('us', 'الولايات المتحدة'),
    ar('rafah', 'رفح', undefined),
    ar('persian', 'بایدن‌ها', 'fa'),
  ],
  negatives: [{ entityId: 'netanyahu', text: 'سارة نتنياهو' }],
});

/** [mention text, start, entity] of each match. */
function found(m: Matcher, text: string): [string, number, string][] {
  return m.scan(text).map((x) => [text.slice(x.start, x.end), x.start, x.entityId]);
}

describe('Hebrew prefixes', () => {
  it.each<[string, [string, number, string][]]>([
    ['ונתניהו אמר', [['נתניהו', 1, 'netanyahu']]],
    ['אמר לנתניהו', [['נתניהו', 5, 'netanyahu']]],
    ['שבעזה ובעזה', [['עזה', 2, 'gaza'], ['עזה', 8, 'gaza']]],
    ['יצאו מרפיח', [['רפיח', 6, 'rafah']]],
    ['כשביידן', [['ביידן', 2, 'biden']]],
    ['וכשביידן', [['ביידן', 3, 'biden']]],
    ['ושבעזה', [['עזה', 3, 'gaza']]],
    ['לכשנתניהו', [['נתניהו', 3, 'netanyahu']]],
    ['ושמרפיח', [['רפיח', 3, 'rafah']]],
    // The article is part of this alias: ו / מ / ש before it.
    ['והסנאט ומהסנאט', [['הסנאט', 1, 'senate'], ['הסנאט', 9, 'senate']]],
    // ב ל swallow the article: the form without it is an alias of its own.
    ['בסנאט ולסנאט', [['סנאט', 1, 'senate'], ['סנאט', 8, 'senate']]],
    ['ובהפסקת אש', [['הפסקת אש', 2, 'ceasefire']]],
    ['בארה"ב ובארה״ב', [['ארה"ב', 1, 'us'], ['ארה״ב', 9, 'us']]],
    ["ולצ'אק שומר", [["צ'אק שומר", 2, 'schumer']]],
    ['וצ׳אק שומר', [['צ׳אק שומר', 1, 'schumer']]],
    // After a maqaf or a hyphen the name is a word of its own.
    ['ה־נתניהו ו-ביידן', [['נתניהו', 2, 'netanyahu'], ['ביידן', 11, 'biden']]],
    // Niqqud on the prefix and in the name; a right-to-left mark before the prefix.
    ['וּנְתַנְיָהוּ', [['נְתַנְיָהוּ', 2, 'netanyahu']]],
    ['\u200Fובעזה\u200F', [['עזה', 3, 'gaza']]],
    // A Hebrew-script alias without a language is Hebrew.
    ['בירושלים', [['ירושלים', 1, 'unmarked']]],
    // A prefixed first name still makes the negative phrase.
    ['ושרה נתניהו', []],
  ])('%s', (text, expected) => {
    expect(found(hebrew, text)).toEqual(expected);
  });

  it.each([
    // The article ה is not a prefix of a name: these are other words.
    'השומר',
    'והשומר',
    'שהשומר',
    'הביידן',
    'ההפסקת אש',
    // Not the name at all, or the name inside a longer word.
    'שומרים',
    'המשמר',
    'משמרות',
    'נתניהוס',
    // Letters that are not prefixes, a prefix out of order, or more than three letters.
    'אבנתניהו',
    'בונתניהו',
    'ולכשנתניהו',
    'xנתניהו',
    // Short aliases and aliases of other languages written in Hebrew script take no prefix.
    'בצה',
    'בנודניק',
  ])('%s has no match', (text) => {
    expect(found(hebrew, text)).toEqual([]);
  });

  it('still matches the words alone and with punctuation', () => {
    expect(found(hebrew, 'שומר, צה נודניק.')).toEqual([
      ['שומר', 0, 'guard'],
      ['צה', 6, 'idf'],
      ['נודניק', 9, 'yiddish'],
    ]);
  });
});

describe('Arabic proclitics and the article', () => {
  it.each<[string, [string, number, string][]]>([
    ['وغزة', [['غزة', 1, 'gaza']]],
    ['بغزة', [['غزة', 1, 'gaza']]],
    ['لنتنياهو', [['نتنياهو', 1, 'netanyahu']]],
    ['فبايدن', [['بايدن', 1, 'biden']]],
    ['وبغزة ولغزة', [['غزة', 2, 'gaza'], ['غزة', 8, 'gaza']]],
    ['كحماس', [['حماس', 1, 'hamas']]],
    // An alias with the article: ال with و ف ب ك before it, or the contraction لل.
    ['والقدس', [['القدس', 1, 'jerusalem']]],
    ['بالقدس وبالقدس', [['القدس', 1, 'jerusalem'], ['القدس', 9, 'jerusalem']]],
    ['للقدس', [['لقدس', 1, 'jerusalem']]],
    ['وللقدس', [['لقدس', 2, 'jerusalem']]],
    ['للولايات المتحدة', [['لولايات المتحدة', 1, 'us']]],
    ['فالولايات المتحدة', [['الولايات المتحدة', 1, 'us']]],
    ['القدس', [['القدس', 0, 'jerusalem']]],
    // Tatweel and harakat are ignored; the mention keeps its marks.
    ['لـنتنياهو', [['نتنياهو', 2, 'netanyahu']]],
    ['غـزّة', [['غـزّة', 0, 'gaza']]],
    ['وَغَزَّةَ', [['غَزَّةَ', 2, 'gaza']]],
    // ة / ه and أ / ا are spelt interchangeably.
    ['غزه', [['غزه', 0, 'gaza']]],
    // An Arabic-script alias without a language is Arabic.
    ['برفح', [['رفح', 1, 'rafah']]],
  ])('%s', (text, expected) => {
    expect(found(arabic, text)).toEqual(expected);
  });

  it.each([
    // The article is not a prefix of a name without it: الحماس is "the zeal".
    'الحماس',
    'بالحماس',
    'للحماس',
    // An article alias needs its article.
    'قدس',
    'ولقدس',
    'ولايات المتحدة',
    // Not proclitics, or too many, or a longer word.
    'مغزة',
    'ببغزة',
    'وفبغزة',
    'حماسة',
    'غزاوي',
    // Arabic script in another language takes no proclitics.
    'وبایدن‌ها',
    // A negative phrase after a proclitic.
    'وسارة نتنياهو',
  ])('%s has no match', (text) => {
    expect(found(arabic, text)).toEqual([]);
  });

  it('finds the names in a right-to-left sentence with its marks', () => {
    const text = '\u202Bوقال نتنياهو إن الحرب في غزة ستستمر، وحذّر بايدن من اجتياح رفح.\u202C';
    expect(found(arabic, text).map(([t, , id]) => [t, id])).toEqual([
      ['نتنياهو', 'netanyahu'],
      ['غزة', 'gaza'],
      ['بايدن', 'biden'],
      ['رفح', 'rafah'],
    ]);
  });
});
