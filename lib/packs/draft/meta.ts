/** Reading a page's metadata: meta tags and JSON-LD (including `@graph` arrays). */
import { cleanText } from './text';

/** The content of the first non-empty `<meta>` whose name, property or itemprop is one of `keys` (case-insensitive). */
export function metaContent(doc: Document, keys: readonly string[]): string | null {
  const metas = Array.from(doc.querySelectorAll('meta')).map((meta) => ({
    key: (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase(),
    content: cleanText(meta.getAttribute('content') ?? ''),
  }));
  for (const key of keys) {
    const found = metas.find((m) => m.key === key.toLowerCase() && m.content !== '');
    if (found) return found.content;
  }
  return null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the page's JSON-LD blocks, flattened (arrays and `@graph` are walked). */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (value: Json | undefined, depth: number): void => {
    if (depth > 6 || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (isObject(value)) {
      out.push(value);
      walk(value['@graph'], depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      walk(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      // broken JSON-LD is common: ignore it
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/i;

function typeOf(obj: JsonObject): string {
  const t = obj['@type'];
  return Array.isArray(t) ? t.filter((x) => typeof x === 'string').join(' ') : typeof t === 'string' ? t : '';
}

/** JSON-LD objects that describe the article itself, articles first. */
export function jsonLdArticles(doc: Document): JsonObject[] {
  const all = jsonLdObjects(doc);
  return [...all.filter((o) => ARTICLE_TYPES.test(typeOf(o)) && !/WebPage/i.test(typeOf(o))), ...all.filter((o) => /WebPage/i.test(typeOf(o)))];
}

/** A string field, or the `name` of an object field (or of the first object of an array field). */
export function jsonLdText(obj: JsonObject, key: string): string | null {
  const value = obj[key];
  const pick = (v: Json | undefined): string | null => {
    if (typeof v === 'string') return cleanText(v) || null;
    if (isObject(v)) return typeof v.name === 'string' ? cleanText(v.name) || null : null;
    return null;
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = pick(item);
      if (found) return found;
    }
    return null;
  }
  return pick(value);
}

/** Every author name the JSON-LD gives. */
export function jsonLdAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const obj of jsonLdArticles(doc)) {
    const author = obj.author;
    const list = Array.isArray(author) ? author : [author];
    for (const a of list) {
      if (typeof a === 'string') names.push(cleanText(a));
      else if (isObject(a) && typeof a.name === 'string') names.push(cleanText(a.name));
    }
  }
  return names.filter(Boolean);
}
