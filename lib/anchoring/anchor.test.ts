import { describe, expect, it } from 'vitest';
import { anchorPassage, createAnchorIndex, describePassage } from './anchor';
import { collapseWhitespace, collapsedOffset } from './normalise';
import { bestMatchIn } from './fuzzy';
import { editDistance } from './similarity';

const P1 = 'Israeli Prime Minister Benjamin Netanyahu on Sunday rejected a call by Senate Majority Leader Chuck Schumer for a new election.';
const P2 = 'President Biden had called it a good speech. The U.S. has urged Israel not to launch a Rafah offensive without a plan.';
const P3 = 'Talks with Hamas on a cease-fire continue in Doha, officials said, while aid convoys waited at the crossing.';
const P4 = 'Comedian Amy Schumer was not involved, and Hunter Biden did not comment on the speech or the election.';
const PAGE = [P1, P2, P3, P4].join('\n');

function selectorOf(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}"`);
  return describePassage(text, at, at + quote.length);
}

describe('describePassage', () => {
  it('keeps the quote, 32 characters of context either side and the offsets', () => {
    const s = selectorOf(PAGE, 'urged Israel not to launch');
    expect(s.exact).toBe('urged Israel not to launch');
    expect(s.prefix).toHaveLength(32);
    expect(PAGE.slice(s.start - 32, s.start)).toBe(s.prefix);
    expect(s.suffix).toBe(PAGE.slice(s.end, s.end + 32));
  });
  it('trims whitespace off the quote, shortens context at the edges, refuses an empty span', () => {
    const s = describePassage('  hello world  ', 0, 15);
    expect(s).toEqual({ exact: 'hello world', prefix: '  ', suffix: '  ', start: 2, end: 13 });
    expect(() => describePassage('a   b', 1, 4)).toThrow(RangeError);
  });
  it('never cuts a surrogate pair in the context', () => {
    const text = `${'😀'.repeat(20)}quote${'😀'.repeat(20)}`;
    const s = describePassage(text, 40, 45);
    expect(s.prefix).toBe('😀'.repeat(16));
    expect(s.suffix).toBe('😀'.repeat(16));
  });
});

interface Case {
  name: string;
  before: string;
  after: string;
  quote: string;
  nth?: number;
  /** The text the anchor should cover in `after`, and which occurrence; null = orphaned. */
  expect: { text: string; nth?: number; quality: 'exact' | 'moved' | 'fuzzy' } | null;
}

const REPEATED = 'the speech was good';
const REPEAT_PAGE = `Critics said ${REPEATED} for the base. Later, Biden said ${REPEATED} and Schumer agreed. Aides said ${REPEATED} too.`;

const cases: Case[] = [
  { name: 'unchanged page', before: PAGE, after: PAGE, quote: 'a Rafah offensive', expect: { text: 'a Rafah offensive', quality: 'exact' } },
  {
    name: 'text inserted before',
    before: PAGE,
    after: `Breaking: an update was added at the top of the story.\n${PAGE}`,
    quote: 'a Rafah offensive',
    expect: { text: 'a Rafah offensive', quality: 'moved' },
  },
  {
    name: 'paragraph removed before',
    before: PAGE,
    after: [P2, P3, P4].join('\n'),
    quote: 'Hamas on a cease-fire',
    expect: { text: 'Hamas on a cease-fire', quality: 'moved' },
  },
  {
    name: 'whitespace re-wrapped inside and around the quote',
    before: PAGE,
    after: PAGE.replace('Rafah offensive', 'Rafah\n    offensive').replace('The U.S.', 'The  U.S.'),
    quote: 'a Rafah offensive',
    expect: { text: 'a Rafah\n    offensive', quality: 'moved' },
  },
  {
    name: 'quote repeated elsewhere — the context picks the right one',
    before: REPEAT_PAGE,
    after: `Intro paragraph. ${REPEAT_PAGE}`,
    quote: REPEATED,
    nth: 1,
    expect: { text: REPEATED, nth: 1, quality: 'moved' },
  },
  {
    name: 'repeated quote, position points at another occurrence after a change',
    before: REPEAT_PAGE,
    after: REPEAT_PAGE.replace('Critics said ', 'Critics said, at length, that '),
    quote: REPEATED,
    nth: 2,
    expect: { text: REPEATED, nth: 2, quality: 'moved' },
  },
  {
    name: 'quote slightly edited',
    before: PAGE,
    after: PAGE.replace('rejected a call by Senate Majority Leader', 'rejected a call from Senate Majority Leader'),
    quote: 'rejected a call by Senate Majority Leader Chuck Schumer',
    expect: { text: 'rejected a call from Senate Majority Leader Chuck Schumer', quality: 'fuzzy' },
  },
  {
    name: 'quote edited and moved (paragraph inserted before)',
    before: PAGE,
    after: `A new first paragraph about something else entirely.\n${PAGE.replace('aid convoys waited', 'aid convoys still waited')}`,
    quote: 'while aid convoys waited at the crossing',
    expect: { text: 'while aid convoys still waited at the crossing', quality: 'fuzzy' },
  },
  {
    name: 'quote deleted → orphaned',
    before: PAGE,
    after: [P1, P2, P4].join('\n'),
    quote: 'Talks with Hamas on a cease-fire continue in Doha',
    expect: null,
  },
  {
    name: 'quote rewritten beyond the budget → orphaned',
    before: PAGE,
    after: PAGE.replace('Talks with Hamas on a cease-fire continue in Doha', 'Negotiators in Qatar report progress toward a truce'),
    quote: 'Talks with Hamas on a cease-fire continue in Doha',
    expect: null,
  },
  {
    name: 'short quote whose context is gone → orphaned, not a random "the"',
    before: PAGE,
    after: [P1, P2, P4].join('\n'),
    quote: 'Doha',
    expect: null,
  },
  {
    name: 'quote at the very start, page unchanged',
    before: PAGE,
    after: PAGE,
    quote: 'Israeli Prime',
    expect: { text: 'Israeli Prime', quality: 'exact' },
  },
];

