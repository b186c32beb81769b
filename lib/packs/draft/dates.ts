/** The article's published date, from the page's metadata, as YYYY-MM-DD. */
import { isIsoDate } from '../schema';
import { jsonLdArticles, jsonLdObjects, metaContent } from './meta';

const META_KEYS = [
  'article:published_time',
  'og:published_time',
  'published_time',
  'datePublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'cxenseparse:recs:publishtime',
];

/** "2024-10-20T18:42:00+01:00" → "2024-10-20" (the publisher's own calendar day); other formats via Date. */
export function toIsoDate(value: string): string | null {
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isIsoDate(day) ? day : null;
  }
  if (/^\d{8}$/.test(s)) {
    const day = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
    return isIsoDate(day) ? day : null;
  }
  if (!/\d{4}/.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const day = new Date(ms).toISOString().slice(0, 10);
  return isIsoDate(day) ? day : null;
}

function fromJsonLd(doc: Document): string | null {
  for (const obj of [...jsonLdArticles(doc), ...jsonLdObjects(doc)]) {
    const value = obj.datePublished ?? obj.dateCreated;
    if (typeof value === 'string') {
      const day = toIsoDate(value);
      if (day) return day;
    }
  }
  return null;
}

function fromTimeElement(doc: Document): string | null {
  const selectors = ['article header time[datetime]', 'header time[datetime]', 'time[pubdate][datetime]', 'article time[datetime]', 'time[datetime]'];
  for (const selector of selectors) {
    for (const time of Array.from(doc.querySelectorAll(selector))) {
      const day = toIsoDate(time.getAttribute('datetime') ?? '');
      if (day) return day;
    }
  }
  return null;
}

/** The published date, or null when the page does not say. */
export function publishedDate(doc: Document): string | null {
  const meta = metaContent(doc, META_KEYS);
  const fromMeta = meta ? toIsoDate(meta) : null;
  return fromMeta ?? fromJsonLd(doc) ?? fromTimeElement(doc);
}

/** `now` as YYYY-MM-DD (UTC). */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
