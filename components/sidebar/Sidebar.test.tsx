// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { Sidebar } from './Sidebar';
import { NEWS, cardOf, fakeWorld, flush, settle, groupsIn, mount, row, rows, summaryOf, text, unmount, type EntityTuple, type FakeWorld } from './testing';

afterEach(unmount);

async function open(world: FakeWorld, entities: readonly EntityTuple[] = NEWS): Promise<HTMLElement> {
  const el = mount(<Sidebar deps={world.deps} />);
  await flush();
  act(() => world.port().emit({ type: 'summary', summary: summaryOf(entities) }));
  await flush();
  return el;
}

const key = (target: Element, k: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });

describe('the entity list', () => {
  it('groups by kind (people first) in the page’s order, with counts, roles and summaries', async () => {
    const world = fakeWorld();
    const el = await open(world);
    expect(world.port().posted[0]).toEqual({ type: 'summary' });
    expect(groupsIn(el)).toEqual([
      ['People', ['Benjamin Netanyahu', 'Chuck Schumer', 'Joe Biden']],
      ['Organisations', ['Hamas']],
      ['Places', ['Gaza']],
      ['Topics', ['Ceasefire']],
    ]);
    expect(text(row(el, 'Chuck Schumer').querySelector('.bs-sb-count'))).toBe('4 mentions');
    expect(text(row(el, 'Joe Biden').querySelector('.bs-sb-count'))).toBe('1 mention');
    expect(text(row(el, 'Chuck Schumer').parentElement?.querySelector('.bs-sb-row__role'))).toBe('Role of Chuck Schumer');
    expect(text(row(el, 'Chuck Schumer').parentElement?.querySelector('.bs-sb-row__summary'))).toBe('Chuck Schumer in one line.');
    expect(text(el.querySelector('.bs-sb-totals'))).toBe('6 names · 16 mentions');
    // Cards are fetched once per entity, and cached.
    const cardCalls = world.send.mock.calls.filter(([m]) => (m as { type: string }).type === 'getCard');
    expect(cardCalls).toHaveLength(6);
  });

  it('fetches cards only for rows that came into view', async () => {
    const world = fakeWorld();
    const shown = new Set(['Benjamin Netanyahu', 'Gaza']);
    world.deps.observeVisible = (element, onVisible) => {
      if (shown.has(text(element.querySelector('.bs-sb-row__name')))) onVisible();
      return () => undefined;
    };
    const el = await open(world);
    const asked = world.send.mock.calls.map(([m]) => m as { type: string; payload: { entityId?: string } }).filter((m) => m.type === 'getCard');
    expect(asked.map((m) => m.payload.entityId).sort()).toEqual(['person/benjamin-netanyahu', 'place/gaza']);
    expect(text(row(el, 'Hamas').parentElement?.querySelector('.bs-sb-row__role'))).toBe('');
  });

  it('updates counts in place on a new summary: same row nodes, same focus', async () => {
    const world = fakeWorld();
    const el = await open(world);
    const before = rows(el);
    const schumer = row(el, 'Chuck Schumer');
    act(() => schumer.focus());
    const next = NEWS.map(([id, kind, name, count]): EntityTuple => [id, kind, name, id === 'person/chuck-schumer' ? count + 7 : count]);
    next.push(['place/rafah', 'place', 'Rafah', 1]);
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(next) }));
    await flush();
    expect(text(row(el, 'Chuck Schumer').querySelector('.bs-sb-count'))).toBe('11 mentions');
    expect(row(el, 'Chuck Schumer')).toBe(schumer);
    for (const r of before) expect(r.isConnected).toBe(true);
    expect(rows(el)).toHaveLength(7);
    expect(document.activeElement).toBe(schumer);
  });

  it('filters by name (accents and case ignored) and by role', async () => {
    const world = fakeWorld();
    const el = await open(world);
    const input = el.querySelector<HTMLInputElement>('#bs-sb-filter');
    expect(input?.labels?.[0]?.textContent).toBe('Filter');
    const type = async (value: string) => {
      act(() => {
        if (!input) return;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await flush();
    };
    await type('SCHÜ');
    expect(groupsIn(el)).toEqual([['People', ['Chuck Schumer']]]);
    await type('role of gaza');
    expect(groupsIn(el)).toEqual([['Places', ['Gaza']]]);
    await type('nobody');
    expect(rows(el)).toHaveLength(0);
    expect(text(el.querySelector('.bs-sb-nomatch'))).toBe('Nothing on this page matches “nobody”.');
    await type('');
    expect(rows(el)).toHaveLength(6);
  });

  it('filters by role even for rows whose cards were never in view', async () => {
    const world = fakeWorld();
    world.deps.observeVisible = () => () => undefined; // no row ever scrolls into view
    const el = await open(world);
    const input = el.querySelector<HTMLInputElement>('#bs-sb-filter');
    act(() => {
      if (!input) return;
      input.value = 'role of hamas';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    await flush();
    expect(groupsIn(el)).toEqual([['Organisations', ['Hamas']]]);
  });
});

describe('keyboard', () => {
  it('one tab stop; Up/Down across groups, Home/End; Enter reveals and expands', async () => {
    const world = fakeWorld();
    const el = await open(world);
    const all = rows(el);
    expect(all.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    act(() => all[0]?.focus());
    const at = () => text((document.activeElement as HTMLElement).querySelector('.bs-sb-row__name'));
    key(all[0] as Element, 'ArrowDown');
    expect(at()).toBe('Chuck Schumer');
    key(document.activeElement as Element, 'ArrowDown');
    key(document.activeElement as Element, 'ArrowDown');
    expect(at()).toBe('Hamas');
    key(document.activeElement as Element, 'ArrowUp');
    expect(at()).toBe('Joe Biden');
    key(document.activeElement as Element, 'End');
    expect(at()).toBe('Ceasefire');
    key(document.activeElement as Element, 'ArrowDown');
    expect(at()).toBe('Ceasefire');
    key(document.activeElement as Element, 'Home');
    expect(at()).toBe('Benjamin Netanyahu');
    key(document.activeElement as Element, 'ArrowDown');
    await flush();
    // The row with focus is the one Tab comes back to.
    expect(rows(el).map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1]);
    key(document.activeElement as Element, 'Enter');
    await flush();
    expect(world.port().posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/chuck-schumer', index: 0 });
    expect(row(el, 'Chuck Schumer').getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelector('.bs-sb-expanded h2')?.textContent).toBe('Chuck Schumer');
    key(document.activeElement as Element, ' ');
    expect(world.port().posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/chuck-schumer', index: 0 });
    key(document.activeElement as Element, 'Escape');
    await flush();
    expect(row(el, 'Chuck Schumer').getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('.bs-sb-expanded')).toBeNull();
  });

  it('ArrowDown in the filter box moves to the first row', async () => {
    const world = fakeWorld();
    const el = await open(world);
    const input = el.querySelector<HTMLInputElement>('#bs-sb-filter');
    act(() => input?.focus());
    key(input as Element, 'ArrowDown');
    expect(document.activeElement).toBe(rows(el)[0]);
  });
});

describe('stepping through mentions', () => {
  it('click reveals the first mention, further clicks and ‹ › step: "2 of 5"', async () => {
    const world = fakeWorld();
    const el = await open(world);
    const port = world.port();
    act(() => row(el, 'Benjamin Netanyahu').click());
    await flush();
    expect(port.posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/benjamin-netanyahu', index: 0 });
    const pos = () => text(el.querySelector('.bs-sb-stepper__pos'));
    expect(pos()).toBe('5 on this page');
    act(() => port.emit({ type: 'revealed', entityId: 'person/benjamin-netanyahu', index: 0, count: 5 }));
    await flush();
    expect(pos()).toBe('1 of 5');
    expect(text(el.querySelector('[role="status"].bs-sb-sr'))).toBe('Benjamin Netanyahu: mention 1 of 5');
    act(() => row(el, 'Benjamin Netanyahu').click());
    expect(port.posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/benjamin-netanyahu', index: 1 });
    act(() => port.emit({ type: 'revealed', entityId: 'person/benjamin-netanyahu', index: 1, count: 5 }));
    await flush();
    expect(pos()).toBe('2 of 5');
    const next = el.querySelector<HTMLButtonElement>('button[aria-label="Next mention"]');
    const prev = el.querySelector<HTMLButtonElement>('button[aria-label="Previous mention"]');
    act(() => next?.click());
    expect(port.posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/benjamin-netanyahu', index: 2 });
    act(() => port.emit({ type: 'revealed', entityId: 'person/benjamin-netanyahu', index: 0, count: 5 }));
    await flush();
    act(() => prev?.click());
    // Wraps backwards from the first to the last.
    expect(port.posted.at(-1)).toEqual({ type: 'reveal', entityId: 'person/benjamin-netanyahu', index: 4 });
  });

  it('a related entity on the page becomes the expanded one', async () => {
    const world = fakeWorld();
    const schumer = world.cards.get('person/chuck-schumer');
    if (schumer) {
      schumer.entity.relations = [{ type: 'criticised', target: 'person/benjamin-netanyahu', date: '2024-03-14' }];
      schumer.related = [{ id: 'person/benjamin-netanyahu', kind: 'person', name: 'Benjamin Netanyahu' }];
    }
    const el = await open(world);
    act(() => row(el, 'Chuck Schumer').click());
    await flush();
    const related = el.querySelector<HTMLButtonElement>('.bs-sb-expanded .bs-relation__target');
    expect(text(related)).toBe('Benjamin Netanyahu');
    act(() => related?.click());
    await flush();
    expect(row(el, 'Benjamin Netanyahu').getAttribute('aria-expanded')).toBe('true');
    expect(row(el, 'Chuck Schumer').getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('.bs-sb-expanded h2')?.textContent).toBe('Benjamin Netanyahu');
    expect(document.activeElement).toBe(row(el, 'Benjamin Netanyahu'));
  });
});

describe('a related entity that is not on the page', () => {
  it('opens its card in the panel with Back, and keyboard focus follows (never dropped to the body)', async () => {
    const world = fakeWorld();
    const schumer = world.cards.get('person/chuck-schumer');
    if (schumer) {
      schumer.entity.relations = [{ type: 'called-for', target: 'place/israel', date: '2024-03-14' }];
      schumer.related = [{ id: 'place/israel', kind: 'place', name: 'Israel' }];
    }
    world.cards.set('place/israel', cardOf('place/israel', 'place', 'Israel'));
    const el = await open(world);
    act(() => row(el, 'Chuck Schumer').click());
    await flush();
    const related = el.querySelector<HTMLButtonElement>('.bs-sb-expanded .bs-relation__target');
    expect(text(related)).toBe('Israel');
    act(() => {
      related?.focus();
      related?.click();
    });
    await flush();
    expect(el.querySelector('.bs-sb-expanded h2')?.textContent).toBe('Israel');
    const panel = el.querySelector('.bs-sb-expanded');
    expect(panel?.contains(document.activeElement)).toBe(true);
    const back = el.querySelector<HTMLButtonElement>('.bs-sb-expanded .bs-back');
    act(() => {
      back?.focus();
      back?.click();
    });
    await flush();
    expect(el.querySelector('.bs-sb-expanded h2')?.textContent).toBe('Chuck Schumer');
    expect(el.querySelector('.bs-sb-expanded')?.contains(document.activeElement)).toBe(true);
  });
});

describe('500 entities', () => {
  it('render once, then update counts quickly, re-rendering only the rows that changed', async () => {
    const world = fakeWorld({ cards: [] });
    const kinds = ['person', 'organisation', 'place', 'topic', 'event', 'group'] as const;
    const many = Array.from({ length: 500 }, (_, i): EntityTuple => [`topic/e${i}`, kinds[i % 6] ?? 'topic', `Entity ${i}`, 500 - i]);
    const el = mount(<Sidebar deps={world.deps} />);
    await flush();
    let t = performance.now();
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(many) }));
    const first = performance.now() - t;
    expect(rows(el)).toHaveLength(500);
    const nodes = rows(el);
    const updated = many.map(([id, kind, name, count], i): EntityTuple => [id, kind, name, i % 10 === 0 ? count + 1 : count]);
    t = performance.now();
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(updated) }));
    const update = performance.now() - t;
    expect(rows(el)).toEqual(nodes);
    expect(text(nodes[0]?.querySelector('.bs-sb-count'))).toBe('501 mentions');
    // Generous bounds for a slow shared CI core under happy-dom; typical: first ~150 ms, update ~30 ms.
    console.info(`sidebar, 500 entities: first render ${first.toFixed(0)} ms, count update ${update.toFixed(0)} ms`);
    expect(first).toBeLessThan(2_000);
    expect(update).toBeLessThan(400);
  });
});
