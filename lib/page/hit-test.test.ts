// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHitTest, type HitTestStore } from './hit-test';
import { createHighlightLayer } from './highlights';
import { MentionStore } from './mention-store';
import { createIdCounter, mentionsFromMatches } from './mentions';
import { collectBlocks } from './text-index';
import { fakeHighlightApi, phraseMatcher, rect } from './test-fakes';
import type { PageMention } from './types';

const match = phraseMatcher({ 'Benjamin Netanyahu': 'person/netanyahu', Gaza: 'place/gaza' });
const kindOf = (id: string) => (id.startsWith('person/') ? 'person' as const : 'place' as const);

let store: MentionStore;
let hitStore: HitTestStore;
let mentions: readonly PageMention[];
const noWin = {} as Window;

function withRects(m: PageMention | undefined, ...rects: DOMRect[]): PageMention {
  if (m === undefined) throw new Error('missing mention');
  m.range.getClientRects = () => rects as unknown as DOMRectList;
  return m;
}

beforeEach(() => {
  document.body.innerHTML = '<p>Mr <a>Benjamin</a> Netanyahu and Gaza</p>';
  store = new MentionStore();
  const [block] = collectBlocks(document, document.body);
  if (block === undefined) throw new Error('no block');
  store.add(block, mentionsFromMatches(document, block, match(block.text), kindOf, createIdCounter()));
  mentions = store.all();
  hitStore = {
    mentionsAtNode: (n) => store.mentionsAtNode(n),
    mentionOfRange: (r) => store.mentionOfRange(r),
    shadowRoots: () => [],
    ownsHighlight: () => false,
  };
  // Benjamin Netanyahu wraps onto two lines; Gaza sits on the second.
  withRects(mentions[0], rect(100, 0, 80, 20), rect(0, 20, 90, 20));
  withRects(mentions[1], rect(130, 20, 40, 20));
});

function caretDoc(node: Node | null, offset: number): Document {
  return {
    caretPositionFromPoint: vi.fn(() => (node === null ? null : { offsetNode: node, offset })),
  } as unknown as Document;
}

describe('createHitTest via caret position', () => {
  it('finds the mention whose range holds the caret and whose rects hold the point', () => {
    const netanyahuText = mentions[0]?.range.endContainer;
    if (netanyahuText === undefined) throw new Error('fixture');
    const hit = createHitTest(noWin, caretDoc(netanyahuText, 4), hitStore, null);
    expect(hit(40, 30)).toBe(mentions[0]);
  });

  it('returns null when the caret snapped to text but the point is in empty space', () => {
    const netanyahuText = mentions[0]?.range.endContainer;
    if (netanyahuText === undefined) throw new Error('fixture');
    const hit = createHitTest(noWin, caretDoc(netanyahuText, 4), hitStore, null);
    expect(hit(400, 300)).toBeNull();
  });

  it('picks the right one of several mentions on the same text node', () => {
    const text = mentions[1]?.range.startContainer;
    if (text === undefined) throw new Error('fixture');
    const gazaOffset = (text.textContent ?? '').indexOf('Gaza') + 1;
    const hit = createHitTest(noWin, caretDoc(text, gazaOffset), hitStore, null);
    expect(hit(150, 30)).toBe(mentions[1]);
  });

  it('uses caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const text = mentions[0]?.range.startContainer;
    if (text === undefined) throw new Error('fixture');
    const range = document.createRange();
    range.setStart(text, 2);
    const doc = { caretRangeFromPoint: () => range } as unknown as Document;
    expect(createHitTest(noWin, doc, hitStore, null)(120, 10)).toBe(mentions[0]);
  });

  it('is null off text, without caret APIs, and for non-finite points', () => {
    expect(createHitTest(noWin, caretDoc(document.body, 0), hitStore, null)(120, 10)).toBeNull();
    expect(createHitTest(noWin, caretDoc(null, 0), hitStore, null)(120, 10)).toBeNull();
    expect(createHitTest(noWin, {} as Document, hitStore, null)(120, 10)).toBeNull();
    expect(createHitTest(noWin, caretDoc(document.body, 0), hitStore, null)(Number.NaN, 1)).toBeNull();
  });
});

describe('createHitTest via highlightsFromPoint', () => {
  it('maps the returned ranges straight to mentions, and misses cheaply', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    for (const m of mentions) layer.add(m);
    const hitStoreWithLayer = { ...hitStore, ownsHighlight: layer.owns };
    const caret = caretDoc(null, 0);
    const hit = createHitTest(noWin, caret, hitStoreWithLayer, api);
    const place = registry.get('backstory-place');
    const gaza = mentions[1];
    if (place === undefined || gaza === undefined) throw new Error('fixture');
    registry.hits = [{ highlight: place, ranges: [gaza.range] }];
    expect(hit(150, 30)).toBe(gaza);
    registry.hits = [];
    expect(hit(5, 5)).toBeNull();
    expect(caret.caretPositionFromPoint).not.toHaveBeenCalled();
  });

  it('falls back to the caret path when hits carry no ranges (early implementations)', () => {
    const { api, registry } = fakeHighlightApi();
    const layer = createHighlightLayer(api);
    const person = registry.get('backstory-person');
    const text = mentions[0]?.range.endContainer;
    if (person === undefined || text === undefined) throw new Error('fixture');
    registry.hits = [person];
    const hit = createHitTest(noWin, caretDoc(text, 3), { ...hitStore, ownsHighlight: layer.owns }, api);
    expect(hit(40, 30)).toBe(mentions[0]);
  });
});
