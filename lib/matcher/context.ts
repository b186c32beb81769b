/**
 * "Is this surname someone else's?" — the context rule for single-word surname aliases of
 * people ("Schumer", "Biden", "Netanyahu").
 *
 * A surname is taken to name someone else when the token right before it (separated only
 * by spaces on the same line) is a capitalised word that is not:
 * - a title, honorific, office or affiliation ("President", "Senator", "Prime Minister",
 *   "former", "Democrat", "Israeli", "U.S.", "Ministerpräsident", "Président" …), also as
 *   the last part of a hyphenated word ("US-Präsident", "Vice-President", "Ex-Premier");
 * - a function word that starts sentences ("When", "But", "Yesterday", "Selon", "Laut" …),
 *   a weekday or a month (English, French and German: context-words.ts);
 * - a possessive ("Israel's Netanyahu"), or a token ending in punctuation ("Sen.", "U.S.",
 *   "Gaza." — abbreviations, initials and sentence ends);
 * - another word of the same entity's multi-word aliases ("Chuck" for Schumer, "Benjamin"
 *   for Netanyahu), so the full name still counts when only the surname matched.
 * So "Amy Schumer", "Hunter Biden", "Sara Netanyahu" are dropped; "President Biden",
 * "Sen. Schumer", "When Netanyahu", a surname at the start of a text or block, after a
 * quote or bracket, or after a lower-case word ("said Biden") are kept.
 */
import { KEEP_BEFORE_WORDS } from './context-words';
import * as N from './normalise';

const { foldUnit, kindOf, FOLD_IGNORE, FOLD_SEP, K_IGNORABLE, K_NEWLINE, K_SPACE, K_UPPER, K_WORD } = N;

const KEEP_BEFORE = new Set(KEEP_BEFORE_WORDS.map((w) => foldWord(w)));

/** Folds a token the way the matcher folds text, dashes as "-". */
function foldToken(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === FOLD_IGNORE) continue;
    out += f === FOLD_SEP ? '-' : String.fromCharCode(f);
  }
  return out;
}

/** Folds a word for comparison with `sameEntityWords`. */
export function foldWord(word: string): string {
  return foldToken(word, 0, word.length);
}

const token = new Int32Array(2);

/**
 * The capitalised token that could make the surname at `start` someone else's: its
 * bounds go to `token` [start, end) and true is returned; false when there is none (no
 * space before the surname, a line break, a token ending in punctuation or not
 * capitalised).
 */
function precedingToken(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && (kindOf(text.charCodeAt(j)) & K_IGNORABLE) !== 0) j--;
  if (j < 0 || (kindOf(text.charCodeAt(j)) & K_SPACE) === 0) return false;
  while (j >= 0) {
    const k = kindOf(text.charCodeAt(j));
    if ((k & K_NEWLINE) !== 0) return false;
    if ((k & (K_SPACE | K_IGNORABLE)) === 0) break;
    j--;
  }
  if (j < 0) return false;
  const tokenEnd = j + 1;
  while (j >= 0 && (kindOf(text.charCodeAt(j)) & K_SPACE) === 0) j--;
  let tokenStart = j + 1;
  // The token must end in a letter or digit: "Sen.", "Gaza,", "U.S." or "allies'" keep it.
  let last = tokenEnd - 1;
  while (last > tokenStart && (kindOf(text.charCodeAt(last)) & K_IGNORABLE) !== 0) last--;
  if ((kindOf(text.charCodeAt(last)) & K_WORD) === 0) return false;
  // Skip opening quotes and brackets.
  while (tokenStart < tokenEnd && (kindOf(text.charCodeAt(tokenStart)) & K_WORD) === 0) tokenStart++;
  if (tokenStart >= tokenEnd || (kindOf(text.charCodeAt(tokenStart)) & K_UPPER) === 0) return false;
  token[0] = tokenStart;
  token[1] = tokenEnd;
  return true;
}

/**
 * True when the surname starting at `start` in `text` is preceded by a capitalised word
 * that makes it someone else's name. `sameEntityWords`: folded words of the entity's
 * multi-word aliases. (The plain-string form of the rule; the scanner uses
 * `surnameIsSomeoneElseIn`.)
 */
