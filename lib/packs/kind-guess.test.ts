import { describe, expect, it } from 'vitest';
import { guessKind, kindCue, sentenceAround, sentenceSpans } from './kind-guess';

describe('guessKind', () => {
  it('reads titles as people', () => {
    expect(guessKind('Senator Mark Warner')).toBe('person');
    expect(guessKind('Prime Minister Kais Saied')).toBe('person');
    expect(guessKind('Ms. Mayer')).toBe('person');
  });

  it('reads organisation words, acronyms and events', () => {
    expect(guessKind('Marine Stewardship Council')).toBe('organisation');
    expect(guessKind('Acme Corp')).toBe('organisation');
    expect(guessKind('University of Leicester')).toBe('organisation');
    expect(guessKind('NATO')).toBe('organisation');
    expect(guessKind('Paris Olympics')).toBe('event');
    expect(guessKind('Venice Film Festival')).toBe('event');
    expect(guessKind('Inflation Reduction Act')).toBe('topic');
  });

  it('knows a few places and uses nearby words', () => {
    expect(guessKind('Romania')).toBe('place');
    expect(guessKind('U.S.')).toBe('place');
    expect(guessKind('Castle Park')).toBe('place');
    expect(guessKind('Glenmore', 'The FBI raided offices in Glenmore last year.')).toBe('place');
    expect(guessKind('Glenmore', "Glenmore's current mayor said so.")).toBe('place');
    expect(kindCue('Glenmore')).toBeNull();
  });

  it('reads plural demonyms and camps as groups', () => {
    expect(guessKind('Palestinians')).toBe('group');
    expect(guessKind('Democrats')).toBe('group');
    expect(guessKind('Moldovans')).toBe('group');
    expect(guessKind('Liberal Democrats')).toBe('group');
  });

  it('falls back on the shape of a name', () => {
    expect(guessKind('Hannah Kirsch')).toBe('person');
    expect(guessKind('Kirsch', 'Kirsch, who joined in 2020, said no.')).toBe('person');
  });

  it('never reads a name with an acronym, or a place for a surname, as a person', () => {
    expect(guessKind('Reform UK')).toBe('organisation');
    expect(guessKind('Protect Rural England')).toBe('organisation');
    expect(guessKind('Michael Jordan')).toBe('person');
    expect(guessKind('J. Smith')).toBe('person');
    expect(guessKind('Centers for Disease Control and Prevention')).toBe('organisation');
    expect(guessKind('Office of Management and Budget')).toBe('organisation');
    expect(guessKind('White House', 'Aides at the White House said no.')).toBe('organisation');
    expect(guessKind('Congressional Progressive Caucus')).toBe('organisation');
  });
});

describe('sentenceAround', () => {
  const text = 'Mr. Ortiz met Sen. Warner in the U.S. Senate on Tuesday. He left at 5 p.m. after talks. Dr. J. K. Rao agreed! Then the U.S. The end.';

  it('does not split after titles, initials or U.S. before a name', () => {
    const at = text.indexOf('Warner');
    expect(sentenceAround(text, at, at + 6)).toBe('Mr. Ortiz met Sen. Warner in the U.S. Senate on Tuesday.');
    const rao = text.indexOf('Rao');
    expect(sentenceAround(text, rao, rao + 3)).toBe('Dr. J. K. Rao agreed!');
  });

  it('splits after an abbreviation when a sentence opener follows', () => {
    expect(sentenceSpans(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'Mr. Ortiz met Sen. Warner in the U.S. Senate on Tuesday.',
      'He left at 5 p.m. after talks.',
      'Dr. J. K. Rao agreed!',
      'Then the U.S.',
      'The end.',
    ]);
  });

  it('extends over sentences a span crosses, and never crosses a line break', () => {
    const t = 'One here. Two there.\nThree.';
    expect(sentenceAround(t, 4, 14)).toBe('One here. Two there.');
    expect(sentenceAround(t, t.indexOf('Three'), t.indexOf('Three') + 5)).toBe('Three.');
    expect(sentenceAround('', 0, 0)).toBe('');
  });
});
