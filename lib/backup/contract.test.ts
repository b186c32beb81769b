/**
 * Every note the message contract lets a writer store must survive export → import: a
 * backup that its own import refuses (all or nothing) loses every note in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteDraft } from '../model';
import { requestSchemas } from '../messaging-validation';
import { saveNote } from '../db/notes-repo';
import type { BackstoryDB } from '../db/schema';
import { openTestDB } from '../db/testing';
import { exportBackup, importBackup } from '.';




let db: BackstoryDB;
beforeEach(() => {
  db = openTestDB();
});
afterEach(() => db.close());

/** The draft as the router would hand it to the handler, or the router's refusal. */
function accepted(draft: unknown): NoteDraft | undefined {
  const parsed = requestSchemas.saveNote.safeParse({ draft });
  return parsed.success ? parsed.data.draft : undefined;
}

async function roundTrip(): Promise<void> {
  const backup = await exportBackup(db, 5_000);
  const target = openTestDB();
  try {
    const summary = await importBackup(target, JSON.stringify(backup), 6_000);
    expect(summary.added).toBe(backup.notes.length);
  } finally {
    target.close();
  }
}

describe('what saveNote accepts, importBackup accepts', () => {
  it('refuses URLs that are not URLs (else the export cannot be imported)', () => {
    for (const url of ['http://', 'https://exa mple.com/', 'http://[bad/']) {
      expect(accepted({ target: { type: 'page', url }, text: 'x', tags: [] }), url).toBeUndefined();
      expect(accepted({ target: { type: 'entity', entityId: 'e' }, text: 'x', tags: [], pageUrl: url }), url).toBeUndefined();
    }
  });

  it('refuses a passage selector that ends before it starts', () => {
    const selector = { exact: 'q', prefix: '', suffix: '', start: 5, end: 2 };
    expect(accepted({ target: { type: 'passage', url: 'https://a.example/', selector }, text: 'x', tags: [] })).toBeUndefined();
  });

  it('a conflict copy of a note with the most tags still imports', async () => {
    const tags = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const draft = accepted({ target: { type: 'entity', entityId: 'e' }, text: 'v1', tags });
    if (!draft) throw new Error('a note with 20 tags must be accepted');
    const first = await saveNote(db, draft, 1_000);
    await saveNote(db, { ...draft, id: first.note.id, baseRev: 1, text: 'v2' }, 2_000);
    const stale = await saveNote(db, { ...draft, id: first.note.id, baseRev: 1, text: 'v2 elsewhere' }, 3_000);
    expect(stale.status).toBe('conflict');
    await roundTrip();
  });

  it('an edit made while the clock is behind the note\'s creation still imports', async () => {
    const draft: NoteDraft = { target: { type: 'entity', entityId: 'e' }, text: 'v1', tags: [] };
    const first = await saveNote(db, draft, 10_000);
    const edit = await saveNote(db, { ...draft, id: first.note.id, baseRev: 1, text: 'v2' }, 9_000);
    expect(edit.note.updatedAt).toBeGreaterThanOrEqual(edit.note.createdAt);
    await roundTrip();
  });
});
