// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectBlocks, closestBlock, isExcluded, locate, walkBlocks } from './text-index';

function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Element | ShadowRoot = document.body, isOwnUi?: (n: Node) => boolean): string[] =>
  collectBlocks(document, root, { isOwnUi }).map((b) => b.text);

describe('collectBlocks', () => {
  it('joins inline markup into one block and splits at block elements', () => {
    setBody('<p>Benjamin <a href="#">Netanyahu</a> met <b>Chuck <i>Schumer</i></b>.</p><p>Gaza</p>');
    expect(texts()).toEqual(['Benjamin Netanyahu met Chuck Schumer.', 'Gaza']);
  });

  it('splits at <br>, nested blocks and list items; never joins across blocks', () => {
    setBody('<div>one<br>two<div>three</div>four</div><ul><li>a</li><li>b</li></ul>');
    expect(texts()).toEqual(['one', 'two', 'three', 'four', 'a', 'b']);
  });

  it('skips script, style, noscript, template, form controls, editable and hidden content', () => {
    setBody(`<p>keep1</p><script>var Gaza = 1;</script><style>.Gaza{}</style>
      <noscript>Gaza</noscript><template><p>Gaza</p></template><textarea>Gaza</textarea>
      <input value="Gaza"><select><option>Gaza</option></select>
      <div contenteditable="true">Gaza</div><div contenteditable="">Gaza</div>
      <div contenteditable="false">keep2</div><div hidden><p>Gaza</p></div>
      <p aria-hidden="true">keep3</p><button>keep4</button><pre><code>keep5</code></pre>
      <svg><title>Gaza</title><text>keep6</text></svg>`);
    expect(texts()).toEqual(['keep1', 'keep2', 'keep3', 'keep4', 'keep5', 'keep6']);
  });

  it('skips the extension’s own UI host', () => {
    setBody('<p>page</p><backstory-ui><p>card about Gaza</p></backstory-ui>');
    const host = document.querySelector('backstory-ui');
    expect(texts(document.body, (n) => n === host)).toEqual(['page']);
  });

  it('collects open shadow roots (as their own blocks), in document order', () => {
    setBody('<p>before</p><div id="host"><p>light</p></div><p>after</p>');
    const host = document.getElementById('host');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('no shadow');
    shadow.innerHTML = '<p>in <b>shadow</b></p><slot></slot>';
    const seen: ShadowRoot[] = [];
    const blocks = collectBlocks(document, document.body, { onShadowRoot: (r) => seen.push(r) });
    expect(blocks.map((b) => b.text)).toEqual(['before', 'in shadow', 'light', 'after']);
    expect(seen).toEqual([shadow]);
    expect(blocks[1]?.container.nodeName).toBe('P');
  });

  it('drops whitespace-only blocks but keeps whitespace between inline elements', () => {
    setBody('<div>\n  <p><b>Benjamin</b> <i>Netanyahu</i></p>\n</div>');
    expect(texts()).toEqual(['Benjamin Netanyahu']);
  });

  it('skips everything in design mode and under an excluded ancestor', () => {
    setBody('<div contenteditable><p id="x">Gaza</p></div>');
    const p = document.getElementById('x');
    if (p === null) throw new Error('fixture');
    expect(isExcluded(p)).toBe(true);
    expect(texts(p)).toEqual([]);
  });
});

