// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { NOTED_HIGHLIGHT, type HighlightView } from './highlights';
import { createNotedHighlight, NOTED_PRIORITY } from './noted-highlight';
import { fakeHighlightApi } from './test-fakes';
import type { PageMention } from './types';

function mention(id: number, entityId: string): PageMention {
  return { id, entityId, kind: 'person', range: document.createRange(), text: entityId };
}

describe('createNotedHighlight', () => {
  it('registers backstory-noted between the kind highlights and the active one', () => {
    const { api, registry } = fakeHighlightApi();
    const noted = createNotedHighlight(api);
    expect(noted.available).toBe(true);
    expect(registry.get(NOTED_HIGHLIGHT)?.priority).toBe(NOTED_PRIORITY);
    expect(NOTED_PRIORITY).toBeGreaterThan(0);
    expect(NOTED_PRIORITY).toBeLessThan(2);
  });

  it('holds exactly the ranges of mentions of noted entities, updating by difference', () => {
    const { api, registry } = fakeHighlightApi();
    const noted = createNotedHighlight(api);
    const a1 = mention(1, 'a');
    const b1 = mention(2, 'b');
    const a2 = mention(3, 'a');
    noted.update([a1, b1, a2], new Set(['a']));
    const h = registry.get(NOTED_HIGHLIGHT);
    expect(h?.has(a1.range)).toBe(true);
    expect(h?.has(a2.range)).toBe(true);
    expect(h?.has(b1.range)).toBe(false);
    expect(noted.size).toBe(2);
    noted.update([a1, b1], new Set(['b']));
    expect(h?.size).toBe(1);
    expect(h?.has(b1.range)).toBe(true);
    noted.update([a1, b1], new Set());
    expect(h?.size).toBe(0);
  });

  it('unregisters only its own registration on dispose', () => {
    const { api, registry } = fakeHighlightApi();
    const first = createNotedHighlight(api);
    const second = createNotedHighlight(api);
    first.dispose();
    expect(registry.has(NOTED_HIGHLIGHT)).toBe(true);
    second.update([mention(1, 'a')], new Set(['a']));
    second.dispose();
    expect(registry.has(NOTED_HIGHLIGHT)).toBe(false);
    second.update([mention(2, 'a')], new Set(['a']));
    expect(second.size).toBe(0);
  });

  it('is a no-op without the Custom Highlight API', () => {
    const noted = createNotedHighlight(null);
    expect(noted.available).toBe(false);
    noted.update([mention(1, 'a')], new Set(['a']));
    expect(noted.size).toBe(0);
    noted.dispose();
  });

  it('with a view, holds only the noted mentions the kind highlights hold, following its changes', () => {
    const { api, registry } = fakeHighlightApi();
    const shown = new Set<PageMention>();
    let listener: ((show: readonly PageMention[], hide: readonly PageMention[]) => void) | undefined;
    const view: HighlightView = {
      isShown: (m) => shown.has(m),
      subscribe(l) {
        listener = l;
        return () => {
          listener = undefined;
        };
      },
    };
    const near = mention(1, 'a');
    const far = mention(2, 'a');
    const other = mention(3, 'b');
    shown.add(near);
    shown.add(other);
    const noted = createNotedHighlight(api, view);
    noted.update([near, far, other], new Set(['a']));
    const h = registry.get(NOTED_HIGHLIGHT);
    expect(h?.has(near.range)).toBe(true);
    expect(h?.has(far.range)).toBe(false);
    expect(noted.size).toBe(2); // both are noted; one is registered
    // The reader scrolls: `far` comes into the band, `near` leaves it.
    shown.delete(near);
    shown.add(far);
    listener?.([far], [near]);
    expect(h?.has(far.range)).toBe(true);
    expect(h?.has(near.range)).toBe(false);
    listener?.([other], []); // not noted: not marked
    expect(h?.has(other.range)).toBe(false);
    noted.update([near, far, other], new Set());
    expect(h?.size).toBe(0);
    noted.dispose();
    expect(listener).toBeUndefined();
  });
});
