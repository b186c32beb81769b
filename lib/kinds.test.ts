import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssRules, type CssRule } from '../components/css-testing';
import { KINDS, KIND_ORDER, highlightName, isKind, kindInfo, type KindInfo } from './kinds';
import { ENTITY_KINDS } from './model';

// Everything a kind needs besides its registry entry; a kind added to ENTITY_KINDS fails
// here, naming the file and rule, until each exists.
const HIGHLIGHTS = 'lib/page/highlights.css';
const CARD = 'components/card.css';
const SIDEBAR = 'components/sidebar/sidebar.css';
const TOKENS = 'components/tokens.css';

const rulesOf = new Map(
  [HIGHLIGHTS, CARD, SIDEBAR, TOKENS].map((file) => [file, cssRules(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))]),
);

type AtRuleTest = (atRule: string | null) => boolean;
const topLevel: AtRuleTest = (atRule) => atRule === null;
const within =
  (condition: string): AtRuleTest =>
  (atRule) =>
    atRule?.startsWith('@media') === true && atRule.includes(condition);

/** The declarations of the rules of `file` that list `selector`, later winning; undefined if none. */
function declarations(file: string, selector: string, where: AtRuleTest = topLevel): Map<string, string> | undefined {
  const rules: CssRule[] = (rulesOf.get(file) ?? []).filter((r) => where(r.atRule) && r.selectors.includes(selector));
  if (rules.length === 0) return undefined;
  return new Map(rules.flatMap((r) => [...r.declarations]));
}

/** The kind colour must be set for the card and the side panel, light and dark. */
const THEMES: [theme: string, selector: string, where: AtRuleTest][] = [
  ['light', '.bs-card', topLevel],
  ['light', '.bs-sb', topLevel],
  ['dark (prefers-color-scheme)', ".bs-card:not([data-theme='light'])", within('prefers-color-scheme: dark')],
  ['dark (prefers-color-scheme)', ".bs-sb:not([data-theme='light'])", within('prefers-color-scheme: dark')],
  ['dark (data-theme)', ".bs-card[data-theme='dark']", topLevel],
  ['dark (data-theme)', ".bs-sb[data-theme='dark']", topLevel],
];

describe('the kind registry', () => {
  it('has exactly one entry per kind of the model, in a total order', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...ENTITY_KINDS].sort());
    expect([...KIND_ORDER].sort()).toEqual([...ENTITY_KINDS].sort());
    expect(new Set(ENTITY_KINDS.map((k) => kindInfo(k).order)).size, 'lib/kinds.ts: two kinds share an order').toBe(ENTITY_KINDS.length);
    expect(KIND_ORDER[0]).toBe('person');
  });

  it('recognises kind names and nothing else', () => {
    for (const kind of ENTITY_KINDS) expect(isKind(kind)).toBe(true);
    for (const value of ['Person', 'people', '', 'toString', 0, null, undefined, ['person']]) expect(isKind(value), String(value)).toBe(false);
  });
});

describe.each(ENTITY_KINDS)('kind "%s"', (kind) => {
  const info: KindInfo | undefined = KINDS[kind];
  const underline = info?.underline;
  const thickness = info === undefined ? undefined : `${info.thickness}px`;

  it('has a registry entry with its label and plural', () => {
    expect(info, `lib/kinds.ts: KINDS has no entry for '${kind}'`).toBeDefined();
    expect(info?.kind, `lib/kinds.ts: KINDS.${kind}.kind`).toBe(kind);
    expect(info?.label.trim(), `lib/kinds.ts: KINDS.${kind}.label`).toMatch(/^\p{Lu}/u);
    expect(info?.plural.trim(), `lib/kinds.ts: KINDS.${kind}.plural`).toMatch(/^\p{Lu}/u);
  });

  it(`is underlined on the page (${HIGHLIGHTS})`, () => {
    const selector = `::highlight(${highlightName(kind)})`;
    const rule = declarations(HIGHLIGHTS, selector);
    expect(rule, `${HIGHLIGHTS}: no rule ${selector} { text-decoration-… }`).toBeDefined();
    expect(rule?.get('text-decoration-line'), `${HIGHLIGHTS}: ${selector} text-decoration-line`).toBe('underline');
    expect(rule?.get('text-decoration-style'), `${HIGHLIGHTS}: ${selector} text-decoration-style (KINDS.${kind}.underline)`).toBe(underline);
    expect(rule?.get('text-decoration-thickness'), `${HIGHLIGHTS}: ${selector} text-decoration-thickness (KINDS.${kind}.thickness)`).toBe(thickness);
    expect(rule?.get('text-decoration-color'), `${HIGHLIGHTS}: ${selector} text-decoration-color`).toMatch(/^#[0-9a-f]{6}$/i);

    const forced = declarations(HIGHLIGHTS, selector, within('forced-colors: active'));
    expect(forced?.get('text-decoration-color'), `${HIGHLIGHTS}: no ${selector} { text-decoration-color } in @media (forced-colors: active)`).toBeDefined();
  });

  for (const [file, scope] of [
    [CARD, '.bs-card'],
    [SIDEBAR, '.bs-sb'],
  ] as const) {
    it(`has its colour and underline in ${file}`, () => {
      const selector = `${scope} [data-kind='${kind}']`;
      const rule = declarations(file, selector);
      expect(rule, `${file}: no rule ${selector} { --bs-k: …; --bs-k-style: …; --bs-k-thick: … }`).toBeDefined();
      expect(rule?.get('--bs-k'), `${file}: ${selector} --bs-k`).toBe(`var(--bs-kind-${kind})`);
      expect(rule?.get('--bs-k-style'), `${file}: ${selector} --bs-k-style (KINDS.${kind}.underline)`).toBe(underline);
      expect(rule?.get('--bs-k-thick'), `${file}: ${selector} --bs-k-thick (KINDS.${kind}.thickness)`).toBe(thickness);
    });
  }

  it(`has its colour in the light and dark themes (${TOKENS})`, () => {
    for (const [theme, selector, where] of THEMES) {
      const value = declarations(TOKENS, selector, where)?.get(`--bs-kind-${kind}`);
      expect(value, `${TOKENS}: no --bs-kind-${kind} colour for ${selector} (${theme})`).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});
