/**
 * Text normalisation shared by the compiler and the scanner, one UTF-16 code unit at a
 * time (so offsets always map back to the original string):
 *
 * - soft hyphens, zero-width characters, bidirectional controls (LRM, RLM, embeddings,
 *   isolates), the Arabic tatweel (ـ) and combining marks (accents, Hebrew niqqud, Arabic
 *   harakat) are ignored;
 * - whitespace of any kind (NBSP, thin spaces, newlines …), hyphens, dashes and the Hebrew
 *   maqaf (־) are one separator, and a run of separators counts once;
 * - curly/straight quotes and apostrophes are unified (’ ‘ ʼ ′ ׳ → ', “ ” ״ → ");
 * - diacritics are folded (NFD, combining marks stripped: é → e; the Arabic hamza carriers
 *   أ إ آ ؤ ئ → ا و ي) and letters lower-cased; Arabic ى → ي and ة → ه (the press writes
 *   them interchangeably);
 * - letters of scripts written without spaces between words (Han, Hiragana, Katakana,
 *   Hangul, Thai, Lao, Khmer, Myanmar) are not word characters (`K_WORD`): a name in them
 *   needs no word boundary, and a name next to them has one.
 *
 * Results are cached per code unit in lazily filled tables, so the slow path (`normalize`,
 * regexes) runs at most once per distinct code unit per process.
 */

/** `foldUnit` result for a code unit that is skipped entirely. */
export const FOLD_IGNORE = -1;
/** `foldUnit` result for whitespace, hyphens and dashes. */
export const FOLD_SEP = -2;
const FOLD_UNKNOWN = -3;

/** Kind flags (`kindOf`). */
/** A letter or digit that words are made of (not the letters of unspaced scripts). */
export const K_WORD = 1;
export const K_UPPER = 2;
export const K_LOWER = 4;
/** Whitespace (not hyphens). */
export const K_SPACE = 8;
/** Line or paragraph break: a block boundary. */
export const K_NEWLINE = 16;
/** Skipped by the normaliser (soft hyphen, zero-width, combining mark). */
export const K_IGNORABLE = 32;
/** Combining mark: belongs to the preceding letter. */
export const K_MARK = 64;
const KIND_UNKNOWN = 255;

const foldTable = new Int32Array(65536).fill(FOLD_UNKNOWN);
const kindTable = new Uint8Array(65536).fill(KIND_UNKNOWN);

const INVISIBLES = new Set([
  0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x034f,
  // Bidirectional controls (right-to-left pages are full of them) and the Arabic tatweel.
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c, 0x0640,
]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x05be]);
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x2032, 0xff07, 0x05f3]);
const DOUBLE_QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02, 0x05f4]);
/** Letters folded to another letter after NFD: Arabic alef maqsura → yeh, teh marbuta → heh. */
const LETTER_FOLDS = new Map([
  [0x0649, 0x064a],
  [0x0629, 0x0647],
]);
const MARK_RE = /\p{M}/u;
const MARKS_RE = /\p{M}/gu;
const SPACE_RE = /\s/u;
const LETTER_RE = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words: their letters need no word boundary. */
const UNSPACED_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

/** A word character: a letter or digit, except letters of scripts without spaces. */
function isWordChar(s: string): boolean {
  return LETTER_RE.test(s) && !UNSPACED_RE.test(s);
}
const NEWLINES = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);

function foldSlow(c: number): number {
  if (INVISIBLES.has(c)) return FOLD_IGNORE;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  if (DASHES.has(c)) return FOLD_SEP;
  if (APOSTROPHES.has(c)) return 0x27;
  if (DOUBLE_QUOTES.has(c)) return 0x22;
  const s = String.fromCharCode(c);
  if (MARK_RE.test(s)) return FOLD_IGNORE;
  if (SPACE_RE.test(s)) return FOLD_SEP;
  const stripped = s.normalize('NFD').replace(MARKS_RE, '');
  const base = stripped.length === 1 ? stripped : s;
  const lower = base.toLowerCase();
  const f = lower.length === 1 ? lower.charCodeAt(0) : base.charCodeAt(0);
  return LETTER_FOLDS.get(f) ?? f;
}

/** The folded code unit of `c`, or `FOLD_IGNORE` / `FOLD_SEP`. */
export function foldUnit(c: number): number {
  const f = foldTable[c & 0xffff] ?? FOLD_UNKNOWN;
  if (f !== FOLD_UNKNOWN) return f;
  const r = foldSlow(c & 0xffff);
  foldTable[c & 0xffff] = r;
  return r;
}

function kindSlow(c: number): number {
  const f = foldUnit(c);
  if (f === FOLD_IGNORE) return K_IGNORABLE | (MARK_RE.test(String.fromCharCode(c)) ? K_MARK : 0);
  if (f === FOLD_SEP) {
    const s = String.fromCharCode(c);
    if (!SPACE_RE.test(s)) return 0;
    return K_SPACE | (NEWLINES.has(c) ? K_NEWLINE : 0);
  }
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  let k = isWordChar(String.fromCharCode(f)) ? K_WORD : 0;
  const s = String.fromCharCode(c);
  if (s !== s.toLowerCase()) k |= K_UPPER;
  if (s !== s.toUpperCase()) k |= K_LOWER;
  return k;
}

/** Kind flags of code unit `c` (`K_*`). */
export function kindOf(c: number): number {
  const k = kindTable[c & 0xffff] ?? KIND_UNKNOWN;
  if (k !== KIND_UNKNOWN) return k;
  const r = kindSlow(c & 0xffff);
  kindTable[c & 0xffff] = r;
  return r;
}

/** Cached `isWordFold` answers per code unit: 0 not yet known, 1 no, 2 yes. */
const wordFoldTable = new Uint8Array(65536);

/** True when the folded code unit is a word character (a letter or digit; see `K_WORD`). */
export function isWordFold(f: number): boolean {
  if (f < 0) return false;
  const known = wordFoldTable[f & 0xffff] ?? 0;
  if (known !== 0) return known === 2;
  const word = isWordChar(String.fromCharCode(f & 0xffff));
  wordFoldTable[f & 0xffff] = word ? 2 : 1;
  return word;
}

export interface Normalised {
  /** Folded text; every separator run is one space. */
  text: string;
  /** `offsets[i]`: index in the original string of the code unit that gave `text[i]`. */
  offsets: number[];
}

/**
 * Normalise a whole string with an offset map (used for aliases and by tests; the scanner
 * normalises on the fly instead).
 */
export function normaliseWithOffsets(input: string): Normalised {
  let out = '';
  const offsets: number[] = [];
  let lastSep = false;
  for (let i = 0; i < input.length; i++) {
    const f = foldUnit(input.charCodeAt(i));
    if (f === FOLD_IGNORE) continue;
    if (f === FOLD_SEP) {
      if (lastSep) continue;
      lastSep = true;
      out += ' ';
    } else {
      lastSep = false;
      out += String.fromCharCode(f);
    }
    offsets.push(i);
  }
  return { text: out, offsets };
}

/**
 * True when `text` is printable ASCII other than "-", with single spaces between words
 * only: each code unit then folds to itself lower-cased, so the key is `toLowerCase()`.
 */
function isPlainAscii(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x2d || (c === 0x20 && prev === 0x20)) return false;
    prev = c;
  }
  return true;
}

/** The normalised key of an alias or negative phrase: folded, separators trimmed. */
export function normaliseKey(alias: string): string {
  if (isPlainAscii(alias)) return alias.toLowerCase();
  return normaliseWithOffsets(alias).text.trim();
}
