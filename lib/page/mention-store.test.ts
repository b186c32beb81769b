// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionStore, compareComposed } from './mention-store';
import { createIdCounter, mentionsFromMatches } from './mentions';
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
