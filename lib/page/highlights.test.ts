// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlightLayer, highlightApiOf } from './highlights';
import { FakeHighlight, fakeHighlightApi } from './test-fakes';
import type { PageMention } from './types';
import type { EntityKind } from '../model';

function mention(id: number, kind: EntityKind): PageMention {
  return { id, entityId: `${kind}/x`, kind, range: document.createRange(), text: 'x' };
}

describe('highlightApiOf', () => {
  it('is null without CSS.highlights (happy-dom), found when present', () => {
    expect(highlightApiOf(window)).toBeNull();
    const registry = new Map();
    const fakeWin = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window;
    const api = highlightApiOf(fakeWin);
    expect(api?.registry).toBe(registry);
    expect(api?.create()).toBeInstanceOf(FakeHighlight);
  });
});

describe('createHighlightLayer', () => {
  it('registers one highlight per kind plus active, and adds ranges to the right kind', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    expect([...registry.keys()].sort()).toEqual([
      'backstory-active', 'backstory-event', 'backstory-group', 'backstory-organisation',
      'backstory-person', 'backstory-place', 'backstory-topic',
    ]);
    const p = mention(1, 'person');
    const g = mention(2, 'place');
    layer.add(p);
    layer.add(g);
    expect(registry.get('backstory-person')?.has(p.range)).toBe(true);
    expect(registry.get('backstory-place')?.has(g.range)).toBe(true);
    expect(registry.get('backstory-person')?.size).toBe(1);
    layer.remove(p);
    expect(registry.get('backstory-person')?.size).toBe(0);
    expect(registry.get('backstory-place')?.size).toBe(1);
  });

  it('setActive keeps at most one range in backstory-active, above the kinds', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    const a = mention(1, 'topic');
    const b = mention(2, 'event');
    const active = registry.get('backstory-active');
    layer.setActive(a);
    layer.setActive(b);
    expect(active ? [...(active as FakeHighlight)] : []).toEqual([b.range]);
    expect(active?.priority).toBeGreaterThan(registry.get('backstory-topic')?.priority ?? 0);
    layer.remove(b);
    expect(active?.size).toBe(0);
    layer.setActive(a);
    layer.setActive(null);
    expect(active?.size).toBe(0);
  });

  it('dispose removes its registrations, but not a newer instance’s', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    layer.add(mention(1, 'group'));
    const newer = new FakeHighlight();
    registry.set('backstory-group', newer);
    expect(layer.owns(newer)).toBe(false);
    layer.dispose();
    expect([...registry.keys()]).toEqual(['backstory-group']);
    expect(registry.get('backstory-group')).toBe(newer);
    layer.add(mention(2, 'person')); // no-op after dispose
    expect(registry.size).toBe(1);
  });

  it('is a silent no-op without the API', () => {
    const layer = createHighlightLayer(null);
    expect(layer.available).toBe(false);
    expect(() => {
      layer.add(mention(1, 'person'));
      layer.setActive(null);
      layer.dispose();
    }).not.toThrow();
  });
});

describe('held-back highlights', () => {
  it('registers held ranges only on flush, in batches, and forgets removed ones', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    document.body.innerHTML = '<p>abcdef</p>';
    const text = document.querySelector('p')?.firstChild;
    if (!(text instanceof window.Text)) throw new Error('fixture');
    const mention = (id: number): PageMention => {
      const range = document.createRange();
      range.setStart(text, id);
      range.setEnd(text, id + 1);
      return { id, entityId: 'person/x', kind: 'person', range, text: 'x' };
    };
    const ms = [0, 1, 2, 3, 4].map(mention);
    for (const m of ms) layer.hold(m);
    const person = registry.get('backstory-person');
    expect(person?.size).toBe(0);
    layer.remove(ms[4] ?? mention(5));
    expect(layer.flush(2)).toBe(2);
    expect(person?.size).toBe(2);
    expect(layer.flush(2)).toBe(0);
    expect(person?.size).toBe(4);
    layer.remove(ms[0] ?? mention(5));
    expect(person?.size).toBe(3);
  });
});
