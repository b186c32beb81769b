/**
 * The pack that ships with Backstory: the story of 18 March 2024 (Netanyahu's rift with
 * Western allies over Gaza). Validated at module load so a broken data file fails loudly in
 * tests and at build time instead of silently installing nothing.
 */
import type { Pack } from '../model';
import raw from './story-2024-03-18.json';
import { parsePack } from './schema';

/** Validates the shipped JSON; throws with every error when it is not a valid pack. */
export function loadShippedPack(input: unknown): Pack {
  const result = parsePack(input);
  if (!result.ok) {
    throw new Error(`The shipped pack is invalid:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return result.pack;
}

export const shippedPack: Pack = loadShippedPack(raw);
