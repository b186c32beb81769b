import { describe, expect, it, vi } from 'vitest';
import { BACKUP_LIMITS } from './schema';
import { BackupError, formatPath, parseBackup, utf8Length } from './parse';
import { backupJson, note, notesOfEveryKind } from './testing';

function problemOf(json: unknown): string {
  try {
    parseBackup(json);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as BackupError).message;
  }
  throw new Error('expected a BackupError');
}

function withNote(overrides: Record<string, unknown>): string {
  return backupJson([{ ...note('n1'), ...overrides }]);
}

describe('parseBackup: accepted input', () => {
  it('reads a valid backup unchanged', () => {
    const notes = notesOfEveryKind();
    const { backup } = parseBackup(backupJson(notes));
    expect(backup.notes).toEqual(notes);
    expect(backup.format).toBe('backstory-backup');
  });

  it('defaults a missing rev to 1 and missing userEntities/settings to empty', () => {
    const { rev: _rev, ...old } = note('n1');
    const json = JSON.stringify({ format: 'backstory-backup', version: 1, exportedAt: 'x', notes: [old] });
    const { backup, warnings } = parseBackup(json);
    expect(backup.notes[0]?.rev).toBe(1);
    expect(backup.userEntities).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseBackup(`\uFEFF${backupJson([])}`).backup.notes).toEqual([]);
  });

  it('keeps HTML-like text as text, with a warning counting the notes', () => {
    const html = '<img src=x onerror=alert(1)>';
    const json = backupJson([note('a', { text: html }), note('b', { pageTitle: '<script>x</script>' }), note('c', { text: 'a < b' })]);
    const { backup, warnings } = parseBackup(json);
    expect(backup.notes[0]?.text).toBe(html);
    expect(warnings).toContain('2 notes contain HTML-like text; it will be shown as text');
  });

  it('strips control characters (not \\n or \\t) from text, titles and tags, with a warning', () => {
    const json = backupJson([
      note('a', { text: 'a\u0000b\u0007c\nd\te\r\u009B', pageTitle: 'T\u001Bitle', tags: ['ok\u0008', '\u0001'] }),
      note('b'),
    ]);
    const { backup, warnings } = parseBackup(json);
    expect(backup.notes[0]).toMatchObject({ text: 'abc\nd\te', pageTitle: 'Title', tags: ['ok'] });
    expect(backup.notes[1]).toEqual(note('b'));
    expect(warnings).toContain('Removed control characters from 1 note');
  });

  it('drops unknown fields with warnings', () => {
    const json = backupJson([{ ...note('a'), colour: 'red', target: { type: 'entity', entityId: 'e', extra: 1 } }, note('b')], {
      future: true,
    });
    const { backup, warnings } = parseBackup(json);
    expect(backup.notes[0]).toEqual(note('a', { target: { type: 'entity', entityId: 'e' } }));
    expect(backup).not.toHaveProperty('future');
    expect(warnings).toContain('Ignored unknown top-level field "future"');
    expect(warnings).toContain('1 note had unknown fields ("colour", "target.extra"); they were dropped');
  });

  it('drops __proto__ keys without polluting anything', () => {
    const json = backupJson([JSON.parse(JSON.stringify(note('a')).replace('{', '{"__proto__":{"polluted":1},'))]).replace(
      '{',
      '{"__proto__":{"polluted":1},',
    );
    const { backup, warnings } = parseBackup(json);
    expect(backup.notes[0]).toEqual(note('a'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(backup.notes[0])).toBe(Object.prototype);
    expect(warnings).toContain('Ignored unknown top-level field "__proto__"');
    expect(warnings).toContain('1 note had unknown fields ("__proto__"); they were dropped');
  });

  it('ignores user entities and settings with warnings', () => {
    const json = backupJson([], { userEntities: [{ id: 'x' }], settings: { theme: 'dark' } });
    const { backup, warnings } = parseBackup(json);
    expect(backup.userEntities).toEqual([]);
    expect(backup.settings).toEqual({});
    expect(warnings).toHaveLength(2);
  });

  it('keeps the sites settings for the sites service to check, and names the others it ignores', () => {
    const sites = { mode: 'except', rules: [], notHere: [{ anything: 1 }] };
    const { backup, warnings } = parseBackup(backupJson([], { settings: { sites, theme: 'dark' } }));
    expect(backup.settings).toEqual({ sites });
    expect(warnings).toEqual(['Ignored settings this version of Backstory does not have: theme']);
  });
});

