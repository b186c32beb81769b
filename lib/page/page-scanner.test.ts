// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPageScanner, type PageScannerOptions } from './page-scanner';
import { FakeHighlight, fakeHighlightApi, phraseMatcher } from './test-fakes';
import type { PageMention } from './types';
import type { EntityKind } from '../model';

const kinds: Record<string, EntityKind> = {
  'person/netanyahu': 'person', 'person/schumer': 'person', 'place/gaza': 'place',
};
const match = phraseMatcher({
  'Benjamin Netanyahu': 'person/netanyahu', Schumer: 'person/schumer', Gaza: 'place/gaza',
});

let controller = new AbortController();
afterEach(() => controller.abort());

function start(html: string, extra: Partial<PageScannerOptions> = {}) {
  document.body.innerHTML = html;
  controller = new AbortController();
  const { api, registry } = fakeHighlightApi();
  const changes: (readonly PageMention[])[] = [];
  const scanner = startPageScanner({
    doc: document,
    win: window,
    signal: controller.signal,
    match,
    kindOf: (id) => kinds[id],
    onChange: (m) => changes.push(m),
    highlightApi: api,
    mutationDelayMs: 5,
    ...extra,
  });
  const nextChange = async (): Promise<readonly PageMention[]> => {
    const seen = changes.length;
    await vi.waitFor(() => {
      if (changes.length <= seen) throw new Error('no change yet');
    });
    return changes[changes.length - 1] ?? [];
  };
  return { scanner, registry, changes, nextChange };
}

const texts = (ms: readonly PageMention[]): string[] => ms.map((m) => m.text);

