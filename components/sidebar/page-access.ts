/**
 * Which pages an extension cannot read, and why, in words a reader understands. Pure: the
 * sidebar says this instead of trying (and failing) to connect to a content script.
 */
import { t } from '../../lib/i18n';

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

/** The reasons, in the UI's language (read when asked for). */
export const UNREADABLE = {
  get browser() {
    return t('sbUnreadableBrowser');
  },
  get viewSource() {
    return t('sbUnreadableViewSource');
  },
  get store() {
    return t('sbUnreadableStore');
  },
  get pdf() {
    return t('sbUnreadablePdf');
  },
  get file() {
    return t('sbUnreadableFile');
  },
  get other() {
    return t('sbUnreadableOther');
  },
  /** No URL and no content script: a browser page, or a site Backstory is not allowed on. */
  get hidden() {
    return t('sbUnreadableHidden');
  },
};

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
      return t('sbOffSite', { host: status.host });
    case 'not-listed':
      return t('sbOffNotListed', { host: status.host });
    case 'paused':
      return t('sbOffPaused');
    default:
      return null;
  }
}