describe('parseBackup: rejected input', () => {
  it('rejects an oversized file before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = 'x'.repeat(100 * 1024 * 1024);
    expect(problemOf(huge)).toBe('The file is 100.0 MB; backups over 64 MB are not accepted');
    expect(parse).not.toHaveBeenCalled();
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    const text = 'é'.repeat(BACKUP_LIMITS.maxBytes / 2 + 1);
    expect(problemOf(text)).toMatch(/^The file is 64\.0 MB; backups over 64 MB/);
  });

  it('rejects text that is not JSON, naming the parse error', () => {
    expect(problemOf('{"format": "backstory-backup",')).toMatch(/^This file is not JSON \(.+\)$/);
    expect(problemOf('')).toMatch(/^This file is not JSON/);
  });

  it('rejects input that is not text', () => {
    expect(problemOf(42)).toBe('Expected the text of a backup file, got the number 42');
  });

  it.each([
    ['[]', 'This file is not a Backstory backup (expected a JSON object, got an array)'],
    ['null', 'This file is not a Backstory backup (expected a JSON object, got null)'],
    ['"text"', 'This file is not a Backstory backup (expected a JSON object, got a string ("text"))'],
    ['{}', 'This file is not a Backstory backup (it has no "format" field; expected "backstory-backup")'],
    ['{"format":1,"id":"p"}', 'This file is not a Backstory backup (its format is 1; expected "backstory-backup")'],
  ])('rejects %s', (json, message) => {
    expect(problemOf(json)).toBe(message);
  });

  it('rejects a newer version with a message to update', () => {
    expect(problemOf(backupJson([], { version: 2 }))).toBe(
      'This backup was made by a newer Backstory (version 2); update the extension to import it',
    );
    expect(problemOf(backupJson([], { version: 0 }))).toBe('Unsupported backup version 0 (this Backstory reads version 1)');
    expect(problemOf('{"format":"backstory-backup","notes":[]}')).toBe('This backup has no "version" field, so it cannot be read');
    expect(problemOf(backupJson([], { version: '1' }))).toBe('Unsupported backup version "1" (this Backstory reads version 1)');
  });

  it('rejects too many notes before validating them', () => {
    const json = JSON.stringify({ format: 'backstory-backup', version: 1, notes: new Array(BACKUP_LIMITS.maxNotes + 1).fill(0) });
    expect(problemOf(json)).toBe(`The backup has ${BACKUP_LIMITS.maxNotes + 1} notes; at most ${BACKUP_LIMITS.maxNotes} are accepted`);
  });

  it('rejects duplicate ids, naming them', () => {
    const json = backupJson([note('a'), note('b'), note('a'), note('b')]);
    expect(problemOf(json)).toBe(
      'This backup was not imported: notes[2].id: duplicate id "a" (also notes[0]); notes[3].id: duplicate id "b" (also notes[1])',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['javascript: URL', { target: { type: 'page', url: 'javascript:alert(1)' } }, 'notes[0].target.url: must be an http(s) URL, got "javascript:alert(1)"'],
    ['data: pageUrl', { pageUrl: 'data:text/html,<b>' }, 'notes[0].pageUrl: must be an http(s) URL, got "data:text/html,<b>"'],
    ['broken URL', { target: { type: 'page', url: 'http://' } }, 'notes[0].target.url: not a valid URL: "http://"'],
    [
      'negative offset',
      { target: { type: 'passage', url: 'https://a.example/', selector: { exact: 'x', prefix: '', suffix: '', start: -1, end: 2 } } },
      'notes[0].target.selector.start: must not be negative, got -1',
    ],
    [
      'fractional offset',
      { target: { type: 'passage', url: 'https://a.example/', selector: { exact: 'x', prefix: '', suffix: '', start: 1.5, end: 2 } } },
      'notes[0].target.selector.start: must be a whole number',
    ],
    [
      'end before start',
      { target: { type: 'passage', url: 'https://a.example/', selector: { exact: 'x', prefix: '', suffix: '', start: 5, end: 2 } } },
      'notes[0].target.selector.end: end must not be before start',
    ],
    ['unknown target type', { target: { type: 'site', url: 'https://a.example/' } }, 'notes[0].target.type: must be "entity", "page" or "passage", got "site"'],
    ['huge tag array', { tags: new Array(1000).fill('t') }, 'notes[0].tags: too many tags: 1000 (max 20)'],
    ['long tag', { tags: ['t'.repeat(41)] }, 'notes[0].tags[0]: too long: 41 characters (max 40)'],
    ['empty tag', { tags: [''] }, 'notes[0].tags[0]: must not be empty'],
    ['long text', { text: 'x'.repeat(20_001) }, 'notes[0].text: too long: 20001 characters (max 20000)'],
    ['long id', { id: 'i'.repeat(101) }, 'notes[0].id: too long: 101 characters (max 100)'],
    ['empty id', { id: '' }, 'notes[0].id: must not be empty'],
    ['text not a string', { text: { html: '<b>' } }, 'notes[0].text: expected a string, got an object'],
    ['missing text', { text: undefined }, 'notes[0].text: is required'],
    ['updatedAt before createdAt', { createdAt: 10, updatedAt: 5 }, 'notes[0].updatedAt: must not be earlier than createdAt'],
    ['negative time', { createdAt: -1 }, 'notes[0].createdAt: must not be negative, got -1'],
    ['infinite time', { updatedAt: 'INF' }, 'notes[0].updatedAt: expected a number, got the number Infinity'],
    ['rev 0', { rev: 0 }, 'notes[0].rev: must be at least 1'],
    ['fractional rev', { rev: 1.5 }, 'notes[0].rev: must be a whole number'],
  ])('rejects a note with %s', (_name, overrides, message) => {
    const json = withNote(overrides).replace('"updatedAt":"INF"', '"updatedAt":1e999');
    expect(problemOf(json)).toBe(`This backup was not imported: ${message}`);
  });

  it('rejects a non-object note and a non-array notes field', () => {
    expect(problemOf(backupJson(['<b>']))).toBe('This backup was not imported: notes[0]: expected an object, got a string ("<b>")');
    expect(problemOf(backupJson([], { notes: {} }))).toBe('This backup was not imported: notes: expected an array, got an object');
  });

  it('lists at most 10 problems and counts the rest', () => {
    const json = backupJson(Array.from({ length: 15 }, (_, i) => note(`n${i}`, { rev: 0 })));
    const error = (() => {
      try {
        parseBackup(json);
      } catch (e) {
        return e as BackupError;
      }
      throw new Error('expected a BackupError');
    })();
    expect(error.problems).toHaveLength(15);
    expect(error.message).toMatch(/notes\[9\]\.rev: must be at least 1; … and 5 more$/);
  });
});

describe('formatPath', () => {
  it('writes zod paths as a reader would', () => {
    expect(formatPath(['notes', 12, 'target', 'url'])).toBe('notes[12].target.url');
    expect(formatPath([])).toBe('backup');
  });
});
