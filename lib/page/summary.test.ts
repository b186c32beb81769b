import { describe, expect, it, vi } from 'vitest';
import type { EntityKind } from '../model';
import { containsPhrase, summarise, type SummaryMention } from './summary';

interface M extends SummaryMention {
  heading?: boolean;
}
const m = (entityId: string, kind: EntityKind = 'person', text?: string, heading = false): M => ({ entityId, kind, text, heading });
const NAMES: Record<string, { name: string; kind: EntityKind }> = {
  'person/netanyahu': { name: 'Benjamin Netanyahu', kind: 'person' },
  'person/schumer': { name: 'Chuck Schumer', kind: 'person' },
  'place/gaza': { name: 'Gaza', kind: 'place' },
  'org/hamas': { name: 'Hamas', kind: 'organisation' },
};
const base = {
  names: (id: string) => NAMES[id],
  url: 'https://news.example/a',
  title: 'A story',
  scanning: false,
  inHeadline: (mention: M) => mention.heading === true,
};

describe('summarise', () => {
  it('counts distinct entities with their first index, name and kind', () => {
    const s = summarise([m('place/gaza', 'place'), m('org/hamas', 'organisation'), m('place/gaza', 'place')], base);
    expect(s.entities).toEqual([
      { id: 'place/gaza', kind: 'place', name: 'Gaza', count: 2, first: 0, inHeadline: false },
      { id: 'org/hamas', kind: 'organisation', name: 'Hamas', count: 1, first: 1, inHeadline: false },
    ]);
    expect(s).toMatchObject({ url: base.url, title: 'A story', scanning: false, passages: { anchored: [], orphaned: [] } });
  });

  it('orders headline entities first, then by count, then by first position', () => {
    const mentions = [
      m('place/gaza', 'place'),
      m('org/hamas', 'organisation'),
      m('org/hamas', 'organisation'),
      m('person/x', 'person'),
      m('person/schumer'),
      m('person/schumer', 'person', undefined, true),
      m('person/y', 'person'),
      m('person/x', 'person'),
    ];
    const s = summarise(mentions, base);
    expect(s.entities.map((e) => e.id)).toEqual(['person/schumer', 'org/hamas', 'person/x', 'place/gaza', 'person/y']);
    expect(s.entities[0]).toMatchObject({ inHeadline: true, count: 2, first: 4 });
  });

  it('counts an entity named (or mentioned as) a whole word of the title as headline', () => {
    const s = summarise([m('place/gaza', 'place'), m('person/netanyahu', 'person', 'Netanyahu’s'), m('person/netanyahu', 'person', 'Netanyahu')], {
      ...base,
      title: 'Netanyahu rejects call — Gazans wait',
    });
    expect(s.entities.map((e) => [e.id, e.inHeadline])).toEqual([
      ['person/netanyahu', true],
      ['place/gaza', false],
    ]);
  });

  it('stops asking about headings once an entity is known to be in one', () => {
    const inHeadline = vi.fn(() => true);
    summarise([m('place/gaza', 'place'), m('place/gaza', 'place'), m('place/gaza', 'place')], { ...base, inHeadline });
    expect(inHeadline).toHaveBeenCalledTimes(1);
  });

  it('falls back to the id and the mention kind for unknown entities; copies passages', () => {
    const passages = { anchored: ['n1'], orphaned: ['n2'] };
    const s = summarise([m('topic/unknown', 'topic')], { ...base, scanning: true, passages });
    expect(s.entities[0]).toMatchObject({ id: 'topic/unknown', name: 'topic/unknown', kind: 'topic' });
    expect(s.scanning).toBe(true);
    expect(s.passages).toEqual(passages);
    expect(s.passages.anchored).not.toBe(passages.anchored);
  });

  it('summarises an empty page', () => {
    expect(summarise([], base).entities).toEqual([]);
  });
});

describe('containsPhrase', () => {
  it('matches whole words, case-insensitively, with regex characters escaped', () => {
    expect(containsPhrase('Netanyahu rejects', 'netanyahu')).toBe(true);
    expect(containsPhrase('Gazans', 'Gaza')).toBe(false);
    expect(containsPhrase('the U.S. (and) allies', 'U.S. (and)')).toBe(true);
    expect(containsPhrase('anything', '')).toBe(false);
  });
});
