import { describe, expect, it } from 'vitest';
import type { Match } from '../model';
import { mergeAdjacent } from './merge-adjacent';

const m = (entityId: string, start: number, end: number, aliasIndex = 0): Match => ({ entityId, start, end, aliasIndex });

describe('mergeAdjacent', () => {
  const text = 'Israeli Prime Minister Benjamin Netanyahu met Biden, Netanyahu said.';
  it('joins a title and a name of the same entity into one mention', () => {
    const merged = mergeAdjacent(text, [m('bibi', 0, 22, 1), m('bibi', 23, 41, 2), m('biden', 46, 51)]);
    expect(merged).toEqual([m('bibi', 0, 41, 2), m('biden', 46, 51)]);
    expect(text.slice(0, 41)).toBe('Israeli Prime Minister Benjamin Netanyahu');
  });
  it('keeps mentions apart when words or punctuation stand between them', () => {
    const input = [m('biden', 46, 51), m('bibi', 53, 62)];
    expect(mergeAdjacent(text, input)).toEqual(input);
  });
  it('keeps different entities apart even when adjacent', () => {
    const input = [m('a', 0, 22), m('b', 23, 41)];
    expect(mergeAdjacent(text, input)).toEqual(input);
  });
  it('chains several parts and does not modify its input', () => {
    const t = 'A B C';
    const input = [m('x', 0, 1), m('x', 2, 3), m('x', 4, 5, 7)];
    const copy = structuredClone(input);
    expect(mergeAdjacent(t, input)).toEqual([m('x', 0, 5, 7)]);
    expect(input).toEqual(copy);
  });
});
