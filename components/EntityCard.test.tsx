// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { EntityCard } from './EntityCard';
import { CardView } from './CardView';
import { sampleCard } from './__fixtures__/card';

let host: HTMLElement | null = null;

function mount(vnode: preact.VNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(vnode, host as HTMLElement));
  return host;
}

afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = null;
  }
});

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('EntityCard', () => {
  it('renders name, kind, role as of the pack date, summary and the matched text', () => {
    const el = mount(<EntityCard data={sampleCard()} matchedText="Netanyahu’s" />);
    const dialog = el.querySelector('[role="dialog"]');
    expect(dialog).not.toBeNull();
    const heading = el.querySelector('h2');
    expect(text(heading)).toBe('Benjamin Netanyahu');
    expect(dialog?.getAttribute('aria-labelledby')).toBe(heading?.id);
    const summary = el.querySelector('.bs-summary');
    expect(dialog?.getAttribute('aria-describedby')).toBe(summary?.id);
    expect(text(summary)).toContain('Israeli prime minister');
    expect(text(el.querySelector('.bs-kind'))).toBe('Person');
    expect(el.querySelector('.bs-kind')?.getAttribute('data-kind')).toBe('person');
    expect(text(el.querySelector('.bs-role'))).toBe('Prime Minister of Israel · as of 18 Mar 2024');
    expect(text(el.querySelector('.bs-matched'))).toBe('matched: ‘Netanyahu’s’');
    expect(text(el.querySelector('.bs-pack'))).toBe('Israel–Gaza, March 2024');
  });

  it('offers "Not … here" and "Not … anywhere" for a matched mention, and only then', () => {
    const notHere = vi.fn();
    const notAnywhere = vi.fn();
    const el = mount(<EntityCard data={sampleCard()} matchedText="Netanyahu’s" corrections={{ notHere, notAnywhere }} />);
    const group = el.querySelector('.bs-wrong');
    expect(group?.getAttribute('role')).toBe('group');
    expect(group?.getAttribute('aria-label')).toBe('Wrong match: ‘Netanyahu’s’ is not Benjamin Netanyahu');
    const [here, anywhere] = [...el.querySelectorAll<HTMLButtonElement>('.bs-wrong__button')];
    expect(text(here)).toBe('Not Benjamin Netanyahu here');
    expect(text(anywhere)).toBe('Not Benjamin Netanyahu anywhere');
    act(() => here?.click());
    act(() => anywhere?.click());
    expect(notHere).toHaveBeenCalledOnce();
    expect(notAnywhere).toHaveBeenCalledOnce();
    act(() => render(<EntityCard data={sampleCard()} corrections={{ notHere, notAnywhere }} />, el));
    expect(el.querySelector('.bs-wrong')).toBeNull();
  });

  it('renders the context passages with the entity’s words in <mark>, each with its date', () => {
    const el = mount(<EntityCard data={sampleCard()} />);
    const items = [...el.querySelectorAll('.bs-context')];
    expect(items).toHaveLength(2);
    expect([...(items[0]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(['Netanyahu']);
    expect([...(items[1]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(['NETANYAHU']);
    expect(text(items[0]?.querySelector('blockquote'))).toBe('Schumer said Netanyahu’s coalition no longer fits the needs of Israel.');
    expect(text(items[0]?.querySelector('.bs-meta'))).toBe('14 Mar 2024 · Schumer calls for new election in Israel');
    expect(items[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-17');
    expect(el.querySelector('.bs-matched')).toBeNull();
  });

  it('groups relations by type as buttons that open the related entity', () => {
    const onOpenEntity = vi.fn();
    const el = mount(<EntityCard data={sampleCard()} onOpenEntity={onOpenEntity} />);
    const groups = [...el.querySelectorAll('.bs-relgroup')];
    expect(groups.map((g) => text(g.querySelector('.bs-relgroup__type')))).toEqual(['criticised by', 'pressured by']);
    const first = [...(groups[0]?.querySelectorAll('button') ?? [])];
    expect(first.map((b) => text(b))).toEqual(['Chuck Schumer', 'Joe Biden']);
    expect(text(groups[0]?.querySelector('.bs-relation__label'))).toBe('called him an obstacle to peace');
    expect(text(groups[1])).toContain('to allow more aid into Gaza');
    // A relation to an entity the card knows nothing of is left out.
    expect(text(el)).not.toContain('unknown');
    act(() => first[1]?.click());
    expect(onOpenEntity).toHaveBeenCalledWith('person/joe-biden');
    expect(first.every((b) => b.getAttribute('type') === 'button')).toBe(true);
  });

  it('shows cited sources and safe links opening in a new tab', () => {
    const el = mount(<EntityCard data={sampleCard()} />);
    const sources = [...el.querySelectorAll('.bs-source')];
    expect(sources).toHaveLength(1);
    expect(text(sources[0])).toBe('Schumer calls for new election in Israel · 18 Mar 2024 · Example News');
    const anchors = [...el.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.example.org/news/schumer',
      'https://en.wikipedia.org/wiki/Benjamin_Netanyahu',
    ]);
    for (const a of anchors) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // The javascript: link is left out.
    expect(text(el.querySelector('.bs-links'))).toBe('Wikipedia');
  });

  it('never turns a javascript: URL into a link', () => {
    const data = sampleCard({ links: [{ title: 'x', url: 'javascript:alert(1)' }, { title: 'y', url: ' JAVASCRIPT:alert(1)' }] });
    data.pack.sources = [{ id: 'src/article', title: 'S', date: '2024-03-18', url: 'javascript:alert(document.cookie)' }];
    const el = mount(<EntityCard data={data} />);
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.innerHTML.toLowerCase()).not.toContain('javascript:');
    // The source is still credited, as text.
    expect(text(el.querySelector('.bs-source'))).toBe('S · 18 Mar 2024');
  });

  it('renders markup in pack data as literal text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const data = sampleCard({ summary: evil, name: `<b>${evil}</b>`, role: evil });
    data.entity.contexts = [{ text: `${evil} Netanyahu`, sourceId: 'src/article', date: '2024-03-18' }];
    const el = mount(<EntityCard data={data} matchedText={evil} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(text(el.querySelector('.bs-summary'))).toBe(evil);
    expect(text(el.querySelector('.bs-matched'))).toBe(`matched: ‘${evil}’`);
  });

  it('sets data-theme when given and shows a Back button when it can go back', () => {
    const onBack = vi.fn();
    const el = mount(<EntityCard data={sampleCard()} theme="dark" onBack={onBack} />);
    expect(el.querySelector('.bs-card')?.getAttribute('data-theme')).toBe('dark');
    const back = el.querySelector<HTMLButtonElement>('.bs-back');
    expect(text(back)).toBe('← Back');
    act(() => back?.click());
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('does not take focus when rendered, but can be focused', () => {
    const el = mount(<EntityCard data={sampleCard()} />);
    expect(document.activeElement).toBe(document.body);
    const card = el.querySelector<HTMLElement>('.bs-card');
    expect(card?.tabIndex).toBe(-1);
    expect(card?.hasAttribute('aria-modal')).toBe(false);
  });

  it('passes axe-core', async () => {
    const el = mount(<EntityCard data={sampleCard()} matchedText="Netanyahu’s" onOpenEntity={() => undefined} onBack={() => undefined} />);
    // color-contrast needs layout (happy-dom has none): checked from card.css in card-css.test.ts.
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
  });
});

describe('CardView states', () => {
  it('shows a busy skeleton while loading', () => {
    const el = mount(<CardView state={{ status: 'loading' }} onOpenEntity={() => undefined} onRetry={() => undefined} />);
    const dialog = el.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-busy')).toBe('true');
    expect(dialog?.getAttribute('aria-label')).toBe('Loading card…');
    expect(el.querySelector('.bs-skeleton')).not.toBeNull();
  });

  it('shows the error as text with a Retry button', () => {
    const onRetry = vi.fn();
    const el = mount(
      <CardView state={{ status: 'error', message: '<i>boom</i>' }} onOpenEntity={() => undefined} onRetry={onRetry} />,
    );
    expect(text(el.querySelector('.bs-error'))).toBe("Couldn't load this card: <i>boom</i>");
    expect(el.querySelector('i')).toBeNull();
    const retry = el.querySelector('button');
    expect(text(retry)).toBe('Retry');
    act(() => retry?.click());
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('loading and error states pass axe-core', async () => {
    const el = mount(
      <div>
        <CardView state={{ status: 'loading' }} onOpenEntity={() => undefined} onRetry={() => undefined} />
        <CardView state={{ status: 'error', message: 'offline' }} onOpenEntity={() => undefined} onRetry={() => undefined} onBack={() => undefined} />
      </div>,
    );
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('axe-core under happy-dom', () => {
  it('really finds violations (so the passes above mean something)', async () => {
    const el = mount(
      <div role="dialog">
        <button type="button" />
      </div>,
    );
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'aria-dialog-name']));
  });
});
