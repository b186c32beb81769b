import { describe, expect, it } from 'vitest';
import { entity } from '../../../lib/db/testing';
import { fold, matchesKey, queryWords, searchKey } from './search';
import { emptyForm, entityFromForm, formFromEntity, validateForm } from './draft';

const matches = (texts: string[], query: string) => matchesKey(searchKey(texts), queryWords(query));

describe('entity search', () => {
  it('matches word prefixes of the name and aliases, ignoring case and diacritics', () => {
    expect(fold('Šešelj')).toBe('seselj');
    expect(matches(['Benjamin Netanyahu', 'Bibi'], 'ben net')).toBe(true);
    expect(matches(['Benjamin Netanyahu', 'Bibi'], 'BIB')).toBe(true);
    expect(matches(['Benjamin Netanyahu'], 'yahu')).toBe(false);
    expect(matches(['Vojislav Šešelj'], 'sesel')).toBe(true);
    expect(matches(['cease-fire'], 'ceasefire')).toBe(true);
    expect(matches(['U.S.'], 'us')).toBe(true);
    expect(matches(['Gaza'], '')).toBe(true);
  });
});

describe('entity form', () => {
  it('round-trips an entity, keeping what it does not edit', () => {
    const e = entity('person/x', {
      name: 'X',
      contexts: [{ text: 'Said so.', sourceId: 's', date: '2024-03-18' }],
      relations: [{ type: 'leads', target: 'org/y', date: '2024-03-18', sourceId: 's' }],
      links: [{ title: 'Home', url: 'https://x.example/' }],
      negative: ['Not X'],
    });
    expect(entityFromForm(formFromEntity(e), e.id)).toEqual(e);
  });

  it('keeps each alias’s language, and the same text in another language is no duplicate', () => {
    const e = entity('person/chuck-schumer', {
      name: 'Chuck Schumer',
      aliases: [
        { text: 'Schumer', case: 'proper' },
        { text: 'Schumer', case: 'proper', lang: 'de' },
        { text: 'סנאטור שומר', case: 'proper', lang: 'he' },
      ],
    });
    const form = formFromEntity(e);
    expect(validateForm(form, () => true)).toEqual([]);
    expect(entityFromForm(form, e.id).aliases).toEqual(e.aliases);
    form.aliases.push({ key: 77, text: 'Schumer', case: 'proper', caseChosen: true, lang: 'de' });
    expect(validateForm(form, () => true).map((p) => p.message)).toEqual(['Alias 4: the same as alias 2.']);
  });

  it('lists every problem, in field order', () => {
    const form = { ...emptyForm(), name: 'x'.repeat(121) };
    form.aliases.push({ ...form.aliases[0], key: 999, text: '' } as (typeof form.aliases)[number]);
    form.relations.push({ key: 1000, type: 'leads', target: '', label: '' });
    form.negatives.push({ key: 1001, text: ' ' });
    expect(validateForm(form, () => true).map((p) => p.message)).toEqual([
      'Name: too long: 121 characters (max 120).',
      'Alias 1: must not be empty.',
      'Alias 2: must not be empty.',
      'Relation 1: choose the entity it points to.',
      'Negative phrase 1: must not be empty (remove it instead).',
    ]);
  });

  it('passes the pack format’s own check for what it does not test itself', () => {
    const form = { ...formFromEntity(entity('person/x', { name: 'X' })), role: 'Bell \u0007 here' };
    expect(validateForm(form, () => true).map((p) => p.message)).toEqual(['entity.role: contains a control character (U+0007); only line breaks are allowed']);
  });
});
