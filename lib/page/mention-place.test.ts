// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mentionPlace } from './mention-place';

function rangeOf(text: string, nth = 0): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = (node.nodeValue ?? '').indexOf(text);
    while (at >= 0) {
      if (seen++ === nth) {
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + text.length);
        return r;
      }
      at = (node.nodeValue ?? '').indexOf(text, at + 1);
    }
  }
  throw new Error(`${text} not found`);
}

describe('mentionPlace', () => {
  it('numbers the mention in document order, whatever order the mentions come in, with its language', () => {
    document.body.innerHTML = '<p>Netanyahu spoke.</p><p>Netanyahou a parlé. Netanyahu again.</p>';
    const first = rangeOf('Netanyahu', 0);
    const french = rangeOf('Netanyahou');
    const last = rangeOf('Netanyahu', 1);
    const mentions = [{ range: last }, { range: french, lang: 'fr' }, { range: first }];
    expect(mentionPlace(mentions, rangeOf('Netanyahou'))).toEqual({ index: 2, total: 3, lang: 'fr' });
    expect(mentionPlace(mentions, first)).toEqual({ index: 1, total: 3 });
    expect(mentionPlace(mentions, last)).toEqual({ index: 3, total: 3 });
  });

  it('says nothing for a range that is not one of the mentions, and skips removed ones', () => {
    document.body.innerHTML = '<p id="a">Rafah and Gaza.</p><p id="b">Rafah.</p>';
    const kept = rangeOf('Rafah', 0);
    const removed = rangeOf('Rafah', 1);
    expect(mentionPlace([{ range: kept }], rangeOf('Gaza'))).toBeUndefined();
    document.getElementById('b')?.remove();
    expect(mentionPlace([{ range: removed }, { range: kept }], kept)).toEqual({ index: 1, total: 1 });
  });
});
