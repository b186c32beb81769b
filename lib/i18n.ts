/**
 * The interface's words and formats, in the browser's language.
 *
 * Every UI string is a message in `public/_locales/<lang>/messages.json` (English is the
 * default locale), read with `browser.i18n.getMessage`: nothing is bundled, so this module
 * costs the page core almost nothing. Keys and substitution names are types derived from
 * the English file, so a missing or misspelt key, or a missing substitution, does not compile.
 *
 * Substitutions are named (`t('savedFile', { file })`). In messages.json a message writes
 * them as `$FILE$` and its `placeholders` give each name its position: `$1`, `$2`, … in the
 * alphabetical order of the names (checked by tests/unit/locales.test.ts), which is the
 * order `t()` passes them in. Numbers are formatted with `Intl.NumberFormat`.
 *
 * Plurals: a message `notes_one`, `notes_other` (plus `notes_two`, `notes_many`, … as the
 * language's `Intl.PluralRules` has them) is read with `tn('notes', n)`; its `$COUNT$` is `n`.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

type Messages = typeof en;
/** Every message name. */
export type MessageKey = keyof Messages & string;
type PlaceholderNames<K extends MessageKey> = Messages[K] extends { placeholders: infer P } ? keyof P & string : never;
/** The substitutions a message takes, by name. */
export type Subs<K extends MessageKey, V = string | number> = Record<PlaceholderNames<K>, V>;
/** `[]` for a message without placeholders, else `[substitutions]`. */
export type SubsArg<K extends MessageKey, V = string | number> = [PlaceholderNames<K>] extends [never] ? [] : [subs: Subs<K, V>];

/** The messages without substitutions (for tables of keys: kinds, relation types, …). */
export type PlainKey = { [K in MessageKey]: [PlaceholderNames<K>] extends [never] ? K : never }[MessageKey];

type Category = Intl.LDMLPluralRule;
/** The names read with `tn()`: every `<base>_other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];
type PluralSubs<B extends PluralKey, V> = Omit<Subs<`${B}_other` & MessageKey, V>, 'count'>;
export type PluralSubsArg<B extends PluralKey, V = string | number> = [keyof PluralSubs<B, V>] extends [never] ? [] : [subs: PluralSubs<B, V>];

/** The part of `browser.i18n` used here (WXT types `getMessage` per key; this takes any name). */
interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}
const api = (): I18nApi => browser.i18n as unknown as I18nApi;

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);
const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

let cached: { lang: string; dir: 'ltr' | 'rtl' } | null = null;

function resolve(): { lang: string; dir: 'ltr' | 'rtl' } {
  if (cached) return cached;
  // The language of the messages actually shown (the `locale` message of the file the browser
  // picked) decides; the browser's own tag adds its region ("en-GB" dates) when it agrees.
  const browserLang = safe(() => api().getUILanguage()) || 'en';
  const messages = safe(() => api().getMessage('locale')) || 'en';
  const lang = primary(browserLang) === primary(messages) ? browserLang : messages;
  const bidi = primary(browserLang) === primary(messages) ? safe(() => api().getMessage('@@bidi_dir')) : '';
  const dir = bidi === 'rtl' || bidi === 'ltr' ? bidi : RTL.has(primary(lang)) ? 'rtl' : 'ltr';
  cached = { lang: canonical(lang), dir };
  return cached;
}

function safe(fn: () => string | undefined): string {
  try {
    return fn() ?? '';
  } catch {
    return '';
  }
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The UI's language tag ("en-GB", "he", "fr"), for `lang` attributes and `Intl`. */
export function uiLang(): string {
  return resolve().lang;
}

/** The UI's direction: 'rtl' for Hebrew, Arabic, …; else 'ltr'. */
export function uiDir(): 'ltr' | 'rtl' {
  return resolve().dir;
}

/** Forget the resolved language (tests switch locales). */
export function resetI18nCache(): void {
  cached = null;
  formats.clear();
}

const formats = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  const hit = formats.get(key);
  if (hit) return hit as T;
  const made = make();
  formats.set(key, made);
  return made;
}

/** The name of the language `tag` ('fr') in the UI's language ("French", "צרפתית"); the tag itself where Intl cannot say. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([uiLang()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A number in the UI's language ("5,000", "5 000"). */
export function formatNumber(n: number): string {
  return memo('n', () => new Intl.NumberFormat(uiLang())).format(n);
}

