/**
 * Messages with markup in them ("Deleted <time>…</time>", "· on <a>page</a>"): the
 * substitutions are Preact children. The message is read with placeholder marks in place of
 * the children, then split around them, so a translation may put them in any order.
 */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import {
  formatNumber,
  message,
  pluralCategory,
  pluralMessage,
  uiDir,
  uiLang,
  type MessageKey,
  type PluralKey,
  type PluralSubsArg,
  type SubsArg,
} from '../lib/i18n';

const OPEN = '\uE000';
const CLOSE = '\uE001';

function split(text: string, parts: readonly ComponentChildren[]): ComponentChildren {
  const out: ComponentChildren[] = [];
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(<Fragment key={`${m.index}`}>{parts[Number(m[1])]}</Fragment>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function marks(subs: Record<string, ComponentChildren> | undefined): { marked: Record<string, string>; parts: ComponentChildren[] } {
  const parts: ComponentChildren[] = [];
  const marked: Record<string, string> = {};
  for (const [name, value] of Object.entries(subs ?? {})) {
    marked[name] = `${OPEN}${parts.length}${CLOSE}`;
    parts.push(value);
  }
  return { marked, parts };
}

/** `t()` whose substitutions are children (elements, strings). */
export function tx<K extends MessageKey>(key: K, ...subs: SubsArg<K, ComponentChildren>): ComponentChildren {
  const { marked, parts } = marks(subs[0] as Record<string, ComponentChildren> | undefined);
  const text = message(key, marked);
  return text ? split(text, parts) : key;
}

/** `tn()` whose other substitutions are children. */
export function txn<B extends PluralKey>(base: B, count: number, ...subs: PluralSubsArg<B, ComponentChildren>): ComponentChildren {
  const { marked, parts } = marks(subs[0] as Record<string, ComponentChildren> | undefined);
  const formatted = { ...marked, count: formatNumber(count) };
  const text = pluralMessage(base, pluralCategory(count), formatted);
  return text ? split(text, parts) : base;
}

/** `lang` and `dir` of the UI, for an extension page's `<html>` or a shadow root's container. */
export function localeAttributes(): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: uiLang(), dir: uiDir() };
}

/** Put the UI's `lang` and `dir` on an element (an extension page's `<html>`, the card's container). */
export function applyLocale(el: HTMLElement): void {
  const { lang, dir } = localeAttributes();
  el.lang = lang;
  el.dir = dir;
}

/** An extension page in the UI's language: `lang` and `dir` on `<html>`, and its title. */
export function localizePage(doc: Document, title?: string): void {
  applyLocale(doc.documentElement);
  if (title !== undefined) doc.title = title;
}
