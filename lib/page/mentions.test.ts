// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './text-index';
import { createIdCounter, mentionsFromMatches } from './mentions';
import { phraseMatcher } from './test-fakes';
import type { EntityKind } from '../model';

const kinds: Record<string, EntityKind> = { 'person/netanyahu': 'person', 'place/gaza': 'place' };
const kindOf = (id: string): EntityKind | undefined => kinds[id];

describe('mentionsFromMatches', () => {
  it('builds ranges over several text nodes whose text equals the match', () => {
    document.body.innerHTML = '<p>Mr <a>Benjamin</a> <b>Net</b>anyahu spoke of <i>Gaza</i>.</p>';
    const [block] = collectBlocks(document, document.body);
    if (block === undefined) throw new Error('no block');
    const match = phraseMatcher({ 'Benjamin Netanyahu': 'person/netanyahu', Gaza: 'place/gaza' });
    const records = mentionsFromMatches(document, block, match(block.text), kindOf, createIdCounter());
    expect(records.map((r) => r.mention.range.toString())).toEqual(['Benjamin Netanyahu', 'Gaza']);
    expect(records.map((r) => r.mention.text)).toEqual(['Benjamin Netanyahu', 'Gaza']);
    expect(records.map((r) => r.mention.kind)).toEqual(['person', 'place']);
    expect(records.map((r) => r.mention.id)).toEqual([1, 2]);
    const [first] = records;
    expect(first?.nodes.map((n) => n.data)).toEqual(['Benjamin', ' ', 'Net', 'anyahu spoke of ']);
    expect(first?.mention.range.startContainer).toBe(first?.nodes[0]);
    expect(first?.mention.range.endOffset).toBe(6);
  });

  it('drops matches out of bounds, empty, or of unknown entities', () => {
    document.body.innerHTML = '<p>Gaza</p>';
    const [block] = collectBlocks(document, document.body);
    if (block === undefined) throw new Error('no block');
    const records = mentionsFromMatches(document, block, [
      { entityId: 'place/gaza', start: 0, end: 9, aliasIndex: 0 },
      { entityId: 'place/gaza', start: 2, end: 2, aliasIndex: 0 },
      { entityId: 'unknown', start: 0, end: 4, aliasIndex: 0 },
      { entityId: 'place/gaza', start: 0, end: 4, aliasIndex: 0 },
    ], kindOf, createIdCounter(10));
    expect(records.map((r) => [r.mention.id, r.mention.text])).toEqual([[10, 'Gaza']]);
  });

  it('carries the language of the alias that matched, when it has one', () => {
    document.body.innerHTML = '<p dir="rtl">ובעזה and <b>Gaza</b></p>';
    const [block] = collectBlocks(document, document.body);
    if (block === undefined) throw new Error('no block');
    const records = mentionsFromMatches(document, block, [
      { entityId: 'place/gaza', start: 2, end: 5, aliasIndex: 3, lang: 'he' },
      { entityId: 'place/gaza', start: 10, end: 14, aliasIndex: 0 },
    ], kindOf, createIdCounter());
    expect(records.map((r) => [r.mention.text, r.mention.lang])).toEqual([['עזה', 'he'], ['Gaza', undefined]]);
    expect(Object.keys(records[1]?.mention ?? {})).not.toContain('lang');
  });
});
