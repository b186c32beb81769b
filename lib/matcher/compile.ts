/**
 * Compiles a `MatcherSpec` into one automaton over normalised text. Runs on every
 * recompile (pack import, edit), so the keys never become strings: every phrase is folded
 * straight into one typed array of code units, which is then turned into class ids.
 */
import type { Match } from '../model';
import { isLangTag } from '../model';
import { codeString, entityIndices, INFO_BASE, INFO_SURNAME, joinTexts, LANG_BASE, MAX_CLASSES, MAX_LANGUAGES, trieShapeOf, type PackColumns } from './columns';
import { encodeData } from './data';
import { keyStart } from './lang';
import * as N from './normalise';
import { buildParts, RULE_CODES, type MatcherParts } from './parts';
import { AutomatonMatcher } from './scanner';
import { runSteps } from './slicing';
import * as T from './trie';
import type { TrieKeys } from './trie';
import type { AliasSpec, Matcher, MatcherData, MatcherSpec } from './types';

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
  if (a.lang !== undefined) c.lang = a.lang;
  return c;
}

/** The languages of `aliases`, each once, and one `LANG_BASE` code per alias. */
function languageColumn(aliases: readonly AliasSpec[]): { languages: string[]; aliasLang: string } {
  const languages: string[] = [];
  const index = new Map<string, number>();
  const codes = new Uint16Array(aliases.length);
  for (let a = 0; a < aliases.length; a++) {
    const lang = aliases[a]?.lang;
    if (lang === undefined) continue;
    if (!isLangTag(lang)) throw new Error(`matcher: not a language tag: ${JSON.stringify(lang.slice(0, 20))}`);
    let i = index.get(lang);
    if (i === undefined) {
      i = languages.length;
      if (i >= MAX_LANGUAGES) throw new Error('matcher: too many alias languages');
      languages.push(lang);
      index.set(lang, i);
    }
    codes[a] = i + 1;
  }
  return { languages, aliasLang: codeString(codes, LANG_BASE) };
}

/**
 * The normalised keys of `texts` (as `normaliseKey` folds them: ignorables dropped, a run
 * of separators one separator, none at either end), concatenated as class ids. Key `k`
 * leaves out the first `skip[k]` code units of its text (an Arabic article: `keyStart`).
 */
export function foldKeys(texts: string[], skip?: Int32Array): { keys: Omit<TrieKeys, 'items'>; symbols: number[] } {
  let total = 0;
  for (const t of texts) total += t.length;
  const units = new Uint16Array(total);
  const start = new Int32Array(texts.length + 1);
  const seen = new Uint8Array(65536);
  const symbols: number[] = [];
  let at = 0;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k] ?? '';
    const keyFrom = at;
    let sep = false;
    for (let i = skip?.[k] ?? 0; i < text.length; i++) {
      const f = foldUnit(text.charCodeAt(i));
      if (f === FOLD_IGNORE) continue;
      if (f === FOLD_SEP) {
        sep = true;
        continue;
      }
      if (sep && at > keyFrom) units[at++] = SEP_UNIT;
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
  if (symbols.length + CLS_FIRST > MAX_CLASSES) throw new Error('matcher: too many distinct characters in aliases');
  const classOf = new Uint16Array(65536);
  for (let i = 0; i < symbols.length; i++) classOf[symbols[i] ?? 0] = CLS_FIRST + i;
  classOf[SEP_UNIT] = CLS_SEP;
  // In place: code units become class ids.
  const classes = units.subarray(0, at);
  for (let j = 0; j < at; j++) classes[j] = classOf[classes[j] ?? 0] ?? CLS_SEP;
  return { keys: { classes, start }, symbols };
}

/** What the compiler produces: the columnar pack, and the aliases as given. */
export interface CompiledPack {
  aliases: AliasSpec[];
  columns: PackColumns;
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
  const aliasEntity = new Int32Array(numAliases);
  const aliasInfo = new Uint8Array(numAliases);
  const negEntity = new Int32Array(numNegatives);
  const texts: string[] = [];
  const items = new Int32Array(numAliases + numNegatives);
  for (let i = 0; i < numAliases; i++) {
    const a = spec.aliases[i];
    if (a === undefined) continue;
    aliases.push(copyAlias(a));
    aliasEntity[i] = indexOf(a.entityId);
    aliasInfo[i] = RULE_CODES[a.case] | (a.surname === true ? INFO_SURNAME : 0);
    texts.push(a.text);
    items[i] = i;
  }
  const negTexts: string[] = [];
  for (let j = 0; j < numNegatives; j++) {
    const neg = spec.negatives[j];
    if (neg === undefined) continue;
    negEntity[j] = indexOf(neg.entityId);
    negTexts.push(neg.text);
    items[numAliases + j] = -(j + 1);
  }
  const allTexts = [...texts, ...negTexts];
  const skip = new Int32Array(allTexts.length);
  for (let k = 0; k < allTexts.length; k++) {
    const t = allTexts[k] ?? '';
    skip[k] = keyStart(t, 0, t.length, k < numAliases ? spec.aliases[k]?.lang : undefined);
  }
  const { keys, symbols } = foldKeys(allTexts, skip);
  const core = buildTrie({ ...keys, items }, CLS_FIRST + symbols.length);
  const entityCol = joinTexts(entities);
  const aliasCol = joinTexts(texts);
  const negCol = joinTexts(negTexts);
  const { languages, aliasLang } = languageColumn(spec.aliases);
  const columns: PackColumns = {
    entityText: entityCol.text,
    entityEnds: entityCol.ends,
    aliasText: aliasCol.text,
    aliasEnds: aliasCol.ends,
    aliasEntity: entityIndices(aliasEntity, entities.length),
    aliasInfo: codeString(aliasInfo, INFO_BASE),
    languages,
    aliasLang,
    negText: negCol.text,
    negEnds: negCol.ends,
    negEntity: entityIndices(negEntity, entities.length),
    symbols: Uint16Array.from(symbols),
    trie: trieShapeOf(core),
  };
  return { aliases, columns };
}

/** `denseBudget`: see `buildAutomaton` (tests only). */
export function compileParts(spec: MatcherSpec, denseBudget?: number): MatcherParts {
  return runSteps(buildParts(compilePack(spec).columns, denseBudget));
}

/**
 * A compiled matcher that builds its scan tables on the first scan: the background
 * compiles only to serialise (`toData`), which needs just the columnar pack.
 */
export class CompiledMatcher implements Matcher {
  private matcher: AutomatonMatcher | undefined;

  constructor(private readonly pack: CompiledPack) {}

  get aliases(): readonly AliasSpec[] {
    return this.pack.aliases;
  }

  scan(text: string): Match[] {
    this.matcher ??= new AutomatonMatcher(runSteps(buildParts(this.pack.columns)));
    return this.matcher.scan(text);
  }

  toData(): MatcherData {
    return encodeData(this.pack.columns);
  }
}
