/**
 * Untrusted backup text → a valid `Backup` and the warnings about what was changed to make
 * it safe, or a `BackupError` saying what is wrong. Pure: nothing here touches the
 * database. Order matters: the size is checked before the text is parsed, the format and
 * version before the notes are validated, so a huge or foreign file fails fast.
 */
import type { Backup, Note } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_KEYS,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  NOTE_KEYS,
  SELECTOR_KEYS,
  TARGET_KEYS,
  backupSchema,
  describeIssue,
  quote,
  typeName,
} from './schema';
import { parseUserLayer } from './user-layer';

/** Every rejection of a backup; the message says what is wrong and where. */
export class BackupError extends Error {
  override name = 'BackupError';
  /** One line per problem (`notes[12].target.url: must be an http(s) URL`). */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
  }
}

export interface ParsedBackup {
  backup: Backup;
  warnings: string[];
}

export type BackupLimits = typeof BACKUP_LIMITS;

const MB = 1024 * 1024;
// C0 controls except \t and \n, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Something a browser would read as a tag, comment or processing instruction. */
const HTML_LIKE = /<[a-zA-Z!/?]/;

/** UTF-8 byte length of `s`, counted without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function checkSize(json: string, limits: BackupLimits): void {
  // Every UTF-16 code unit is at least one UTF-8 byte: an over-long string is rejected
  // without walking it (its size is then a lower bound, exact for ASCII).
  const bytes = json.length > limits.maxBytes ? json.length : utf8Length(json);
  if (bytes > limits.maxBytes) {
    throw new BackupError(
      `The file is ${(bytes / MB).toFixed(1)} MB; backups over ${formatMb(limits.maxBytes)} MB are not accepted`,
    );
  }
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(`This file is not JSON (${detail})`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Format and version, checked before anything else is looked at. */
function checkHeader(raw: unknown, limits: BackupLimits): Record<string, unknown> {
  if (!isRecord(raw)) {
    throw new BackupError(`This file is not a Backstory backup (expected a JSON object, got ${typeName(raw)})`);
  }
  if (raw.format !== BACKUP_FORMAT) {
    const got = raw.format === undefined ? 'it has no "format" field' : `its format is ${quote(raw.format)}`;
    throw new BackupError(`This file is not a Backstory backup (${got}; expected "${BACKUP_FORMAT}")`);
  }
  const { version } = raw;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer Backstory (version ${version}); update the extension to import it`,
    );
  }
  if (version === undefined) throw new BackupError('This backup has no "version" field, so it cannot be read');
  if (version !== BACKUP_VERSION) {
    throw new BackupError(`Unsupported backup version ${quote(version)} (this Backstory reads version ${BACKUP_VERSION})`);
  }
  if (Array.isArray(raw.notes) && raw.notes.length > limits.maxNotes) {
    throw new BackupError(`The backup has ${raw.notes.length} notes; at most ${limits.maxNotes} are accepted`);
  }
  return raw;
}

function unknownKeys(value: unknown, known: readonly string[]): string[] {
  return isRecord(value) ? Object.keys(value).filter((k) => !known.includes(k)) : [];
}

/** Warnings for fields the format does not have (the schema drops them). */
function unknownFieldWarnings(raw: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const top = unknownKeys(raw, BACKUP_KEYS);
  if (top.length > 0) warnings.push(`Ignored unknown top-level field${plural(top.length)} ${names(top)}`);
  if (!Array.isArray(raw.notes)) return warnings;
  const seen = new Set<string>();
  let count = 0;
  for (const note of raw.notes) {
    if (!isRecord(note)) continue;
    const keys = unknownKeys(note, NOTE_KEYS);
    const target = note.target;
    if (isRecord(target) && typeof target.type === 'string') {
      const known = TARGET_KEYS[target.type];
      if (known) keys.push(...unknownKeys(target, known).map((k) => `target.${k}`));
      if (target.type === 'passage') keys.push(...unknownKeys(target.selector, SELECTOR_KEYS).map((k) => `target.selector.${k}`));
    }
    if (keys.length === 0) continue;
    count += 1;
    for (const k of keys) seen.add(k);
  }
  if (count > 0) {
    warnings.push(`${count} note${plural(count)} had unknown fields (${names([...seen])}); they were dropped`);
  }
  return warnings;
}

function names(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => quote(k));
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ');
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

/** `['notes', 3, 'target', 'url']` → `notes[3].target.url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'backup' : out;
}

