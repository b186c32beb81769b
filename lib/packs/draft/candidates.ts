/**
 * Name candidates from the article's paragraphs by rule: capitalised sequences (with
 * connectors such as "of", "de", "bin"), titles before names ("Senator Mark Warner" → Mark
 * Warner, titled "Senator"), acronyms defined in the text ("Marine Stewardship Council
 * (MSC)"), possessives ("Yahoo's" → Yahoo), quoted work titles, and no sentence-initial
 * common words ("The", "However", "Officials", "Asked"). Blocks whose capitals say nothing
 * (shouted kickers such as "GAZA · NETANYAHU DEFIANT", headline-case subheads such as "Diplomatic
 * Rift Widens") give no candidates, nor do all-caps runs inside a sentence; a job title with no
 * name after it ("the Senate Majority Leader") gives only what it qualifies ("Senate").
 */
import { isFirstName, isPersonTitle, isTitleWord, kindCue, sentenceSpans } from '../kind-guess';
import { isKnownPlace } from './gazetteer';
import { lexiconFirstName } from './lexicon';
import { escapeRegExp } from './text';
import { CONNECTORS, isAllCaps, isCap, sequences, tokenize, type CommonWord, type Token, type Words } from './sequences';

export interface Mention {
  /** The name as written, without title or possessive. */
  name: string;
  paragraph: number;
  /** UTF-16 offsets of `name` in its paragraph. */
  start: number;
  end: number;
  /** The title written before the name ("Ms.", "Senator", "Prime Minister"). */
  title?: string;
  /** The title with what qualifies it ("Glenmore Mayor", "U.S. District Judge"). */
  role?: string;
  /** A work title in quotes ("The Salt Road"). */
  quoted?: boolean;
}

export interface AcronymDefinition {
  long: string;
  short: string;
}

export interface Candidates {
  mentions: Mention[];
  acronyms: AcronymDefinition[];
}

const STOP_CAPS = new Set(
  `The A An This That These Those But And Or Nor So Yet If When While Where After Before Since Until As At In On Of For From
  To With Without By About Into Over Under Between Among Through During Despite Although Though However Meanwhile Moreover
  Furthermore Nevertheless Still Also Even Just Only Then Now Today Yesterday Tomorrow Tonight Here There It Its He She His Her
  They Them Their We Our Us I You Your My Me Who What Which Why How Some Many Most More Much Few Several All Both Each Every
  Any No Not None Other Another Such Last Next First Second Third New Old Yes Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday
  Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr
  Jun Jul Aug Sep Sept Oct Nov Dec CEO CFO COO CTO TV AM PM GMT BST EST EDT PST PDT UTC OK ID PhD Photo Photograph Image
  Related Read Sign Subscribe Advertisement Updated Published Editor Reporting Writing Editing Getty Images Watch Listen Follow`
    .split(/\s+/)
    .filter(Boolean),
);
const COMMON_SUFFIX = /(?:ers|ors|ists|ants|ents|ies|ions|ness|ment|ments|ing|ed|ly|ity|ism)$/;
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter)(?:-[\p{L}]+)?$/iu;
/** Small words a headline-case line leaves in lower case ("Rift With Western Allies", "Implications for"). */
const HEADLINE_SMALL = new Set('a an the and or nor but of in on at to for with by from as vs via per over into onto upon off up out is are was be its'.split(' '));
/** Singular words after a place that describe a person from it ("a New York Democrat"). */
const PLACE_DESCRIPTORS = new Set('Democrat Republican Conservative Liberal Socialist Independent Senator Congressman Congresswoman Representative native resident'.split(' '));

/** A line with no lower-case letter ("GAZA · NETANYAHU DEFIANT", "LIVE"): its capitals say nothing. */
export function isShouted(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}{2}/u.test(text);
}

