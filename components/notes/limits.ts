/**
 * What one note may hold, as the editor enforces it. Mirrors `NOTE_LIMITS` in
 * `lib/messaging-validation.ts` (which the background enforces), kept apart so the content
 * script does not carry the schema library; `limits.test.ts` checks they agree.
 */
export const NOTE_INPUT_LIMITS = { text: 20_000, tags: 20, tag: 40, title: 500 } as const;
