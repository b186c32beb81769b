/** `MatcherData`: encoding, and validated decoding of untrusted data. */
import { CASE_RULES } from '../model';
import { validateCore } from './automaton';
import { decodeInt32, decodeUint16, encodeInt32, encodeUint16 } from './base64';
import { assembleParts, RULE_CODES, RULE_NAMES, type CompiledPack, type MatcherParts } from './parts';
import { CLS_FIRST, type TrieCore } from './trie';
import type { AliasSpec, MatcherData, NegativeSpec } from './types';

/** `fail`: the automaton's failure links (`Automaton.fail`, or `failLinks`). */
export function encodeData(p: CompiledPack, fail: Int32Array): MatcherData {
  return {
    format: 'backstory-matcher',
    version: 1,
    entities: [...p.entities],
    aliases: p.aliases.map((a, i) => [p.aliasEntity[i] ?? 0, a.text, RULE_CODES[a.case], a.surname === true ? 1 : 0]),
    negatives: p.negatives.map((n, j) => [p.negEntity[j] ?? 0, n.text]),
    symbols: [...p.symbols],
    childCounts: encodeUint16(p.core.childCounts),
    edgeClasses: encodeUint16(p.core.edgeClasses),
    fail: encodeInt32(fail),
    terminals: encodeInt32(p.core.terminals),
  };
}

function fail(why: string): never {
  throw new Error(`matcher data: ${why}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayField(d: Record<string, unknown>, key: string): unknown[] {
  const v = d[key];
  if (!Array.isArray(v)) fail(`${key} must be an array`);
  return v;
}

function stringField(d: Record<string, unknown>, key: string): string {
  const v = d[key];
  if (typeof v !== 'string') fail(`${key} must be a string`);
  return v;
}

function index(v: unknown, size: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size) fail(`${what} out of range`);
  return v;
}

/** Decodes and validates; throws a clear `Error` on malformed data. */
export function decodeData(data: unknown): MatcherParts {
  if (!isRecord(data)) fail('not an object');
  if (data.format !== 'backstory-matcher') fail('unknown format');
  if (data.version !== 1) fail(`unsupported version ${String(data.version)}`);
  const entities = arrayField(data, 'entities').map((e, i) => {
    if (typeof e !== 'string') fail(`entities[${i}] must be a string`);
    return e;
  });
  const aliasEntity: number[] = [];
  const aliases: AliasSpec[] = arrayField(data, 'aliases').map((row, i) => {
    if (!Array.isArray(row) || row.length !== 4 || typeof row[1] !== 'string') fail(`aliases[${i}] is malformed`);
    const e = index(row[0], entities.length, `aliases[${i}] entity`);
    const rule = RULE_NAMES[index(row[2], CASE_RULES.length, `aliases[${i}] case`)] ?? 'sensitive';
    const surname = index(row[3], 2, `aliases[${i}] surname`) === 1;
    aliasEntity.push(e);
    const spec: AliasSpec = { entityId: entities[e] ?? '', text: row[1], case: rule };
    if (surname) spec.surname = true;
    return spec;
  });
  const negEntity: number[] = [];
  const negatives: NegativeSpec[] = arrayField(data, 'negatives').map((row, j) => {
    if (!Array.isArray(row) || row.length !== 2 || typeof row[1] !== 'string') fail(`negatives[${j}] is malformed`);
    const e = index(row[0], entities.length, `negatives[${j}] entity`);
    negEntity.push(e);
    return { entityId: entities[e] ?? '', text: row[1] };
  });
  const symbols = arrayField(data, 'symbols').map((c, i) => index(c, 65536, `symbols[${i}]`));
  if (symbols.length + CLS_FIRST > 0xfffe) fail('too many symbols');
  const core: TrieCore = {
    numClasses: CLS_FIRST + symbols.length,
    childCounts: decodeUint16(stringField(data, 'childCounts'), 'childCounts'),
    edgeClasses: decodeUint16(stringField(data, 'edgeClasses'), 'edgeClasses'),
    terminals: decodeInt32(stringField(data, 'terminals'), 'terminals'),
  };
  // The failure links are recomputed (anchored) when the automaton is built; stored ones
  // are still checked, as they are part of the format.
  const failTable = decodeInt32(stringField(data, 'fail'), 'fail');
  validateCore(core, failTable);
  if (core.terminals.length % 2 !== 0) fail('terminals must be pairs');
  for (let i = 1; i < core.terminals.length; i += 2) {
    const item = core.terminals[i] ?? 0;
    if (item >= aliases.length || item < -negatives.length) fail('terminal item out of range');
    if (core.terminals[i - 1] === 0) fail('the root state cannot end a pattern');
  }
  return assembleParts({
    entities,
    aliases,
    aliasEntity: Int32Array.from(aliasEntity),
    negatives,
    negEntity: Int32Array.from(negEntity),
    symbols,
    core,
  });
}
