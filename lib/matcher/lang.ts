/**
 * The matcher's language rules. Each alias gets a few rule bits when the scan tables are
 * built (`langRules`, from its text and `lang`); the scan applies them per candidate,
 * never per character of the text (see checks.ts). An alias without `lang` takes the
 * rules of its script where the script says it all: a Hebrew-script alias is Hebrew, an
 * Arabic-script alias is Arabic. Negative phrases (which have no language) likewise.
 *
 * Hebrew (`R_HE_PREFIX`). The prepositions and conjunctions ו ב ל מ ש כ are written
 * attached to the next word: ונתניהו, לנתניהו, שבעזה, מרפיח, כשביידן. A Hebrew alias of at
 * least 3 letters also matches after such a prefix of 1–3 letters, in the order the
 * language puts them: ו, then ש / כש / לכש, then one of ב ל מ כ (ו, ב, וב, ש, שב, כש, וכש,
 * לכש, ושמ, …). The mention covers the name, not the prefix. **The article ה is never a
 * prefix**: a proper name takes no article, so ה + name is another word (השומר is "the
 * guard", not Schumer; הביידן is not Hebrew). An alias that does take the article lists
 * it ("הסנאט"), and then matches ו/ש/מ + it (והסנאט, מהסנאט); since ב ל כ swallow the
 * article (בסנאט = ב + הסנאט), a pack lists the article-less form too ("סנאט"), which
 * only ever occurs after a prefix. After a maqaf or hyphen (ה־CIA, ו-ביידן) the name
 * starts a word of its own and matches as any word does. A short alias (under 3 letters)
 * takes no prefix: too many Hebrew words begin with a prefix letter and two more letters.
 *
 * Arabic (`R_AR_PREFIX`, `R_AR_ARTICLE`). The conjunctions و ف and the prepositions ب ل ك
 * are attached: وغزة، بغزة، لنتنياهو، فبايدن. An Arabic alias of at least 3 letters also
 * matches after و/ف then ب/ل/ك (one or both); the mention covers the name. As in Hebrew,
 * **the article ال is never a prefix** of a name that does not have it: الحماس is "the
 * zeal", not Hamas. An alias that starts with the article ("الولايات المتحدة", "القدس")
 * is compiled without it (`keyStart`) and must then be preceded by it: ال with و/ف and
 * ب/ك before it (والقدس، بالقدس، وبالقدس), or the contraction لل of ل + ال (للولايات
 * المتحدة، وللقدس). The mention starts at the article (at its ل in لل).
 *
 * Genitive -s (`R_GENITIVE`): German (and the Scandinavian languages) write the genitive
 * of a name with a bare s: "Netanjahus Regierung", "Bidens Rede". An alias in one of those
 * languages ending in a letter other than s, ß, x or z also matches with an s after it,
 * and the mention includes the s, as an English possessive ('s) is included.
 *
 * Other languages need no rule here: a French elision (d'Israël, l'Autorité, qu’Israël)
 * ends at an apostrophe, which is a word boundary; a German hyphenated compound
 * ("Gaza-Krieg", "Hamas-Terroristen", "Netanjahu-Regierung") is two words joined by a
 * separator, so its first part matches on its own; closed compounds ("Gazastreifen",
 * "Zweistaatenlösung") are aliases of their own. Scripts without spaces (Chinese, Japanese,
 * Thai …) need no boundaries at all; that is the normaliser's `K_WORD` (normalise.ts).
 */
import * as N from './normalise';

// Module-local copies of imported bindings (see scanner.ts).
const { FOLD_IGNORE, FOLD_SEP, foldUnit, isWordFold, kindOf, K_IGNORABLE, K_WORD } = N;

export const R_HE_PREFIX = 1;
export const R_AR_PREFIX = 2;
export const R_AR_ARTICLE = 4;
export const R_GENITIVE = 8;

/** Least letters of an alias (without its article) that takes Hebrew or Arabic prefixes. */
export const MIN_PREFIXED_LETTERS = 3;

/** Languages that write the genitive of a name with a bare s. */
const GENITIVE_S = new Set(['de', 'da', 'sv', 'no', 'nb', 'nn']);

const HEBREW = 1;
const ARABIC = 2;

