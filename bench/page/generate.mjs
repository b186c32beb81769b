// A deterministic ~2 MB news page for the in-browser benchmark: many <article>s with
// headlines, bylines, paragraphs with inline markup, lists and blockquotes, built from the
// seed article's vocabulary (2024-03-18) mixed with filler news prose, so names are about as
// dense as on a real story page (~1 mention per 150 characters of text).
//
// Served from a route of the local server; never written into the repository.

/** The names both benchmarks look for (mark.js gets exactly this list). */
export const NAMES = [
  'Benjamin Netanyahu',
  'Netanyahu',
  'Chuck Schumer',
  'Schumer',
  'Joe Biden',
  'President Biden',
  'Biden',
  'Hamas',
  'Israel',
  'the United States',
  'U.S.',
  'Gaza',
  'Rafah',
  'ceasefire',
  'cease-fire',
  'two-state solution',
  'Palestinian civilians',
  'humanitarian situation in Gaza',
  'civilian casualties',
  'progressive Democrats',
  'Western allies',
  'international community',
  'Middle East peace',
  'Middle East',
];

/** mulberry32: a small, fast, well-spread 32-bit PRNG. Same seed, same page. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Slots: each fills with one name (one mention). {P} person, {O} group, {L} place, {T} topic.
const SLOTS = {
  P: ['Benjamin Netanyahu', 'Netanyahu', 'Netanyahu', 'Chuck Schumer', 'Schumer', 'Joe Biden', 'President Biden', 'Biden'],
  O: ['Hamas', 'Western allies', 'progressive Democrats', 'the international community'],
  L: ['Israel', 'Israel', 'the United States', 'the U.S.', 'Gaza', 'Gaza', 'Rafah', 'the Middle East'],
  T: ['a ceasefire', 'a cease-fire', 'the two-state solution', 'Palestinian civilians', 'the humanitarian situation in Gaza', 'civilian casualties', 'Middle East peace'],
};

// Sentences in the seed's register; every {X} is one mention.
const NEWS = [
  '{P} has vowed to press on in {L}, despite mounting pressure from {O}.',
  'Officials in {L} said talks on {T} would resume next week.',
  '{P} told reporters that {T} remained the only path forward.',
  'Critics said {P} had ignored repeated warnings about {T}.',
  'The remarks by {P} drew a sharp rebuke from {O}.',
  'Aid groups warned that {T} was deteriorating by the hour.',
  'In a speech on the Senate floor, {P} called for a new election in {L}.',
  '{O} have urged {P} to delay any offensive in {L}.',
  'Pressure on {P} has grown as {O} question the strategy in {L}.',
  'A spokesman for {P} declined to comment on {T}.',
  'Analysts said the rift between {L} and {L} was the widest in decades.',
  '{P} spoke by phone with {P} on Monday, according to two officials.',
  'Diplomats described {T} as the central question of the week.',
  'Fighting near {L} has complicated efforts to reach {T}.',
  'The debate over {T} has split {O} in recent months.',
  'Negotiators from {L} and {O} met in Cairo to discuss {T}.',
];

// Filler news prose with no names: weather, markets, sport, local politics.
const FILLER = [
  'The city council approved a new budget after a long session on Tuesday night.',
  'Markets were mixed in early trading as investors weighed fresh inflation figures.',
  'Forecasters expect heavy rain across the region through the weekend.',
  'The museum will reopen its east wing after a two-year renovation.',
  'Ticket prices for the summer festival rose by nearly a fifth this year.',
  'Local schools reported record enrolment in their evening language classes.',
  'The transport authority said repairs to the bridge would take several months.',
  'Shares in the shipping company fell after it cut its annual forecast.',
  'Residents gathered at the town hall to discuss plans for a new park.',
  'The home side scored twice in the final ten minutes to win the match.',
  'A spokeswoman for the agency said the review would be published in the spring.',
  'Economists cautioned that the figures could be revised in the coming weeks.',
  'The committee is expected to vote on the proposal before the recess.',
  'Volunteers spent the morning clearing debris from the riverbank.',
  'Officials said the decision followed months of consultation with residents.',
  'The report, released on Monday, runs to more than three hundred pages.',
  'Several lawmakers said they had not yet read the full text of the bill.',
  'The airline said delays were caused by a staffing shortage at the airport.',
];

const HEADLINES = [
  '{P} defies {O} over {L}',
  'Rift over {T} deepens',
  '{P} calls for new vote in {L}',
  'What {T} would mean for {L}',
  '{O} press {P} on {T}',
  'Inside the talks on {T}',
  'City budget passes after late-night session',
  'Weekend storms expected across the region',
];

const FIRST = ['Maria', 'Tom', 'Aisha', 'Daniel', 'Keiko', 'Pablo', 'Ingrid', 'Samuel', 'Leila', 'Owen'];
const LAST = ['Hartley', 'Okafor', 'Lindqvist', 'Moreau', 'Castellano', 'Whitaker', 'Nakamura', 'Brennan', 'Duarte', 'Fischer'];
const DESKS = ['World', 'Politics', 'Middle East', 'Washington', 'Analysis', 'Europe'];

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Build the page. Returns { html, bytes, textChars, mentions, articles } where `mentions`
 * counts the names the generator placed in body text (headlines and bylines included).
 */
