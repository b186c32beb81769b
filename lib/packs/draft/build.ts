/**
 * From clusters to pack entities: aliases with case rules, every occurrence of them in the
 * article (longest match wins), a role, context sentences, then ranking and the cut.
 */
import type { Alias, Entity, EntityKind } from '../../model';
import { PACK_LIMITS } from '../schema';
import { isPersonTitle, sentenceAround, SURNAME_PARTICLE } from '../kind-guess';
import { displayName, type Cluster } from './merge';
import { isDemonymPhrase, isKnownPlace } from './gazetteer';
import { isDemonymAdjective, lexiconCommon } from './lexicon';
import { findRole } from './roles';
import { clip, fold, slugify, unique, wordRegExp } from './text';

export interface BuildInput {
  clusters: readonly Cluster[];
  paragraphs: readonly string[];
  headline: string;
  /** Names that are never entities (bylines, agencies, the site), given how often the text names them. */
  excluded: (name: string, count: number) => boolean;
  date: string;
  sourceId: string;
  /** Folded names that count one extra mention (the dateline's place). */
  boost?: ReadonlySet<string>;
  /** Most entities proposed. */
  max?: number;
}

interface Occurrence {
  cluster: number;
  paragraph: number;
  start: number;
  end: number;
}

const HONORIFICS = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Prof)\.?$/;
const LEDE_PARAGRAPHS = 2;

function caseRule(text: string): Alias['case'] {
  return /\p{Ll}/u.test(text) ? 'proper' : 'sensitive';
}

function aliasesOf(c: Cluster, name: string, kind: EntityKind, sharedSurnames: ReadonlySet<string>): Alias[] {
  const texts: string[] = [name, ...c.names.keys()];
  if (c.short) texts.push(c.short);
  if (c.long) texts.push(c.long);
  const tokens = name.split(/\s+/);
  // "Vincent van Gogh" → "Van Gogh"; only people's surnames take a particle ("Bank of England" has none).
  const particle = kind === 'person' && tokens.length >= 3 && SURNAME_PARTICLE.test(tokens[tokens.length - 2] ?? '');
  const surname = particle ? tokens.slice(-2).join(' ') : (tokens[tokens.length - 1] ?? '');
  if (particle) texts.push(surname.charAt(0).toUpperCase() + surname.slice(1));
  if (kind === 'person') {
    const usedAlone = c.names.has(surname);
    // A surname that is also a place ("England", "Jordan") would underline the place: only when the article uses it alone.
    if (tokens.length >= 2 && (usedAlone || (surname.length >= 4 && !lexiconCommon(surname) && !sharedSurnames.has(surname) && !isKnownPlace(surname)))) texts.push(surname);
    // "President Trump" for a person the article names only by title and surname.
    for (const m of c.mentions) {
      if (!m.title || m.title.split(/\s+/).length > 3 || !isPersonTitle(m.title.split(/\s+/).pop() ?? '')) continue;
      texts.push(`${m.title} ${surname}`);
      if (m.name !== surname) texts.push(`${m.title} ${m.name}`);
    }
  }
  return unique(
    texts.map((t) => t.trim()).filter((t) => t !== '' && t.length <= PACK_LIMITS.alias && t.length >= 2),
    (t) => t,
  )
    .map((text) => ({ text, case: caseRule(text) }))
    .slice(0, PACK_LIMITS.aliasesPerEntity);
}

function occurrences(aliasLists: readonly Alias[][], paragraphs: readonly string[]): Occurrence[] {
  const all: Occurrence[] = [];
  aliasLists.forEach((aliases, cluster) => {
    for (const alias of aliases) {
      const re = wordRegExp(alias.text);
      paragraphs.forEach((p, paragraph) => {
        for (let m = re.exec(p); m; m = re.exec(p)) all.push({ cluster, paragraph, start: m.index, end: m.index + m[0].length });
      });
    }
  });
  all.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || b.end - a.end);
  const kept: Occurrence[] = [];
  for (const o of all) {
    const last = kept[kept.length - 1];
    if (last && last.paragraph === o.paragraph && o.start < last.end) continue;
    kept.push(o);
  }
  return kept;
}

