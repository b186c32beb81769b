/**
 * Writes the issue-9 benchmark's 50,000-alias pack (pack format 1) to the file named by the
 * first argument. The aliases are `bigEntities(50_000)` of bench/matcher.ts (the matcher
 * benchmark's generated pack: 9,000 entities with one- to three-word syllable names, a
 * third of them people), less the shipped pack's entities (installed already), folded two
 * to an entity so the pack stays under the format's 5,000-entity cap. With the shipped
 * pack's 132 aliases that is ~50,000 aliases in all.
 *
 *   tsx bench/page/bigpack-pack.ts OUT.json
 */
import { writeFileSync } from 'node:fs';
import type { Entity } from '../../lib/model';
import { shippedPack } from '../../lib/packs/shipped';
import { PACK_LIMITS } from '../../lib/packs/limits';
import { bigEntities } from '../matcher';

const generated = bigEntities(50_000).slice(shippedPack.entities.length);
const half = Math.ceil(generated.length / 2);
const entities: Entity[] = [];
for (let k = 0; k < half; k++) {
  const parts = [generated[k], generated[k + half]].filter((e): e is Entity => e !== undefined);
  const seen = new Set<string>();
  const aliases = parts
    .flatMap((e) => e.aliases)
    .filter((a) => {
      const key = `${a.case}\u0000${a.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, PACK_LIMITS.aliasesPerEntity);
  const first = parts[0];
  if (!first || aliases.length === 0) continue;
  entities.push({ ...first, name: first.name || (aliases[0]?.text ?? `Generated ${k}`), aliases, role: 'Generated for the benchmark', summary: '' });
}
const pack = {
  format: 1,
  id: 'bench/generated-50k',
  title: 'Generated 50k (benchmark)',
  version: 1,
  asOf: '2030-01-01',
  sources: [],
  entities,
};
const out = process.argv[2];
if (!out) throw new Error('usage: tsx bench/page/bigpack-pack.ts OUT.json');
writeFileSync(out, JSON.stringify(pack));
const aliases = entities.reduce((t, e) => t + e.aliases.length, 0);
const shipped = shippedPack.entities.reduce((t, e) => t + e.aliases.length, 0);
console.log(JSON.stringify({ entities: entities.length, aliases, shippedAliases: shipped, total: aliases + shipped }));
