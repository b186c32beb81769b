/**
 * The article's text as words, and its capitalised sequences: the raw material of name
 * candidates. A sequence is a run of capitalised words joined by single spaces, with
 * connectors inside ("Bank of England", "Osama bin Laden", "Food and Drug Administration");
 * weekdays and months break it, and a possessive ends it unless a generic head follows
 * ("Children's Fund").
 */
import { isOrgWord } from '../kind-guess';

/** Is this (capitalised) word an ordinary word of the language? Supplied by the caller. */
export type CommonWord = (word: string) => boolean;

/** What the caller knows of words: ordinary ones, and ones known as names (people, places, organisations). */
export interface Words {
  isCommon: CommonWord;
  isProper: (word: string) => boolean;
  /** A given name ("Bill", "Melinda"). */
  isGivenName: (word: string) => boolean;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’&.](?=[\p{L}\p{N}]))*/gu;
const DOTTED = /^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Cllr|Mt|Ft|Maj|Adm|Cmdr|Mx|Hon|\p{Lu})$|^(?:\p{Lu}\.)+\p{Lu}$/u;
/** Lower-case words that stay inside a name between capitalised words. */
export const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y', 'e', '&']);
const WEEKDAYS_MONTHS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/;
/** Generic heads a possessive may stay inside a name for ("Children's Fund", "People's Party"). */
const POSSESSIVE_HEADS = new Set(['Fund', 'Party', 'Republic', 'Hospital', 'League', 'Museum', 'Church', 'College', 'Health', 'Union', 'Army', 'Front', 'Court', 'Choice', 'Liberation', 'Day']);

export const isAllCaps = (t: string): boolean => /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    if (text.charAt(end) === '.' && DOTTED.test(word)) {
      word += '.';
      end += 1;
      re.lastIndex = end;
    }
    const affix = /-(?:based|born|led|backed|owned|run|made|listed|headquartered|bound|style|era|type|like|wide)$/.exec(word);
    if (affix) word = word.slice(0, affix.index);
    if (/^\p{Lu}-\p{Ll}/u.test(word)) word = word.toLowerCase();
    let possessive = false;
    if (/['’]s$/.test(word) && word.length > 3) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/s$/.test(word) && /^['’](?![\p{L}])/u.test(text.slice(end, end + 2))) {
      possessive = true;
    }
    out.push({ text: word, start: m.index, end: m.index + word.length, possessive });
  }
  return out;
}

export const isCap = (t: string): boolean => /^\p{Lu}/u.test(t) || /^(?:al|el|ad|as|ash|ar|at|an|bin|ibn|abu)-\p{Lu}/u.test(t) || /^\p{Ll}{1,2}\p{Lu}/u.test(t);

/** The last words of institutions whose names hold an "and" ("Food and Drug Administration"). */
const INSTITUTION_HEADS = new Set(
  'Administration Organization Organisation Commission Committee Committees Department Agency Bureau Council Board Office Service Services Institute Foundation Fund Authority Prevention Affairs Trust Society Association Museum Center Centre Centers Laboratory Hospital University College School Command'.split(' '),
);

/**
 * Does the "and" at `i` sit inside one institution's name? Only when the capitalised run after
 * it ends in an institution word ("Administration", "Committee", "Foundation", …), and then
 * when the words either side of the "and" are no names and one of them is an ordinary word
 * ("Food and Drug Administration", "House Ways and Means Committee", "Fish and Wildlife
 * Service"), when both are given names ("William and Flora Hewlett Foundation"), or when the
 * name opens with "the" and neither is a place or an acronym ("the Bill and Melinda Gates
 * Foundation"). "Smith and Harvard University", "Google and Stanford University" and "Texas
 * and California" stay two names.
 */
function andInsideName(tokens: readonly Token[], seqStart: number, i: number, text: string, words: Words): boolean {
  const { isCommon, isProper, isGivenName } = words;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  // "Senate and House Armed Services Committees" are two bodies.
  if (before === undefined || after === undefined || !isCap(after.text) || isOrgWord(before.text) || before.text === 'House') return false;
  const bothFirst = isGivenName(before.text) && isGivenName(after.text);
  const plain = (w: string): boolean => !isProper(w) && !isGivenName(w) && !isAllCaps(w);
  const ordinary = plain(before.text) && plain(after.text) && (isCommon(before.text) || isCommon(after.text));
  // "the Bill and Melinda Gates Foundation": after "the", given names are part of the name too.
  const noOtherName = (w: string): boolean => !isAllCaps(w) && (!isProper(w) || isGivenName(w));
  const articled = (/^the$/i.test(tokens[seqStart - 1]?.text ?? '') || /^the$/i.test(tokens[seqStart]?.text ?? '')) && noOtherName(before.text) && noOtherName(after.text);
  if (!ordinary && !bothFirst && !articled) return false;
  for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    if (t === undefined || prev === undefined) return false;
    if (j > i + 1 && !/^\s$/u.test(text.slice(prev.end + (prev.possessive ? 2 : 0), t.start))) return false;
    if (!isCap(t.text)) return false;
    if (INSTITUTION_HEADS.has(t.text)) return true;
    if (t.possessive) return false;
  }
  return false;
}

export function sequences(text: string, from: number, to: number, masked: (at: number) => boolean, words: Words): Token[][] {
  const tokens = tokenize(text, from, to).filter((t) => !masked(t.start));
  const out: Token[][] = [];
  let seq: Token[] = [];
  let seqStart = 0;
  const close = (): void => {
    while (seq.length > 0 && !isCap(seq[seq.length - 1]?.text ?? '')) seq.pop();
    if (seq.length > 0) out.push(seq);
    seq = [];
  };
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const joined = prev !== undefined && seq.length > 0 && /^\s$/u.test(text.slice(prev.end + (prev.possessive ? 2 : 0), t.start)) && !(prev.possessive && !POSSESSIVE_HEADS.has(t.text) && !isOrgWord(t.text));
    if (!joined) close();
    const monthOrDay = WEEKDAYS_MONTHS.test(t.text) && !(seq.length > 0 && t.text === 'May');
    if (isCap(t.text) && !monthOrDay && !/^\p{N}/u.test(t.text)) {
      if (seq.length === 0) seqStart = i;
      seq.push(t);
    } else if (seq.length > 0 && (CONNECTORS.has(t.text) || (t.text === 'the' && /^(?:of|for)$/.test(prev?.text ?? '')) || (t.text === 'and' && (seq.some((s) => s.text === 'of' || s.text === 'for') || andInsideName(tokens, seqStart, i, text, words)))) && next && isCap(next.text)) {
      seq.push(t);
    } else {
      close();
    }
  });
  close();
  return out;
}
