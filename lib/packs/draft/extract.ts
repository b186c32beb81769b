/**
 * The article's text: a clone of the document is cleaned of page furniture (navigation,
 * captions and credits, related links, newsletter boxes), drop caps are joined back to their
 * words, then Readability picks the main content. Falls back to the body's text. The
 * caller's document is never touched.
 */
import { Readability } from '@mozilla/readability';
import { jsonLdArticles, jsonLdAuthors, jsonLdText, metaContent } from './meta';
import { cleanText } from './text';

export interface ArticleText {
  /** The headline. */
  title: string;
  /** Byline and author names, as written (only used to exclude them). */
  bylines: string[];
  siteName: string | null;
  /** The article's paragraphs in order (sentences never cross them). */
  paragraphs: string[];
  /** The place of a wire dateline ("CHISINAU, Sept 29 (Reuters) -" → "Chisinau"), if any. */
  dateline: string | null;
}

const FURNITURE = [
  'script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'aside', 'form', 'iframe', 'button', 'figcaption',
  'select', 'input', 'dialog', '[role="navigation"]', '[role="contentinfo"]', '[role="complementary"]', '[hidden]',
].join(',');
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|related|promo|share|sharing|social|byline|author|credit|credits|caption|tags|read-more|more-on|recommended|recirc|advert|advertisement|ad-slot|cookie|paywall|comments?|kicker|breadcrumbs?|toolbar|masthead|topbar|site-header|dateline|pubdate|meta)(?:$|[\s_-])/i;
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th';
const BOILERPLATE =
  /^(?:related(?: coverage| stories| articles)?\b|read more\b|more on this\b|see also\b|sign up\b|subscribe\b|get (?:the|our)\b.*newsletter|newsletter\b|photo(?:graph)?s?\b\s*[:/]|image\s*:|credit\s*:|copyright\b|©|all rights reserved|follow us\b|share this\b|advertisement\b|filed under\b|\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|\(?this (?:story|article) (?:was|has been)\b|you might also like\b)/i;
const BOILERPLATE_ANYWHERE = /\b(?:sign up (?:for|to)|subscribe (?:to|for|now)|newsletter|in your inbox|all rights reserved|contributed (?:to )?this report)\b/i;
/** "WASHINGTON (AP) —", "CHISINAU, Sept 29 (Reuters) -", "TRENTON, N.J. (AP) —", "LONDON —". */
const DATELINE = /^(\p{Lu}[\p{Lu}\s.'’-]{1,40})(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+)?(?:\s\d{1,2})?)?\s*(?:\([\p{L}\s.&-]{1,30}\)\s*)?[—–-]{1,2}\s+/u;

function classOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** Joins a drop cap (`<span class="dropcap">T</span>he`, or a letter in its own block) back to its word. */
function joinDropCaps(root: Document): void {
  const body = root.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll('span, div, b, strong, em, i, p, big, font, dropcap'))) {
    const letter = (el.textContent ?? '').trim();
    if (!/^\p{Lu}$/u.test(letter) || el.children.length > 1) continue;
    const next = nextTextNode(el);
    if (!next) continue;
    const data = next.data;
    if (/^\p{Ll}/u.test(data)) {
      next.data = letter + data;
      el.remove();
    } else if (data.startsWith(letter) && el.getAttribute('aria-hidden') === 'true') {
      el.remove();
    }
  }
}

function nextTextNode(el: Element): Text | null {
  let node: Node | null = el;
  while (node) {
    // Step to the next node in document order that is not inside `el`.
    if (node !== el && node.firstChild) node = node.firstChild;
    else {
      while (node && !node.nextSibling) node = node.parentNode;
      node = node ? node.nextSibling : null;
    }
    if (node && node.nodeType === 3 && (node.textContent ?? '').trim() !== '') return node as Text;
  }
  return null;
}

function removeFurniture(root: Document): void {
  const body = root.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(FURNITURE))) el.remove();
  for (const el of Array.from(body.querySelectorAll('*'))) {
    // Not `isConnected`: happy-dom reports it false for every node of a cloned document.
    if (!body.contains(el) || !FURNITURE_CLASS.test(classOf(el))) continue;
    if (el.querySelectorAll('p').length >= 3 || el.querySelector('h1, article')) continue;
    el.remove();
  }
  for (const el of Array.from(body.querySelectorAll('time'))) el.remove();
}