/** A short line in headline case ("Controversial Strategy Amidst International Concern"): its capitals say nothing. */
export function isHeadlineCase(text: string): boolean {
  if (text.length > 160 || /[.!?]["”’)]*$/u.test(text) || /[.!?]\s+\p{Lu}/u.test(text)) return false;
  const ws = (text.match(/[\p{L}][\p{L}'’-]*/gu) ?? []).filter((w) => !HEADLINE_SMALL.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
  if (ws.length < 3) return false;
  const caps = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  const lowerContent = ws.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lowerContent === 0 && caps >= 3;
}

/** Spans [start, end) of quoted work titles: “The Salt Road”, "Night Ferry". */
function quotedTitles(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[“"‘]([\p{Lu}\d][^“”"‘’]{1,70}?)[,.]?[”"’]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = (m[1] ?? '').replace(/[,.]$/, '');
    const ws = inner.split(/\s+/);
    if (ws.length > 7 || /[,;:!?]/.test(inner)) continue;
    if (!ws.every((w) => isCap(w) || (w.length <= 4 && /^\p{Ll}+$/u.test(w)))) continue;
    if (ws.length === 1 && STOP_CAPS.has(inner)) continue;
    const start = m.index + 1;
    out.push([start, start + inner.length]);
  }
  return out;
}

function initialsMatch(tokens: Token[], short: string): boolean {
  const letters = short.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters === letters.toUpperCase()) {
    const initials = tokens
      .filter((t) => isCap(t.text))
      .map((t) => (/^\p{Lu}{2,}$/u.test(t.text) ? t.text : t.text.split('-').map((p) => p.charAt(0)).join('')))
      .join('')
      .toUpperCase();
    return initials === letters.toUpperCase() || initials.replace(/O(?=.)/g, '') === letters;
  }
  // Mixed case ("Unicef"): the letters in order through the long form.
  const long = tokens.map((t) => t.text).join(' ').toLowerCase();
  let at = 0;
  for (const ch of letters.toLowerCase()) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** "Federal Trade Commission (FTC)": the long form's tokens and the short form. */
function acronymDefinitions(text: string, index: number, out: Mention[], defs: AcronymDefinition[]): void {
  const re = /\s\((\p{Lu}[\p{L}&.]{1,11})\)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const short = m[1] ?? '';
    if ((short.match(/\p{Lu}/gu) ?? []).length < 1 || STOP_CAPS.has(short)) continue;
    const before = tokenize(text, Math.max(0, m.index - 160), m.index).filter((t) => t.end <= m.index);
    for (let k = 1; k <= Math.min(12, before.length); k++) {
      const span = before.slice(before.length - k);
      const first = span[0];
      if (!first || !isCap(first.text) || first.text.charAt(0).toUpperCase() !== short.charAt(0)) continue;
      if (!initialsMatch(span, short)) continue;
      const last = span[span.length - 1];
      if (!last) break;
      const long = text.slice(first.start, last.end + (last.possessive ? 0 : 0)).replace(/['’]s$/, '');
      if (long.split(/\s+/).length < 2 && short.length > 1) break;
      defs.push({ long, short });
      out.push({ name: long, paragraph: index, start: first.start, end: first.start + long.length });
      const shortAt = m.index + 2;
      out.push({ name: short, paragraph: index, start: shortAt, end: shortAt + short.length });
      break;
    }
  }
}

function occursNonInitially(paragraphs: readonly string[], phrase: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'gu');
  for (const p of paragraphs) {
    for (let m = re.exec(p); m; m = re.exec(p)) {
      const before = p.slice(Math.max(0, m.index - 30), m.index);
      const after = p.slice(m.index + phrase.length, m.index + phrase.length + 3);
      if ((/(?:^|\s)[\p{Ll}\d][\p{L}\d'’-]*\s$/u.test(before) || /,\s$/.test(before)) && !/^\s\p{Lu}/u.test(after)) return true;
    }
  }
  return false;
}

/** Splits a capitalised sequence into title, name and an optional prefix entity ("Glenmore" in "Glenmore Mayor Richard Hale"). */
function splitTitle(seq: Token[]): { prefix: Token[]; title: Token[]; name: Token[] } {
  for (let j = seq.length - 2; j >= 0; j--) {
    const word = seq[j]?.text ?? '';
    if (!isPersonTitle(word) || seq.slice(j + 1).some((t) => isPersonTitle(t.text))) continue;
    let end = j + 1;
    if (/^(?:of|for)$/.test(seq[end]?.text ?? '') && seq.length - end > 2) {
      end += 2;
      while (seq.length - end > 2) end++;
    }
    let k = j;
    while (k > 0 && isTitleWord(seq[k - 1]?.text ?? '')) k--;
    const name = seq.slice(end);
    const cue = kindCue(name.map((t) => t.text).join(' '));
    if (name.length === 0 || (cue !== null && cue !== 'person' && cue !== 'place')) break;
    return { prefix: seq.slice(0, k), title: seq.slice(k, end), name };
  }
  return { prefix: [], title: [], name: seq };
}

export function findCandidates(paragraphs: readonly string[], words: Words): Candidates {
  const { isCommon } = words;
  const mentions: Mention[] = [];
  const acronyms: AcronymDefinition[] = [];
  const silent = paragraphs.map((text) => isShouted(text) || isHeadlineCase(text));
  paragraphs.forEach((text, index) => {
    if (!silent[index]) acronymDefinitions(text, index, mentions, acronyms);
  });
  const longForms = [...new Set(acronyms.map((a) => a.long))];
  const mixedCase = new Set((paragraphs.filter((_, i) => !silent[i]).join(' ').match(/\p{Lu}\p{Ll}[\p{L}'’-]*/gu) ?? []).map((w) => w.toUpperCase()));
  paragraphs.forEach((text, index) => {
    if (silent[index]) return;
    const masks: [number, number][] = mentions.filter((m) => m.paragraph === index).map((m) => [m.start, m.end]);
    for (const long of longForms) {
      const re = new RegExp(escapeRegExp(long), 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (!masks.some(([s]) => s === m.index)) mentions.push({ name: long, paragraph: index, start: m.index, end: m.index + long.length });
        masks.push([m.index, m.index + long.length]);
      }
    }
    for (const [s, e] of quotedTitles(text)) {
      if (masks.some(([ms, me]) => s < me && ms < e)) continue;
      mentions.push({ name: text.slice(s, e), paragraph: index, start: s, end: e, quoted: true });
      masks.push([s, e]);
    }
    const masked = (at: number): boolean => masks.some(([s, e]) => at >= s && at < e);
    for (const [from, to] of sentenceSpans(text)) {
      const lead = /^[\s"“‘'([—–-]*/u.exec(text.slice(from, to))?.[0].length ?? 0;
      for (const seq of sequences(text, from, to, masked, words)) {
        const initial = seq[0]?.start === from + lead;
        const found = nameFrom(shoutless(seq, mixedCase), initial, paragraphs, isCommon);
        for (const part of found) mentions.push({ ...part, paragraph: index, name: text.slice(part.start, part.end) });
      }
    }
  });
  return { mentions, acronyms };
}

/**
 * All-caps runs in running text are never names as written: a run of several all-caps words
 * ("JOIN US", "BREAKING NEWS") is dropped; a single long all-caps word the text also writes in
 * mixed case ("NETANYAHU" beside "Netanyahu") is dropped too (the mixed-case mention is the
 * candidate). Short all-caps words stay (acronyms: "NASA", "FTC").
 */
function shoutless(seq: Token[], mixedCase: ReadonlySet<string>): Token[] {
  const shouted = seq.filter((t) => isAllCaps(t.text) && !/\./.test(t.text));
  if (shouted.length >= 2 && shouted.some((t) => t.text.replace(/[^\p{L}]/gu, '').length >= 4)) return seq.filter((t) => !shouted.includes(t));
  return seq.filter((t) => !(isAllCaps(t.text) && t.text.length >= 5 && mixedCase.has(t.text)));
}

/** "New York" and "New Delhi" are names; "New" before an ordinary sentence is not. */
function keepsLeadingStop(seq: Token[], paragraphs: readonly string[]): boolean {
  const first = seq[0]?.text ?? '';
  if (first !== 'New' || seq.length < 2) return false;
  const two = `${first} ${seq[1]?.text ?? ''}`;
  return isKnownPlace(two) || isKnownPlace(seq.slice(0, 3).map((t) => t.text).join(' ')) || occursNonInitially(paragraphs, two);
}

function nameFrom(seqIn: Token[], initial: boolean, paragraphs: readonly string[], isCommon: CommonWord): Omit<Mention, 'paragraph'>[] {
  let seq = seqIn;
  let atStart = initial;
  while (seq.length > 0 && ((STOP_CAPS.has(seq[0]?.text ?? '') && !keepsLeadingStop(seq, paragraphs)) || !isCap(seq[0]?.text ?? '') || NUMBER_WORD.test(seq[0]?.text ?? ''))) {
    seq = seq.slice(1);
    atStart = false;
  }
  if (seq.length === 0) return [];
  // Sentence-initial ordinary words ("Asked", "Speaking", "Looking Ahead"): dropped, one after
  // another, unless the text also writes them capitalised mid-sentence.
  while (atStart && seq.length > 0) {
    const first = seq[0]?.text ?? '';
    if (isTitleWord(first) || /^\p{Lu}{2,}/u.test(first)) break;
    const phrase = seq.map((t) => t.text).join(' ');
    const common = isCommon(first) || (seq.length === 1 && COMMON_SUFFIX.test(first.toLowerCase()));
    if (!common || occursNonInitially(paragraphs, seq.length > 1 ? phrase : first)) break;
    seq = seq.slice(1);
    while (seq.length > 0 && !isCap(seq[0]?.text ?? '')) seq = seq.slice(1);
  }
  if (seq.length === 0) return [];
  // "a New York Democrat": the place, not a name.
  for (let k = seq.length - 1; k >= 1; k--) {
    if (seq.slice(k).every((t) => PLACE_DESCRIPTORS.has(t.text)) && isKnownPlace(seq.slice(0, k).map((t) => t.text).join(' '))) {
      seq = seq.slice(0, k);
      break;
    }
  }
  // A job title with no name after it ("Senate Majority Leader", "Prime Minister"): only the
  // entity it qualifies, if any ("Senate"); "Office of the Prime Minister" stays whole.
  const lastText = seq[seq.length - 1]?.text ?? '';
  if (isPersonTitle(lastText) && !seq.some((t) => CONNECTORS.has(t.text) || t.text === 'the')) {
    let k = seq.length - 1;
    while (k > 0 && isTitleWord(seq[k - 1]?.text ?? '')) k--;
    const rest = seq.slice(0, k);
    const word = rest[0]?.text ?? '';
    // "John Major", "Kelly Bishop": a given name before one title word is a person's name.
    const person = seq.length - k === 1 && (isFirstName(word) || lexiconFirstName(word));
    if (!person) {
      if (rest.length === 0 || (rest.length === 1 && (isCommon(word) || STOP_CAPS.has(word)))) return [];
      const a = rest[0];
      const b = rest[rest.length - 1];
      return a && b ? [{ name: '', start: a.start, end: b.end }] : [];
    }
  }
  const { prefix, title, name: whole } = splitTitle(seq);
  let name = whole;
  const of = name.findIndex((t) => t.text === 'of');
  let place: Token[] = [];
  if (of >= 2 && name.length - of <= 3 && (title.length > 0 || isFirstName(name[0]?.text ?? '') || !isCommon(name[0]?.text ?? '')) && kindCue(name.slice(0, of).map((t) => t.text).join(' ')) === null) {
    place = name.slice(of + 1);
    name = name.slice(0, of);
  }
  const out: Omit<Mention, 'paragraph'>[] = [];
  const span = (ts: Token[]): { name: string; start: number; end: number } | null => {
    const a = ts[0];
    const b = ts[ts.length - 1];
    return a && b ? { name: '', start: a.start, end: b.end } : null;
  };
  const prefixWord = prefix[0]?.text ?? '';
  const prefixSpan = prefix.length === 1 && !isCommon(prefixWord) && !STOP_CAPS.has(prefixWord) ? span(prefix) : null;
  if (prefixSpan) out.push(prefixSpan);
  const placeSpan = place.length > 0 ? span(place) : null;
  if (placeSpan) out.push(placeSpan);
  const nameSpan = span(name);
  if (!nameSpan) return out;
  const onlyTitle = name.every((t) => isTitleWord(t.text) || STOP_CAPS.has(t.text));
  const lastWord = name[name.length - 1]?.text ?? '';
  if (onlyTitle || /^\p{Lu}$/u.test(lastWord) || (name.length === 1 && lastWord.length < 2)) return out;
  const words = (ts: Token[]): string => ts.map((t) => t.text).join(' ');
  out.push(title.length > 0 ? { ...nameSpan, title: words(title), role: words([...prefix, ...title]) } : nameSpan);
  return out;
}
