import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const notes = readFileSync(new URL('./notes.css', import.meta.url), 'utf8');
const card = readFileSync(new URL('../card.css', import.meta.url), 'utf8');

function vars(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--bs-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

describe('notes.css', () => {
  it('outside the card, uses the card’s own (contrast-checked) light and dark colours', () => {
    const pairs = [
      ['.bs-notes-theme', '.bs-card'],
      [".bs-notes-theme[data-theme='dark']", ".bs-card[data-theme='dark']"],
      [".bs-notes-theme:not([data-theme='light'])", ".bs-card:not([data-theme='light'])"],
    ] as const;
    for (const [ours, theirs] of pairs) {
      const mine = vars(notes, ours);
      const cards = vars(card, theirs);
      expect(mine.size).toBeGreaterThan(5);
      for (const [name, value] of mine) expect(cards.get(name), `${ours} ${name}`).toBe(value);
    }
  });

  it('sizes in px, and keeps line breaks of note text', () => {
    expect(notes).not.toMatch(/\d(r?em)\b/);
    expect(notes).toMatch(/\.bs-note__text\s*{[^}]*white-space:\s*pre-wrap/);
  });
});
