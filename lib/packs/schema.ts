/**
 * Runtime validation of the pack format (see "The pack format" in DESIGN.md and `Pack` in
 * lib/model.ts). `packSchema` checks shape and field rules; its pack-level refinement checks
 * cross-references (unique ids, sources, relation targets). `parsePack` wraps it, never
 * throws, and turns every issue into one readable line naming its path, e.g.
 * `entities[3].relations[1].target: unknown entity "person/x"`.
 */
import { z } from 'zod';
import { CASE_RULES, ENTITY_KINDS, isLangTag, RELATION_TYPES, USER_PACK_ID, type Entity, type Pack } from '../model';
import { PACK_LIMITS } from './limits';

export const PACK_FORMAT = 1;

export { PACK_LIMITS };

// Every C0 control except \n, DEL and the C1 controls. NUL gets its own message.
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0001-\u0009\u000B-\u001F\u007F-\u009F]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first problem with a string, or null. Checks run cheapest-first on huge input. */
function textProblem(s: string, max: number, required: boolean, trimmed: boolean): string | null {
  if (s.length > max) return `too long: ${s.length} characters (max ${max})`;
  if (s.includes('\u0000')) return 'contains a NUL character';
  const control = CONTROL_CHAR.exec(s);
  if (control) return `contains a control character (${codePoint(control[0])}); only line breaks are allowed`;
  if (required && s.trim() === '') return 'must not be empty';
  if (trimmed && s.trim() !== s) return 'must not start or end with whitespace';
  return null;
}

interface TextOptions {
  max: number;
  /** Not empty or only whitespace. */
  required?: boolean;
  /** No leading or trailing whitespace. */
  trimmed?: boolean;
}

function text({ max, required = false, trimmed = false }: TextOptions) {
  return z.string().superRefine((s, ctx) => {
    const problem = textProblem(s, max, required, trimmed);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  });
}

const idText = () => text({ max: PACK_LIMITS.id, required: true, trimmed: true });

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const isoDate = () =>
  z.string().superRefine((s, ctx) => {
    if (s.length > 10 || !ISO_DATE.test(s)) {
      ctx.addIssue({ code: 'custom', message: `must be a date written YYYY-MM-DD, got ${quote(s)}`, input: s });
    } else if (!isIsoDate(s)) {
      ctx.addIssue({ code: 'custom', message: `not a real date: "${s}"`, input: s });
    }
  });