function headline(doc: Document): string {
  const h1 = doc.querySelector('article h1, main h1, h1');
  const fromH1 = cleanText(h1?.textContent ?? '');
  if (fromH1) return fromH1;
  const og = metaContent(doc, ['og:title', 'twitter:title']);
  if (og) return og;
  for (const obj of jsonLdArticles(doc)) {
    const h = jsonLdText(obj, 'headline');
    if (h) return h;
  }
  const title = cleanText(doc.title ?? '');
  return cleanText(title.replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, '')) || title;
}

function bylines(doc: Document, readabilityByline: string | null | undefined): string[] {
  const out = Array.from(doc.querySelectorAll('[class*="byline"], [class*="author"], [rel="author"], [itemprop="author"]')).map((el) =>
    cleanText(el.textContent ?? ''),
  );
  for (const p of Array.from(doc.querySelectorAll('header p, header div, header span'))) {
    const t = cleanText(p.textContent ?? '');
    if (/^(?:by|words by|written by)\s/i.test(t) && t.length < 160) out.push(t);
  }
  const meta = metaContent(doc, ['author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author']);
  if (meta) out.push(meta);
  out.push(...jsonLdAuthors(doc));
  if (readabilityByline) out.push(cleanText(readabilityByline));
  return out.filter((s) => s !== '' && s.length < 300);
}

function siteName(doc: Document, fromReadability: string | null | undefined): string | null {
  const og = metaContent(doc, ['og:site_name', 'application-name']);
  if (og) return og;
  for (const obj of jsonLdArticles(doc)) {
    const publisher = jsonLdText(obj, 'publisher');
    if (publisher) return publisher;
  }
  return fromReadability ? cleanText(fromReadability) || null : null;
}

function blockTexts(root: Element): string[] {
  const blocks = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  if (blocks.length > 0) return blocks.map((el) => el.textContent ?? '');
  return (root.textContent ?? '').split(/\n\s*\n|\n/);
}

/** Cleans one paragraph: whitespace, the wire dateline; null for boilerplate. */
export function cleanParagraph(raw: string): string | null {
  let text = cleanText(raw);
  if (text === '') return null;
  if (BOILERPLATE.test(text)) return null;
  if (text.length < 220 && BOILERPLATE_ANYWHERE.test(text)) return null;
  if (/^(?:by|words by|written by)\s+\p{Lu}/iu.test(text) && text.length < 100) return null;
  text = text.replace(/\s*\((?:AP|Reuters|AFP|Getty)[^)]*(?:Photo|Images)[^)]*\)/g, '').trim();
  return text === '' ? null : text;
}

export function extractArticle(doc: Document): ArticleText {
  const clone = doc.cloneNode(true) as Document;
  joinDropCaps(clone);
  removeFurniture(clone);
  let paragraphs: string[] = [];
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(clone.cloneNode(true) as Document, { serializer: (node) => node, charThreshold: 300 }).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content;
  if (content && content.nodeType === 1) paragraphs = blockTexts(content as Element).map(cleanParagraph).filter((p): p is string => p !== null);
  if (paragraphs.join(' ').length < 250 && clone.body) {
    const h1 = clone.body.querySelector('h1');
    if (h1) h1.remove();
    paragraphs = blockTexts(clone.body).map(cleanParagraph).filter((p): p is string => p !== null);
  }
  const title = headline(doc);
  paragraphs = paragraphs.filter((p) => p.toLowerCase() !== title.toLowerCase());
  const dateline = datelinePlace(doc, paragraphs);
  paragraphs = paragraphs.map((p) => p.replace(DATELINE, ''));
  const first = paragraphs[0];
  if (first !== undefined) paragraphs[0] = unshout(first, paragraphs.slice(1).join(' '));
  return { title, bylines: bylines(doc, parsed?.byline), siteName: siteName(doc, parsed?.siteName), paragraphs, dateline };
}

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The place named by a dateline at the start of the first paragraphs. */
function datelinePlace(_doc: Document, paragraphs: readonly string[]): string | null {
  for (const p of paragraphs.slice(0, 2)) {
    const m = DATELINE.exec(p);
    const place = m?.[1]?.trim().replace(/[.,]$/, '');
    if (place && /\p{Lu}{3}/u.test(place)) return titleCase(place);
  }
  return null;
}

/** "ASHFORD Borough Council has…" (a lede's shouted first word) → "Ashford Borough Council has…". */
function unshout(first: string, rest: string): string {
  const m = /^(\p{Lu})(\p{Lu}{3,})(?=\s+\p{Lu}\p{Ll})/u.exec(first);
  if (!m || new RegExp(`\\b${m[0]}\\b`, 'u').test(rest)) return first;
  return m[1] + (m[2] ?? '').toLowerCase() + first.slice(m[0].length);
}