export function generatePage({ seed = 20240318, targetBytes = 2_000_000 } = {}) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  let mentions = 0;
  let textChars = 0;

  /** One name, sometimes wrapped in inline markup (a link, emphasis, bold, or split). */
  const name = (slot, markup) => {
    mentions++;
    const text = pick(SLOTS[slot]);
    if (!markup) return escape(text);
    const r = rnd();
    if (r < 0.12) return `<a href="/topic/${encodeURIComponent(text.replace(/^(the|a) /, ''))}">${escape(text)}</a>`;
    if (r < 0.18) return `<em>${escape(text)}</em>`;
    if (r < 0.22) return `<b>${escape(text)}</b>`;
    // "Benjamin <a>Netanyahu</a>": one mention across inline markup.
    if (r < 0.26 && text.includes(' ')) {
      const at = text.lastIndexOf(' ');
      return `${escape(text.slice(0, at + 1))}<a href="/people/${at}">${escape(text.slice(at + 1))}</a>`;
    }
    return escape(text);
  };
  const fill = (template, markup = true) => {
    const out = template.replace(/\{([POLT])\}/g, (_, slot) => name(slot, markup));
    const first = out.search(/[A-Za-z]/);
    return first >= 0 ? out.slice(0, first) + out[first].toUpperCase() + out.slice(first + 1) : out;
  };
  // One news sentence per ~4 filler sentences gives ~1 mention per 150 characters.
  const sentence = () => (rnd() < 0.2 ? fill(pick(NEWS)) : pick(FILLER).replace(/ (\w{6,})/, (m, w) => (rnd() < 0.15 ? ` <em>${w}</em>` : m)));
  const paragraph = (n) => Array.from({ length: n }, sentence).join(' ');

  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backstory benchmark — news page</title>',
    '<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ccc;margin-bottom:2rem}.byline{color:#555;font-size:.9em}blockquote{border-left:3px solid #999;margin-left:0;padding-left:1rem}</style>',
    '</head><body><header><h1>The Daily Benchmark</h1><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/politics">Politics</a></nav></header><main>',
  ];
  let bytes = parts.join('').length;
  let articles = 0;
  while (bytes < targetBytes) {
    articles++;
    const day = 1 + Math.floor(rnd() * 28);
    const chunks = [
      `<article id="a${articles}"><header><h2>${fill(pick(HEADLINES), false)}</h2>`,
      `<p class="byline">By ${pick(FIRST)} ${pick(LAST)} · ${pick(DESKS)} desk · March ${day}, 2024</p></header>`,
    ];
    const blocks = 5 + Math.floor(rnd() * 6);
    for (let b = 0; b < blocks; b++) {
      const r = rnd();
      if (r < 0.12) {
        chunks.push(`<ul>${Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
      } else if (r < 0.2) {
        chunks.push(`<blockquote><p>“${fill(pick(NEWS))}”</p></blockquote>`);
      } else if (r < 0.25) {
        chunks.push(`<h3>${fill(pick(HEADLINES), false)}</h3>`);
      } else {
        chunks.push(`<p>${paragraph(2 + Math.floor(rnd() * 4))}</p>`);
      }
    }
    chunks.push('</article>');
    const html = chunks.join('');
    textChars += html.replace(/<[^>]*>/g, '').length;
    bytes += html.length;
    parts.push(html);
  }
  parts.push('</main><footer><p>© The Daily Benchmark. Generated for Backstory\'s benchmark.</p></footer></body></html>');
  const html = parts.join('');
  return { html, bytes: Buffer.byteLength(html), textChars, mentions, articles };
}

// `node bench/page/generate.mjs`: print the page's figures (or the page itself with --html).
if (import.meta.url === `file://${process.argv[1]}`) {
  const page = generatePage();
  if (process.argv.includes('--html')) process.stdout.write(page.html);
  else {
    const { html, ...figures } = page;
    console.log({ ...figures, charsPerMention: Math.round(figures.textChars / figures.mentions), sample: html.slice(900, 1900) });
  }
}