describe('walkBlocks', () => {
  it('yields null ticks between blocks every few nodes', () => {
    setBody(`<div>${'<span></span>'.repeat(20)}</div><p>end</p>`);
    const steps = [...walkBlocks(document, document.body, { tickNodes: 5 })];
    expect(steps.filter((s) => s === null).length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((s) => s !== null).map((b) => b?.text)).toEqual(['end']);
  });

  it('goes on after the innermost intact container, and reports it, when the page removes its position', () => {
    setBody('<section id="s"><p>one</p><div id="d"><p>two</p><p>three</p></div><p>four</p></section><p>five</p>');
    const texts: string[] = [];
    const lost: Node[] = [];
    for (const block of walkBlocks(document, document.body, { tickNodes: 1, onLost: (c) => lost.push(c) })) {
      if (block === null) continue;
      texts.push(block.text);
      if (block.text === 'two') document.getElementById('d')?.remove();
    }
    // The rest of the section is left to a rescan of it.
    expect(texts).toEqual(['one', 'two', 'five']);
    expect(lost).toEqual([document.getElementById('s')]);
  });

  it('leaves far elements to the caller and numbers blocks with the given counter', () => {
    setBody('<p>a</p><article class="far"><p>b</p></article><p>c</p>');
    const far: Element[] = [];
    let n = 100;
    const blocks = [...walkBlocks(document, document.body, {
      zoneOf: (el) => (el.classList.contains('far') ? 'far' : 'near'),
      onFar: (el) => far.push(el),
      order: () => n++,
    })].filter((b) => b !== null);
    expect(blocks.map((b) => [b?.text, b?.order, b?.zone])).toEqual([['a', 100, 'near'], ['c', 101, 'near']]);
    expect(far.map((el) => el.localName)).toEqual(['article']);
  });
});

describe('locate', () => {
  it('maps offsets back to the right node for a mention spanning <a> and <b>', () => {
    setBody('<p>Mr <a>Benjamin</a> <b>Net</b>anyahu said</p>');
    const [block] = collectBlocks(document, document.body);
    if (block === undefined) throw new Error('no block');
    expect(block.nodes.map((n) => n.data)).toEqual(['Mr ', 'Benjamin', ' ', 'Net', 'anyahu said']);
    expect(block.starts).toEqual([0, 3, 11, 12, 15]);
    const start = block.text.indexOf('Benjamin');
    const end = block.text.indexOf(' said');
    expect(locate(block, start, 'start')).toMatchObject({ offset: 0, index: 1 });
    expect(locate(block, end, 'end')).toMatchObject({ offset: 6, index: 4 });
    // At a node boundary: a start goes to the next node, an end stays in the previous one.
    expect(locate(block, 11, 'start')).toMatchObject({ index: 2, offset: 0 });
    expect(locate(block, 11, 'end')).toMatchObject({ index: 1, offset: 8 });
    expect(locate(block, 99, 'start')).toBeNull();
  });
});

describe('closestBlock', () => {
  it('climbs over inline elements to the nearest boundary', () => {
    setBody('<div id="d"><span><b id="b">x</b></span></div>');
    const b = document.getElementById('b');
    expect(b === null ? null : closestBlock(b)).toBe(document.getElementById('d'));
  });
});

describe('text index (property)', () => {
  const inline = fc.constantFrom('a', 'b', 'i', 'em', 'span', 'strong', 'code', 'q');
  const piece = fc.record({ text: fc.string({ minLength: 1, maxLength: 8 }), wrap: fc.option(inline, { nil: undefined }) });

  it('joined text is the concatenation and every offset maps back to its node', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const p = document.createElement('p');
        for (const { text, wrap } of pieces) {
          const t = document.createTextNode(text);
          if (wrap === undefined) {
            p.append(t);
          } else {
            const el = document.createElement(wrap);
            el.append(t);
            p.append(el);
          }
        }
        document.body.replaceChildren(p);
        const expected = pieces.map((x) => x.text).join('');
        const blocks = collectBlocks(document, document.body);
        if (!/\S/.test(expected)) return blocks.length === 0;
        const [block] = blocks;
        if (block === undefined || blocks.length !== 1) return false;
        if (block.text !== expected) return false;
        for (let i = 0; i < expected.length; i++) {
          const pos = locate(block, i, 'start');
          if (pos === null || pos.node.data[pos.offset] !== expected[i]) return false;
          const endPos = locate(block, i + 1, 'end');
          if (endPos === null || endPos.offset === 0 || endPos.node.data[endPos.offset - 1] !== expected[i]) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
