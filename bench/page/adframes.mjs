// The article pages of the issue-9 benchmark ("Light on every page"), generated, never
// written to disk:
//
//   /seed-article.html               the demo's news article as it is (served from demo/)
//   /bench/article-ads.html          the same article with 20 ad frames: 10 <iframe srcdoc>
//                                    (same origin) and 10 <iframe src="http://localhost:PORT/
//                                    bench/ad/N.html"> (another site while the page is on
//                                    127.0.0.1, so with site isolation they run in another
//                                    renderer process)
//   /bench/article-one-ad.html       the article with one small (320x50) cross-origin ad frame,
//                                    for the per-frame memory figure
//   /bench/ad/N.html                 ad N (0–19) as a document of its own
//
// Ad sizes are the usual IAB ones (300x250 medium rectangle, 728x90 leaderboard, 320x50
// mobile banner); each ad has a few words to a few hundred characters of ad copy, a
// coloured block standing in for the image, a button and an "Ad" label. One ad (of 20)
// names someone in the story ("Netanyahu"); the rest name no one. Everything is fixed
// text: the pages are the same on every run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';

export const ARTICLE_PATH = '/seed-article.html';
export const ADS_PATH = '/bench/article-ads.html';
export const ONE_AD_PATH = '/bench/article-one-ad.html';
export const AD_PREFIX = '/bench/ad/';

const SIZES = [
  [300, 250],
  [728, 90],
  [320, 50],
];

// [headline, copy, button]: from a few words to a few hundred characters.
const COPY = [
  ['Running shoes', 'Save 20% this week.', 'Shop now'],
  ['Mortgage rates', 'Rates from 5.9% APR. Compare 40 lenders in two minutes and see what you could borrow today.', 'Compare'],
  ['Cloud storage', '2 TB for the price of 1.', 'Try free'],
  ['Weekend in Lisbon', 'Flights and four-star hotel from $399. Limited seats on selected dates in spring; taxes and fees included.', 'Book'],
  ['Learn a language', 'Fifteen minutes a day is all it takes. Join 12 million learners and start speaking from your first lesson.', 'Start'],
  ['Home insurance', 'Quote in 60 seconds.', 'Get a quote'],
  ['Electric SUV', 'Lease from $299/month. 0% APR for 36 months on approved credit. See dealer for details. Offer ends Sunday.', 'Find a dealer'],
  ['Meal kits', 'Your first box half price. Fresh ingredients, recipes ready in 20 minutes, skip or cancel any week.', 'Order'],
  ['Noise-cancelling headphones', 'Now $149.', 'Buy'],
  ['Retirement planning', 'Are you on track? Free guide from certified advisers: how much you need, where to save it, and what to avoid in the last ten years before you stop working. Download it in one click; no phone number needed.', 'Download'],
  ['Streaming', 'Thousands of films. First month free.', 'Watch'],
  ['Garden furniture', 'Spring sale: up to 50% off teak and rattan sets, free delivery over $500.', 'Shop'],
  ['Bestseller', 'The memoir everyone is talking about: how Netanyahu shaped three decades of Israeli politics. Hardcover and e-book.', 'Pre-order'],
  ['VPN', '3 months free.', 'Get deal'],
  ['Coffee subscription', 'Roasted this week, at your door next week. Choose from 30 single-origin beans.', 'Subscribe'],
  ['Online degree', 'Study part-time from anywhere. Accredited business and computing degrees, starting in September.', 'Apply'],
  ['Car rental', 'From $19/day.', 'Search'],
  ['Smart thermostat', 'Cut heating bills by up to 23%. Installs in 30 minutes; works with your phone and voice assistant.', 'Learn more'],
  ['Pet food', 'Vet-approved recipes delivered monthly.', 'Try it'],
  ['Local news app', 'Stay informed about your town: traffic, weather, schools and events, with alerts you choose. Free on iOS and Android.', 'Install'],
];

const COLOURS = ['#d6e4f0', '#f3d9c4', '#dfe8d2', '#efe1f3', '#f5eec8', '#d3ece9'];

