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

/** One style rule: its enclosing at-rule prelude (`@media (…)`, or null), selectors and declarations. */
export interface CssRule {
  atRule: string | null;
  selectors: string[];
  /** Property → value, later declarations winning. */
  declarations: Map<string, string>;
}

/** The style rules of `css`, in order (one level of at-rule nesting, like `varsFor`). */
export function cssRules(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let atRule: string | null = null;
  let selector: string | null = null;
  for (const m of text.matchAll(/([^{}]*)([{}])/g)) {
    const before = m[1] ?? '';
    if (m[2] === '{') {
      // Drop statements such as `@import '…';` that precede the prelude.
      const prelude = before.slice(before.lastIndexOf(';') + 1).trim();
      if (prelude.startsWith('@')) atRule = prelude;
      else selector = prelude;
    } else if (selector !== null) {
      const declarations = new Map<string, string>();
      for (const decl of before.split(';')) {
        const colon = decl.indexOf(':');
        if (colon > 0) declarations.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
      }
      rules.push({ atRule, selectors: selector.split(',').map((s) => s.trim()), declarations });
      selector = null;
    } else {
      atRule = null;
    }
  }
  return rules;
}