/** The script of a folded code unit, where it has language rules (0: none). */
function scriptOf(f: number): number {
  if ((f >= 0x0590 && f <= 0x05ff) || (f >= 0xfb1d && f <= 0xfb4f)) return HEBREW;
  if ((f >= 0x0600 && f <= 0x06ff) || (f >= 0x0750 && f <= 0x077f) || (f >= 0x08a0 && f <= 0x08ff)) return ARABIC;
  if ((f >= 0xfb50 && f <= 0xfdff) || (f >= 0xfe70 && f <= 0xfeff)) return ARABIC;
  return 0;
}

/**
 * True for a letter of a script whose names take attached prefixes (Hebrew, Arabic): the
 * automaton follows a pattern starting with one even inside a word (the check decides).
 */
export function isPrefixScriptLetter(f: number): boolean {
  return scriptOf(f) !== 0 && isWordFold(f);
}

/* ─── Prefix tables ──────────────────────────────────────────────────────────────────── */

// A prefix of up to 4 letters is one number: a 3-bit index per letter, farthest first.
const HE_LETTERS = 'ובלמשכ';
const AR_LETTERS = 'وفبلكا';
const ALEF = 0x0627;
const LAM = 0x0644;

function indexIn(letters: string, f: number): number {
  return letters.indexOf(String.fromCharCode(f)) + 1;
}

function packed(letters: string, s: string): number {
  let code = 0;
  for (const ch of s) code = code * 8 + indexIn(letters, ch.charCodeAt(0));
  return code;
}

/** Every `a + b + c …` of one item of each list (items may be ''), as packed codes. */
function combos(letters: string, lists: string[][], maxLength: number): Set<number> {
  let all = [''];
  for (const list of lists) all = all.flatMap((head) => list.map((item) => head + item));
  return new Set(all.filter((s) => s.length <= maxLength).map((s) => packed(letters, s)));
}

/** Hebrew: ו, then ש / כש / לכש, then ב ל מ כ; 1–3 letters (0 is the empty prefix). */
const HE_PREFIXES = combos(HE_LETTERS, [['', 'ו'], ['', 'ש', 'כש', 'לכש'], ['', 'ב', 'ל', 'מ', 'כ']], 3);
HE_PREFIXES.delete(0);
/** Arabic, before a name without the article: و/ف then ب/ل/ك, not empty. */
const AR_PREFIXES = combos(AR_LETTERS, [['', 'و', 'ف'], ['', 'ب', 'ل', 'ك']], 2);
AR_PREFIXES.delete(0);
/** Arabic, before the article ال (ل + ال is written لل instead). */
const AR_BEFORE_ARTICLE = combos(AR_LETTERS, [['', 'و', 'ف'], ['', 'ب', 'ك']], 2);
/** Arabic, before the contraction لل. */
const AR_BEFORE_LL = combos(AR_LETTERS, [['', 'و', 'ف']], 1);

/** Scratch of `lettersBefore`: folded letters and their positions, nearest first. */
const backCode = new Int32Array(5);
const backPos = new Int32Array(5);

/**
 * The letters of the word before `start` (ignorables skipped), nearest first, into
 * `backCode` / `backPos`: their number, or `max + 1` when there are more than `max`.
 */
function lettersBefore(text: string, start: number, max: number): number {
  let n = 0;
  for (let j = start - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    const k = kindOf(c);
    if ((k & K_IGNORABLE) !== 0) continue;
    if ((k & K_WORD) === 0) break;
    backCode[n] = foldUnit(c);
    backPos[n] = j;
    if (++n > max) break;
  }
  return n;
}

/** Packs the letters `from..to - 1` of `backCode` (nearest first), farthest first; -1 if one is not in `letters`. */
function packBack(letters: string, from: number, to: number): number {
  let code = 0;
  for (let i = to - 1; i >= from; i--) {
    const x = indexIn(letters, backCode[i] ?? 0);
    if (x === 0) return -1;
    code = code * 8 + x;
  }
  return code;
}

/** True when the word part before `start` is a prefix the alias's rules accept. */
export function prefixOk(text: string, start: number, rules: number): boolean {
  const hebrew = (rules & R_HE_PREFIX) !== 0;
  if (!hebrew && (rules & R_AR_PREFIX) === 0) return false;
  const max = hebrew ? 3 : 2;
  const n = lettersBefore(text, start, max);
  if (n === 0 || n > max) return false;
  const code = packBack(hebrew ? HE_LETTERS : AR_LETTERS, 0, n);
  return (hebrew ? HE_PREFIXES : AR_PREFIXES).has(code);
}

