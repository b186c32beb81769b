// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageMention } from './types';
import { pickMention } from './pick-mention';

function setup() {
  document.body.innerHTML = '<p id="p">Netanyahu met Biden and Schumer in Gaza.</p>';
  const text = document.getElementById('p')?.firstChild as Text;
  const mention = (id: number, word: string): PageMention => {
    const start = (text.data).indexOf(word);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + word.length);
    return { id, entityId: word.toLowerCase(), kind: 'person', range, text: word };
  };
  const mentions = [mention(1, 'Netanyahu'), mention(2, 'Biden'), mention(3, 'Schumer'), mention(4, 'Gaza')];
  const caret = (offset: number) => {
    const r = document.createRange();
    r.setStart(text, offset);
    return r;
  };
  return { mentions, caret, text };
}

describe('pickMention', () => {
  it('opens the mention at the caret, or the next one after it', () => {
    const { mentions, caret, text } = setup();
    const none = { current: null, isVisible: () => false };
    expect(pickMention(mentions, { ...none, selection: caret(text.data.indexOf('Biden') + 2) })?.text).toBe('Biden');
    expect(pickMention(mentions, { ...none, selection: caret(text.data.indexOf(' and') + 2) })?.text).toBe('Schumer');
  });
  it('steps to the next mention, wrapping, while its card is open', () => {
    const { mentions } = setup();
    const [first, , , last] = mentions;
    expect(pickMention(mentions, { selection: null, current: first ?? null, isVisible: () => true })?.text).toBe('Biden');
    expect(pickMention(mentions, { selection: null, current: last ?? null, isVisible: () => true })?.text).toBe('Netanyahu');
  });
  it('falls back to the first visible mention, then the first of all', () => {
    const { mentions } = setup();
    expect(pickMention(mentions, { selection: null, current: null, isVisible: (m) => m.text === 'Schumer' })?.text).toBe('Schumer');
    expect(pickMention(mentions, { selection: null, current: null, isVisible: () => false })?.text).toBe('Netanyahu');
    expect(pickMention([], { selection: null, current: null, isVisible: () => true })).toBeNull();
  });
});
