import { describe, expect, it } from 'vitest';
import { countMentions, isPageCountsQuery, pageCountsQuery, parsePageCounts } from './page-counts';

describe('page counts', () => {
  it('counts distinct names and all mentions', () => {
    expect(countMentions([{ entityId: 'a' }, { entityId: 'b' }, { entityId: 'a' }])).toEqual({ names: 2, mentions: 3 });
    expect(countMentions([])).toEqual({ names: 0, mentions: 0 });
  });
  it('knows its own query and nothing else', () => {
    expect(isPageCountsQuery(pageCountsQuery)).toBe(true);
    expect(isPageCountsQuery({ ...pageCountsQuery, extra: 1 })).toBe(false);
    expect(isPageCountsQuery({ backstory: 1, query: 'other' })).toBe(false);
    expect(isPageCountsQuery(null)).toBe(false);
  });
  it('reads a reply defensively', () => {
    expect(parsePageCounts({ names: 7, mentions: 23 })).toEqual({ names: 7, mentions: 23 });
    expect(parsePageCounts({ names: -1, mentions: 2 })).toBeNull();
    expect(parsePageCounts({ names: 1.5, mentions: 2 })).toBeNull();
    expect(parsePageCounts('7')).toBeNull();
    expect(parsePageCounts(undefined)).toBeNull();
  });
});
