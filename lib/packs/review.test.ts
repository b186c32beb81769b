import { describe, expect, it } from 'vitest';
import { draftFixture } from './__fixtures__/draft';
import {
  addAlias,
  aliasProblem,
  describeErrors,
  finalPack,
  merge,
  nameProblem,
  proposalOf,
  removeAlias,
  rename,
  reviewReducer,
  selectedCount,
  setKind,
  setPackTitle,
  startReview,
  toggle,
  type ReviewState,
} from './review';
import { parsePack } from './schema';

const MARIA = 'drafted/person/maria-lopez';
const M = 'drafted/person/m-lopez';
const COUNCIL = 'drafted/organisation/riverton-city-council';
const BUDGET = 'drafted/topic/budget';
const RIVERTON = 'drafted/place/riverton';

const entity = (state: ReviewState, id: string) => {
  const p = proposalOf(state, id);
  if (!p) throw new Error(`no ${id}`);
  return p.entity;
};
const aliasTexts = (state: ReviewState, id: string) => entity(state, id).aliases.map((a) => a.text);

function expectValid(state: ReviewState) {
  const result = parsePack(JSON.parse(JSON.stringify(finalPack(state))));
  expect(result.ok ? [] : result.errors).toEqual([]);
}

describe('review · start', () => {
  it('includes every proposal, keeps the draft order and its pack metadata', () => {
    const state = startReview(draftFixture());
    expect(state.proposals.map((p) => p.included)).toEqual([true, true, true, true, true]);
    expect(state.proposals.map((p) => p.entity.id)).toEqual(draftFixture().entities.map((e) => e.id));
    expect(selectedCount(state)).toBe(5);
    expect(state.meta.title).toBe('Council passes a leaner budget');
    expect(finalPack(state).entities).toEqual(draftFixture().entities);
  });
});

describe('review · toggle and finalPack', () => {
  it('keeps only included entities, drops relations to excluded ones and unused sources, and passes parsePack', () => {
    let state = startReview(draftFixture());
    state = toggle(state, COUNCIL);
    state = toggle(state, RIVERTON);
    expect(selectedCount(state)).toBe(3);
    const pack = finalPack(state);
    expect(pack.entities.map((e) => e.id)).toEqual([MARIA, M, BUDGET]);
    expect(pack.entities[0]?.relations).toEqual([{ type: 'related-to', target: M }]);
    expect(pack.sources.map((s) => s.id)).toEqual(['src-article']);
    expectValid(state);
    state = toggle(state, COUNCIL);
    expect(finalPack(state).entities.map((e) => e.id)).toEqual([MARIA, COUNCIL, M, BUDGET]);
    expectValid(state);
  });

  it('drops a source that only excluded entities cite', () => {
    const draft = draftFixture();
    const budget = draft.entities[4];
    if (!budget) throw new Error('fixture');
    budget.contexts = [{ text: 'The budget was first shown on Monday.', sourceId: 'src-unused', date: '2024-05-01' }];
    let state = startReview(draft);
    expect(finalPack(state).sources.map((s) => s.id)).toEqual(['src-article', 'src-unused']);
    state = toggle(state, BUDGET);
    expect(finalPack(state).sources.map((s) => s.id)).toEqual(['src-article']);
    expectValid(state);
  });

  it('keeps entity ids stable through every operation', () => {
    let state = startReview(draftFixture());
    state = rename(state, MARIA, 'Mayor Maria López');
    state = setKind(state, BUDGET, 'event');
    state = addAlias(state, RIVERTON, 'the city');
    expect(finalPack(state).entities.map((e) => e.id)).toEqual(draftFixture().entities.map((e) => e.id));
    expectValid(state);
  });
});

describe('review · rename', () => {
  it('renames, adds the new name as an alias and keeps the old one', () => {
    const state = rename(startReview(draftFixture()), MARIA, '  Maria   López ');
    expect(entity(state, MARIA).name).toBe('Maria López');
    expect(aliasTexts(state, MARIA)).toEqual(['Maria López', 'Maria Lopez', 'Lopez']);
    expect(entity(state, MARIA).aliases[0]).toEqual({ text: 'Maria López', case: 'proper' });
    expectValid(state);
  });

  it('does not pile up intermediate names, and a removed old name stays removed', () => {
    let state = startReview(draftFixture());
    state = rename(state, MARIA, 'Maria L');
    state = rename(state, MARIA, 'Maria López');
    expect(aliasTexts(state, MARIA)).toEqual(['Maria López', 'Maria Lopez', 'Lopez']);
    state = removeAlias(state, MARIA, 'Maria Lopez');
    state = rename(state, MARIA, 'Mayor López');
    expect(aliasTexts(state, MARIA)).toEqual(['Mayor López', 'Lopez']);
    state = rename(state, MARIA, 'Lopez');
    expect(aliasTexts(state, MARIA)).toEqual(['Lopez']);
    expectValid(state);
  });

  it('ignores an empty or too long name', () => {
    const start = startReview(draftFixture());
    expect(rename(start, MARIA, '   ')).toBe(start);
    expect(rename(start, MARIA, 'x'.repeat(121))).toBe(start);
    expect(nameProblem(' ')).toBe('A name cannot be empty.');
    expect(nameProblem('Maria')).toBeNull();
  });
});

describe('review · setKind', () => {
  it('changes the kind but not the id; ignores unknown kinds', () => {
    const start = startReview(draftFixture());
    const state = setKind(start, BUDGET, 'event');
    expect(entity(state, BUDGET)).toMatchObject({ id: BUDGET, kind: 'event' });
    expect(setKind(start, BUDGET, 'planet' as never)).toBe(start);
  });
});

