/** Test fixtures: a small realistic pack built from the seed article's entities. */
import type { Alias, CaseRule, Entity, EntityKind } from '../../model';

function alias(text: string, rule: CaseRule = 'proper'): Alias {
  return { text, case: rule };
}

function entity(id: string, kind: EntityKind, name: string, aliases: Alias[], negative?: string[]): Entity {
  const e: Entity = { id, kind, name, aliases, role: '', summary: '', contexts: [], relations: [] };
  if (negative) e.negative = negative;
  return e;
}

export const NETANYAHU = 'person/benjamin-netanyahu';
export const SCHUMER = 'person/chuck-schumer';
export const BIDEN = 'person/joe-biden';
export const HAMAS = 'organisation/hamas';
export const GAZA = 'place/gaza';
export const GAZA_STRIP = 'place/gaza-strip';
export const RAFAH = 'place/rafah';
export const ISRAEL = 'place/israel';
export const US = 'place/united-states';
export const CEASEFIRE = 'topic/ceasefire';
export const TWO_STATE = 'topic/two-state-solution';
export const PROGRESSIVES = 'group/progressive-democrats';
export const ARAB_AMERICANS = 'group/arab-americans';
export const MIDDLE_EAST = 'place/middle-east';
export const WESTERN_ALLIES = 'group/western-allies';
export const ISRAELIS = 'group/israelis';

export const seedEntities: Entity[] = [
  entity(
    NETANYAHU,
    'person',
    'Benjamin Netanyahu',
    [
      alias('Benjamin Netanyahu'),
      alias('Netanyahu'),
      alias('Prime Minister Benjamin Netanyahu'),
      alias('Bibi', 'sensitive'),
    ],
    ['Sara Netanyahu', 'Yair Netanyahu'],
  ),
  entity(SCHUMER, 'person', 'Chuck Schumer', [alias('Chuck Schumer'), alias('Schumer'), alias('Charles Schumer'), alias('Schümer')], [
    'Amy Schumer',
  ]),
  entity(BIDEN, 'person', 'Joe Biden', [alias('Joe Biden'), alias('Biden'), alias('President Biden')], ['Hunter Biden', 'Jill Biden']),
  entity(HAMAS, 'organisation', 'Hamas', [alias('Hamas')]),
  entity(GAZA, 'place', 'Gaza', [alias('Gaza')]),
  entity(GAZA_STRIP, 'place', 'Gaza Strip', [alias('Gaza Strip')]),
  entity(RAFAH, 'place', 'Rafah', [alias('Rafah')]),
  entity(ISRAEL, 'place', 'Israel', [alias('Israel')]),
  entity(US, 'place', 'United States', [alias('United States'), alias('US', 'sensitive'), alias('U.S.', 'sensitive')]),
  entity(CEASEFIRE, 'topic', 'Ceasefire', [alias('ceasefire', 'insensitive'), alias('cease-fire', 'insensitive')]),
  entity(TWO_STATE, 'topic', 'Two-state solution', [alias('two-state solution', 'insensitive')]),
  entity(PROGRESSIVES, 'group', 'Progressive Democrats', [alias('progressive Democrats')]),
  entity(ARAB_AMERICANS, 'group', 'Arab Americans', [alias('Arab American'), alias('Arab Americans')]),
  entity(MIDDLE_EAST, 'place', 'Middle East', [alias('Middle East')]),
  entity(WESTERN_ALLIES, 'group', 'Western allies', [alias('Western allies')]),
];

export const israelisEntity: Entity = entity(ISRAELIS, 'group', 'Israelis', [alias('Israeli'), alias('Israelis')]);
