// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { Sidebar } from './Sidebar';
import { NO_MENTIONS } from './EmptyState';
import { UNREADABLE } from './page-access';
import { NEWS, fakeWorld, flush, groupsIn, mount, row, rows, settle, summaryOf, text, unmount, type FakeWorld } from './testing';

afterEach(unmount);

const heading = (el: HTMLElement) => text(el.querySelector('.bs-sb-empty__title'));
const scanButton = (el: HTMLElement) => [...el.querySelectorAll('button')].find((b) => /Scan/.test(text(b)));

async function axeClean(el: HTMLElement): Promise<void> {
  const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

async function openWith(world: FakeWorld): Promise<HTMLElement> {
  const el = mount(<Sidebar deps={world.deps} />);
  await settle(30); // past the connection's retries (1 ms apart in the fake)
  return el;
}

describe('empty states', () => {
  it('says so when the page has no mentions (after the scan finished)', async () => {
    const world = fakeWorld();
    const el = await openWith(world);
    expect(heading(el)).toBe('Reading this page…');
    act(() => world.port().emit({ type: 'summary', summary: summaryOf([], { scanning: true }) }));
    await flush();
    expect(heading(el)).toBe('Reading this page…');
    act(() => world.port().emit({ type: 'summary', summary: summaryOf([]) }));
    await settle();
    expect(heading(el)).toBe(NO_MENTIONS);
    expect(el.querySelector('#bs-sb-filter')).toBeNull();
    await axeClean(el);
  });

  it('does not try to read a chrome:// page, and says why', async () => {
    const world = fakeWorld();
    world.tabs.set(1, { id: 1, url: 'chrome://settings/', title: 'Settings', status: 'complete' });
    const el = await openWith(world);
    expect(world.ports).toHaveLength(0);
    expect(heading(el)).toBe('Backstory can’t read this page');
    expect(text(el.querySelector('.bs-sb-reason'))).toBe(UNREADABLE.browser);
    await axeClean(el);
  });

  it('says why when the browser hides the address and no content script answers', async () => {
    const world = fakeWorld();
    world.tabs.set(1, { id: 1, title: 'New Tab', status: 'complete' });
    world.scripted.delete(1);
    const el = await openWith(world);
    expect(heading(el)).toBe('Backstory can’t read this page');
    expect(text(el.querySelector('.bs-sb-reason'))).toBe(UNREADABLE.hidden);
  });

  it('offers "Scan this page" without a content script: injects it and reconnects', async () => {
    const world = fakeWorld();
    world.scripted.delete(1);
    const el = await openWith(world);
    expect(heading(el)).toBe('Backstory isn’t running on this page');
    await axeClean(el);
    act(() => scanButton(el)?.click());
    await flush();
    expect(world.send).toHaveBeenCalledWith({ backstory: 1, type: 'injectContentScript', payload: { tabId: 1 } });
    // Three tries before (the script might have been starting), one after the injection.
    expect(world.ports).toHaveLength(4);
    expect(world.port().disconnected).toBe(false);
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(NEWS) }));
    await flush();
    expect(rows(el)).toHaveLength(6);
  });

  it('shows the reason when the scan fails', async () => {
    const world = fakeWorld();
    world.scripted.delete(1);
    world.injectReply = { injected: false, reason: 'Cannot access contents of the page.' };
    const el = await openWith(world);
    act(() => scanButton(el)?.click());
    await flush();
    expect(text(el.querySelector('[role="alert"]'))).toBe('Couldn’t scan this page: Cannot access contents of the page.');
    expect(scanButton(el)?.disabled).toBe(false);
    await axeClean(el);
  });
});

describe('following the active tab', () => {
  it('switches tabs: disconnects the old port and ignores its late events', async () => {
    const world = fakeWorld();
    world.tabs.set(2, { id: 2, url: 'https://other.example/', title: 'Other', status: 'complete' });
    world.scripted.add(2);
    const el = await openWith(world);
    const old = world.port(1);
    act(() => old.emit({ type: 'summary', summary: summaryOf(NEWS) }));
    await flush();
    act(() => row(el, 'Gaza').click());
    await flush();

    world.active.id = 2;
    act(() => world.fireTab({ type: 'activated', tabId: 2 }));
    await flush();
    expect(old.disconnected).toBe(true);
    expect(rows(el)).toHaveLength(0);
    expect(heading(el)).toBe('Reading this page…');
    // A summary and a reveal that were in flight from the old tab's page.
    act(() => old.emit({ type: 'summary', summary: summaryOf(NEWS) }));
    act(() => old.emit({ type: 'revealed', entityId: 'place/gaza', index: 1, count: 3 }));
    await flush();
    expect(rows(el)).toHaveLength(0);
    expect(text(el.querySelector('[role="status"].bs-sb-sr'))).toBe('');

    act(() => world.port(2).emit({ type: 'summary', summary: summaryOf([['place/rafah', 'place', 'Rafah', 2]], { url: 'https://other.example/' }) }));
    await flush();
    expect(groupsIn(el)).toEqual([['Places', ['Rafah']]]);
    expect(el.querySelector('.bs-sb-expanded')).toBeNull();
  });

  it('a pinned panel (?tab=) does not follow the active tab, but reconnects when its page reloads', async () => {
    const world = fakeWorld({ pinned: true });
    const el = await openWith(world);
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(NEWS) }));
    await flush();
    act(() => world.fireTab({ type: 'activated', tabId: 2 }));
    await flush();
    expect(world.ports).toHaveLength(1);
    act(() => world.fireTab({ type: 'updated', tabId: 1, status: 'complete' }));
    await flush();
    expect(world.ports).toHaveLength(2);
    // The list stays while the new connection is made (no flash of emptiness).
    expect(rows(el)).toHaveLength(6);
  });

  it('drops malformed events', async () => {
    const world = fakeWorld();
    const el = await openWith(world);
    act(() => world.port().emit({ type: 'summary', summary: { ...summaryOf(NEWS), entities: [{ id: 'x', kind: 'alien', name: 'X', count: 1, first: 0, inHeadline: false }] } }));
    act(() => world.port().emit({ type: 'revealed', entityId: 'place/gaza', index: -1, count: 3 }));
    await flush();
    expect(heading(el)).toBe('Reading this page…');
  });
});

describe('accessibility', () => {
  it('the list and an expanded entity with its card and notes pass axe-core', async () => {
    const world = fakeWorld();
    world.notes.push({ id: 'n0', target: { type: 'entity', entityId: 'person/chuck-schumer' }, text: 'Watch the coalition', tags: ['politics'], createdAt: 1, updatedAt: 1, rev: 1 });
    const el = await openWith(world);
    act(() => world.port().emit({ type: 'summary', summary: summaryOf(NEWS) }));
    await settle();
    await axeClean(el);
    act(() => row(el, 'Chuck Schumer').click());
    act(() => world.port().emit({ type: 'revealed', entityId: 'person/chuck-schumer', index: 0, count: 4 }));
    await settle();
    expect(el.querySelector('.bs-sb-expanded .bs-note__text')?.textContent).toBe('Watch the coalition');
    await axeClean(el);
  });
});