export function surnameIsSomeoneElse(text: string, start: number, sameEntityWords: ReadonlySet<string>): boolean {
  if (!precedingToken(text, start)) return false;
  const word = foldToken(text, token[0] ?? 0, token[1] ?? 0);
  if (word.endsWith("'s")) return false;
  const keeps = (w: string): boolean => KEEP_BEFORE.has(w) || sameEntityWords.has(w);
  if (keeps(word)) return false;
  // A hyphenated title: "US-Präsident", "Vice-President".
  const dash = word.lastIndexOf('-');
  if (dash >= 0 && dash < word.length - 1 && keeps(word.slice(dash + 1))) return false;
  return true;
}

/** The folded unit of a token character as `foldToken` emits it (-1: none). */
function tokenUnit(c: number): number {
  const f = foldUnit(c);
  return f === FOLD_IGNORE ? -1 : f === FOLD_SEP ? 0x2d : f;
}

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * A set of folded words that is probed with a span of the original text, without
 * allocating. A `base` set (shared by many sets) counts as part of it.
 */
export class FoldedWordSet {
  private readonly byHash = new Map<number, string[]>();

  constructor(
    words: Iterable<string>,
    private readonly base?: FoldedWordSet,
  ) {
    for (const w of words) {
      const h = hashWord(w);
      const list = this.byHash.get(h);
      if (!list) this.byHash.set(h, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }

  /** True when `foldToken(text, start, end)` is in the set. */
  hasSpan(text: string, start: number, end: number): boolean {
    let h = 0x811c9dc5;
    let len = 0;
    for (let i = start; i < end; i++) {
      const f = tokenUnit(text.charCodeAt(i));
      if (f < 0) continue;
      h = Math.imul(h ^ f, 0x01000193);
      len++;
    }
    return this.hasHashed(text, start, end, h, len);
  }

  private hasHashed(text: string, start: number, end: number, h: number, len: number): boolean {
    if (this.base?.hasHashed(text, start, end, h, len) === true) return true;
    const list = this.byHash.get(h);
    if (!list) return false;
    for (const w of list) {
      if (w.length !== len) continue;
      let k = 0;
      for (let i = start; i < end && k >= 0; i++) {
        const f = tokenUnit(text.charCodeAt(i));
        if (f < 0) continue;
        k = f === w.charCodeAt(k) ? k + 1 : -1;
      }
      if (k === len) return true;
    }
    return false;
  }
}

/** `KEEP_BEFORE` as a `FoldedWordSet`, built once and shared by every entity's set. */
let keepBeforeBase: FoldedWordSet | undefined;

/**
 * The context words that keep a surname, plus the entity's own words (`sameEntityWords`).
 * Cheap: the fixed words are one shared set.
 */
export function keepBeforeSet(sameEntityWords: Iterable<string>): FoldedWordSet {
  keepBeforeBase ??= new FoldedWordSet(KEEP_BEFORE);
  return new FoldedWordSet(sameEntityWords, keepBeforeBase);
}

/** True when the folded token `start..end` ends in 's. */
function endsWithApostropheS(text: string, start: number, end: number): boolean {
  let want = 0x73;
  for (let i = end - 1; i >= start; i--) {
    const f = tokenUnit(text.charCodeAt(i));
    if (f < 0) continue;
    if (f !== want) return false;
    if (want === 0x27) return true;
    want = 0x27;
  }
  return false;
}

/**
 * `surnameIsSomeoneElse` without allocating: `keep` is `keepBeforeSet(sameEntityWords)`.
 */
export function surnameIsSomeoneElseIn(text: string, start: number, keep: FoldedWordSet): boolean {
  if (!precedingToken(text, start)) return false;
  const tokenStart = token[0] ?? 0;
  const tokenEnd = token[1] ?? 0;
  if (endsWithApostropheS(text, tokenStart, tokenEnd)) return false;
  if (keep.hasSpan(text, tokenStart, tokenEnd)) return false;
  // A hyphenated title: "US-Präsident", "Vice-President".
  for (let j = tokenEnd - 2; j > tokenStart; j--) {
    if (tokenUnit(text.charCodeAt(j)) === 0x2d) return !keep.hasSpan(text, j + 1, tokenEnd);
  }
  return true;
}
