// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../anchoring';
import { fakeHighlightApi } from './test-fakes';
import { createPassageHighlight, flattenPage, offsetsToRange, offsetsToRanges, PASSAGE_HIGHLIGHT, rangeToOffsets, selectedPassage } from './passages';

function setBody(html: string): void {
  document.body.innerHTML = html;
}

function textNode(selector: string, nth = 0): Text {
  const el = document.querySelector(selector);
  const walker = document.createTreeWalker(el ?? document.body, 4);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (seen++ === nth) return n as Text;
  throw new Error(`no text in ${selector}`);
}

const ARTICLE = `
  <h1>Netanyahu rejects the call</h1>
  <p id="a">Israeli Prime Minister Benjamin <span class="name">Netanyahu</span> on Sunday rejected a call.</p>
  <p id="b">President Biden had called it a <em>good</em> speech.</p>
  <textarea>not page text</textarea>
  <backstory-notes-ui><p>our own card</p></backstory-notes-ui>
  <p id="c">Talks with Hamas continue.</p>`;

describe('flattenPage', () => {
  it('joins the visible blocks with newlines, leaving out form fields and Backstory’s UI', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    expect(page.text).toBe(
      'Netanyahu rejects the call\nIsraeli Prime Minister Benjamin Netanyahu on Sunday rejected a call.\nPresident Biden had called it a good speech.\nTalks with Hamas continue.',
    );
    expect(page.starts).toEqual([0, 27, 96, 141]);
  });
  it('is the same string every time', () => {
    setBody(ARTICLE);
    expect(flattenPage(document).text).toBe(flattenPage(document).text);
  });
});

describe('Range ↔ offsets', () => {
  it('maps a range across inline markup to offsets and back', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    const range = document.createRange();
    range.setStart(textNode('#a', 0), 'Israeli Prime Minister '.length);
    range.setEnd(textNode('#a', 2), ' on Sunday'.length);
    const offsets = rangeToOffsets(page, range);
    expect(offsets && page.text.slice(offsets.start, offsets.end)).toBe('Benjamin Netanyahu on Sunday');
    const back = offsets && offsetsToRange(document, page, offsets.start, offsets.end);
    expect(back?.toString()).toBe('Benjamin Netanyahu on Sunday');
    expect(back?.startContainer).toBe(textNode('#a', 0));
    expect(back?.endContainer).toBe(textNode('#a', 2));
  });
  it('maps a range across blocks (the separator is the newline between them)', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    const start = page.text.indexOf('a call.');
    const end = page.text.indexOf(' had called');
    const range = offsetsToRange(document, page, start, end);
    expect(range?.toString().replace(/\s+/g, '')).toBe('acall.PresidentBiden');
    expect(range && rangeToOffsets(page, range)).toEqual({ start, end });
  });
  it('takes element boundary points (as a triple click gives) to the text inside', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    const range = document.createRange();
    const b = document.getElementById('b');
    const c = document.getElementById('c');
    if (!b || !c) throw new Error('fixture');
    range.setStart(b, 0);
    range.setEnd(c, 0);
    const offsets = rangeToOffsets(page, range);
    expect(offsets && page.text.slice(offsets.start, offsets.end)).toBe('President Biden had called it a good speech.');
  });
  it('returns null for empty or impossible spans', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    expect(offsetsToRange(document, page, 5, 5)).toBeNull();
    expect(offsetsToRange(document, page, 0, page.text.length + 1)).toBeNull();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('textarea') as Node);
    expect(rangeToOffsets(page, range)).toBeNull();
  });
  it('round-trips every span of a page', () => {
    setBody(ARTICLE);
    const page = flattenPage(document);
    for (let s = 0; s < page.text.length; s += 7) {
      for (let e = s + 1; e <= page.text.length; e += 11) {
        const painted = offsetsToRanges(document, page, s, e).map((r) => r.toString()).join('');
        expect(painted.replace(/\s+/g, '')).toBe(page.text.slice(s, e).replace(/\s+/g, ''));
      }
    }
  });
});

describe('selectedPassage', () => {
  it('describes the selection, trimmed, with context', () => {
    setBody(ARTICLE);
    const range = document.createRange();
    range.setStart(textNode('#b', 0), 'President Biden had called it a'.length);
    range.setEnd(textNode('#b', 2), ' speech.'.length);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    const passage = selectedPassage(document);
    expect(passage?.selector.exact).toBe('good speech.');
    expect(passage?.selector.prefix.endsWith('had called it a ')).toBe(true);
    expect(passage?.range.toString()).toBe('good speech.');
  });
  it('ignores an empty selection and selections in form fields or Backstory’s UI', () => {
    setBody(ARTICLE);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    expect(selectedPassage(document)).toBeNull();
    const range = document.createRange();
    range.selectNodeContents(textNode('backstory-notes-ui'));
    selection?.addRange(range);
    expect(selectedPassage(document)).toBeNull();
  });
  it('anchors again after the page changed around the passage', () => {
    setBody(ARTICLE);
    const range = document.createRange();
    range.setStart(textNode('#c'), 0);
    range.setEnd(textNode('#c'), 'Talks with Hamas'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    const passage = selectedPassage(document);
    if (!passage) throw new Error('no passage');
    document.getElementById('a')?.remove();
    document.body.insertAdjacentHTML('afterbegin', '<p>Update: a new paragraph on top.</p>');
    const page = flattenPage(document);
    const anchor = anchorPassage(page.text, passage.selector);
    expect(anchor?.quality).toBe('moved');
    const marked = anchor && offsetsToRange(document, page, anchor.start, anchor.end);
    expect(marked?.toString()).toBe('Talks with Hamas');
  });
});

describe('createPassageHighlight', () => {
  it('registers backstory-passage, replaces its ranges, and unregisters only itself', () => {
    setBody(ARTICLE);
    const { api, registry } = fakeHighlightApi();
    const layer = createPassageHighlight(api);
    const range = document.createRange();
    range.selectNodeContents(textNode('#c'));
    layer.set([range]);
    expect(registry.get(PASSAGE_HIGHLIGHT)?.size).toBe(1);
    layer.set([]);
    expect(registry.get(PASSAGE_HIGHLIGHT)?.size).toBe(0);
    layer.dispose();
    expect(registry.has(PASSAGE_HIGHLIGHT)).toBe(false);
    createPassageHighlight(null).set([range]);
  });
});
