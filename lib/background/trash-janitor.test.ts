import { afterEach, expect, it, vi } from 'vitest';
import { deleteNote, getNote, saveNote } from '../db/notes-repo';
import { openTestDB } from '../db/testing';
import { createTrashJanitor, PURGE_EVERY_MS } from './trash-janitor';

const DAY = 24 * 60 * 60 * 1000;
const db = openTestDB();
afterEach(() => db.close());

it('purges expired trash now, then at most once per interval, signalling only real purges', async () => {
  let clock = 100 * DAY;
  const onPurged = vi.fn(() => Promise.resolve());
  const janitor = createTrashJanitor(db, { now: () => clock, onPurged });
  const { note } = await saveNote(db, { target: { type: 'entity', entityId: 'e/1' }, text: 'x', tags: [] }, 0);
  await deleteNote(db, note.id, clock - 31 * DAY);
  const { note: fresh } = await saveNote(db, { target: { type: 'entity', entityId: 'e/1' }, text: 'y', tags: [] }, 0);
  await deleteNote(db, fresh.id, clock - 29 * DAY);

  expect(await Promise.all([janitor.run(), janitor.run()])).toEqual([1, 1]);
  expect(onPurged).toHaveBeenCalledTimes(1);
  expect(await getNote(db, note.id)).toBeUndefined();

  const firstRun = clock;
  clock = firstRun + PURGE_EVERY_MS - 1;
  expect(await janitor.maybeRun()).toBe(0);
  clock = firstRun + 2 * DAY;
  expect(await janitor.maybeRun()).toBe(1);
  expect(onPurged).toHaveBeenCalledTimes(2);
  expect(await janitor.run()).toBe(0);
  expect(onPurged).toHaveBeenCalledTimes(2);
});
