/**
 * URL keys of notes: a page's notes follow its address, not the noise around it. Pure, so
 * content scripts, the background and the options page agree on what "the same page" is.
 */

/** Query parameters that only track where a click came from. */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid']);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * The normalised key of a page URL: scheme and host lowercased (and a default port dropped),
 * the fragment dropped, tracking parameters (`utm_*`, `fbclid`, `gclid`, …) dropped, every
 * other parameter kept in its order. Something that is not a URL is returned trimmed.
 */
export function noteUrlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  if (parsed.search) {
    const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
    const params = new URLSearchParams(kept);
    parsed.search = params.toString();
  }
  const key = parsed.href;
  return key.endsWith('?') ? key.slice(0, -1) : key;
}

/** The host name of a URL, lowercased ("www.example.com"), or undefined for a non-URL. */
export function siteOf(url: string): string | undefined {
  try {
    const host = new URL(url.trim()).hostname;
    return host === '' ? undefined : host.toLowerCase();
  } catch {
    return undefined;
  }
}
