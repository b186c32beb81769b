/**
 * What one note may hold: the editor enforces it as the user types, the background
 * (`lib/messaging-validation.ts`) when the note arrives. Free of the schema library, so the
 * content script can carry it.
 */
export const NOTE_LIMITS = { text: 20_000, tags: 20, tag: 40, title: 500 } as const;
