// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { render } from 'preact';
import { formatDate } from './format';
import { formatDay, formatList, formatNumber, formatRelativeDays, ordinal, t, tn, uiDir, uiLang } from './i18n';
import { kindInfo } from './kinds';
import { tx, txn } from '../components/i18n';
import { useFakeLocale } from '../tests/unit/i18n-fake';

afterEach(() => useFakeLocale('en'));

const html = (children: preact.ComponentChildren): string => {
  const el = document.createElement('p');
  render(h('span', null, children), el);
  return el.innerHTML;
};

describe('t()', () => {
  it('reads the English messages, substitutions by name, numbers in the UI language', () => {
    expect(t('commonCancel')).toBe('Cancel');
    expect(t('cardNotHere', { name: 'Chuck Schumer' })).toBe('Not Chuck Schumer here');
    expect(t('sbMentionOf', { name: 'Biden', index: 2, count: 1500 })).toBe('Biden: mention 2 of 1,500');
    // Several substitutions go in by name, whatever their order in the message.
    expect(t('pkUpdatedMsg', { version: 3, title: '“P”', from: 2, entities: '4 entities', edits: '' })).toBe('Updated “P” from v2 to v3 (4 entities).');
  });

  it('picks the plural form of the UI language', () => {
    expect(tn('nsCount', 1)).toBe('1 note');
    expect(tn('nsCount', 2)).toBe('2 notes');
    expect(tn('nsCount', 0)).toBe('0 notes');
    useFakeLocale('he');
    expect(tn('nsCount', 1)).toBe('הערה אחת');
    expect(tn('nsCount', 2)).toBe('שתי הערות');
    expect(tn('nsCount', 7)).toBe('7 הערות');
    useFakeLocale('fr');
    expect(tn('nsCount', 0)).toBe('0 note');
    expect(tn('nsCount', 3)).toBe('3 notes');
    expect(tn('nsCount', 1_000_000)).toBe(`${formatNumber(1_000_000)} de notes`);
  });

  it('formats ordinals with the language’s ordinal rules', () => {
    expect([1, 2, 3, 4, 11, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '22nd']);
    useFakeLocale('fr');
    expect([1, 2].map(ordinal)).toEqual(['1er', '2e']);
  });

  it('falls back to English for a message a locale lacks, and to the key for one nobody has', () => {
    useFakeLocale('he');
    expect(t('extName')).toBe('Backstory');
    expect(t('nope' as 'commonCancel')).toBe('nope');
  });
});

describe('language and direction', () => {
  it('English: left to right, the browser’s region for dates', () => {
    expect(uiLang()).toBe('en-GB');
    expect(uiDir()).toBe('ltr');
    expect(formatDate('2024-03-18')).toBe('18 Mar 2024');
    useFakeLocale('en', 'en-US');
    expect(formatDate('2024-03-18')).toBe('Mar 18, 2024');
  });

  it('Hebrew: right to left, Hebrew dates and words', () => {
    useFakeLocale('he');
    expect(uiLang()).toBe('he');
    expect(uiDir()).toBe('rtl');
    expect(formatDate('2024-03-18')).toMatch(/18 במרץ 2024/);
    expect(kindInfo('person').plural).toBe('אנשים');
    expect(formatList(['א', 'ב', 'ג'])).toMatch(/ו/);
  });

  it('follows the messages shown, not a browser language it has no messages for', () => {
    // An Arabic browser gets the English messages (no Arabic locale yet): English, left to right.
    useFakeLocale('en', 'ar');
    expect(uiLang()).toBe('en');
    expect(uiDir()).toBe('ltr');
  });

  it('says dates relative to now in the UI language', () => {
    const now = Date.UTC(2024, 2, 1);
    expect(formatRelativeDays(now + 29 * 86_400_000, now)).toBe('in 29 days');
    expect(formatRelativeDays(now + 86_400_000, now)).toBe('tomorrow');
    useFakeLocale('fr');
    expect(formatRelativeDays(now + 29 * 86_400_000, now)).toBe('dans 29 jours');
    expect(formatDay(now)).toMatch(/2024/);
  });
});

describe('tx()', () => {
  it('puts children where the translation puts their placeholders', () => {
    const date = h('time', { dateTime: '2024-03-18' }, '18 Mar 2024');
    expect(html(tx('cardAsOf', { date }))).toBe('<span>as of <time datetime="2024-03-18">18 Mar 2024</time></span>');
    useFakeLocale('he');
    expect(html(tx('cardAsOf', { date }))).toBe('<span>נכון ל־<time datetime="2024-03-18">18 Mar 2024</time></span>');
  });

  it('plural forms with children', () => {
    const num = (n: number) => h('b', null, String(n));
    expect(html(txn('sbTotalNames', 1, { num: num(1) }))).toBe('<span><b>1</b> name</span>');
    expect(html(txn('sbTotalNames', 6, { num: num(6) }))).toBe('<span><b>6</b> names</span>');
  });

  it('keeps markup in substitutions as text', () => {
    expect(html(tx('cardMatched', { text: '<img src=x>' }))).toBe('<span>matched: ‘&lt;img src=x&gt;’</span>');
  });
});
