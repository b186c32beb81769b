import { describe, expect, it } from 'vitest';
import { createRevisionBumper, NOTES_REVISION_KEY, readNotesRevision, type RevisionStorage } from './revision';

function memoryArea(): RevisionStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (more) => {
      // Yield between read and write, as a real storage area does.
      await new Promise((resolve) => setTimeout(resolve, 1));
      Object.assign(items, more);
    },
  };
}

describe('notes revision', () => {
  it('is stored under "notesRevision"', () => {
    expect(NOTES_REVISION_KEY).toBe('notesRevision');
    expect(readNotesRevision({ notesRevision: 4 })).toBe(4);
    expect(readNotesRevision({})).toBe(0);
    expect(readNotesRevision({ notesRevision: 'x' })).toBe(0);
  });

  it('bumps once per call, even for concurrent calls', async () => {
    const area = memoryArea();
    const bump = createRevisionBumper(area);
    expect(await Promise.all([bump(), bump(), bump()])).toEqual([1, 2, 3]);
    expect(area.items).toEqual({ notesRevision: 3 });
  });

  it('keeps bumping after a failed write', async () => {
    const area = memoryArea();
    let fail = true;
    const bump = createRevisionBumper({
      get: area.get,
      set: (items) => (fail ? Promise.reject(new Error('nope')) : area.set(items)),
    });
    await expect(bump()).rejects.toThrow('nope');
    fail = false;
    expect(await bump()).toBe(1);
  });
});
