/** Builds a `MatcherSpec` from pack entities. */
import type { Entity } from '../model';
import * as N from './normalise';
import type { AliasSpec, MatcherSpec, NegativeSpec } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { kindOf, K_UPPER, normaliseKey } = N;

/** The last word of a normalised key of two or more words (words are one space apart). */
function lastWordOf(key: string): string | undefined {
  const space = key.lastIndexOf(' ');
  return space >= 0 ? key.slice(space + 1) : undefined;
}

/**
 * A surname alias: one capitalised word of a person entity that is the last word of one
 * of the entity's multi-word names ("Schumer" of "Chuck Schumer"). Nicknames ("Bibi") and
 * full names are not surnames. Returns per alias whether it is one.
 */
function surnameFlags(entity: Entity): boolean[] {
  const keys = entity.aliases.map((a) => normaliseKey(a.text));
  // Folded last word of every multi-word name of the entity (its name and aliases).
  const surnames = new Set<string>();
  const nameLast = lastWordOf(normaliseKey(entity.name));
  if (nameLast !== undefined) surnames.add(nameLast);
  for (const key of keys) {
    const last = lastWordOf(key);
    if (last !== undefined) surnames.add(last);
  }
  return entity.aliases.map((alias, i) => {
    const key = keys[i] ?? '';
    if (key.length === 0 || key.includes(' ') || !surnames.has(key)) return false;
    const first = alias.text.trimStart().charCodeAt(0);
    return (kindOf(first) & K_UPPER) !== 0;
  });
}

/** The aliases and negative phrases of all `entities`, in order. */
export function specFromEntities(entities: Entity[]): MatcherSpec {
  const aliases: AliasSpec[] = [];
  const negatives: NegativeSpec[] = [];
  for (const entity of entities) {
    const surname = entity.kind === 'person' ? surnameFlags(entity) : undefined;
    entity.aliases.forEach((alias, i) => {
      const spec: AliasSpec = { entityId: entity.id, text: alias.text, case: alias.case };
      if (surname?.[i] === true) spec.surname = true;
      if (alias.lang !== undefined) spec.lang = alias.lang;
      aliases.push(spec);
    });
    for (const text of entity.negative ?? []) negatives.push({ entityId: entity.id, text });
  }
  return { aliases, negatives };
}
