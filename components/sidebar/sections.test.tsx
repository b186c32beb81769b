// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { Note } from '../../lib/model';
import { Sidebar } from './Sidebar';
import { NEWS, cardOf, fakeWorld, flush, mount, row, settle, summaryOf, text, unmount, type FakeWorld } from './testing';

afterEach(unmount);

const note = (id: string, target: Note['target'], body: string): Note => ({
  id,
  target,
  text: body,
  tags: [],
  pageUrl: 'https://news.example/story',
  createdAt: 1_710_000_000_000,
  updatedAt: 1_710_000_000_000,
  rev: 1,
});
const passage = (exact: string) => ({ exact, prefix: '', suffix: '', start: 0, end: exact.length });

async function open(world: FakeWorld, orphaned: string[] = []): Promise<HTMLElement> {
  const el = mount(<Sidebar deps={world.deps} />);
  await flush();
  act(() => world.port().emit({ type: 'summary', summary: summaryOf(NEWS, { passages: { anchored: ['p1'], orphaned } }) }));
  await settle();
  return el;
}

describe('notes on this page', () => {
  it('lists page notes, passage notes (click to reveal; orphans marked) and notes on the names present', async () => {
    const world = fakeWorld();
    world.notes.push(
      note('pg', { type: 'page', url: 'https://news.example/story' }, 'Read again tomorrow'),
      note('p1', { type: 'passage', url: 'https://news.example/story', selector: passage('a call by Senate Majority Leader') }, 'Key line'),
      note('p2', { type: 'passage', url: 'https://news.example/story', selector: passage('a paragraph that was edited away') }, 'Lost one'),
      note('e1', { type: 'entity', entityId: 'organisation/hamas' }, 'Designated a terrorist group by the US'),
      note('e2', { type: 'entity', entityId: 'person/not-on-page' }, 'Elsewhere'),
    );
    const el = await open(world, ['p2']);
    const section = el.querySelector('[aria-labelledby="bs-sb-notes"]');
    expect(text(section)).toContain('Read again tomorrow');
    const go = section?.querySelector<HTMLButtonElement>('.bs-sb-passage__go');
    expect(text(go)).toBe('Show on the page: “a call by Senate Majority Leader”');
    act(() => go?.click());
    expect(world.port().posted.at(-1)).toEqual({ type: 'reveal-passage', noteId: 'p1' });
    act(() => world.port().emit({ type: 'revealed-passage', noteId: 'p1', found: false }));
    await flush();
    expect(text(el.querySelector('[role="status"].bs-sb-sr'))).toBe('That passage is not on the page any more');
    const lost = section?.querySelector('.bs-sb-passage[data-orphaned="true"]');
    expect(text(lost)).toContain('Not found on the page any more');
    expect(lost?.querySelector('button')).toBeNull();
    expect([...(section?.querySelectorAll('h3') ?? [])].map((h) => text(h))).toEqual(['About this page', 'On passages', 'Hamas']);
    expect(text(section)).toContain('Designated a terrorist group');
    expect(text(section)).not.toContain('Elsewhere');
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('never shows the previous page’s notes under the next page (single-page navigation)', async () => {
    const world = fakeWorld();
    world.notes.push(note('pg', { type: 'page', url: 'https://news.example/story' }, 'Read again tomorrow'));
    const el = await open(world);
    const section = () => el.querySelector('[aria-labelledby="bs-sb-notes"]');
    expect(text(section())).toContain('Read again tomorrow');
    world.notes.length = 0;
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(NEWS, { url: 'https://news.example/next-story', title: 'Next story' }) }));
    await flush();
    expect(text(section())).not.toContain('Read again tomorrow');
    await settle();
    expect(text(section())).toContain('No notes on this page');
  });

  it('reloads when notes change elsewhere', async () => {
    const world = fakeWorld();
    const el = await open(world);
    expect(text(el.querySelector('[aria-labelledby="bs-sb-notes"]'))).toContain('No notes on this page');
    world.notes.push(note('e1', { type: 'entity', entityId: 'place/gaza' }, 'Aid trucks'));
    act(() => world.notesChanged());
    await settle();
    expect(text(el.querySelector('[aria-labelledby="bs-sb-notes"]'))).toContain('Aid trucks');
  });

  it('a note added in the expanded entity is saved on that entity, written on this page', async () => {
    const world = fakeWorld();
    const el = await open(world);
    act(() => row(el, 'Gaza').click());
    await settle();
    const add = [...el.querySelectorAll<HTMLButtonElement>('.bs-sb-expanded button')].find((b) => text(b) === 'Add a note');
    act(() => add?.click());
    await flush();
    const textarea = el.querySelector<HTMLTextAreaElement>('.bs-sb-expanded textarea');
    act(() => {
      if (!textarea) return;
      textarea.value = 'Rafah crossing closed';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = [...el.querySelectorAll<HTMLButtonElement>('.bs-sb-expanded button')].find((b) => text(b) === 'Save');
    act(() => save?.click());
    await settle();
    expect(world.notes.at(-1)).toMatchObject({
      target: { type: 'entity', entityId: 'place/gaza' },
      text: 'Rafah crossing closed',
      pageUrl: 'https://news.example/story',
      pageTitle: 'Netanyahu rejects Schumer call',
    });
    expect(text(el.querySelector('.bs-sb-expanded .bs-note__text'))).toBe('Rafah crossing closed');
  });
});

describe('how they connect', () => {
  it('lists relations only among the entities on this page, grouped by source, with dates, each fact once', async () => {
    const world = fakeWorld({
      cards: [
        cardOf('person/chuck-schumer', 'person', 'Chuck Schumer', [
          { type: 'criticised', target: 'person/benjamin-netanyahu', date: '2024-03-14', label: 'called him an obstacle to peace' },
          { type: 'member-of', target: 'organisation/us-senate' },
        ]),
        cardOf('person/benjamin-netanyahu', 'person', 'Benjamin Netanyahu', [
          { type: 'criticised-by', target: 'person/chuck-schumer', date: '2024-03-14' },
          { type: 'in-conflict-with', target: 'organisation/hamas' },
          { type: 'related-to', target: 'person/benjamin-netanyahu' },
        ]),
        cardOf('organisation/hamas', 'organisation', 'Hamas', [{ type: 'located-in', target: 'place/rafah' }]),
      ],
    });
    const el = await open(world);
    const section = el.querySelector('[aria-labelledby="bs-sb-connect"]');
    const groups = [...(section?.querySelectorAll('.bs-sb-connection') ?? [])].map((g) => [
      text(g.querySelector('h3')),
      [...g.querySelectorAll('.bs-sb-link')].map((l) => text(l)),
    ]);
    // Netanyahu is the more prominent: "criticised by Schumer" is listed under him, and
    // Schumer's "criticised Netanyahu" (the same fact) is not repeated.
    expect(groups).toEqual([['Benjamin Netanyahu', ['criticised by → Chuck Schumer (14 Mar 2024)', 'in conflict with → Hamas']]]);
    const hamas = [...(section?.querySelectorAll<HTMLButtonElement>('.bs-sb-link__target') ?? [])].find((b) => text(b) === 'Hamas');
    act(() => hamas?.click());
    await flush();
    expect(row(el, 'Hamas').getAttribute('aria-expanded')).toBe('true');
  });

  it('says so when a passage cannot be shown because the page went away', async () => {
    const world = fakeWorld();
    world.notes.push(note('p1', { type: 'passage', url: 'https://news.example/story', selector: passage('a call by Senate Majority Leader') }, 'Key line'));
    const el = await open(world);
    const go = el.querySelector<HTMLButtonElement>('.bs-sb-passage__go');
    expect(go).not.toBeNull();
    world.port().disconnected = true;
    act(() => go?.click());
    await flush();
    expect(text(el.querySelector('[role="status"].bs-sb-sr'))).toBe('The page is not connected; reload it and try again.');
  });
});
