/**
 * `MatcherData` (version 3, columnar): encoding, and validated decoding of untrusted data
 * in steps. Every check throws a clear `Error` ("matcher data: …"); what passes can be
 * built and scanned without any index going out of range.
 */
import { decodeInt32Steps, decodeUint16Steps, encodeBytes, encodeInt32, encodeUint16 } from './base64';
import { isLangTag } from '../model';
import { childBitsOf, INFO_BASE, INFO_SURNAME, LANG_BASE, MAX_CLASSES, MAX_LANGUAGES, narrowEntities, type EntityIndices, type PackColumns } from './columns';
import { decodeTrie } from './data-trie';
import { CHUNK, inChunks, type Steps } from './slicing';
import { CLS_FIRST } from './trie';
import type { MatcherData } from './types';

/** The data version this code reads and writes; any other is rejected (the background rebuilds). */
export const DATA_VERSION = 3;

export function encodeData(c: PackColumns): MatcherData {
  return {
    format: 'backstory-matcher',
    version: DATA_VERSION,
    entityText: c.entityText,
    entityEnds: encodeInt32(c.entityEnds),
    aliasText: c.aliasText,
    aliasEnds: encodeInt32(c.aliasEnds),
    aliasEntity: encodeIndices(c.aliasEntity),
    aliasInfo: c.aliasInfo,
    languages: [...c.languages],
    aliasLang: c.aliasLang,
    negativeText: c.negText,
    negativeEnds: encodeInt32(c.negEnds),
    negativeEntity: encodeIndices(c.negEntity),
    symbols: encodeUint16(c.symbols),
    childBits: encodeBytes(childBitsOf(c.trie)),
    edgeClasses: c.trie.edgeText,
    termStates: encodeInt32(c.trie.termStates),
    termItems: encodeInt32(c.trie.termItems),
  };
}

function encodeIndices(a: EntityIndices): string {
  return encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

function fail(why: string): never {
  throw new Error(`matcher data: ${why}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringField(d: Record<string, unknown>, key: string): string {
  const v = d[key];
  if (typeof v !== 'string') fail(`${key} must be a string`);
  return v;
}

/** Checks end offsets into a text of `length`: ascending, the last at its end. */
function* checkEnds(ends: Int32Array, length: number, what: string): Steps<void> {
  let prev = 0;
  yield* inChunks(
    ends.length,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const end = ends[i] ?? 0;
        if (end < prev) fail(`${what} are not ascending`);
        prev = end;
      }
    },
    CHUNK * 4,
  );
  if (prev !== length) fail(`${what} do not match the text length`);
}

/** Checks that every index is in `0..size - 1`. */
function* checkIndices(a: EntityIndices, size: number, what: string): Steps<void> {
  yield* inChunks(
    a.length,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const v = a[i] ?? -1;
        if (v < 0 || v >= size) fail(`${what}[${i}] out of range`);
      }
    },
    CHUNK * 4,
  );
}

/** Checks the alias info characters (case rule 0–2, plus `INFO_SURNAME`). */
function* checkInfo(info: string): Steps<void> {
  yield* inChunks(
    info.length,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const code = info.charCodeAt(i) - INFO_BASE;
        if (code < 0 || code > (INFO_SURNAME | 2) || (code & 3) === 3) fail(`aliasInfo[${i}] is malformed`);
      }
    },
    CHUNK * 4,
  );
}

/** The language table: distinct tags as `isLangTag` allows, at most `MAX_LANGUAGES`. */
function languagesField(d: Record<string, unknown>): string[] {
  const v = d.languages;
  if (!Array.isArray(v)) fail('languages must be an array');
  if (v.length > MAX_LANGUAGES) fail('too many languages');
  const out: string[] = [];
  for (const tag of v) {
    if (typeof tag !== 'string' || !isLangTag(tag)) fail('languages has a malformed tag');
    if (out.includes(tag)) fail('languages has a tag twice');
    out.push(tag);
  }
  return out;
}

/** Checks the alias language characters (`LANG_BASE` + 0 … `numLanguages`). */
function* checkLangs(aliasLang: string, numLanguages: number): Steps<void> {
  yield* inChunks(
    aliasLang.length,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const code = aliasLang.charCodeAt(i) - LANG_BASE;
        if (code < 0 || code > numLanguages) fail(`aliasLang[${i}] is malformed`);
      }
    },
    CHUNK * 4,
  );
}

/** A concatenated text column with its ends, checked. */
function* textColumn(d: Record<string, unknown>, textKey: string, endsKey: string): Steps<{ text: string; ends: Int32Array }> {
  const text = stringField(d, textKey);
  const ends = yield* decodeInt32Steps(stringField(d, endsKey), endsKey);
  yield* checkEnds(ends, text.length, endsKey);
  return { text, ends };
}

/** Per-item entity indices, checked. */
function* entityColumn(d: Record<string, unknown>, key: string, count: number, numEntities: number): Steps<EntityIndices> {
  const text = stringField(d, key);
  const a = narrowEntities(numEntities) ? yield* decodeUint16Steps(text, key) : yield* decodeInt32Steps(text, key);
  if (a.length !== count) fail(`${key} length does not match the item count`);
  yield* checkIndices(a, numEntities, key);
  return a;
}

/** Decodes and validates, in steps; throws a clear `Error` on malformed data. */
export function* decodeSteps(data: unknown): Steps<PackColumns> {
  if (!isRecord(data)) fail('not an object');
  if (data.format !== 'backstory-matcher') fail('unknown format');
  if (data.version !== DATA_VERSION) fail(`unsupported version ${String(data.version)}`);
  const entities = yield* textColumn(data, 'entityText', 'entityEnds');
  const numEntities = entities.ends.length;
  const aliases = yield* textColumn(data, 'aliasText', 'aliasEnds');
  const numAliases = aliases.ends.length;
  const aliasEntity = yield* entityColumn(data, 'aliasEntity', numAliases, numEntities);
  const aliasInfo = stringField(data, 'aliasInfo');
  if (aliasInfo.length !== numAliases) fail('aliasInfo length does not match the alias count');
  yield* checkInfo(aliasInfo);
  const languages = languagesField(data);
  const aliasLang = stringField(data, 'aliasLang');
  if (aliasLang.length !== numAliases) fail('aliasLang length does not match the alias count');
  yield* checkLangs(aliasLang, languages.length);
  const negatives = yield* textColumn(data, 'negativeText', 'negativeEnds');
  const numNegatives = negatives.ends.length;
  const negEntity = yield* entityColumn(data, 'negativeEntity', numNegatives, numEntities);
  const symbols = yield* decodeUint16Steps(stringField(data, 'symbols'), 'symbols');
  if (CLS_FIRST + symbols.length > MAX_CLASSES) fail('too many symbols');
  for (let i = 1; i < symbols.length; i++) if ((symbols[i] ?? 0) <= (symbols[i - 1] ?? 0)) fail('symbols are not ascending');
  const trie = yield* decodeTrie(
    {
      childBits: stringField(data, 'childBits'),
      edgeClasses: stringField(data, 'edgeClasses'),
      termStates: stringField(data, 'termStates'),
      termItems: stringField(data, 'termItems'),
    },
    CLS_FIRST + symbols.length,
    numAliases,
    numNegatives,
  );
  return {
    entityText: entities.text,
    entityEnds: entities.ends,
    aliasText: aliases.text,
    aliasEnds: aliases.ends,
    aliasEntity,
    aliasInfo,
    languages,
    aliasLang,
    negText: negatives.text,
    negEnds: negatives.ends,
    negEntity,
    symbols,
    trie,
  };
}