describe('review · merge', () => {
  it('unions aliases and contexts without duplicates, adds the merged name as an alias and re-points relations', () => {
    const state = merge(startReview(draftFixture()), MARIA, M);
    expect(state.proposals.map((p) => p.entity.id)).toEqual([RIVERTON, MARIA, COUNCIL, BUDGET]);
    expect(aliasTexts(state, MARIA)).toEqual(['Maria Lopez', 'Lopez', 'M. Lopez']);
    expect(entity(state, MARIA).contexts.map((c) => c.text)).toEqual([
      'Maria Lopez was mentioned in the article.',
      'M. Lopez said the cuts were fair.',
    ]);
    // Maria's relation to M. Lopez (and M. Lopez's back to her) would be self-relations: gone.
    expect(entity(state, MARIA).relations).toEqual([{ type: 'leads', target: COUNCIL }]);
    expectValid(state);
  });

  it('re-points other entities’ relations at the kept one, without duplicates', () => {
    const draft = draftFixture();
    const council = draft.entities[2];
    if (!council) throw new Error('fixture');
    council.relations.push({ type: 'led-by', target: M });
    const state = merge(startReview(draft), MARIA, M);
    expect(entity(state, COUNCIL).relations).toEqual([{ type: 'led-by', target: MARIA, sourceId: 'src-article' }]);
    expectValid(state);
  });

  it('keeps the kept one included when the merged one was, and ignores merging into itself', () => {
    let state = toggle(startReview(draftFixture()), MARIA);
    state = merge(state, MARIA, M);
    expect(proposalOf(state, MARIA)?.included).toBe(true);
    expect(merge(state, MARIA, MARIA)).toBe(state);
    expect(merge(state, MARIA, 'nope')).toBe(state);
  });

  it('takes the merged role when the kept one has none', () => {
    const state = merge(startReview(draftFixture()), M, MARIA);
    expect(entity(state, M).role).toBe('Mayor of Riverton');
    expect(entity(state, M).relations).toEqual([{ type: 'leads', target: COUNCIL }]);
    expect(entity(state, COUNCIL).relations).toEqual([{ type: 'led-by', target: M, sourceId: 'src-article' }]);
    expectValid(state);
  });
});

describe('review · aliases', () => {
  it('adds an alias with the case rule of caseRuleFor, and refuses duplicates and empties', () => {
    let state = startReview(draftFixture());
    state = addAlias(state, COUNCIL, 'the council');
    state = addAlias(state, COUNCIL, 'RCC');
    state = addAlias(state, COUNCIL, 'City Hall');
    state = addAlias(state, COUNCIL, '   ');
    expect(entity(state, COUNCIL).aliases).toEqual([
      { text: 'Riverton City Council', case: 'proper' },
      { text: 'RCC', case: 'sensitive' },
      { text: 'the council', case: 'insensitive' },
      { text: 'City Hall', case: 'proper' },
    ]);
    expect(aliasProblem(state, COUNCIL, 'RCC')).toBe('“RCC” is already an alias.');
    expect(aliasProblem(state, COUNCIL, '')).toBe('An alias cannot be empty.');
    expect(aliasProblem(state, COUNCIL, 'NYPD')).toBeNull();
    expect(addAlias(state, COUNCIL, 'NYPD').proposals[2]?.entity.aliases.at(-1)).toEqual({ text: 'NYPD', case: 'sensitive' });
    expectValid(state);
  });

  it('removes an alias but never the last one', () => {
    let state = startReview(draftFixture());
    state = removeAlias(state, COUNCIL, 'RCC');
    expect(aliasTexts(state, COUNCIL)).toEqual(['Riverton City Council']);
    expect(removeAlias(state, COUNCIL, 'Riverton City Council')).toBe(state);
    expectValid(state);
  });
});

describe('review · pack title and reducer', () => {
  it('sets a cleaned title, ignores an empty one', () => {
    let state = setPackTitle(startReview(draftFixture()), '  Riverton   budget ');
    expect(finalPack(state).title).toBe('Riverton budget');
    state = setPackTitle(state, ' ');
    expect(finalPack(state).title).toBe('Riverton budget');
  });

  it('dispatches every action', () => {
    let state = startReview(draftFixture());
    state = reviewReducer(state, { type: 'rename', id: BUDGET, name: 'Budget' });
    state = reviewReducer(state, { type: 'setKind', id: BUDGET, kind: 'event' });
    state = reviewReducer(state, { type: 'toggle', id: RIVERTON });
    state = reviewReducer(state, { type: 'setIncluded', id: RIVERTON, included: true });
    state = reviewReducer(state, { type: 'merge', keepId: MARIA, mergeId: M });
    state = reviewReducer(state, { type: 'addAlias', id: BUDGET, text: 'spending plan' });
    state = reviewReducer(state, { type: 'removeAlias', id: BUDGET, text: 'budget' });
    state = reviewReducer(state, { type: 'setPackTitle', title: 'Riverton' });
    const pack = finalPack(state);
    expect(pack.title).toBe('Riverton');
    expect(pack.entities.find((e) => e.id === BUDGET)).toMatchObject({ name: 'Budget', kind: 'event', aliases: [{ text: 'Budget', case: 'proper' }, { text: 'spending plan', case: 'insensitive' }] });
    expect(pack.entities).toHaveLength(4);
    expectValid(state);
  });
});

describe('review · describeErrors', () => {
  it('names the entity of an error line', () => {
    const pack = finalPack(startReview(draftFixture()));
    expect(describeErrors(pack, ['entities[1].name: must not be empty', 'title: too long'])).toEqual([
      '“Maria Lopez” (entities[1]).name: must not be empty',
      'title: too long',
    ]);
  });
});
