import { describe, expect, it } from 'vitest';
import { formatDate, markTerms, relationLabel, safeHttpUrl, urlHost } from './format';

describe('formatDate', () => {
  it('formats ISO dates as d MMM yyyy in English', () => {
    expect(formatDate('2024-03-18')).toBe('18 Mar 2024');
    expect(formatDate('2023-10-07')).toBe('7 Oct 2023');
    expect(formatDate('2024-12-01T10:00:00Z')).toBe('1 Dec 2024');
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
  });
  it('returns anything else unchanged', () => {
    expect(formatDate('March 2024')).toBe('March 2024');
    expect(formatDate('2023-02-29')).toBe('2023-02-29');
    expect(formatDate('2024-13-01')).toBe('2024-13-01');
    expect(formatDate('')).toBe('');
  });
});

describe('labels', () => {
  it('turns relation types into words', () => {
    expect(relationLabel('called-for')).toBe('called for');
    expect(relationLabel('criticised')).toBe('criticised');
    expect(relationLabel('called-for-by')).toBe('called for by');
  });
});

describe('safeHttpUrl', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://en.wikipedia.org/wiki/X')).toBe('https://en.wikipedia.org/wiki/X');
    expect(safeHttpUrl(' HTTP://example.org ')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.org', '/relative', 'http//x', 'https://', undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
  it('extracts a host', () => {
    expect(urlHost('https://www.example.org/a')).toBe('example.org');
    expect(urlHost('nope')).toBe('');
  });
});

describe('markTerms', () => {
  const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');
  it('marks whole-word, case-insensitive occurrences and keeps the text intact', () => {
    const text = 'Schumer said Netanyahu’s coalition; NETANYAHU replied. Netanyahuism no.';
    const segs = markTerms(text, ['Netanyahu']);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Netanyahu', 'NETANYAHU']);
  });
  it('prefers the longest term and escapes regex characters', () => {
    const segs = markTerms('Benjamin Netanyahu met U.S. envoys (U.S.)', ['Netanyahu', 'Benjamin Netanyahu', 'U.S.', '(']);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Benjamin Netanyahu', 'U.S.', 'U.S.']);
  });
  it('handles empty input', () => {
    expect(markTerms('', ['x'])).toEqual([]);
    expect(markTerms('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(markTerms('abc', ['  '])).toEqual([{ text: 'abc', mark: false }]);
  });
});