describe('startPageScanner', () => {
  it('scans the page, registers highlights per kind, and reports once ready', async () => {
    const { scanner, registry, changes } = start(
      '<h1>Schumer on <em>Benjamin</em> Netanyahu</h1><p>Rafah, <b>Gaza</b>.</p><script>Gaza</script>',
    );
    await scanner.ready;
    expect(texts(scanner.mentions())).toEqual(['Schumer', 'Benjamin Netanyahu', 'Gaza']);
    expect(scanner.mentions().map((m) => m.range.toString())).toEqual(['Schumer', 'Benjamin Netanyahu', 'Gaza']);
    expect(registry.get('backstory-person')?.size).toBe(2);
    expect(registry.get('backstory-place')?.size).toBe(1);
    expect(changes).toHaveLength(1);
    expect(scanner.mentionsOf('place/gaza').map((m) => m.text)).toEqual(['Gaza']);
    const stats = scanner.stats();
    expect(stats).toMatchObject({ blocks: 2, mentions: 3 });
    expect(stats.slices).toBeGreaterThanOrEqual(1);
  });

  it('rescans the whole page when the matcher changes (a pack imported or turned off)', async () => {
    let current = match;
    const { scanner, registry, nextChange } = start('<h1>Schumer in Gaza</h1><p>Rafah and Gaza.</p>', { match: (t) => current(t) });
    await scanner.ready;
    expect(texts(scanner.mentions())).toEqual(['Schumer', 'Gaza', 'Gaza']);
    current = phraseMatcher({ Rafah: 'place/gaza' });
    const changed = nextChange();
    await scanner.rescanAll();
    expect(texts(await changed)).toEqual(['Rafah']);
    expect(registry.get('backstory-person')?.size).toBe(0);
    expect(registry.get('backstory-place')?.size).toBe(1);
    current = () => [];
    await scanner.rescanAll();
    expect(scanner.mentions()).toEqual([]);
    expect(registry.get('backstory-place')?.size).toBe(0);
  });

  it('processes visible blocks first, then the rest in document order', async () => {
    const order: string[] = [];
    const { scanner } = start('<p>Gaza one</p><p>Gaza two</p><p>Gaza three</p><p>Gaza four</p>', {
      measure: (block) => (block.text.includes('three') ? 'visible' : block.text.includes('four') ? 'unrendered' : 'offscreen'),
      match: (text) => {
        order.push(text);
        return match(text);
      },
    });
    await scanner.ready;
    expect(order).toEqual(['Gaza three', 'Gaza one', 'Gaza two', 'Gaza four']);
    // mentions() is still in document order
    expect(scanner.mentions().map((m) => m.range.startContainer.textContent)).toEqual([
      'Gaza one', 'Gaza two', 'Gaza three', 'Gaza four',
    ]);
  });

  it('time-slices a long scan with the given clock and budget', async () => {
    let t = 0;
    const yields: number[] = [];
    const html = Array.from({ length: 50 }, (_, i) => `<p>Gaza ${i}</p>`).join('');
    const { scanner } = start(html, {
      now: () => t,
      match: (text) => {
        t += 1; // each block costs 1 ms
        return match(text);
      },
      budgetMs: 4,
      yieldToPage: async () => { yields.push(t); },
    });
    await scanner.ready;
    expect(scanner.mentions()).toHaveLength(50);
    expect(scanner.stats().longestSliceMs).toBeLessThanOrEqual(4);
    expect(yields.length).toBeGreaterThanOrEqual(12);
  });

  it('adds mentions of an appended paragraph', async () => {
    const { scanner, nextChange } = start('<article><p>Gaza</p></article>');
    await scanner.ready;
    const p = document.createElement('p');
    p.innerHTML = 'Chuck <a>Schumer</a> spoke';
    document.querySelector('article')?.append(p);
    expect(texts(await nextChange())).toEqual(['Gaza', 'Schumer']);
  });

  it('keeps document order when paragraphs are inserted in the middle', async () => {
    const { scanner, nextChange } = start('<article><p id="a">Gaza</p><p id="c">Benjamin Netanyahu</p></article>');
    await scanner.ready;
    const b = document.createElement('p');
    b.textContent = 'Schumer';
    document.getElementById('c')?.before(b);
    const first = document.createElement('p');
    first.textContent = 'Schumer first';
    document.getElementById('a')?.before(first);
    expect(texts(await nextChange())).toEqual(['Schumer', 'Gaza', 'Schumer', 'Benjamin Netanyahu']);
    expect(scanner.mentions()[0]?.range.startContainer.textContent).toBe('Schumer first');
  });

  it('drops the mentions of a removed paragraph and their highlights', async () => {
    const { scanner, registry, nextChange } = start('<div><p id="a">Schumer</p><p>Gaza</p></div>');
    await scanner.ready;
    document.getElementById('a')?.remove();
    expect(texts(await nextChange())).toEqual(['Gaza']);
    expect(registry.get('backstory-person')?.size).toBe(0);
    expect(scanner.mentionsOf('person/schumer')).toEqual([]);
  });

  it('updates a block whose text changed (characterData and inline insertions)', async () => {
    const { scanner, registry, nextChange } = start('<p id="p">Benjamin <b>Netanyahu</b> and Gaza</p>');
    await scanner.ready;
    const b = document.querySelector('b')?.firstChild;
    if (!(b instanceof window.Text)) throw new Error('fixture');
    b.data = 'Gantz';
    expect(texts(await nextChange())).toEqual(['Gaza']);
    expect(registry.get('backstory-person')?.size).toBe(0);
    document.getElementById('p')?.append(' — Schumer');
    expect(texts(await nextChange())).toEqual(['Gaza', 'Schumer']);
  });

  it('does not report batches that changed no mention', async () => {
    const { scanner, changes, nextChange } = start('<p id="p">Gaza</p><p id="q">words</p>');
    await scanner.ready;
    document.getElementById('q')?.append(' and more words');
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 40));
    expect(changes).toHaveLength(1);
    document.getElementById('p')?.append(' and Schumer');
    expect(texts(await nextChange())).toEqual(['Gaza', 'Schumer']);
  });

  it('treats a replaced body as one big batch', async () => {
    const { scanner, nextChange } = start('<p>Gaza</p>');
    await scanner.ready;
    document.body.innerHTML = '<main><p>Schumer</p><p>Benjamin Netanyahu</p></main>';
    expect(texts(await nextChange())).toEqual(['Schumer', 'Benjamin Netanyahu']);
    expect(scanner.stats().mentions).toBe(2);
  });

  it('ignores the extension’s own UI, before and after it changes', async () => {
    const isOwnUi = (n: Node): boolean => n instanceof window.Element && n.localName === 'backstory-ui';
    const { scanner, changes } = start('<p>Gaza</p><backstory-ui><p>Schumer</p></backstory-ui>', { isOwnUi });
    await scanner.ready;
    expect(texts(scanner.mentions())).toEqual(['Gaza']);
    document.querySelector('backstory-ui')?.append('Benjamin Netanyahu');
    await new Promise((r) => setTimeout(r, 30));
    expect(changes).toHaveLength(1);
  });

  it('scans and observes open shadow roots', async () => {
    document.body.innerHTML = '';
    const { scanner, nextChange } = start('<p>Gaza</p><div id="host"></div>');
    const host = document.getElementById('host');
    // attach before the initial scan runs (it starts on a later task)
    const shadow = host?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('fixture');
    shadow.innerHTML = '<p>Schumer</p>';
    await scanner.ready;
    expect(texts(scanner.mentions())).toEqual(['Gaza', 'Schumer']);
    const p = document.createElement('p');
    p.textContent = 'Benjamin Netanyahu';
    shadow.append(p);
    expect(texts(await nextChange())).toEqual(['Gaza', 'Schumer', 'Benjamin Netanyahu']);
  });

  it('asks the browser nothing on hover while the page has no mentions (most pages)', async () => {
    const { scanner, registry } = start('<p>Nothing of interest here.</p>');
    const fromPoint = vi.fn(() => []);
    Object.defineProperty(registry, 'highlightsFromPoint', { value: fromPoint });
    const caret = vi.fn(() => null);
    Object.defineProperty(document, 'caretRangeFromPoint', { value: caret, configurable: true });
    try {
      await scanner.ready;
      expect(scanner.hitTest(5, 5)).toBeNull();
      expect(fromPoint).not.toHaveBeenCalled();
      expect(caret).not.toHaveBeenCalled();
      // Once there is a mention, hover asks again.
      document.body.append(document.createElement('p'));
      document.body.lastElementChild?.append('Gaza');
      await vi.waitFor(() => expect(scanner.mentions()).toHaveLength(1));
      scanner.hitTest(5, 5);
      expect(fromPoint).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(document, 'caretRangeFromPoint');
    }
  });

  it('registers its highlights again after the page clears CSS.highlights (hover still works)', async () => {
    const { scanner, registry } = start('<p>Schumer and <b>Gaza</b></p><p>Gaza</p>');
    await scanner.ready;
    const person = registry.get('backstory-person');
    const place = registry.get('backstory-place');
    registry.clear(); // the page's own highlighting code: CSS.highlights.clear()
    registry.hits = [];
    scanner.hitTest(5, 5); // the next pointer move over the page
    expect(registry.get('backstory-person')).toBe(person);
    expect(registry.get('backstory-place')).toBe(place);
    expect(place?.size).toBe(2);
    expect(registry.has('backstory-active')).toBe(true);
    // A name the page took for itself is left alone.
    const pages = new FakeHighlight();
    registry.delete('backstory-place');
    registry.set('backstory-place', pages);
    scanner.hitTest(5, 5);
    expect(registry.get('backstory-place')).toBe(pages);
  });

  it('on abort: stops, unregisters the highlights and forgets everything', async () => {
    const { scanner, registry, changes } = start('<p>Gaza</p>');
    await scanner.ready;
    scanner.setActive(scanner.mentions()[0] ?? null);
    expect(registry.get('backstory-active')?.size).toBe(1);
    controller.abort();
    expect(registry.size).toBe(0);
    expect(scanner.mentions()).toEqual([]);
    expect(scanner.hitTest(1, 1)).toBeNull();
    document.body.append('Schumer');
    await new Promise((r) => setTimeout(r, 30));
    expect(changes).toHaveLength(1);
  });

  it('resolves ready when aborted mid-scan', async () => {
    const { scanner } = start('<p>Gaza</p><p>Gaza</p>', {
      yieldToPage: async () => { controller.abort(); },
      budgetMs: 0,
    });
    await expect(scanner.ready).resolves.toBeUndefined();
    expect(scanner.mentions()).toEqual([]);
  });

  it('survives a throwing matcher', async () => {
    const { scanner } = start('<p>Gaza</p>', { match: () => { throw new Error('boom'); } });
    await scanner.ready;
    expect(scanner.mentions()).toEqual([]);
    expect(scanner.stats().blocks).toBe(1);
  });
});
