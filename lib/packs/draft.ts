/**
 * "Follow this story": a draft pack from the news article in a document. Pure: it takes
 * the document as a parameter (a happy-dom document in tests, a DOMParser copy of the tab's
 * HTML in the extension), never mutates it, and uses no extension API and no network.
 *
 * Pipeline: main text (./draft/extract) → candidates by rule (./draft/candidates) →
 * one cluster per referent (./draft/merge) → roles, contexts, ranking (./draft/build).
 */
import type { Pack, Source } from '../model';
import { httpUrlProblem, PACK_LIMITS } from './schema';
import { buildEntities } from './draft/build';
import { findCandidates, type Mention } from './draft/candidates';
import { isoDay, publishedDate } from './draft/dates';
import { extractArticle } from './draft/extract';
import { isKnownPlace } from './draft/gazetteer';
import { lexiconCommon, lexiconFirstName, lexiconProper, nlpVotes } from './draft/lexicon';
import { mergeMentions } from './draft/merge';
import { isFirstName, sentenceAround } from './kind-guess';
import { clip, fold, slugify } from './draft/text';

export interface DraftOptions {
  url: string;
  /** For the fallback date; default new Date(). */
  now?: Date;
}

export const DRAFT_SOURCE_ID = 'article';

/** Wire agencies and picture desks: credited, never actors of the story. */
const AGENCIES = new Set(
  ['AP', 'Associated Press', 'AP Photo', 'Reuters', 'REUTERS', 'AFP', 'Agence France-Presse', 'Getty', 'Getty Images', 'EPA', 'PA', 'PA Media', 'PA Wire', 'Shutterstock', 'Alamy', 'dpa', 'UPI', 'ANSA', 'EFE', 'Bloomberg News', 'AAP'].map(fold),
);

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** `draft/<host>/<slug-of-path>`, at most 200 characters. */
export function draftPackId(url: string, title: string): string {
  let host = 'page';
  let path = '';
  try {
    const u = new URL(url);
    host = slugify(u.hostname.replace(/^www\./, ''), 60);
    path = u.pathname;
  } catch {
    path = title;
  }
  const slug = slugify(path.replace(/\.(?:s?html?|php|aspx?)$/i, '') || title, 120);
  return `draft/${host}/${slug}`.slice(0, PACK_LIMITS.id).replace(/[-/]+$/, '');
}

function excluder(bylines: readonly string[], siteName: string | null): (name: string, count: number) => boolean {
  const bylineText = bylines.map(fold).join(' | ');
  const site = siteName ? fold(siteName).replace(/^the\s+/, '') : null;
  return (name, count) => {
    const key = fold(name);
    if (AGENCIES.has(key)) return count < 3;
    if (site && (key === site || key.replace(/^the\s+/, '') === site)) return count < 2;
    if (name.includes(' ') && bylineText.includes(key)) return true;
    return false;
  };
}

export function draftPack(doc: Document, options: DraftOptions): Pack {
  const now = options.now ?? new Date();
  const article = extractArticle(doc);
  const date = publishedDate(doc) ?? isoDay(now);
  const { paragraphs } = article;
  const lowerWords = new Set(paragraphs.join(' ').match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
  const isCommon = (word: string): boolean => lexiconCommon(word) || lowerWords.has(word.toLowerCase());
  const { mentions, acronyms } = findCandidates(paragraphs, {
    isCommon,
    isProper: (word) => lexiconProper(word) || isKnownPlace(word),
    isGivenName: (word) => isFirstName(word) || lexiconFirstName(word),
  });
  const sentenceOf = (m: Mention): string => sentenceAround(paragraphs[m.paragraph] ?? '', m.start, m.end);
  const clusters = mergeMentions(mentions, acronyms, sentenceOf, nlpVotes(paragraphs));
  const host = hostOf(options.url);
  const title = clip(article.title || host || 'Untitled article', PACK_LIMITS.packTitle);
  const entities = buildEntities({
    clusters,
    paragraphs,
    headline: article.title,
    excluded: excluder(article.bylines, article.siteName),
    date,
    sourceId: DRAFT_SOURCE_ID,
    boost: new Set(article.dateline ? [fold(article.dateline)] : []),
  });
  const source: Source = { id: DRAFT_SOURCE_ID, title: clip(title, PACK_LIMITS.sourceTitle), date };
  if (httpUrlProblem(options.url) === null) source.url = options.url;
  const publisher = article.siteName ?? host;
  if (publisher) source.publisher = clip(publisher, PACK_LIMITS.publisher);
  return { format: 1, id: draftPackId(options.url, title), title, version: 1, asOf: date, sources: [source], entities };
}
