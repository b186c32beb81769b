import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../lib/model';
import { contrastRatio, type Rgba } from './theme';
import { PALETTE, tokensCss, varsFor } from './css-testing';

const css = readFileSync(new URL('./card.css', import.meta.url), 'utf8');

function hex(value: string | undefined): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value ?? '');
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`);
  return { r: parseInt(m[1] ?? '', 16), g: parseInt(m[2] ?? '', 16), b: parseInt(m[3] ?? '', 16), a: 1 };
}

// The palette lives in tokens.css (shared); card.css adds its shadow.
const all = `${tokensCss}\n${css}`;
const light = varsFor(all, '.bs-card');
const dark = varsFor(all, ".bs-card[data-theme='dark']");
const darkMedia = varsFor(all, ".bs-card:not([data-theme='light'])");

const TEXT_PAIRS: [string, string][] = [
  ['--bs-fg', '--bs-bg'],
  ['--bs-muted', '--bs-bg'],
  ['--bs-accent', '--bs-bg'],
  ['--bs-error', '--bs-bg'],
  ['--bs-mark-fg', '--bs-mark-bg'],
  ['--bs-fg', '--bs-subtle'],
  ['--bs-accent', '--bs-subtle'],
  ...ENTITY_KINDS.map((kind): [string, string] => [`--bs-kind-${kind}`, '--bs-bg']),
];

describe('card.css', () => {
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`${name} theme: every text colour has >= 4.5:1 contrast`, () => {
      for (const [fg, bg] of TEXT_PAIRS) {
        const ratio = contrastRatio(hex(theme.get(fg)), hex(theme.get(bg)));
        expect(ratio, `${fg} on ${bg} (${name})`).toBeGreaterThanOrEqual(4.5);
      }
      // Focus ring: non-text contrast >= 3:1.
      expect(contrastRatio(hex(theme.get('--bs-focus')), hex(theme.get('--bs-bg')))).toBeGreaterThanOrEqual(3);
    });
  }

  it('uses the same dark palette for prefers-color-scheme and data-theme="dark"', () => {
    expect(dark.size).toBeGreaterThan(10);
    expect([...darkMedia]).toEqual([...dark]);
  });

  it('every stylesheet takes the palette from tokens.css instead of repeating it', () => {
    const files = ['card.css', 'notes/notes.css', 'sidebar/sidebar.css', 'library/library.css'];
    for (const file of files) {
      const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(text, file).toMatch(/^@import '(\.\.\/|\.\/)tokens\.css';$/m);
      for (const name of [...PALETTE, '--bs-kind-person']) expect(text, `${file} ${name}`).not.toContain(`${name}:`);
    }
  });

  it('sizes text in px, fades in 120 ms, and stops motion for prefers-reduced-motion', () => {
    expect(css).not.toMatch(/\drem\b/);
    expect(css).not.toMatch(/font-size:\s*[\d.]+(em|%)/);
    expect(css).toMatch(/animation: bs-fade-in 120ms/);
    const reduce = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(reduce).toMatch(/animation: none !important/);
    expect(reduce).toMatch(/transition: none !important/);
  });
});
