/**
 * Which theme the card should use on a page. The page's own background wins when it has an
 * opaque one (a dark card on a white news page, or a light card on a dark one, looks out of
 * place); otherwise the user's `prefers-color-scheme` decides.
 */
import type { Theme } from './CardRoot';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parse a computed `rgb()`/`rgba()` colour (comma or space syntax); null for anything else. */
export function parseRgb(value: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return null;
  const alpha = m[4];
  let a = 1;
  if (alpha !== undefined) a = alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
  const rgba = { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
  return Object.values(rgba).every(Number.isFinite) ? rgba : null;
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrastRatio(a: Pick<Rgba, 'r' | 'g' | 'b'>, b: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Below this luminance a background counts as dark (where black and white text contrast equally). */
const DARK_LUMINANCE = 0.18;

export function pageTheme(doc: Document, win: Window): Theme {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (bg && bg.a >= 0.5) return luminance(bg) < DARK_LUMINANCE ? 'dark' : 'light';
  }
  const query = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : null;
  return query?.matches ? 'dark' : 'light';
}
