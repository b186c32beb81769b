import type { Match } from '../model';

/**
 * Join consecutive matches of the same entity separated only by spaces, so "Israeli Prime
 * Minister Benjamin Netanyahu" is one mention rather than a title and a name side by side.
 * The joined match keeps the alias of its last part (usually the name). `matches` must be
 * sorted and non-overlapping, as the matcher returns them; it is not modified.
 */
export function mergeAdjacent(text: string, matches: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const match of matches) {
    const last = out[out.length - 1];
    if (last !== undefined && last.entityId === match.entityId && onlySpaces(text, last.end, match.start)) {
      out[out.length - 1] = { ...match, start: last.start };
    } else {
      out.push(match);
    }
  }
  return out;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x0a && c !== 0x09 && c !== 0x202f) return false;
  }
  return true;
}
