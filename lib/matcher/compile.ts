/** Compiles a `MatcherSpec` into one automaton over normalised text. */
import { normaliseKey } from './normalise';
import { assembleParts, type MatcherParts } from './parts';
import { buildTrie, CLS_FIRST, CLS_SEP, type TriePattern } from './trie';
import type { MatcherSpec } from './types';

/** `denseBudget`: see `buildAutomaton` (tests only). */
export function compileParts(spec: MatcherSpec, denseBudget?: number): MatcherParts {
  const entities: string[] = [];
  const entityIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let i = entityIndex.get(id);
    if (i === undefined) {
      i = entities.length;
      entities.push(id);
      entityIndex.set(id, i);
    }
    return i;
  };
  const aliases = spec.aliases.map((a) => ({ ...a }));
  const negatives = spec.negatives.map((n) => ({ ...n }));
  const aliasEntity = Int32Array.from(aliases, (a) => indexOf(a.entityId));
  const negEntity = Int32Array.from(negatives, (n) => indexOf(n.entityId));

  const keyed: [string, number][] = [];
  aliases.forEach((a, i) => keyed.push([normaliseKey(a.text), i]));
  negatives.forEach((n, j) => keyed.push([normaliseKey(n.text), -(j + 1)]));

  const alphabet = new Set<number>();
  for (const [key] of keyed) {
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c !== 0x20) alphabet.add(c);
    }
  }
  const symbols = [...alphabet].sort((x, y) => x - y);
  if (symbols.length + CLS_FIRST > 0xfffe) throw new Error('matcher: too many distinct characters in aliases');
  const classOf = new Map<number, number>();
  symbols.forEach((c, i) => classOf.set(c, CLS_FIRST + i));

  const byKey = new Map<string, number[]>();
  for (const [key, item] of keyed) {
    if (key.length === 0) continue;
    let classKey = '';
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      classKey += String.fromCharCode(c === 0x20 ? CLS_SEP : (classOf.get(c) ?? CLS_SEP));
    }
    const items = byKey.get(classKey);
    if (items) items.push(item);
    else byKey.set(classKey, [item]);
  }
  const patterns: TriePattern[] = [...byKey].map(([key, items]) => ({ key, items }));
  const core = buildTrie(patterns, CLS_FIRST + symbols.length);
  return assembleParts(entities, aliases, aliasEntity, negatives, negEntity, symbols, core, denseBudget);
}
