import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openTestDB } from '../db/testing';
import { exportMarkdown } from './index';
import { renderMarkdown } from './markdown';
import { escapeBlock, escapeInline, escapeOneLine, markdownTag, markdownUrl } from './markdown-text';
import { fill, note } from './testing';

const DAY = 24 * 60 * 60 * 1000;
const T = Date.UTC(2024, 2, 18, 9, 30);

describe('renderMarkdown', () => {
  it('groups entity notes, then pages; quotes passages; lists tags and dates; escapes user text', () => {
    const notes = [
      note('p2', {
        target: {
          type: 'passage',
          url: 'https://news.example/story',
          selector: { exact: 'a new election\n# in Israel', prefix: '', suffix: '', start: 50, end: 75 },
        },
        pageTitle: 'Schumer *speech*',
        text: 'He said it.',
        createdAt: T,
        updatedAt: T,
      }),
      note('e1', {
        text: '# heading\n<img src=x onerror=alert(1)>',
        tags: ['israel', 'two words'],
        createdAt: T,
        updatedAt: T + DAY,
      }),
      note('pg', {
        target: { type: 'page', url: 'https://news.example/story?utm_source=feed#top' },
        pageTitle: 'Schumer *speech*',
        text: 'About the page.',
        createdAt: T,
        updatedAt: T,
      }),
      note('gone', { text: 'in the trash', deletedAt: T }),
      note('e2', { target: { type: 'entity', entityId: 'topic/no-row' }, text: '1. not a list\n- nor this', createdAt: T, updatedAt: T }),
    ];
    const names = new Map([['person/netanyahu', 'Benjamin Netanyahu']]);
    expect(renderMarkdown(notes, names)).toBe(
      [
        '# Backstory notes',
        '',
        '## Entities',
        '',
        '### Benjamin Netanyahu',
        '',
        '\\# heading\\',
        '&lt;img src=x onerror=alert(1)>',
        '',
        '*#israel #two-words · created 2024-03-18 09:30 UTC · updated 2024-03-19 09:30 UTC*',
        '',
        '### topic/no-row',
        '',
        '1\\. not a list\\',
        '\\- nor this',
        '',
        '*created 2024-03-18 09:30 UTC*',
        '',
        '## Pages',
        '',
        '### Schumer \\*speech\\* — <https://news.example/story>',
        '',
        'About the page.',
        '',
        '*created 2024-03-18 09:30 UTC*',
        '',
        '* * *',
        '',
        '> a new election\\',
        '> \\# in Israel',
        '',
        'He said it.',
        '',
        '*created 2024-03-18 09:30 UTC*',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no live notes', () => {
    expect(renderMarkdown([note('x', { deletedAt: 1 })], new Map())).toBe('# Backstory notes\n\nNo notes yet.\n');
  });
});

describe('exportMarkdown', () => {
  it('looks entity names up in the database and leaves no raw HTML', async () => {
    const db = openTestDB();
    await fill(db);
    const md = await exportMarkdown(db);
    expect(md).toContain('### Benjamin Netanyahu\n');
    expect(md).toContain('### person/unknown\n');
    expect(md).toContain('&lt;img src=x onerror=alert(1)>');
    expect(md).toContain('### &lt;script>alert("t")&lt;/script> — <http://plain.example/a>');
    expect(md).not.toContain('In the bin');
    // Every "<" left is one of the export's own autolinks.
    expect(md.replace(/<https?:\/\/[^\s<>]+>/g, '')).not.toContain('<');
    // A note cannot start a heading: only the export's own headings begin with "#".
    const headings = md.split('\n').filter((line) => /^#{1,6}\s/.test(line));
    expect(headings).toEqual([
      '# Backstory notes',
      '## Entities',
      '### Benjamin Netanyahu',
      '### person/unknown',
      '## Pages',
      '### &lt;script>alert("t")&lt;/script> — <http://plain.example/a>',
      '### A story — <https://news.example/story>',
    ]);
    expect(md).toContain('\\[link\\](javascript:alert(1))');
  });
});

describe('escaping user text', () => {
  it.each([
    ['# heading', '\\# heading'],
    ['###### six', '\\###### six'],
    ['#hashtag stays', '#hashtag stays'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['-5 degrees', '-5 degrees'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['a = b', 'a = b'],
    ['12. twelve', '12\\. twelve'],
    ['3) three', '3\\) three'],
    ['```js', '\\`\\`\\`js'],
    ['~~~', '\\~\\~\\~'],
    ['    code?', '\u00A0\u00A0\u00A0\u00A0code?'],
    ['a | b', 'a \\| b'],
    ['[x](https://evil.example)', '\\[x\\](https://evil.example)'],
    ['![img](x)', '!\\[img\\](x)'],
    ['<https://evil.example>', '&lt;https://evil.example>'],
    ['<!-- comment -->', '&lt;!-- comment -->'],
    ['&lt; and &#60; and Q&A', '&amp;lt; and &amp;#60; and Q&A'],
    ['snake_case *bold* back\\slash', 'snake\\_case \\*bold\\* back\\\\slash'],
    ['bell\u0007 gone', 'bell gone'],
  ])('%j → %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it('keeps line breaks as hard breaks and blank lines as paragraph breaks', () => {
    expect(escapeBlock('\n one\r\ntwo\n\n\nthree\n\n')).toEqual(['\u00A0one\\', 'two', '', 'three']);
    expect(escapeBlock('')).toEqual([]);
  });

  it('keeps headings on one line with every # escaped', () => {
    expect(escapeOneLine('C# \n notes #')).toBe('C\\# notes \\#');
  });

  it('links only http(s) URLs, encoding characters that would break the link', () => {
    expect(markdownUrl('https://a.example/x y>z')).toBe('<https://a.example/x%20y%3Ez>');
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });

  it('writes tags as #tags', () => {
    expect(markdownTag(' two words ')).toBe('#two-words');
    expect(markdownTag('<b>')).toBe('#&lt;b>');
  });
});
