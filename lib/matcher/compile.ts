/**
 * Compiles a `MatcherSpec` into one automaton over normalised text. Runs on every
 * recompile (pack import, edit), so the keys never become strings: every phrase is folded
 * straight into one typed array of code units, which is then turned into class ids.
 */
import type { Match } from '../model';
import { failLinks } from './automaton';
import { encodeData } from './data';
import * as N from './normalise';
import { assembleParts, classWordOf, type CompiledPack, type MatcherParts } from './parts';
import { AutomatonMatcher } from './scanner';
import * as T from './trie';
import type { TrieKeys } from './trie';
import type { AliasSpec, Matcher, MatcherData, MatcherSpec, NegativeSpec } from './types';

// Imported bindings copied into module-local constants: some loaders (CommonJS output)
// turn every use of an imported binding into a getter call, which hurts hot loops.
const { FOLD_IGNORE, FOLD_SEP, foldUnit } = N;
const { buildTrie, CLS_FIRST, CLS_SEP } = T;

/**
 * A separator in the folded units: no code unit folds to a space (whitespace folds to
 * `FOLD_SEP`), so the space code unit is free for it (and is never a symbol).
 */
const SEP_UNIT = 0x20;

function copyAlias(a: AliasSpec): AliasSpec {
  const c: AliasSpec = { entityId: a.entityId, text: a.text, case: a.case };
  if (a.surname !== undefined) c.surname = a.surname;
  return c;
}

/**
 * The normalised keys of `texts` (as `normaliseKey` folds them: ignorables dropped, a run
 * of separators one separator, none at either end), concatenated as class ids.
 */
export function foldKeys(texts: string[]): { keys: Omit<TrieKeys, 'items'>; symbols: number[] } {
  let total = 0;
  for (const t of texts) total += t.length;
  const units = new Uint16Array(total);
  const start = new Int32Array(texts.length + 1);
  const seen = new Uint8Array(65536);
  const symbols: number[] = [];
  let at = 0;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k] ?? '';
    const keyStart = at;
    let sep = false;
    for (let i = 0; i < text.length; i++) {
      const f = foldUnit(text.charCodeAt(i));
      if (f === FOLD_IGNORE) continue;
      if (f === FOLD_SEP) {
        sep = true;
        continue;
      }
      if (sep && at > keyStart) units[at++] = SEP_UNIT;
      sep = false;
      units[at++] = f;
      if (seen[f] === 0 && f !== SEP_UNIT) {
        seen[f] = 1;
        symbols.push(f);
      }
    }
    start[k + 1] = at;
  }
  symbols.sort((x, y) => x - y);
  if (symbols.length + CLS_FIRST > 0xfffe) throw new Error('matcher: too many distinct characters in aliases');
  const classOf = new Uint16Array(65536);
  for (let i = 0; i < symbols.length; i++) classOf[symbols[i] ?? 0] = CLS_FIRST + i;
  classOf[SEP_UNIT] = CLS_SEP;
  // In place: code units become class ids.
  const classes = units.subarray(0, at);
  for (let j = 0; j < at; j++) classes[j] = classOf[classes[j] ?? 0] ?? CLS_SEP;
  return { keys: { classes, start }, symbols };
}

/** Folds the phrases of `spec` and builds their trie: everything `MatcherData` needs. */
export function compilePack(spec: MatcherSpec): CompiledPack {
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
  const numAliases = spec.aliases.length;
  const numNegatives = spec.negatives.length;
  const aliases: AliasSpec[] = [];
  const negatives: NegativeSpec[] = [];
  const aliasEntity = new Int32Array(numAliases);
  const negEntity = new Int32Array(numNegatives);
  const texts: string[] = [];
  const items = new Int32Array(numAliases + numNegatives);
  for (let i = 0; i < numAliases; i++) {
    const a = spec.aliases[i];
    if (a === undefined) continue;
    aliases.push(copyAlias(a));
    aliasEntity[i] = indexOf(a.entityId);
    texts.push(a.text);
    items[i] = i;
  }
  for (let j = 0; j < numNegatives; j++) {
    const neg = spec.negatives[j];
    if (neg === undefined) continue;
    negatives.push({ entityId: neg.entityId, text: neg.text });
    negEntity[j] = indexOf(neg.entityId);
    texts.push(neg.text);
    items[numAliases + j] = -(j + 1);
  }
  const { keys, symbols } = foldKeys(texts);
  const core = buildTrie({ ...keys, items }, CLS_FIRST + symbols.length);
  return { entities, aliases, aliasEntity, negatives, negEntity, symbols, core };
}

/** `denseBudget`: see `buildAutomaton` (tests only). */
export function compileParts(spec: MatcherSpec, denseBudget?: number): MatcherParts {
  return assembleParts(compilePack(spec), denseBudget);
}

/**
 * A compiled matcher that builds its scan tables (`assembleParts`) on the first scan: the
 * background compiles only to serialise (`toData`), which needs just the trie and its
 * failure links.
 */
export class CompiledMatcher implements Matcher {
  private matcher: AutomatonMatcher | undefined;

  constructor(private readonly pack: CompiledPack) {}

  get aliases(): readonly AliasSpec[] {
    return this.pack.aliases;
  }

  scan(text: string): Match[] {
    this.matcher ??= new AutomatonMatcher(assembleParts(this.pack));
    return this.matcher.scan(text);
  }

  toData(): MatcherData {
    if (this.matcher) return this.matcher.toData();
    const { core, symbols } = this.pack;
    return encodeData(this.pack, failLinks(core, classWordOf(symbols, core.numClasses)));
  }
}