const text = (v: string | number): string => (typeof v === 'number' ? formatNumber(v) : v);

function lookup(key: string, subs: Record<string, string> | undefined): string {
  const names = subs ? Object.keys(subs).sort() : [];
  const values = names.map((name) => subs?.[name] ?? '');
  return safe(() => api().getMessage(key, values.length > 0 ? values : undefined));
}

function stringify(subs: Record<string, string | number> | undefined): Record<string, string> | undefined {
  if (!subs) return undefined;
  return Object.fromEntries(Object.entries(subs).map(([k, v]) => [k, text(v)]));
}

/**
 * The message `key` in the UI's language, its substitutions filled in. A message missing
 * from every locale comes back as its key, so a gap is visible rather than blank.
 */
export function t<K extends MessageKey>(key: K, ...subs: SubsArg<K>): string {
  return lookup(key, stringify(subs[0] as Record<string, string | number> | undefined)) || key;
}

/** The plural category of `count` in the UI's language ("one", "two", "many", "other", …). */
export function pluralCategory(count: number, type: Intl.PluralRuleType = 'cardinal'): Category {
  return memo(`p:${type}`, () => new Intl.PluralRules(uiLang(), { type })).select(count);
}

/**
 * The plural message of `base` for `count` (`notes_one`, `notes_two`, …, else `notes_other`),
 * with `$COUNT$` the formatted count.
 */
export function tn<B extends PluralKey>(base: B, count: number, ...subs: PluralSubsArg<B>): string {
  const all = { ...(subs[0] as Record<string, string | number> | undefined), count };
  return pluralMessage(base, pluralCategory(count), stringify(all)) || base;
}

/** The raw lookup behind `tn()` (also for `components/i18n.tsx`): '' when no form exists. */
export function pluralMessage(base: string, category: Category, subs: Record<string, string> | undefined): string {
  return (category !== 'other' ? lookup(`${base}_${category}`, subs) : '') || lookup(`${base}_other`, subs);
}

/** The raw lookup behind `t()` (for `components/i18n.tsx`): '' when the message is missing. */
export function message(key: MessageKey, subs: Record<string, string> | undefined): string {
  return lookup(key, subs);
}

/** 1 → "1st", 2 → "2nd" (English), "1er"/"2e" (French): ordinal plural rules, `ordinal_*` messages. */
export function ordinal(n: number): string {
  return pluralMessage('ordinal', pluralCategory(n, 'ordinal'), { count: formatNumber(n) }) || formatNumber(n);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * An ISO date (`YYYY-MM-DD`, optionally followed by a time) as a day in the UI's language
 * ("18 Mar 2024", "Mar 18, 2024", "18 במרץ 2024"), the same day in every time zone.
 * Anything that is not such a date is returned unchanged, so bad data stays visible.
 */
export function formatIsoDay(iso: string): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return memo('d:utc', () => new Intl.DateTimeFormat(uiLang(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** An epoch-ms time's local calendar day in the UI's language ("14 Mar 2024"). */
export function formatDay(ms: number): string {
  return memo('d:local', () => new Intl.DateTimeFormat(uiLang(), { day: 'numeric', month: 'short', year: 'numeric' })).format(new Date(ms));
}

/** An epoch-ms time's local clock time in the UI's language ("14:05", "2:05 PM"). */
export function formatTime(ms: number): string {
  return memo('t', () => new Intl.DateTimeFormat(uiLang(), { hour: 'numeric', minute: '2-digit' })).format(new Date(ms));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far `ms` is from `now`, in whole days, in the UI's language ("in 29 days", "tomorrow"). */
export function formatRelativeDays(ms: number, now: number): string {
  const days = Math.round((ms - now) / DAY_MS);
  return memo('r', () => new Intl.RelativeTimeFormat(uiLang(), { numeric: 'auto' })).format(days, 'day');
}

/** A list in the UI's language ("a, b and c", "a, b et c", "a, b ו-c"). */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  if (typeof Intl.ListFormat !== 'function') return items.join(', ');
  return new Intl.ListFormat(uiLang(), { type }).format(items);
}
