/**
 * Right-to-left layouts come from logical CSS: in the UI's stylesheets nothing is placed
 * by left and right (margin-left, padding-right, border-left, left:, float, text-align: left,
 * asymmetric four-value margins and paddings), so `dir="rtl"` mirrors the options page,
 * popup, side panel, review page and card without a second stylesheet.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssRules } from '../../components/css-testing';

const ROOT = process.cwd();
const cssIn = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.css')).map((f) => `${dir}/${f}`);
const FILES = [
  ...cssIn('components'),
  ...['library', 'notes', 'review', 'sidebar'].flatMap((d) => cssIn(`components/${d}`)),
  ...['content', 'popup', 'options', 'sidepanel', 'review'].flatMap((d) => {
    try {
      return cssIn(`entrypoints/${d}`);
    } catch {
      return [];
    }
  }),
];

const PHYSICAL = /^(margin|padding|border|scroll-margin|scroll-padding)-(left|right)(-|$)|^(left|right|float|clear)$|^border-(top|bottom)-(left|right)-radius$/;

/** A four-value margin or padding whose left and right differ. */
function asymmetric(value: string): boolean {
  const parts = value.trim().split(/\s+/);
  return parts.length === 4 && parts[1] !== parts[3];
}

describe('UI stylesheets are written in logical properties', () => {
  it('covers the stylesheets', () => {
    expect(FILES).toEqual(expect.arrayContaining(['components/card.css', 'components/tokens.css', 'components/page-base.css', 'components/sidebar/sidebar.css', 'entrypoints/popup/popup.css']));
  });

  it.each(FILES)('%s places nothing by left or right', (file) => {
    const problems: string[] = [];
    for (const rule of cssRules(readFileSync(join(ROOT, file), 'utf8'))) {
      for (const [prop, value] of rule.declarations) {
        const where = `${rule.selectors.join(', ')} { ${prop}: ${value} }`;
        if (PHYSICAL.test(prop)) problems.push(where);
        if (prop === 'text-align' && /\b(left|right)\b/.test(value)) problems.push(where);
        if ((prop === 'margin' || prop === 'padding' || prop === 'inset') && asymmetric(value)) problems.push(where);
        if (/translateX|scaleX/.test(value) && !rule.selectors.every((s) => s.includes(':dir('))) problems.push(where);
      }
    }
    expect(problems).toEqual([]);
  });
});
