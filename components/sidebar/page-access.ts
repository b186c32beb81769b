/**
 * Which pages an extension cannot read, and why, in words a reader understands. Pure: the
 * sidebar says this instead of trying (and failing) to connect to a content script.
 */

const BROWSER_SCHEMES = [
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'resource:',
  'chrome-extension:',
  'moz-extension:',
  'extension:',
];

/** Add-on stores: browsers keep every extension out of them. */
const STORES: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
  { host: 'addons.opera.com' },
];

export const UNREADABLE = {
  browser: 'This is one of the browser’s own pages. Browsers don’t let extensions read them.',
  viewSource: 'This is a page’s source view. Browsers don’t let extensions read it.',
  store: 'Browsers don’t let extensions read their add-on store.',
  pdf: 'This is a PDF. It opens in the browser’s PDF viewer, which extensions can’t read.',
  file: 'This is a file on your computer. To read it, turn on “Allow access to file URLs” in Backstory’s extension settings.',
  other: 'Extensions can’t read this kind of page.',
  /** No URL and no content script: a browser page, or a site Backstory is not allowed on. */
  hidden:
    'It is one of the browser’s own pages, or Backstory isn’t allowed on this site (see “Site access” in the extension’s details).',
} as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Why the extension cannot read the page at `url`, or null when it can (or might: an
 * unknown URL is given the benefit of the doubt, the connection will tell).
 */
export function unreadableReason(url: string | undefined, fileAccess: boolean): string | null {
  if (url === undefined || url === '') return null;
  const lower = url.toLowerCase();
  if (lower.startsWith('view-source:')) return UNREADABLE.viewSource;
  if (BROWSER_SCHEMES.some((s) => lower.startsWith(s))) return UNREADABLE.browser;
  const parsed = parse(url);
  if (!parsed) return UNREADABLE.other;
  if (parsed.protocol === 'file:') {
    if (!fileAccess) return UNREADABLE.file;
    return /\.pdf$/i.test(parsed.pathname) ? UNREADABLE.pdf : null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return UNREADABLE.other;
  const host = parsed.hostname.toLowerCase();
  if (STORES.some((s) => s.host === host && (s.path === undefined || parsed.pathname.startsWith(s.path)))) {
    return UNREADABLE.store;
  }
  if (/\.pdf$/i.test(parsed.pathname)) return UNREADABLE.pdf;
  return null;
}

/** Why Backstory is off on a page, in the reader's words, or null when it runs there. */
export function offReason(status: { runs: boolean; reason: string; host: string }): string | null {
  if (status.runs) return null;
  switch (status.reason) {
    case 'site-off':
      return `You turned Backstory off on ${status.host}.`;
    case 'not-listed':
      return `Backstory runs only on the sites you list, and ${status.host} is not one of them.`;
    case 'paused':
      return 'Backstory is paused everywhere.';
    default:
      return null;
  }
}
