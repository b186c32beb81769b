/**
 * `browser.i18n` for unit tests. WXT's `fakeBrowser` does not implement it, so this reads
 * `public/_locales/<lang>/messages.json` and substitutes as Chrome does: named placeholders
 * (`$FILE$` → their `content`, `$1`…`$9` → the substitutions), `$$` → `$`, names matched
 * without regard to case, a missing message → ''. Falls back to English per message, as
 * browsers fall back to `default_locale`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { resetI18nCache } from '../../lib/i18n';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type MessagesFile = Record<string, Entry>;

/** public/_locales (vitest runs from the repository's root). */
export const LOCALES = join(process.cwd(), 'public/_locales');

const files = new Map<string, MessagesFile>();

/** The messages.json of `lang` (a folder under public/_locales). */
export function readMessages(lang: string): MessagesFile {
  let file = files.get(lang);
  if (!file) {
    file = JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as MessagesFile;
    files.set(lang, file);
  }
  return file;
}

function lower(file: MessagesFile): Map<string, Entry> {
  return new Map(Object.entries(file).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Chrome's substitution: placeholders by name, then `$n`, then `$$`. */
export function substitute(entry: Entry, subs: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const positional = (s: string): string => s.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (m, name: string | undefined, digit: string | undefined) => {
    if (m === '$$') return '$';
    if (name !== undefined) return positional(placeholders.get(name.toLowerCase()) ?? '');
    return subs[Number(digit) - 1] ?? '';
  });
}

/**
 * Make `browser.i18n` speak `lang` (default English; `uiLanguage` is what
 * `getUILanguage()` says, default British English for English, the language itself otherwise).
 */
export function useFakeLocale(lang = 'en', uiLanguage = lang === 'en' ? 'en-GB' : lang): void {
  const own = lower(readMessages(lang));
  const fallback = lower(readMessages('en'));
  // As in Chrome, `@@bidi_dir` follows the browser's language, not the messages shown.
  const rtl = ['ar', 'he', 'fa', 'ur'].includes(uiLanguage.split('-')[0] ?? '');
  const i18n = fakeBrowser.i18n as unknown as {
    getMessage(name: string, subs?: string | string[]): string;
    getUILanguage(): string;
  };
  i18n.getUILanguage = () => uiLanguage;
  i18n.getMessage = (name, subs) => {
    if (name === '@@bidi_dir') return rtl ? 'rtl' : 'ltr';
    if (name === '@@ui_locale') return uiLanguage.replace(/-/g, '_');
    const entry = own.get(name.toLowerCase()) ?? fallback.get(name.toLowerCase());
    if (!entry) return '';
    return substitute(entry, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  };
  resetI18nCache();
}
