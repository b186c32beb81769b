import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokensCss, varsFor } from '../css-testing';

const notes = readFileSync(new URL('./notes.css', import.meta.url), 'utf8');

describe('notes.css', () => {
  it('outside the card, uses the card’s own (contrast-checked) light and dark colours', () => {
    expect(notes).toMatch(/^@import '\.\.\/tokens\.css';$/m);
    const pairs = [
      ['.bs-notes-theme', '.bs-card'],
      [".bs-notes-theme[data-theme='dark']", ".bs-card[data-theme='dark']"],
      [".bs-notes-theme:not([data-theme='light'])", ".bs-card:not([data-theme='light'])"],
    ] as const;
    for (const [ours, theirs] of pairs) {
      const mine = varsFor(tokensCss, ours);
      const cards = varsFor(tokensCss, theirs);
      expect(mine.size).toBeGreaterThan(5);
      for (const [name, value] of mine) expect(cards.get(name), `${ours} ${name}`).toBe(value);
    }
  });

  it('sizes in px, and keeps line breaks of note text', () => {
    expect(notes).not.toMatch(/\d(r?em)\b/);
    expect(notes).toMatch(/\.bs-note__text\s*{[^}]*white-space:\s*pre-wrap/);
  });
});
