// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BACKGROUND_WORK } from './scheduler';
import { scanRoots, type Measurer } from './scan';
import type { TextBlock, Zone } from './text-index';

function run(html: string, measure: Measurer) {
  document.body.innerHTML = html;
  const processed: { text: string; near: boolean; order: number }[] = [];
  const steps: unknown[] = [];
  let flushed = false;
  const work = scanRoots(document, [document.body], {
    collect: {},
    measure,
    *process(block: TextBlock, near: boolean) {
      processed.push({ text: block.text, near, order: block.order });
      yield;
    },
    *flush() {
      flushed = true;
      yield;
    },
  });
  let backgroundAt = -1;
  for (let step = work.next(); step.done !== true; step = work.next()) {
    if (step.value === BACKGROUND_WORK) backgroundAt = processed.length;
    steps.push(step.value);
  }
  return { processed, backgroundAt, flushed };
}

const byClass = (el: Element): Zone => (el.classList.contains('far') ? 'far' : 'near');
const zoned: Measurer = {
  zoneOf: byClass,
  block: (b) => (b.zone === 'far' ? 'offscreen' : 'visible'),
};

describe('scanRoots', () => {
  it('processes near blocks first, then far elements as background work, in document order', () => {
    const { processed, backgroundAt, flushed } = run(
      '<p>one</p><article class="far"><p>two</p><p>three</p></article><p>four</p>' +
      '<section class="far">five<div>six</div></section><p>seven</p>',
      zoned,
    );
    expect(processed.map((p) => p.text)).toEqual(['one', 'four', 'seven', 'two', 'three', 'five', 'six']);
    expect(processed.map((p) => p.near)).toEqual([true, true, true, false, false, false, false]);
    expect(backgroundAt).toBe(3);
    expect(flushed).toBe(true);
    // Block numbers follow document order, across the two phases.
    const inOrder = [...processed].sort((a, b) => a.order - b.order).map((p) => p.text);
    expect(inOrder).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven']);
  });

  it('walks the open shadow root of a far host later, before its light children', () => {
    document.body.innerHTML = '<p>a</p><div class="far" id="h"><p>light</p></div>';
    const shadow = document.getElementById('h')?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('fixture');
    shadow.innerHTML = '<p>shadow</p><slot></slot>';
    const out: string[] = [];
    const work = scanRoots(document, [document.body], {
      collect: {},
      measure: zoned,
      *process(block: TextBlock) {
        out.push(block.text);
        yield;
      },
      *flush() {
        yield;
      },
    });
    for (let s = work.next(); s.done !== true; s = work.next()) { /* drain */ }
    expect(out).toEqual(['a', 'shadow', 'light']);
  });

  it('skips a far element removed before its turn', () => {
    document.body.innerHTML = '<p>one</p><article class="far"><p>gone</p></article>';
    const out: string[] = [];
    const work = scanRoots(document, [document.body], {
      collect: {},
      measure: zoned,
      *process(block: TextBlock) {
        out.push(block.text);
        yield;
      },
      *flush() {
        yield;
      },
    });
    for (let s = work.next(); s.done !== true; s = work.next()) {
      if (s.value === BACKGROUND_WORK) document.querySelector('article')?.remove();
    }
    expect(out).toEqual(['one']);
  });

  it('defers blocks the measurer places off screen or unrendered, unrendered last', () => {
    const { processed } = run('<p>a</p><p>b</p><p>c</p>', {
      block: (b) => (b.text === 'a' ? 'unrendered' : b.text === 'b' ? 'offscreen' : 'visible'),
    });
    expect(processed.map((p) => p.text)).toEqual(['c', 'b', 'a']);
  });
});
