/** Builds a `MatcherSpec` from pack entities. */
import type { Entity } from '../model';
import { kindOf, K_UPPER, normaliseKey } from './normalise';
import type { AliasSpec, MatcherSpec, NegativeSpec } from './types';

/** Folded last word of every multi-word name of the entity (its name and aliases). */
function lastNames(entity: Entity): Set<string> {
  const out = new Set<string>();
  for (const text of [entity.name, ...entity.aliases.map((a) => a.text)]) {
    const words = normaliseKey(text).split(' ');
    const last = words[words.length - 1];
    if (words.length >= 2 && last !== undefined) out.add(last);
  }
  return out;
}

/**
 * A surname alias: one capitalised word of a person entity that is the last word of one
 * of the entity's multi-word names ("Schumer" of "Chuck Schumer"). Nicknames ("Bibi") and
 * full names are not surnames.
 */
function isSurname(entity: Entity, text: string, surnames: ReadonlySet<string>): boolean {
  if (entity.kind !== 'person') return false;
  const key = normaliseKey(text);
  if (key.length === 0 || key.includes(' ') || !surnames.has(key)) return false;
  const first = text.trimStart().charCodeAt(0);
  return (kindOf(first) & K_UPPER) !== 0;
}

/** The aliases and negative phrases of all `entities`, in order. */
export function specFromEntities(entities: Entity[]): MatcherSpec {
  const aliases: AliasSpec[] = [];
  const negatives: NegativeSpec[] = [];
  for (const entity of entities) {
    const surnames = entity.kind === 'person' ? lastNames(entity) : new Set<string>();
    for (const alias of entity.aliases) {
      const spec: AliasSpec = { entityId: entity.id, text: alias.text, case: alias.case };
      if (isSurname(entity, alias.text, surnames)) spec.surname = true;
      aliases.push(spec);
    }
    for (const text of entity.negative ?? []) negatives.push({ entityId: entity.id, text });
  }
  return { aliases, negatives };
}
