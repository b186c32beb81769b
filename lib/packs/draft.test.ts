// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity, Pack } from '../model';
import { draftPack } from './draft';
import { publishedDate } from './draft/dates';
import { parsePack } from './schema';

const URL_ = 'https://www.example-news.com/business/2024/05/01/yahoo-deal.html';
const NOW = new Date('2030-06-15T12:00:00Z');

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

/** An article page around some paragraphs, with the usual furniture. */
function article(paragraphs: string[], opts: { head?: string; header?: string; title?: string } = {}): Document {
  const filler = 'The talks continued late into the evening, officials said, and more meetings are planned for next month.';
  return page(
    `<nav><a href="/">Home</a> <a href="/world">World</a></nav>
     <article><header><h1>${opts.title ?? 'A story about things'}</h1>${opts.header ?? ''}</header>
     <figure><img src="x.jpg" alt=""><figcaption>A caption. Photo: Sam Keller/Reuters</figcaption></figure>
     ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}<p>${filler}</p><p>${filler}</p>
     <div class="newsletter"><p>Sign up for our newsletter to get the news in your inbox.</p></div>
     <aside class="related"><a href="/x">Related: Lorem Ipsum Holdings buys Dolor</a></aside></article>
     <footer>© 2024 Example News</footer>`,
    opts.head,
  );
}

function draft(doc: Document, url = URL_): Pack {
  const pack = draftPack(doc, { url, now: NOW });
  const parsed = parsePack(pack);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  return pack;
}

function find(pack: Pack, alias: string): Entity | undefined {
  return pack.entities.find((e) => e.name === alias || e.aliases.some((a) => a.text === alias));
}

const names = (pack: Pack): string[] => pack.entities.map((e) => e.name);

