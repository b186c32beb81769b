import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, type Rgba } from '../theme';
import { tokensCss, varsFor } from '../css-testing';

const css = readFileSync(new URL('./library.css', import.meta.url), 'utf8');
const base = readFileSync(new URL('../page-base.css', import.meta.url), 'utf8');
const all = ['library.css', 'library-controls.css', 'library-lists.css', 'library-packs.css'].map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).join('\n');

function vars(body: string): Map<string, string> {
  return new Map([...body.matchAll(/(--bs-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

function hex(value: string | undefined): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value ?? '');
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`);
  return { r: parseInt(m[1] ?? '', 16), g: parseInt(m[2] ?? '', 16), b: parseInt(m[3] ?? '', 16), a: 1 };
}

const lightStart = css.indexOf(':root {');
const darkStart = css.indexOf(':root {', css.indexOf('@media (prefers-color-scheme: dark)'));
// The shared palette (tokens.css on `:root`), then the page's own extras (library.css).
const light = new Map([...varsFor(tokensCss, ':root'), ...vars(css.slice(lightStart, css.indexOf('}', lightStart)))]);
const dark = new Map([...varsFor(tokensCss, ":root:not([data-theme='light'])"), ...vars(css.slice(darkStart, css.indexOf('}', darkStart)))]);

/** Text colour on background colour, each pair used by library.css. */
const TEXT_PAIRS: [string, string][] = [
  ['--bs-fg', '--bs-bg'],
  ['--bs-muted', '--bs-bg'],
  ['--bs-fg', '--bs-subtle'],
  ['--bs-muted', '--bs-subtle'],
  ['--bs-accent', '--bs-bg'],
  ['--bs-accent-fg', '--bs-accent'],
  ['--bs-error', '--bs-bg'],
  ['--bs-error', '--bs-error-bg'],
  ['--bs-fg', '--bs-error-bg'],
  ['--bs-fg', '--bs-ok-bg'],
];

describe('library.css', () => {
  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('every text/background pair has at least 4.5:1 contrast (%s)', (_name, theme) => {
    for (const [fg, bg] of TEXT_PAIRS) {
      const ratio = contrastRatio(hex(theme.get(fg)), hex(theme.get(bg)));
      expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('has visible focus rings and sizes in rem (follows zoom and font size)', () => {
    expect(css).toContain("@import '../page-base.css';");
    expect(base).toMatch(/:focus-visible\s*{[^}]*outline:\s*2px solid var\(--bs-focus\)/);
    expect(all).not.toMatch(/font-size:\s*\d+px/);
  });
});
