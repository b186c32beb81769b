/**
 * "Is this surname someone else's?" — the context rule for single-word surname aliases of
 * people ("Schumer", "Biden", "Netanyahu").
 *
 * A surname is taken to name someone else when the token right before it (separated only
 * by spaces on the same line) is a capitalised word that is not:
 * - a title, honorific, office or affiliation ("President", "Senator", "Prime Minister",
 *   "former", "Democrat", "Israeli", "U.S." …);
 * - a function word that starts sentences ("When", "But", "Yesterday" …), a weekday or
 *   a month;
 * - a possessive ("Israel's Netanyahu"), or a token ending in punctuation ("Sen.", "U.S.",
 *   "Gaza." — abbreviations, initials and sentence ends);
 * - another word of the same entity's multi-word aliases ("Chuck" for Schumer, "Benjamin"
 *   for Netanyahu), so the full name still counts when only the surname matched.
 * So "Amy Schumer", "Hunter Biden", "Sara Netanyahu" are dropped; "President Biden",
 * "Sen. Schumer", "When Netanyahu", a surname at the start of a text or block, after a
 * quote or bracket, or after a lower-case word ("said Biden") are kept.
 */
import * as N from './normalise';

const { foldUnit, kindOf, FOLD_IGNORE, FOLD_SEP, K_IGNORABLE, K_NEWLINE, K_SPACE, K_UPPER, K_WORD } = N;

const TITLES = `president president-elect senator sen rep representative congressman congresswoman
  mr mrs ms miss mx dr prof professor sir dame lord lady prime minister pm leader speaker premier
  chancellor vice former late then acting deputy secretary governor gov mayor ambassador envoy
  general gen colonel col captain capt commander admiral chief justice judge king queen prince
  princess emir sheikh rabbi pope cardinal chairman chairwoman chair spokesman spokeswoman adviser
  advisor aide candidate nominee democrat democrats democratic republican republicans gop
  independent labour labor conservative likud progressive israeli israelis american americans
  palestinian us u.s uk british french german arab senate house white whip majority minority
  opposition coalition foreign defence defense finance security national incumbent`;

const FUNCTION_WORDS = `a an the and but or nor so yet for as if when while after before since until unless
  once though although because whereas whether then than that this these those there here where
  why how what who whom whose which also only even still now today tonight yesterday tomorrow
  meanwhile however moreover indeed instead perhaps maybe thus hence therefore later earlier
  again already both either neither not no yes all some many most more every each other another
  such with without by from to in on at of about against under over into onto upon among amid
  between through during despite toward towards via per like unlike including did does do has had
  have having is are was were be been being will would could should can may might must shall said
  says say told tells asked according he she they we i you it his her their our its my your
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december`;

const KEEP_BEFORE = new Set(`${TITLES} ${FUNCTION_WORDS}`.split(/\s+/).filter((w) => w.length > 0));

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

/**
 * True when the surname starting at `start` in `text` is preceded by a capitalised word
 * that makes it someone else's name. `sameEntityWords`: folded words of the entity's
 * multi-word aliases.
 */
export function surnameIsSomeoneElse(text: string, start: number, sameEntityWords: ReadonlySet<string>): boolean {
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
  const word = foldToken(text, tokenStart, tokenEnd);
  if (word.endsWith("'s")) return false;
  if (KEEP_BEFORE.has(word) || sameEntityWords.has(word)) return false;
  return true;
}
