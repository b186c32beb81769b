import { describe, expect, it } from 'vitest';
import { NOTE_LIMITS } from '../../lib/messaging-validation';
import { NOTE_INPUT_LIMITS } from './limits';

describe('NOTE_INPUT_LIMITS', () => {
  it('agrees with what the background accepts', () => {
    expect(NOTE_INPUT_LIMITS).toEqual(NOTE_LIMITS);
  });
});
