import { describe, expect, it } from 'vitest';
import { itemBytes, quotaErrorKind } from './quota';

describe('itemBytes', () => {
  it('counts the key and the value as JSON, in UTF-8 bytes', () => {
    expect(itemBytes('k', 'ab')).toBe(1 + 4);
    expect(itemBytes('k', { a: 1 })).toBe(1 + 7);
    expect(itemBytes('k', 'נתניהו')).toBe(1 + 2 + 12);
  });
});

describe('quotaErrorKind', () => {
  it("names Chrome's quotas and Firefox's error", () => {
    expect(quotaErrorKind(new Error('QUOTA_BYTES quota exceeded'))).toBe('bytes');
    expect(quotaErrorKind(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('item');
    expect(quotaErrorKind(new Error('MAX_ITEMS quota exceeded'))).toBe('items');
    expect(quotaErrorKind(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toBe('rate');
    expect(quotaErrorKind(new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'))).toBe('rate');
    const firefox = new Error('storage.sync API call exceeded its quota limitations.');
    firefox.name = 'QuotaExceededError';
    expect(quotaErrorKind(firefox)).toBe('bytes');
  });
  it('is null for anything else', () => {
    expect(quotaErrorKind(new Error('The browser is shutting down.'))).toBeNull();
    expect(quotaErrorKind('nope')).toBeNull();
  });
});
