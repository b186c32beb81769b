/**
 * The backup file format, version 1 (`Backup` in lib/model.ts), as a zod schema. Field
 * rules only; the steps around it (size check, JSON parse, format/version gate, unknown
 * keys, duplicate ids, sanitising) live in `parse.ts`.
 *
 * Objects are parsed non-strictly: unknown keys are dropped here and reported as warnings
 * by `parse.ts`, which finds them on the raw input before this schema runs.
 */
import { z } from 'zod';
import type { Backup, Note } from '../model';
import { withinTagLimit } from '../notes/conflict';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

/** Caps on what one backup file may hold, so a hostile file cannot exhaust memory. */
export const BACKUP_LIMITS = {
  /** Bytes of JSON text (UTF-8). */
  maxBytes: 64 * 1024 * 1024,
  maxNotes: 100_000,
  /** Entries accepted (and ignored) in `userEntities`. */
  maxUserEntities: 10_000,
  id: 100,
  entityId: 200,
  text: 20_000,
  tags: 20,
  tag: 40,
  pageTitle: 500,
  url: 4096,
  exact: 10_000,
  context: 200,
  exportedAt: 64,
  /** Most error lines one rejection message lists; the rest are counted. */
  errors: 10,
} as const;

/** Field names of each object in the format, to spot (and drop) unknown ones. */
export const NOTE_KEYS: readonly string[] = [
  'id',
  'target',
  'text',
  'tags',
  'pageUrl',
  'pageTitle',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'rev',
  'conflictOf',
];
export const TARGET_KEYS: Readonly<Record<string, readonly string[]>> = {
  entity: ['type', 'entityId'],
  page: ['type', 'url'],
  passage: ['type', 'url', 'selector'],
};
export const SELECTOR_KEYS: readonly string[] = ['exact', 'prefix', 'suffix', 'start', 'end'];
export const BACKUP_KEYS: readonly string[] = ['format', 'version', 'exportedAt', 'notes', 'userEntities', 'userPack', 'entityEdits', 'settings'];

/** Why `s` is not an acceptable http(s) URL, or null. */
export function httpUrlProblem(s: string): string | null {
  if (s.length > BACKUP_LIMITS.url) return `URL too long: ${s.length} characters (max ${BACKUP_LIMITS.url})`;
  if (!/^https?:\/\//i.test(s)) return `must be an http(s) URL, got ${quote(s)}`;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return `not a valid URL: ${quote(s)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http(s) URL, got ${quote(s)}`;
  return null;
}

const httpUrl = () =>
  z.string().superRefine((s, ctx) => {
    const problem = httpUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  });

const bounded = (max: number, min = 0) =>
  z
    .string()
    .max(max, { error: (iss) => `too long: ${lengthOf(iss.input)} characters (max ${max})` })
    .min(min, { error: 'must not be empty' });

const id = () => bounded(BACKUP_LIMITS.id, 1);

const offset = () =>
  z
    .number()
    .int({ error: 'must be a whole number' })
    .min(0, { error: (iss) => `must not be negative, got ${String(iss.input)}` })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

const time = () =>
  z
    .number()
    .min(0, { error: (iss) => `must not be negative, got ${String(iss.input)}` })
    .max(8.64e15, { error: 'is not a valid time' });

const selectorSchema = z
  .object({
    exact: bounded(BACKUP_LIMITS.exact, 1),
    prefix: bounded(BACKUP_LIMITS.context),
    suffix: bounded(BACKUP_LIMITS.context),
    start: offset(),
    end: offset(),
  })
  .refine((s) => s.end >= s.start, { error: 'end must not be before start', path: ['end'] });

const targetSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('entity'), entityId: bounded(BACKUP_LIMITS.entityId, 1) }),
    z.object({ type: z.literal('page'), url: httpUrl() }),
    z.object({ type: z.literal('passage'), url: httpUrl(), selector: selectorSchema }),
  ],
  {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const type = typeof iss.input === 'object' && iss.input !== null ? (iss.input as { type?: unknown }).type : undefined;
      return `must be "entity", "page" or "passage", got ${quote(type)}`;
    },
  },
);

export const noteSchema = z
  .object({
    id: id(),
    target: targetSchema,
    text: bounded(BACKUP_LIMITS.text),
    tags: z
      .array(bounded(BACKUP_LIMITS.tag, 1))
      // A conflict copy carries the conflict tag on top of the most tags.
      .max(BACKUP_LIMITS.tags + 1, { error: (iss) => `too many tags: ${countOf(iss.input)} (max ${BACKUP_LIMITS.tags})` })
      .refine((tags) => withinTagLimit(tags, BACKUP_LIMITS.tags), {
        error: (iss) => `too many tags: ${countOf(iss.input)} (max ${BACKUP_LIMITS.tags})`,
      }),
    pageUrl: httpUrl().optional(),
    pageTitle: bounded(BACKUP_LIMITS.pageTitle).optional(),
    createdAt: time(),
    updatedAt: time(),
    deletedAt: time().optional(),
    // Files written before revisions existed have none: every note starts at rev 1.
    rev: z
      .number()
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
      .default(1),
    conflictOf: id().optional(),
  })
  .refine((n) => n.updatedAt >= n.createdAt, {
    error: 'must not be earlier than createdAt',
    path: ['updatedAt'],
  });

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: bounded(BACKUP_LIMITS.exportedAt),
  notes: z
    .array(noteSchema)
    .max(BACKUP_LIMITS.maxNotes, { error: (iss) => `too many notes: ${countOf(iss.input)} (max ${BACKUP_LIMITS.maxNotes})` }),
  // The first backups' field, from before the reader could add entities: accepted (and
  // reported) but not imported. Their entities travel as `userPack`.
  userEntities: z
    .array(z.unknown())
    .max(BACKUP_LIMITS.maxUserEntities, { error: `too many user entities (max ${BACKUP_LIMITS.maxUserEntities})` })
    .default([]),
  // Validated by `parseUserLayer` (lib/backup/user-layer.ts) with the pack format's own rules.
  userPack: z.unknown().optional(),
  entityEdits: z.unknown().optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
});

// Compile-time guard: what the schema yields is a `Note` / `Backup`, and every `Note` fits it.
type Assignable<To, From extends To> = From;
type _SchemaToNote = Assignable<Note, z.output<typeof noteSchema>>;
type _NoteToSchema = Assignable<z.input<typeof noteSchema>, Note>;
// (`userEntities` is read as unknown[]: it is ignored, never imported; `userPack` and
// `entityEdits` are read as unknown and validated by `parseUserLayer`.)
type Layered = 'userEntities' | 'userPack' | 'entityEdits';
type _SchemaToBackup = Assignable<Omit<Backup, Layered>, Omit<z.output<typeof backupSchema>, Layered>>;

/** Messages for zod's built-in issues (schema-level messages take precedence). */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `expected ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, got ${typeName(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be ${issue.values.map((v) => quote(v)).join(' or ')}, got ${quote(issue.input)}`;
    default:
      return undefined;
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${quote(value)})`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A short, safe rendering of a value for a message. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeName(value);
}

function countOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : '?';
}

function lengthOf(value: unknown): string {
  return typeof value === 'string' ? String(value.length) : '?';
}
