/** Helpers for the CSS tests (imported only by tests): read `--bs-*` tokens out of CSS text. */
import { readFileSync } from 'node:fs';

/** The shared palette (components/tokens.css). */
export const tokensCss = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The `--bs-*` declarations in one rule body. */
export function varsIn(body: string): Map<string, string> {
  return new Map([...body.matchAll(/(--bs-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

/**
 * The `--bs-*` declarations of every rule in `css` whose selector list has `selector` exactly
 * (one level of `@media` nesting is enough for our files), later rules winning.
 */
export function varsFor(css: string, selector: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = (m[1] ?? '').split(',').map((s) => s.trim());
    if (!selectors.includes(selector)) continue;
    for (const [name, value] of varsIn(m[2] ?? '')) out.set(name, value);
  }
  return out;
}

/** The shared palette's colour names: a file that imports tokens.css must not redefine them. */
export const PALETTE = ['--bs-bg', '--bs-fg', '--bs-muted', '--bs-border', '--bs-subtle', '--bs-accent', '--bs-focus', '--bs-mark-bg', '--bs-mark-fg', '--bs-error'];
