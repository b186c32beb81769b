import { describe, expect, it } from 'vitest';
import { parseSidebarRequest } from './sidebar-protocol';

describe('parseSidebarRequest', () => {
  it('accepts exactly the requests of the protocol', () => {
    expect(parseSidebarRequest({ type: 'summary' })).toEqual({ type: 'summary' });
    expect(parseSidebarRequest({ type: 'reveal', entityId: 'person/x', index: 2 })).toEqual({ type: 'reveal', entityId: 'person/x', index: 2 });
    expect(parseSidebarRequest({ type: 'reveal-passage', noteId: 'n1' })).toEqual({ type: 'reveal-passage', noteId: 'n1' });
  });
  it('refuses anything else', () => {
    for (const bad of [null, 'summary', {}, { type: 'summary', extra: 1 }, { type: 'reveal', entityId: '', index: 0 }, { type: 'reveal', entityId: 'a', index: 1.5 }, { type: 'reveal', entityId: 'x'.repeat(201), index: 0 }, { type: 'reveal-passage' }, { type: 'delete-all' }]) {
      expect(parseSidebarRequest(bad)).toBeNull();
    }
  });
});
