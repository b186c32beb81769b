import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA, itemBytes } from './quota';
import { chunkRecordKey, encodeRecord, readSyncItems, splitText } from './records';

describe('splitText', () => {
  it('keeps each piece within the budget as JSON string contents, whatever the characters', () => {
    const text = `${'a"\\\n'.repeat(300)}${'נתניהו 👍 '.repeat(200)}\u0001`;
    const pieces = splitText(text, 100);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(itemBytes('', piece) - 2).toBeLessThanOrEqual(100);
  });
  it('never splits a character outside the basic plane', () => {
    const pieces = splitText('👍'.repeat(50), 10);
    for (const piece of pieces) expect([...piece].every((c) => c === '👍')).toBe(true);
  });
});

describe('encodeRecord and readSyncItems', () => {
  it('keeps a small record in one item', () => {
    const items = encodeRecord('sites', 'example.com', { a: 1 }, 5);
    expect(items).toEqual({ 'bs:sites:example.com': { v: { a: 1 }, t: 5 } });
    const read = readSyncItems(items ?? {});
    expect(read.records.get('sites:example.com')).toMatchObject({ collection: 'sites', id: 'example.com', t: 5, value: { a: 1 }, readable: true });
  });

  it('splits a large record into chunks of at most 8 KB and joins them back', () => {
    const value = { text: 'Schumer, נתניהו and "quotes" \\ '.repeat(1_500) };
    const items = encodeRecord('entities', 'user/x', value, 7);
    expect(items).not.toBeNull();
    const keys = Object.keys(items ?? {});
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(itemBytes(key, (items ?? {})[key])).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    const read = readSyncItems(items ?? {}).records.get('entities:user/x');
    expect(read?.readable).toBe(true);
    expect(read?.value).toEqual(value);
    expect(read?.keys).toHaveLength(keys.length);
    expect(keys.filter((k) => k.startsWith('bs~')).map(chunkRecordKey)).toEqual(keys.slice(1).map(() => 'entities:user/x'));
  });

  it('sees a record with a missing or mixed-version chunk as unreadable, never as a wrong value', () => {
    const v1 = encodeRecord('entities', 'e', { text: 'a'.repeat(20_000) }, 1) ?? {};
    const v2 = encodeRecord('entities', 'e', { text: 'b'.repeat(20_000) }, 2) ?? {};
    const missing = { ...v2 };
    delete missing['bs~1~entities:e'];
    expect(readSyncItems(missing).records.get('entities:e')?.readable).toBe(false);
    const mixed = { ...v2, 'bs~1~entities:e': v1['bs~1~entities:e'] };
    expect(readSyncItems(mixed).records.get('entities:e')?.readable).toBe(false);
  });

  it('refuses a record the whole area could not hold', () => {
    expect(encodeRecord('entities', 'huge', 'x'.repeat(5_000_000), 1)).toBeNull();
  });
});