function inHeadline(aliases: readonly Alias[], headline: string): boolean {
  const folded = fold(headline);
  return aliases.some((a) => (a.text.length >= 4 ? wordRegExp(fold(a.text), 'u').test(folded) : wordRegExp(a.text, 'u').test(headline)));
}

export function buildEntities(input: BuildInput): Entity[] {
  const { clusters, paragraphs, headline, date, sourceId } = input;
  const names = clusters.map(displayName);
  const surnameCount = new Map<string, number>();
  clusters.forEach((c, i) => {
    const ts = (names[i] ?? '').split(/\s+/);
    if (c.kind === 'person' && ts.length >= 2) surnameCount.set(ts[ts.length - 1] ?? '', (surnameCount.get(ts[ts.length - 1] ?? '') ?? 0) + 1);
  });
  const shared = new Set([...surnameCount].filter(([, n]) => n > 1).map(([s]) => s));
  const aliasLists = clusters.map((c, i) => aliasesOf(c, names[i] ?? '', c.kind, shared));
  const occ = occurrences(aliasLists, paragraphs);

  const scored = clusters.map((c, i) => {
    const name = names[i] ?? '';
    const mine = occ.filter((o) => o.cluster === i);
    const aliases = aliasLists[i] ?? [];
    const titled = inHeadline(aliases, headline);
    let role: string | null = null;
    let roleSentence = '';
    for (const o of mine) {
      const p = paragraphs[o.paragraph] ?? '';
      role = findRole(p, o.start, o.end);
      if (role) {
        roleSentence = sentenceAround(p, o.start, o.end);
        break;
      }
    }
    role ??= c.mentions.map((m) => m.role).find((r): r is string => r !== undefined && !HONORIFICS.test(r)) ?? null;
    const sentences = unique(mine.map((o) => sentenceAround(paragraphs[o.paragraph] ?? '', o.start, o.end)).filter((s) => s !== ''));
    const lede = mine.some((o) => o.paragraph < LEDE_PARAGRAPHS);
    const count = mine.length + (input.boost?.has(fold(name)) ? 1 : 0);
    const junk =
      name.length < 2 ||
      !/^[\p{L}“"‘]/u.test(name) ||
      input.excluded(name, count) ||
      (name.split(/\s+/).length === 1 && isDemonymAdjective(name)) ||
      (isDemonymPhrase(name) && !c.mentions.some((m) => m.title));
    // Named once: only with strong evidence (a title or role, a multi-word name, a defined
    // acronym, a work title, a known place); a lone capitalised word is too often a stray.
    const strong =
      role !== null || name.includes(' ') || c.short !== null || c.mentions.some((m) => m.title || m.quoted) || isKnownPlace(name);
    const keep = !junk && (count > 0 || titled) && (count >= 2 || titled || strong);
    if (input.boost?.has(fold(name)) && c.kind === 'organisation' && name.split(/\s+/).length === 1) c.kind = 'place';
    const score = count + (titled ? 3 : 0) + (lede ? 1.5 : 0) + (role ? 1 : 0) + (c.short ? 0.5 : 0);
    const first = mine[0] ? mine[0].paragraph * 100000 + mine[0].start : Number.MAX_SAFE_INTEGER;
    return { c, name, aliases, role, roleSentence, sentences, keep, score, first };
  });

  const chosen = scored
    .filter((s) => s.keep)
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, input.max ?? 40)
    .sort((a, b) => a.first - b.first);

  const ids = new Set<string>();
  return chosen.map((s) => {
    const base = `${s.c.kind}/${slugify(s.name, 120)}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const contextTexts = s.sentences.length > 0 ? s.sentences.slice(0, 2) : [headline];
    return {
      id,
      kind: s.c.kind,
      name: clip(s.name, PACK_LIMITS.name).trim(),
      aliases: s.aliases,
      role: s.role ? clip(s.role, PACK_LIMITS.role) : '',
      summary: s.roleSentence ? clip(s.roleSentence, PACK_LIMITS.summary) : '',
      contexts: contextTexts.filter((t) => t.trim() !== '').map((text) => ({ text: clip(text, PACK_LIMITS.context), sourceId, date })),
      relations: [],
    };
  });
}