/** Ad `n` (0–19): { width, height, html } where html is a whole document. */
export function adDocument(n) {
  const [width, height] = SIZES[n % SIZES.length];
  const [title, copy, button] = COPY[n % COPY.length];
  const bg = COLOURS[n % COLOURS.length];
  const small = height <= 90;
  // Small banners show the headline and the button only; the rectangle shows the copy too.
  const body = small
    ? `<div class="img" style="width:${height - 10}px;height:${height - 10}px"></div>` +
      `<div class="txt"><b>${title}</b>${height > 50 ? ` <span>${copy}</span>` : ''}</div><a class="btn" href="#">${button}</a>`
    : `<div class="img" style="width:${width - 20}px;height:110px"></div>` +
      `<div class="txt"><b>${title}</b><p>${copy}</p></div><a class="btn" href="#">${button}</a>`;
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>Ad</title><style>` +
    `body{margin:0;font:12px/1.3 Arial,sans-serif;overflow:hidden}` +
    `.ad{position:relative;box-sizing:border-box;width:${width}px;height:${height}px;border:1px solid #ccc;background:#fff;` +
    `display:flex;${small ? 'align-items:center;gap:8px' : 'flex-direction:column;gap:6px'};padding:5px;overflow:hidden}` +
    `.img{background:linear-gradient(135deg,${bg},#fff);flex:none}.txt{flex:1;overflow:hidden}.txt p{margin:4px 0}` +
    `.btn{flex:none;background:#1a73e8;color:#fff;padding:4px 10px;border-radius:3px;text-decoration:none}` +
    `.tag{position:absolute;top:0;right:0;font-size:9px;background:#eee;color:#555;padding:0 3px}</style></head>` +
    `<body><div class="ad" data-slot="${n}">${body}<span class="tag">Ad ▷</span></div></body></html>`;
  return { width, height, html };
}

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function frameTag(n, crossOrigin) {
  const { width, height, html } = adDocument(n);
  const src = crossOrigin ? `src="${crossOrigin}${AD_PREFIX}${n}.html"` : `srcdoc="${escapeAttribute(html)}"`;
  return `<div class="ad-slot" style="margin:12px auto;width:${width}px"><iframe ${src} width="${width}" height="${height}" title="Advertisement" scrolling="no" frameborder="0" style="border:0;display:block"></iframe></div>`;
}

const article = () => readFileSync(resolve(ROOT, 'demo/seed-article.html'), 'utf8');

/**
 * The article with ad frames `list` ([n, crossOrigin?]…) put where ads go on a news page: the
 * leaderboards under the navigation, the rectangles in the sidebar, the small banners
 * between paragraphs. `crossOrigin` is the other origin's base URL (no trailing slash).
 */
function withAds(list, crossOrigin) {
  let html = article();
  const top = [];
  const side = [];
  const inline = [];
  for (const [n, cross] of list) {
    const tag = frameTag(n, cross ? crossOrigin : null);
    const [w] = SIZES[n % SIZES.length];
    (w === 728 ? top : w === 300 ? side : inline).push(tag);
  }
  html = html.replace('</nav>', `</nav>\n<div class="wrap ads-top">${top.join('')}</div>`);
  html = html.replace(/(<aside class="sidebar"[^>]*>)/, `$1\n${side.join('')}`);
  // One small banner after each of the first paragraphs of the article.
  let k = 0;
  html = html.replace(/<\/p>\n/g, (m) => (k < inline.length ? `</p>\n${inline[k++]}\n` : m));
  if (k < inline.length) html = html.replace('</main>', `${inline.slice(k).join('')}</main>`);
  // A <base> keeps demo.css and the article's relative links pointing where they do on /seed-article.html.
  return html.replace('<head>', '<head>\n    <base href="/" />');
}

/** The 20 frames: even-numbered ads as srcdoc, odd-numbered from the other origin. */
export const AD_FRAMES = Array.from({ length: 20 }, (_, n) => [n, n % 2 === 1]);

/** Server routes for the pages above; `crossOrigin` is e.g. `http://localhost:4173`. */
export function adRoutes(crossOrigin) {
  const html = 'text/html; charset=utf-8';
  const routes = {
    [ADS_PATH]: () => ({ type: html, body: withAds(AD_FRAMES, crossOrigin) }),
    // Ad 2 is a 320x50 banner.
    [ONE_AD_PATH]: () => ({ type: html, body: withAds([[2, true]], crossOrigin) }),
  };
  for (let n = 0; n < 20; n++) routes[`${AD_PREFIX}${n}.html`] = () => ({ type: html, body: adDocument(n).html });
  return routes;
}

/** Figures of the ad set, for the printout: frames by kind, characters of text per ad. */
export function adFigures() {
  const chars = AD_FRAMES.map(([n]) => {
    const body = adDocument(n).html.replace(/^.*<body>/s, '').replace(/<[^>]+>/g, ' ');
    return body.replace(/\s+/g, ' ').trim().length;
  });
  return {
    frames: AD_FRAMES.length,
    srcdoc: AD_FRAMES.filter(([, c]) => !c).length,
    crossOrigin: AD_FRAMES.filter(([, c]) => c).length,
    minChars: Math.min(...chars),
    maxChars: Math.max(...chars),
    withName: AD_FRAMES.filter(([n]) => /Netanyahu/.test(adDocument(n).html)).length,
  };
}