describe('anchorPassage', () => {
  it.each(cases)('$name', (c) => {
    const selector = selectorOf(c.before, c.quote, c.nth);
    const anchor = anchorPassage(c.after, selector);
    if (c.expect === null) {
      expect(anchor).toBeNull();
      return;
    }
    expect(anchor).not.toBeNull();
    if (anchor === null) return;
    expect(c.after.slice(anchor.start, anchor.end)).toBe(c.expect.text);
    let at = -1;
    for (let i = 0; i <= (c.expect.nth ?? 0); i++) at = c.after.indexOf(c.expect.text, at + 1);
    expect(anchor.start).toBe(at);
    expect(anchor.quality).toBe(c.expect.quality);
  });

  it('a long quote with a word changed is found by its head and tail', () => {
    const long = [P1, P2, P3, P4].join(' ');
    const before = `Intro.\n${long}\nOutro.`;
    const after = `Intro, longer now.\n${long.replace('good speech', 'fine speech')}\nOutro.`;
    const selector = selectorOf(before, long);
    expect(selector.exact.length).toBeGreaterThan(400);
    const anchor = anchorPassage(after, selector);
    expect(anchor?.quality).toBe('fuzzy');
    expect(anchor && after.slice(anchor.start, anchor.end)).toBe(long.replace('good speech', 'fine speech'));
  });

  it('one index anchors many selectors', () => {
    const index = createAnchorIndex(`Top.\n${PAGE}`);
    const anchors = ['a Rafah offensive', 'Hunter Biden', 'officials said'].map((q) => index.anchor(selectorOf(PAGE, q)));
    expect(anchors.map((a) => a && index.text.slice(a.start, a.end))).toEqual(['a Rafah offensive', 'Hunter Biden', 'officials said']);
  });

  it('ignores an empty quote', () => {
    expect(anchorPassage(PAGE, { exact: '  ', prefix: '', suffix: '', start: 0, end: 2 })).toBeNull();
  });
});

describe('helpers', () => {
  it('collapses whitespace runs and maps offsets both ways', () => {
    const c = collapseWhitespace('a  b\n\n c\u00a0d ');
    expect(c.text).toBe('a b c d ');
    expect([...c.map]).toEqual([0, 1, 3, 4, 7, 8, 9, 10, 11]);
    expect(collapsedOffset(c, 3)).toBe(2);
    expect(collapsedOffset(c, 2)).toBe(2);
  });
  it('semi-global match finds the span with the fewest edits', () => {
    const hay = 'xxxx the quick brwn fox yyyy';
    const hit = bestMatchIn(hay, 'the quick brown fox', 0, hay.length, 5);
    expect(hit).toEqual({ start: 5, end: 23, errors: 1 });
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('passage-status messages', async () => {
  const { isPassageStatusQuery, parsePassageStatus, passageStatusQuery } = await import('./status');
  it('accepts exactly the query, and only well-formed replies', () => {
    expect(isPassageStatusQuery(passageStatusQuery)).toBe(true);
    expect(isPassageStatusQuery({ backstory: 1, query: 'passage-status', extra: 1 })).toBe(false);
    expect(isPassageStatusQuery({ backstory: 1, command: 'note-selection' })).toBe(false);
    expect(isPassageStatusQuery(null)).toBe(false);
    expect(parsePassageStatus({ url: 'https://a.b/', anchored: ['1'], orphaned: [] })).toEqual({ url: 'https://a.b/', anchored: ['1'], orphaned: [] });
    expect(parsePassageStatus({ url: 'x', anchored: [1], orphaned: [] })).toBeNull();
    expect(parsePassageStatus(undefined)).toBeNull();
  });
});
