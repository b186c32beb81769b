/**
 * Sites, as the reader names them and as pages report them: turning what someone types into
 * the Sites section ("nytimes.com", "https://www.bbc.co.uk/news", "*.example.org",
 * "bücher.de", "localhost:4173") into one host rule, and deciding whether a rule covers a
 * page's host. Pure but for the words of its messages (`browser.i18n`), so it runs the same in
 * the background, the options page and the tests.
 *
 * Hosts are kept in the form the browser reports in `location.hostname`: lower case,
 * punycode for international names (`xn--bcher-kva.de`), no trailing dot, IPv6 in brackets.
 * Rules are host-wide: a port in the input is dropped (with a note), as are paths.
 */
import { t } from '../i18n';

/** A site the reader named: a host, and whether its subdomains are covered too. */
export interface SiteTarget {
  /** As `location.hostname` reports it: "example.com", "xn--bcher-kva.de", "127.0.0.1", "[::1]". */
  host: string;
  /** Also every host that ends in "." + `host` (never for IP addresses and `localhost`). */
  subdomains: boolean;
}

export type ParsedSite =
  | { ok: true; site: SiteTarget; /** The host as the reader typed it, for display ("bücher.de"). */ label: string; notes: string[] }
  | { ok: false; error: string };

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || (host.startsWith('[') && host.endsWith(']'));
}

/** Hosts that are one machine, never a family of subdomains. */
function isSingleHost(host: string): boolean {
  return isIpAddress(host) || host === 'localhost';
}

const problem = (typed: string, why: string): ParsedSite => ({
  ok: false,
  error: t('siNotASite', { typed: typed.length > 60 ? `${typed.slice(0, 57)}…` : typed, why }),
});

/**
 * Reads what the reader typed as a site. `subdomains` is the reader's choice for "and its
 * subdomains"; "*.example.com" turns it on, an IP address or `localhost` turns it off.
 * With subdomains, a leading "www." is dropped ("www.bbc.co.uk" means the BBC's site).
 */
export function parseSiteInput(input: string, subdomains = true): ParsedSite {
  const typed = input.trim();
  if (typed === '') return { ok: false, error: t('siTypeASite') };
  if (/\s/.test(typed)) return problem(typed, t('siNoSpaces'));
  const notes: string[] = [];
  let rest = typed;
  let wild = false;
  if (SCHEME.test(rest)) {
    const scheme = rest.slice(0, rest.indexOf(':')).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return problem(typed, t('siScheme', { scheme }));
    rest = rest.replace(SCHEME, '');
  }
  // Credentials, path, query and fragment are not part of a site.
  rest = rest.replace(/^[^/?#]*@/, '');
  const cut = rest.search(/[/?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  if (rest.startsWith('*.')) {
    wild = true;
    rest = rest.slice(2);
  }
  if (rest.includes('*')) return problem(typed, t('siWildcard'));
  let url: URL;
  try {
    url = new URL(`http://${rest}`);
  } catch {
    return problem(typed, t('siNotHost'));
  }
  if (url.port !== '') notes.push(t('siPort', { port: url.port }));
  let host = url.hostname.replace(/\.$/, '');
  if (host.startsWith('[')) {
    return { ok: true, site: { host, subdomains: false }, label: host, notes };
  }
  const typedHost = rest.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  if (/^[\d.]+$/.test(typedHost)) {
    // The URL parser reads "1.2.3" as 1.2.0.3; a reader typing digits means an IPv4 address.
    if (!IPV4.test(typedHost) || host !== typedHost) return problem(typed, t('siNotIp'));
    return { ok: true, site: { host, subdomains: false }, label: host, notes };
  }
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return problem(typed, t('siLabels'));
  if (labels.length < 2 && host !== 'localhost') return problem(typed, t('siDot'));
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return problem(typed, t('siNotHost'));
  let label = typedHost;
  const sub = wild || subdomains;
  // "www.bbc.co.uk" with its subdomains is the BBC's site; without them, just that host.
  if (sub && host.startsWith('www.') && labels.length > 2) {
    host = host.slice(4);
    label = label.replace(/^www\./, '');
  }
  return { ok: true, site: { host, subdomains: sub && !isSingleHost(host) }, label, notes };
}

/** The host a page reports, normalised the way rules store theirs (lower case, no trailing dot). */
export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** Does `site` cover a page on `hostname`? */
export function siteCovers(site: SiteTarget, hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (host === site.host) return true;
  // An IP address has no subdomains: "127.0.0.1" never ends a rule for "0.0.1".
  return site.subdomains && !isSingleHost(site.host) && !isIpAddress(host) && host.endsWith(`.${site.host}`);
}

/** Whether Backstory can run on a page, and if not, why. */
export type PageAccess = 'web' | 'browser-page' | 'web-store' | 'not-a-web-page';

const STORES: readonly SiteTarget[] = [
  { host: 'chromewebstore.google.com', subdomains: false },
  { host: 'microsoftedge.microsoft.com', subdomains: false },
  { host: 'addons.mozilla.org', subdomains: false },
];

/**
 * What a tab's URL is to Backstory: an ordinary web page it may read, one of the browser's
 * own pages (`chrome://`, `about:`, the extension pages), a web store (where browsers do
 * not let extensions run), or something else (`file:`, `data:`, a PDF viewer, a blank tab).
 */
export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return 'not-a-web-page';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-a-web-page';
  }
  const scheme = parsed.protocol;
  if (/^(?:chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|extension|view-source|devtools|chrome-search|chrome-untrusted):$/.test(scheme)) {
    return 'browser-page';
  }
  if (scheme !== 'http:' && scheme !== 'https:') return 'not-a-web-page';
  const host = normaliseHost(parsed.hostname);
  if (STORES.some((s) => siteCovers(s, host))) return 'web-store';
  if (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return 'web-store';
  return 'web';
}
