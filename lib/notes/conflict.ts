/**
 * The tag of conflict copies, shared by the store (which adds it), the message contract and
 * the backup format (which must accept every note the store writes).
 */

/** Tag added to the copy kept when two edits of a note conflict. */
export const CONFLICT_TAG = 'conflict';

/**
 * Whether `tags` holds at most `max` tags besides the conflict tag: a conflict copy of a
 * note with the most tags carries one more, and must still be valid everywhere.
 */
export function withinTagLimit(tags: readonly string[], max: number): boolean {
  return tags.filter((t) => t !== CONFLICT_TAG).length <= max;
}