/** Only http(s) URLs: links are shown to the user and must never run script. */
export function httpUrlProblem(s: string): string | null {
  if (s.length > PACK_LIMITS.url) return `too long: ${s.length} characters (max ${PACK_LIMITS.url})`;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001F\u007F]/.test(s)) return 'URL must not contain whitespace or control characters';
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return `not a valid URL: ${quote(s)}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `URL must use http or https, got "${url.protocol}"`;
  }
  if (url.username !== '' || url.password !== '') return 'URL must not contain credentials';
  return null;
}

const httpUrl = () =>
  z.string().superRefine((s, ctx) => {
    const problem = httpUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  });

function list<T extends z.ZodType>(item: T, max: number, what: string, min = 0) {
  return z
    .array(item)
    .max(max, { error: (iss) => `too many ${what}: ${countOf(iss.input)} (max ${max})` })
    .min(min, { error: `must have at least ${min} ${min === 1 ? what.replace(/e?s$/, '') : what}` });
}

/** A BCP 47 primary language subtag: 'fr', 'de', 'he', 'ar' (lower case, 2–3 letters). */
const langTag = () =>
  z.string().superRefine((s, ctx) => {
    if (!isLangTag(s)) {
      ctx.addIssue({ code: 'custom', message: `must be a language code of 2 or 3 lower-case letters (e.g. "fr"), got ${quote(s)}`, input: s });
    }
  });

const aliasSchema = z.strictObject({
  text: text({ max: PACK_LIMITS.alias, required: true, trimmed: true }),
  case: z.enum(CASE_RULES),
  lang: langTag().optional(),
});

export const sourceSchema = z.strictObject({
  id: idText(),
  title: text({ max: PACK_LIMITS.sourceTitle, required: true }),
  date: isoDate(),
  url: httpUrl().optional(),
  publisher: text({ max: PACK_LIMITS.publisher, required: true }).optional(),
});

const contextSchema = z.strictObject({
  text: text({ max: PACK_LIMITS.context, required: true }),
  sourceId: idText(),
  date: isoDate(),
});

const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: idText(),
  label: text({ max: PACK_LIMITS.label, required: true }).optional(),
  date: isoDate().optional(),
  sourceId: idText().optional(),
});

const linkSchema = z.strictObject({
  title: text({ max: PACK_LIMITS.linkTitle, required: true }),
  url: httpUrl(),
});

/** One entity, as in a pack (cross-references are checked by the pack or the caller). */
export const entitySchema = z.strictObject({
  id: idText(),
  kind: z.enum(ENTITY_KINDS),
  name: text({ max: PACK_LIMITS.name, required: true, trimmed: true }),
  aliases: list(aliasSchema, PACK_LIMITS.aliasesPerEntity, 'aliases', 1),
  role: text({ max: PACK_LIMITS.role }),
  summary: text({ max: PACK_LIMITS.summary }),
  contexts: list(contextSchema, PACK_LIMITS.contextsPerEntity, 'contexts'),
  relations: list(relationSchema, PACK_LIMITS.relationsPerEntity, 'relations'),
  links: list(linkSchema, PACK_LIMITS.linksPerEntity, 'links').optional(),
  negative: list(text({ max: PACK_LIMITS.negative, required: true }), PACK_LIMITS.negativesPerEntity, 'negative phrases').optional(),
});

type RawPack = z.infer<typeof packShape>;
type IssueSink = (path: (string | number)[], message: string) => void;

const packShape = z.strictObject({
  format: z.literal(PACK_FORMAT, {
    error: (iss) =>
      iss.input === undefined ? undefined : `unsupported pack format ${quote(iss.input)} (this version reads format ${PACK_FORMAT})`,
  }),
  id: idText(),
  title: text({ max: PACK_LIMITS.packTitle, required: true }),
  version: z
    .number()
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
  asOf: isoDate(),
  sources: list(sourceSchema, PACK_LIMITS.sources, 'sources'),
  entities: list(entitySchema, PACK_LIMITS.entities, 'entities'),
});

/** Cross-reference checks that need the whole pack. */
function checkReferences(pack: RawPack, report: IssueSink): void {
  const sourceIds = new Set<string>();
  pack.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) report(['sources', i, 'id'], `duplicate source id "${source.id}"`);
    sourceIds.add(source.id);
  });

  const entityIds = new Set<string>();
  pack.entities.forEach((entity, i) => {
    if (entityIds.has(entity.id)) report(['entities', i, 'id'], `duplicate entity id "${entity.id}"`);
    entityIds.add(entity.id);
  });

  pack.entities.forEach((entity, i) => {
    const seenAliases = new Set<string>();
    entity.aliases.forEach((alias, j) => {
      // The same text may come back in another language: "Biden" for any language and
      // "Biden" in German (which also matches the genitive "Bidens").
      const key = `${alias.case}\u0000${alias.lang ?? ''}\u0000${alias.text}`;
      if (seenAliases.has(key)) {
        const lang = alias.lang === undefined ? '' : `, ${alias.lang}`;
        report(['entities', i, 'aliases', j, 'text'], `duplicate alias "${alias.text}" (${alias.case}${lang})`);
      }
      seenAliases.add(key);
    });
    entity.contexts.forEach((context, j) => {
      if (!sourceIds.has(context.sourceId)) {
        report(['entities', i, 'contexts', j, 'sourceId'], `unknown source "${context.sourceId}"`);
      }
    });
    entity.relations.forEach((relation, j) => {
      // "My entities" may point at entities of other packs (the editor allows any installed
      // entity; a card leaves out a target that is not installed).
      if (!entityIds.has(relation.target) && !(pack.id === USER_PACK_ID && relation.target !== entity.id)) {
        report(['entities', i, 'relations', j, 'target'], `unknown entity "${relation.target}"`);
      } else if (relation.target === entity.id) {
        report(['entities', i, 'relations', j, 'target'], `an entity cannot relate to itself ("${entity.id}")`);
      }
      if (relation.sourceId !== undefined && !sourceIds.has(relation.sourceId)) {
        report(['entities', i, 'relations', j, 'sourceId'], `unknown source "${relation.sourceId}"`);
      }
    });
  });
}

/** The pack format, version 1. */
export const packSchema = packShape.superRefine((pack, ctx) => {
  checkReferences(pack, (path, message) => ctx.addIssue({ code: 'custom', path, message, input: pack }));
});

// Compile-time guard: the schema's type and `Pack` must stay interchangeable.
type Assignable<To, From extends To> = From;
type _SchemaToPack = Assignable<Pack, z.infer<typeof packSchema>>;
type _PackToSchema = Assignable<z.infer<typeof packSchema>, Pack>;

export type PackParseResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

export type EntityParseResult = { ok: true; entity: Entity } | { ok: false; errors: string[] };

/** Validates untrusted input as one entity (shape and field rules only). Never throws. */
export function parseEntity(input: unknown): EntityParseResult {
  try {
    const result = entitySchema.safeParse(input, { error: describeIssue });
    if (result.success) return { ok: true, entity: result.data };
    const lines = result.error.issues.map((issue) => `${formatPath(['entity', ...issue.path])}: ${issue.message}`);
    return { ok: false, errors: capErrors(lines) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`entity: could not be read (${message})`] };
  }
}

/** Validates untrusted input as a pack. Never throws. */
export function parsePack(input: unknown): PackParseResult {
  try {
    const result = packSchema.safeParse(input, { error: describeIssue });
    if (result.success) return { ok: true, pack: result.data };
    const lines = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    return { ok: false, errors: capErrors(lines) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`pack: could not be read (${message})`] };
  }
}

function capErrors(lines: string[]): string[] {
  const unique = [...new Set(lines)];
  if (unique.length <= PACK_LIMITS.errors) return unique;
  const shown = unique.slice(0, PACK_LIMITS.errors);
  shown.push(`… and ${unique.length - PACK_LIMITS.errors} more errors`);
  return shown;
}

/** `['entities', 3, 'relations', 1, 'target']` → `entities[3].relations[1].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'pack' : out;
}

/** Per-parse messages for zod's built-in issues (schema-level messages take precedence). */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `expected ${article(issue.expected)}, got ${typeName(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be one of ${issue.values.map((v) => quote(v)).join(', ')}, got ${quote(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return undefined;
  }
}

function article(expected: string): string {
  if (expected === 'array' || expected === 'object' || expected === 'int') return `an ${expected === 'int' ? 'integer' : expected}`;
  return `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${quote(value)})`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function countOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : '?';
}

/** A short, safe rendering of a value for a message. */
function quote(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(short);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeName(value);
}