function reject(problems: string[], limits: BackupLimits): never {
  const unique = [...new Set(problems)];
  const shown = unique.slice(0, limits.errors);
  const more = unique.length - shown.length;
  const list = shown.join('; ') + (more > 0 ? `; … and ${more} more` : '');
  throw new BackupError(`This backup was not imported: ${list}`, unique);
}

function checkDuplicateIds(notes: readonly Note[], limits: BackupLimits): void {
  const first = new Map<string, number>();
  const problems: string[] = [];
  notes.forEach((note, i) => {
    const earlier = first.get(note.id);
    if (earlier === undefined) first.set(note.id, i);
    else problems.push(`notes[${i}].id: duplicate id ${quote(note.id)} (also notes[${earlier}])`);
  });
  if (problems.length > 0) reject(problems, limits);
}

function strip(s: string): string {
  return s.replace(CONTROL_CHARS, '');
}

function hasControl(s: string): boolean {
  return CONTROL_CHAR.test(s);
}

/**
 * Control characters are removed from the text shown to the user (text, page title, tags;
 * a tag left empty is dropped). Passage selectors stay as they are: they are the page's
 * own text, needed to find the passage again.
 */
function sanitiseNote(note: Note): { note: Note; stripped: boolean } {
  const fields = [note.text, note.pageTitle ?? '', ...note.tags];
  if (!fields.some(hasControl)) return { note, stripped: false };
  const clean: Note = { ...note, text: strip(note.text), tags: note.tags.map(strip).filter((t) => t.trim() !== '') };
  if (note.pageTitle !== undefined) clean.pageTitle = strip(note.pageTitle);
  return { note: clean, stripped: true };
}

function isHtmlLike(note: Note): boolean {
  const fields = [note.text, note.pageTitle ?? '', ...note.tags];
  if (note.target.type === 'passage') {
    const { exact, prefix, suffix } = note.target.selector;
    fields.push(exact, prefix, suffix);
  }
  return fields.some((f) => HTML_LIKE.test(f));
}

/** Validates and sanitises backup text. Throws `BackupError`; never touches the database. */
export function parseBackup(json: unknown, limits: BackupLimits = BACKUP_LIMITS): ParsedBackup {
  if (typeof json !== 'string') throw new BackupError(`Expected the text of a backup file, got ${typeName(json)}`);
  checkSize(json, limits);
  const raw = checkHeader(parseJson(json), limits);
  const warnings = unknownFieldWarnings(raw);

  const result = backupSchema.safeParse(raw, { error: describeIssue });
  if (!result.success) {
    reject(
      result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
      limits,
    );
  }
  const parsed = result.data;
  checkDuplicateIds(parsed.notes, limits);
  const layer = parseUserLayer(parsed.userPack, parsed.entityEdits);
  if (layer.problems.length > 0) reject(layer.problems, limits);

  let stripped = 0;
  let htmlLike = 0;
  const notes = parsed.notes.map((original) => {
    const { note, stripped: changed } = sanitiseNote(original);
    if (changed) stripped += 1;
    if (isHtmlLike(note)) htmlLike += 1;
    return note;
  });
  if (stripped > 0) {
    warnings.push(`Removed control characters from ${stripped} note${plural(stripped)}`);
  }
  if (htmlLike > 0) {
    warnings.push(`${htmlLike} note${plural(htmlLike)} contain${htmlLike === 1 ? 's' : ''} HTML-like text; it will be shown as text`);
  }
  if (parsed.userEntities.length > 0) {
    const n = parsed.userEntities.length;
    warnings.push(`Ignored ${n} entr${n === 1 ? 'y' : 'ies'} in the old "userEntities" field: entities travel as "userPack"`);
  }
  // Where Backstory runs (`settings.sites`) is merged by the sites service, which checks
  // every record itself; any other setting is not one this version has.
  const { sites, ...otherSettings } = parsed.settings;
  if (Object.keys(otherSettings).length > 0) {
    warnings.push(`Ignored settings this version of Backstory does not have: ${Object.keys(otherSettings).slice(0, 5).join(', ')}`);
  }

  const { userPack: _rawPack, entityEdits: _rawEdits, ...rest } = parsed;
  const backup: Backup = { ...rest, notes, userEntities: [], settings: sites === undefined ? {} : { sites } };
  if (layer.userPack) backup.userPack = layer.userPack;
  if (layer.entityEdits.length > 0) backup.entityEdits = layer.entityEdits;
  return { backup, warnings };
}