/**
 * Where the mention of an alias compiled without its article (`R_AR_ARTICLE`) starts, its
 * key starting at `start`: at the article (ال, or the second ل of لل), when the word
 * before `start` is the article with an accepted prefix; else -1.
 */
export function articleStart(text: string, start: number): number {
  const n = lettersBefore(text, start, 4);
  if (n < 2 || n > 4 || backCode[0] !== LAM) return -1;
  if (backCode[1] === ALEF) return AR_BEFORE_ARTICLE.has(packBack(AR_LETTERS, 2, n)) ? (backPos[1] ?? -1) : -1;
  if (backCode[1] === LAM && n <= 3) return AR_BEFORE_LL.has(packBack(AR_LETTERS, 2, n)) ? (backPos[0] ?? -1) : -1;
  return -1;
}

/**
 * The end of a genitive s at `end` ("Netanjahu|s"): after the s, when an s (any case) is
 * there and no word character follows it; else -1.
 */
export function genitiveEnd(text: string, end: number): number {
  const n = text.length;
  if (end >= n || foldUnit(text.charCodeAt(end)) !== 0x73) return -1;
  for (let j = end + 1; j < n; j++) {
    const k = kindOf(text.charCodeAt(j));
    if ((k & K_IGNORABLE) !== 0) continue;
    if ((k & K_WORD) !== 0) return -1;
    break;
  }
  return end + 1;
}

/* ─── Per-alias rules (build time) ───────────────────────────────────────────────────── */

/** Index of the first significant code unit of `text[from..to)` at or after `i`, or `to`. */
function nextSignificant(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && foldUnit(text.charCodeAt(j)) === FOLD_IGNORE) j++;
  return j;
}

function letterCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isWordFold(foldUnit(text.charCodeAt(i)))) n++;
  return n;
}

/** The script of the first letter or digit of `text[from..to)`, if it has rules. */
function firstScript(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (isWordFold(f)) return scriptOf(f);
  }
  return 0;
}

/**
 * Where the compiled key of an alias `text[from..to)` in language `lang` starts: after the
 * article ال of an Arabic alias that starts with it (followed by a letter, and at least
 * `MIN_PREFIXED_LETTERS` letters after it); else at `from`. The compiler and the scan's
 * rules both use this, so the key and `R_AR_ARTICLE` always agree.
 */
export function keyStart(text: string, from: number, to: number, lang: string | undefined): number {
  const script = firstScript(text, from, to);
  if (script !== ARABIC || (lang !== undefined && lang !== 'ar')) return from;
  const a = nextSignificant(text, from, to);
  if (a >= to || foldUnit(text.charCodeAt(a)) !== ALEF) return from;
  const l = nextSignificant(text, a + 1, to);
  if (l >= to || foldUnit(text.charCodeAt(l)) !== LAM) return from;
  const rest = nextSignificant(text, l + 1, to);
  if (rest >= to || !isWordFold(foldUnit(text.charCodeAt(rest)))) return from;
  return letterCount(text, rest, to) >= MIN_PREFIXED_LETTERS ? rest : from;
}

/** The last significant folded code unit of `text[from..to)`, or -1. */
function lastFold(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const f = foldUnit(text.charCodeAt(i));
    if (f !== FOLD_IGNORE && f !== FOLD_SEP) return f;
  }
  return -1;
}

/** The `R_*` rules of the alias (or negative phrase) `text[from..to)` in language `lang`. */
export function langRules(text: string, from: number, to: number, lang: string | undefined): number {
  const script = firstScript(text, from, to);
  if (script === HEBREW && (lang === undefined || lang === 'he')) {
    return letterCount(text, from, to) >= MIN_PREFIXED_LETTERS ? R_HE_PREFIX : 0;
  }
  if (script === ARABIC && (lang === undefined || lang === 'ar')) {
    if (keyStart(text, from, to, lang) > from) return R_AR_ARTICLE;
    return letterCount(text, from, to) >= MIN_PREFIXED_LETTERS ? R_AR_PREFIX : 0;
  }
  if (lang !== undefined && GENITIVE_S.has(lang)) {
    const last = lastFold(text, from, to);
    if (isWordFold(last) && last !== 0x73 && last !== 0xdf && last !== 0x78 && last !== 0x7a) return R_GENITIVE;
  }
  return 0;
}