describe('draftPack: names and titles', () => {
  it('strips titles and merges full name, surname and title+surname', () => {
    const pack = draft(
      article([
        'Marissa Mayer, the company’s chief executive, said on Tuesday that the deal was done.',
        'Ms. Mayer spoke for an hour. Analysts said Mayer had little choice.',
        'Senator Mark Warner of Virginia called the deal "worrying". Warner wants hearings.',
      ]),
    );
    const mayer = pack.entities.filter((e) => /Mayer/.test(e.name));
    expect(mayer).toHaveLength(1);
    expect(mayer[0]?.name).toBe('Marissa Mayer');
    expect(mayer[0]?.kind).toBe('person');
    expect(mayer[0]?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Marissa Mayer', 'Mayer', 'Ms. Mayer']));
    expect(mayer[0]?.role).toBe('the company’s chief executive');
    const warner = find(pack, 'Mark Warner');
    expect(warner?.kind).toBe('person');
    expect(warner?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Senator Warner', 'Warner']));
    expect(names(pack)).not.toContain('Senator');
    expect(names(pack).some((n) => /Virginia/.test(n) && n !== 'Virginia')).toBe(false);
  });

  it('merges an acronym defined in the text with its long form', () => {
    const pack = draft(
      article([
        'The Marine Stewardship Council (MSC) suspended the label on Monday.',
        'The MSC said the fishery could regain it. Critics of the MSC were not convinced.',
      ]),
    );
    const msc = pack.entities.filter((e) => e.aliases.some((a) => a.text === 'MSC'));
    expect(msc).toHaveLength(1);
    expect(msc[0]?.name).toBe('Marine Stewardship Council');
    expect(msc[0]?.kind).toBe('organisation');
    expect(msc[0]?.aliases.find((a) => a.text === 'MSC')?.case).toBe('sensitive');
    expect(msc[0]?.aliases.find((a) => a.text === 'Marine Stewardship Council')?.case).toBe('proper');
  });

  it("reads possessives as the name, and keeps Yahoo and Yahoo Japan apart", () => {
    const pack = draft(
      article([
        "Yahoo's board met on Monday. Yahoo said its stake in Yahoo Japan was worth $8 billion.",
        'Yahoo Japan is run separately. Shares of Yahoo rose.',
      ]),
    );
    expect(names(pack)).toEqual(expect.arrayContaining(['Yahoo', 'Yahoo Japan']));
    expect(names(pack)).not.toContain("Yahoo's");
    expect(find(pack, 'Yahoo')?.aliases.map((a) => a.text)).not.toContain('Yahoo Japan');
  });


  it('keeps institutions whose names hold an "and" whole, and two names joined by "and" apart', () => {
    const pack = draft(
      article([
        'The Food and Drug Administration said on Tuesday it would review the rules, a move the Securities and Exchange Commission welcomed.',
        'Representative Jason Smith, who chairs the House Ways and Means Committee, said the Centers for Disease Control and Prevention had not been consulted.',
        'The Bill and Melinda Gates Foundation said it would help. Texas and California sued, and the Senate and House Armed Services Committees will hold hearings.',
        'The Food and Drug Administration has until March. Smith said the Securities and Exchange Commission and the Gates Foundation would testify.',
      ]),
    );
    expect(names(pack)).toEqual(
      expect.arrayContaining([
        'Food and Drug Administration',
        'Securities and Exchange Commission',
        'House Ways and Means Committee',
        'Centers for Disease Control and Prevention',
        'Bill and Melinda Gates Foundation',
        'Texas',
        'California',
      ]),
    );
    for (const part of ['Drug Administration', 'Exchange Commission', 'House Ways', 'Means Committee', 'Melinda Gates Foundation', 'Senate and House Armed Services Committees']) {
      expect(names(pack)).not.toContain(part);
    }
    const cdc = find(pack, 'Centers for Disease Control and Prevention');
    expect(cdc?.kind).toBe('organisation');
    expect(cdc?.aliases.map((a) => a.text)).toEqual(['Centers for Disease Control and Prevention']);
  });

  it('keeps the title alias of a person named only by title and surname, and reads seats of power as organisations', () => {
    const pack = draft(
      article([
        'President Trump, speaking at the White House, called the plan a win. President Trump said he would sign it on Friday.',
        'The White House said the Office of Management and Budget would publish the details.',
      ]),
    );
    expect(find(pack, 'Trump')?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Trump', 'President Trump']));
    expect(find(pack, 'White House')?.kind).toBe('organisation');
  });

  it('gives only people a surname with a particle ("Van Gogh"), never "Of England"', () => {
    const pack = draft(
      article([
        'The Bank of England held rates on Thursday. The Bank of England said inflation was easing.',
        'Curators said Vincent van Gogh painted it in Arles. Vincent van Gogh sold few paintings.',
      ]),
    );
    expect(find(pack, 'Bank of England')?.aliases.map((a) => a.text)).toEqual(['Bank of England']);
    expect(find(pack, 'Vincent van Gogh')?.aliases.map((a) => a.text)).toContain('Van Gogh');
  });
  it('joins drop caps back to their word (inline span or a letter in its own block)', () => {
    const inline = draft(article(['<span class="dropcap">M</span>arissa Mayer resigned on Tuesday. Mayer thanked staff.']));
    expect(names(inline)).toContain('Marissa Mayer');
    expect(names(inline).some((n) => /^(?:M|arissa)\b/.test(n) && n !== 'Marissa Mayer')).toBe(false);
    const block = page(
      `<article><h1>Film review</h1><div class="drop-cap" aria-hidden="true">T</div><p>he director Leyla Arslan has made a quiet film. Arslan shot it in Turkey over forty days with a small crew and non-professional actors, and it shows.</p>
       <p>Arslan, 38, said the film was about Europe and its borders. Critics in Venice praised it, and Arslan is the favourite for the prize this year.</p></article>`,
    );
    const pack = draft(block);
    expect(names(pack)).toContain('Leyla Arslan');
    expect(names(pack)).not.toContain('T');
    expect(names(pack)).not.toContain('The');
  });

  it('skips sentence-initial common words, weekdays and months', () => {
    const pack = draft(
      article([
        'However, Hannah Kirsch, an analyst at Bernstein, expects approval. The regulator is busy.',
        'On Tuesday the Federal Trade Commission said little. But Kirsch was sure. Officials declined to comment in September.',
      ]),
    );
    for (const junk of ['However', 'The', 'On Tuesday', 'Tuesday', 'But', 'Officials', 'September', 'On']) expect(names(pack)).not.toContain(junk);
    expect(names(pack)).toEqual(expect.arrayContaining(['Hannah Kirsch', 'Federal Trade Commission']));
    expect(find(pack, 'Hannah Kirsch')?.role).toBe('an analyst at Bernstein');
  });
});

describe('draftPack: furniture is never an entity', () => {
  it('drops bylines, photo credits, datelines, agencies, related boxes and newsletters', () => {
    const doc = article(
      [
        'WASHINGTON (AP) — Teresa Montalvo, the mayor of Glenmore, said on Tuesday that the city would sue Keystone Parking.',
        'Montalvo said Keystone Parking had overcharged drivers for years. Keystone Parking denied it. (AP Photo/Seth Wenig)',
        '(Reporting by Ilie Rusu; Editing by Frances Kerry)',
      ],
      { header: '<p class="byline">By Jane Doe</p><time datetime="2024-05-01">May 1</time>' },
    );
    const pack = draft(doc);
    for (const junk of ['Jane Doe', 'Sam Keller', 'Reuters', 'AP', 'Washington', 'WASHINGTON', 'Ilie Rusu', 'Frances Kerry', 'Lorem Ipsum Holdings', 'Seth Wenig', 'Example News']) {
      expect(names(pack)).not.toContain(junk);
    }
    expect(names(pack)).toEqual(expect.arrayContaining(['Teresa Montalvo', 'Keystone Parking']));
    expect(pack.entities.every((e) => e.contexts.every((c) => !/\(AP\)|Reuters|newsletter/.test(c.text)))).toBe(true);
  });

  it('does not touch the caller’s document', () => {
    const doc = article(['<span class="dropcap">M</span>arissa Mayer resigned. Mayer thanked staff.']);
    const before = doc.documentElement.outerHTML;
    draft(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('draftPack: the pack', () => {
  it('has an id from the URL, the headline, and one source with the publisher', () => {
    const pack = draft(
      article(['Yahoo said on Monday that Yahoo Japan would stay. Yahoo shares rose.'], {
        head: '<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-05-01T09:00:00-04:00">',
        title: 'Yahoo keeps its Japanese stake',
      }),
    );
    expect(pack.id).toBe('draft/example-news-com/business-2024-05-01-yahoo-deal');
    expect(pack.title).toBe('Yahoo keeps its Japanese stake');
    expect(pack.asOf).toBe('2024-05-01');
    expect(pack.sources).toEqual([{ id: 'article', title: 'Yahoo keeps its Japanese stake', date: '2024-05-01', url: URL_, publisher: 'Example News' }]);
    for (const e of pack.entities) expect(e.contexts[0]).toMatchObject({ sourceId: 'article', date: '2024-05-01' });
  });

  it('leaves out a URL that is not http(s), and falls back to the host as publisher', () => {
    const withFile = draftPack(article(['Yahoo said so. Yahoo did.']), { url: 'file:///tmp/a.html', now: NOW });
    expect(parsePack(withFile).ok).toBe(true);
    expect(withFile.sources[0]?.url).toBeUndefined();
    expect(withFile.asOf).toBe('2030-06-15');
    const plain = draft(article(['Yahoo said so. Yahoo did.']));
    expect(plain.sources[0]?.publisher).toBe('example-news.com');
  });

  it('still makes a valid pack from an empty or odd page', () => {
    for (const doc of [page(''), page('<p>hello</p>'), page('<div>Just text without paragraphs. Acme Corp said so. Acme Corp did.</div>')]) {
      const pack = draft(doc);
      expect(pack.title.length).toBeGreaterThan(0);
    }
  });
});

describe('publishedDate', () => {
  const cases: [string, string, string][] = [
    ['article:published_time', '<meta property="article:published_time" content="2024-10-20T18:42:00+01:00">', '2024-10-20'],
    ['meta name=date', '<meta name="date" content="2024-03-06">', '2024-03-06'],
    ['pubdate (compact)', '<meta name="pubdate" content="20250319">', '2025-03-19'],
    ['dc.date', '<meta name="dc.date" content="2025-04-22">', '2025-04-22'],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2024-09-08T10:00:00Z">', '2024-09-08'],
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-14T16:20:00-05:00"}</script>', '2023-11-14'],
    ['JSON-LD @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2025-02-11T14:05:00Z"}]}</script>', '2025-02-11'],
    ['JSON-LD array', '<script type="application/ld+json">[{"@type":"BlogPosting","datePublished":"2022-01-02"}]</script>', '2022-01-02'],
  ];
  for (const [what, head, want] of cases) {
    it(`reads ${what}`, () => expect(publishedDate(page('<p>x</p>', head))).toBe(want));
  }

  it('reads <time datetime> in the article header, and ignores broken JSON-LD', () => {
    const doc = page('<article><header><time datetime="2025-06-03">June 3</time></header><p>x</p></article>', '<script type="application/ld+json">{oops</script>');
    expect(publishedDate(doc)).toBe('2025-06-03');
  });

  it('returns null when the page does not say (the draft then uses `now`)', () => {
    expect(publishedDate(page('<p>x</p>'))).toBeNull();
    expect(draft(page('<p>Acme Corp said so.</p>')).asOf).toBe('2030-06-15');
  });
});

describe('every fixture article drafts a valid pack', () => {
  const dir = resolve(__dirname, '../../tests/fixtures/articles');
  const labels = JSON.parse(readFileSync(resolve(dir, 'labels.json'), 'utf8')) as Record<string, { url: string }>;
  // labels.json names every labelled page relative to itself (the demo pages are labelled where they are).
  it('labels every article in the folder', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.html')).filter((f) => !(f in labels))).toEqual([]);
  });
  for (const [file, label] of Object.entries(labels)) {
    it(file, () => {
      const pack = draft(new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html'), label.url);
      expect(pack.entities.length).toBeGreaterThan(3);
      expect(pack.entities.length).toBeLessThanOrEqual(40);
      expect(pack.entities.filter((e) => e.contexts.length > 0).length / pack.entities.length).toBeGreaterThanOrEqual(0.95);
    });
  }
});
