// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio, luminance, pageTheme, parseRgb } from './theme';

afterEach(() => {
  document.body.style.backgroundColor = '';
  document.documentElement.style.backgroundColor = '';
});

function matchMediaDark(dark: boolean) {
  return vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) => ({ matches: dark && query.includes('dark'), media: query }) as MediaQueryList,
  );
}

describe('theme', () => {
  it('parses computed rgb()/rgba() colours', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseRgb('rgba(1, 2, 3, 0)')).toEqual({ r: 1, g: 2, b: 3, a: 0 });
    expect(parseRgb('rgb(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseRgb('transparent')).toBeNull();
    expect(parseRgb('oklch(0.2 0.1 100)')).toBeNull();
  });

  it('computes WCAG luminance and contrast', () => {
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(21);
  });

  it('follows prefers-color-scheme when the page has no background', () => {
    matchMediaDark(true);
    expect(pageTheme(document, window)).toBe('dark');
    matchMediaDark(false);
    expect(pageTheme(document, window)).toBe('light');
  });

  it('uses the page background when it is opaque (body first, then html)', () => {
    matchMediaDark(false);
    document.documentElement.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageTheme(document, window)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    matchMediaDark(true);
    expect(pageTheme(document, window)).toBe('light');
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0.1)';
    expect(pageTheme(document, window)).toBe('dark');
  });
});
