/**
 * Whitespace-insensitive text for anchoring: every run of whitespace becomes one space, with
 * a map back to the original offsets. Pages re-wrap, re-indent and join blocks differently
 * from one visit to the next; collapsing runs makes those changes invisible to the search.
 */

export interface Collapsed {
  /** The text with every whitespace run replaced by a single space. */
  text: string;
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  map: Int32Array;
}

/** True for the characters `\s` matches (checked by char code for speed). */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Collapse whitespace runs of `s` to single spaces, keeping the offset map. */
export function collapseWhitespace(s: string): Collapsed {
  const map = new Int32Array(s.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (space) {
      if (!inSpace) {
        parts.push(s.slice(runStart, i), ' ');
        map[n++] = i;
        inSpace = true;
      }
      continue;
    }
    if (inSpace) {
      runStart = i;
      inSpace = false;
    }
    map[n++] = i;
  }
  if (!inSpace) parts.push(s.slice(runStart));
  map[n] = s.length;
  return { text: parts.join(''), map: map.subarray(0, n + 1) };
}

/** The collapsed offset of an original offset: the first collapsed char at or after it. */
export function collapsedOffset(collapsed: Collapsed, original: number): number {
  const { map } = collapsed;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] ?? 0) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original span of the collapsed span [start, end) (end > start). */
export function originalSpan(collapsed: Collapsed, start: number, end: number): { start: number; end: number } {
  const { map } = collapsed;
  const s = map[start] ?? 0;
  const last = map[end - 1];
  return { start: s, end: last === undefined ? s : last + 1 };
}
