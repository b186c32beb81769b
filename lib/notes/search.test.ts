import { describe, expect, it } from 'vitest';
import { noteWords, parseQuery, tokenize } from './search';

describe('tokenize', () => {
  it('lowercases, strips diacritics and splits on non-letters', () => {
    expect(tokenize('Netanyahu’s “new” ÉLECTION—in São Paulo!')).toEqual(['netanyahu', 'new', 'election', 'in', 'sao', 'paulo']);
  });

  it('drops one-letter tokens but keeps single digits, and dedupes', () => {
    expect(tokenize('a 7 b day-2 Day 2 x')).toEqual(['7', 'day', '2']);
  });

  it('is Unicode-aware (other scripts are words, NFKD folds compatibility forms)', () => {
    expect(tokenize('Ιερουσαλήμ ירושלים Москва ﬁnal ２０２４')).toEqual(['ιερουσαλημ', 'ירושלים', 'москва', 'final', '2024']);
  });

  it('indexes text, tags and page title', () => {
    expect(noteWords({ text: 'Ceasefire talks', tags: ['Gaza', 'two-state'], pageTitle: 'The Times' })).toEqual([
      'ceasefire',
      'talks',
      'gaza',
      'two',
      'state',
      'the',
      'times',
    ]);
    expect(noteWords({ text: '', tags: [] })).toEqual([]);
  });
});

describe('parseQuery', () => {
  it('normalises like tokenize but keeps single letters (prefixes being typed)', () => {
    expect(parseQuery('  Élec  N ')).toEqual(['elec', 'n']);
  });

  it('drops a word that is a prefix of another query word', () => {
    expect(parseQuery('net netanyahu NET')).toEqual(['netanyahu']);
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' -- ')).toEqual([]);
  });
});
