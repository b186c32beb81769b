// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionStore, compareComposed } from './mention-store';
import { createIdCounter, mentionsFromMatches, type MentionRecord } from './mentions';
import { collectBlocks } from './text-index';
import { phraseMatcher } from './test-fakes';

const match = phraseMatcher({ Gaza: 'place/gaza', Schumer: 'person/schumer' });
const kindOf = (id: string) => (id.startsWith('place/') ? 'place' as const : 'person' as const);

describe('compareComposed', () => {
  it('orders nodes across shadow trees by their hosts', () => {
    document.body.innerHTML = '<p id="a">a</p><div id="host"><p>light</p></div><p id="b">b</p>';
    const host = document.getElementById('host');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('fixture');
    shadow.innerHTML = '<p>inside</p>';
    const a = document.getElementById('a')?.firstChild;
    const b = document.getElementById('b')?.firstChild;
    const inside = shadow.querySelector('p')?.firstChild;
    if (!a || !b || !inside) throw new Error('fixture');
    expect(compareComposed(a, inside)).toBe(-1);
    expect(compareComposed(inside, b)).toBe(-1);
    expect(compareComposed(b, inside)).toBe(1);
    expect(compareComposed(a, a)).toBe(0);
  });
});

describe('MentionStore', () => {
  it('indexes by node, range and entity, and forgets a removed block', () => {
    document.body.innerHTML = '<p>Gaza and <b>Schumer</b></p><p>Gaza</p>';
    const store = new MentionStore();
    const nextId = createIdCounter();
    const blocks = collectBlocks(document, document.body);
    const entries = [...blocks].reverse().map((block) =>
      store.add(block, mentionsFromMatches(document, block, match(block.text), kindOf, nextId)));
    // added in reverse, listed in document order
    expect(store.all().map((m) => m.range.startContainer.textContent)).toEqual(['Gaza and ', 'Schumer', 'Gaza']);
    expect(store.mentionsOf('place/gaza')).toHaveLength(2);
    const first = store.all()[0];
    if (first === undefined) throw new Error('fixture');
    expect(store.mentionOfRange(first.range)).toBe(first);
    expect(store.mentionsAtNode(first.range.startContainer)).toEqual([first]);
    const [last] = entries; // the second paragraph
    if (last === undefined) throw new Error('fixture');
    expect(store.remove(last).map((m) => m.text)).toEqual(['Gaza']);
    expect(store.mentionsOf('place/gaza')).toEqual([first]);
    expect(store.mentionCount).toBe(2);
    expect(store.blockCount).toBe(1);
    expect(store.remove(last)).toEqual([]);
  });
});

describe('MentionStore (chunks and lookups)', () => {
  it('keeps the chunks of one block in one entry, and builds the lookups when first asked', () => {
    document.body.innerHTML = '<p>Gaza and Gaza</p>';
    const [block] = collectBlocks(document, document.body);
    if (block === undefined) throw new Error('fixture');
    const node = block.nodes[0];
    if (node === undefined) throw new Error('fixture');
    const record = (start: number, id: number): MentionRecord => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 4);
      return { mention: { id, entityId: 'place/gaza', kind: 'place', range, text: 'Gaza' }, nodes: [node] };
    };
    const store = new MentionStore();
    const a = record(0, 1);
    store.add(block, [a]);
    store.add(block, [record(9, 2)]);
    store.commit();
    expect(store.blockCount).toBe(1);
    expect(store.all().map((m) => m.id)).toEqual([1, 2]);
    expect(store.mentionsAtNode(node).map((m) => m.id)).toEqual([1, 2]);
    // indexed now: a later chunk goes straight into the lookups
    store.add(block, [record(5, 3)]);
    expect(store.mentionsOf('place/gaza').map((m) => m.id)).toEqual([1, 2, 3]);
    expect(store.mentionOfRange(a.mention.range)).toBe(a.mention);
    expect(store.removeWhere(() => true).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(store.mentionsAtNode(node)).toEqual([]);
  });
});
