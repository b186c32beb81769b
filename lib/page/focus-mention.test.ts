// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { moveReadingPositionTo } from './focus-mention';

function rangeOver(node: Node, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

describe('moveReadingPositionTo', () => {
  it('puts the caret at the start of the mention, changing no node', () => {
    document.body.innerHTML = '<p id="p">Talks with Hamas resumed.</p>';
    const text = document.getElementById('p')?.firstChild as Text;
    const before = document.body.innerHTML;
    moveReadingPositionTo(document, rangeOver(text, 11, 16));
    const selection = document.getSelection();
    expect(selection?.rangeCount).toBe(1);
    expect(selection?.isCollapsed).toBe(true);
    expect(selection?.anchorNode).toBe(text);
    expect(selection?.anchorOffset).toBe(11);
    expect(document.body.innerHTML).toBe(before);
  });
});
