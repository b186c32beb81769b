/**
 * The interface's translations: every locale in public/_locales has exactly the messages of
 * English (plural messages in the forms its language has), the same placeholders, each at
 * the position `t()` passes it (alphabetical order of the names), and the manifest's
 * `__MSG_…__` names exist.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, readMessages, type MessagesFile } from './i18n-fake';

const locales = readdirSync(LOCALES).sort();
const en = readMessages('en');
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/** The plural messages' names (`nsCount` for `nsCount_one`, `nsCount_other`), from English. */
const pluralBases = new Set(Object.keys(en).flatMap((k) => (k.endsWith('_other') ? [k.slice(0, -'_other'.length)] : [])));

function categories(lang: string, base: string): string[] {
  const rules = new Intl.PluralRules(lang, base === 'ordinal' ? { type: 'ordinal' } : {});
  return [...rules.resolvedOptions().pluralCategories].sort();
}

/** The names a locale must have: English's plain ones, and each plural in its own forms. */
function expectedKeys(lang: string): string[] {
  const plain = Object.keys(en).filter((k) => !pluralBases.has(PLURAL.exec(k)?.[1] ?? ''));
  const plural = [...pluralBases].flatMap((base) => categories(lang, base).map((c) => `${base}_${c}`));
  return [...plain, ...plural].sort();
}

/** English's placeholder names of a message (of its `_other` form for a plural one). */
function englishNames(key: string): string[] {
  const base = PLURAL.exec(key)?.[1];
  const entry = base !== undefined && pluralBases.has(base) ? en[`${base}_other`] : en[key];
  return Object.keys(entry?.placeholders ?? {}).sort();
}

const lowerAll = (names: string[]): string[] => names.map((n) => n.toLowerCase());

describe('locales', () => {
  it('are English (the default), Hebrew and French at least', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr', 'he']));
  });

  it('English has every plural message in exactly the English forms', () => {
    for (const base of pluralBases) {
      expect(Object.keys(en).filter((k) => PLURAL.exec(k)?.[1] === base).sort(), base).toEqual(categories('en', base).map((c) => `${base}_${c}`));
    }
  });

  it.each(locales)('%s has exactly the messages of English', (lang) => {
    const file = readMessages(lang);
    const keys = Object.keys(file).sort();
    const expected = expectedKeys(lang);
    expect(keys.filter((k) => !expected.includes(k)), `${lang}: messages English does not have`).toEqual([]);
    expect(expected.filter((k) => !keys.includes(k)), `${lang}: messages missing`).toEqual([]);
    expect(file.locale?.message, `${lang}: the "locale" message names the locale`).toBe(lang);
  });

  it.each(locales)('%s: names and placeholders as browsers and t() read them', (lang) => {
    const file: MessagesFile = readMessages(lang);
    const lower = new Set<string>();
    for (const [key, entry] of Object.entries(file)) {
      expect(key, `${lang}: a message name is ASCII letters, digits and _`).toMatch(/^[A-Za-z0-9_]+$/);
      expect(lower.has(key.toLowerCase()), `${lang}: ${key} twice (names ignore case)`).toBe(false);
      lower.add(key.toLowerCase());
      expect(typeof entry.message === 'string' && entry.message.trim() !== '', `${lang}: ${key} is empty`).toBe(true);

      const names = Object.keys(entry.placeholders ?? {}).sort();
      expect(names, `${lang}: ${key} placeholders`).toEqual(englishNames(key));
      names.forEach((name, i) => {
        expect(entry.placeholders?.[name]?.content, `${lang}: ${key}.${name} is $${i + 1}`).toBe(`$${i + 1}`);
      });
      const used = [...entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
      for (const name of used) expect(lowerAll(names), `${lang}: ${key} uses $${name.toUpperCase()}$`).toContain(name);
      // Every substitution shows (a plural form may leave the count to its words: "one note").
      for (const name of lowerAll(names)) if (name !== 'count') expect(used, `${lang}: ${key} leaves out $${name.toUpperCase()}$`).toContain(name);
      const stray = entry.message.replace(/\$\$|\$[A-Za-z0-9_]+\$/g, '');
      expect(stray, `${lang}: ${key} has a lone $ (write $$)`).not.toContain('$');
      if (PLURAL.test(key)) expect(names, `${lang}: ${key} is a plural form: it takes the count`).toContain('count');
    }
  });

  it('the manifest and the commands name English messages', () => {
    const sources = ['wxt.config.ts', 'lib/background/commands.ts'].map((f) => readFileSync(join(process.cwd(), f), 'utf8')).join('\n');
    const names = [...sources.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1] ?? '');
    expect(names).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle', 'cmdShowCard']));
    for (const name of names) expect(en[name], name).toBeDefined();
    expect(sources).toMatch(/default_locale: 'en'/);
  });

  it('the Chrome Web Store limits: a name of at most 75 characters, a description of at most 132', () => {
    for (const lang of locales) {
      const file = readMessages(lang);
      expect(file.extName?.message.length ?? 0, `${lang}: extName`).toBeLessThanOrEqual(75);
      expect(file.extDescription?.message.length ?? 0, `${lang}: extDescription`).toBeLessThanOrEqual(132);
    }
  });
});
