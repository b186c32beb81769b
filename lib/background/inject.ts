/**
 * `injectContentScript`: run the content script (and its CSS) in a tab that lacks it — a
 * page loaded before the extension was installed or updated. The side panel asks for it
 * when no content script answers. Never throws: a page the browser will not let us script
 * (chrome:// pages, the web store, PDFs, file:// without access) gives
 * `{ injected: false, reason }` with a reason a person can read.
 */
import type { Replies } from '../messaging';
import { t } from '../i18n';

/** The built page core (top frames; sub-frames on their gate's request) and its stylesheet. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
export const CONTENT_CSS_FILE = '/content-scripts/content.css';
/** The built frame gate, the only script the manifest runs in sub-frames. */
export const GATE_SCRIPT_FILE = '/gate.js';

interface Injection {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[]; documentIds?: string[] };
  files: string[];
}

/** The part of `browser.scripting` this needs (a fake in tests). */
export interface ScriptingApi {
  executeScript(injection: Injection): Promise<unknown>;
  insertCSS(injection: Injection): Promise<unknown>;
}

export interface InjectDeps {
  /** `browser.scripting`; undefined where the browser has none (or no permission). */
  scripting: ScriptingApi | undefined;
  /** The tab's URL if the extension may know it (for a better reason); optional. */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
  /** Whether the CSS file exists in this build (default true). */
  css?: boolean;
}

export type InjectContentScript = (input: { tabId: number }) => Promise<Replies['injectContentScript']>;

const RESTRICTED_SCHEMES = ['chrome:', 'edge:', 'about:', 'chrome-extension:', 'moz-extension:', 'devtools:', 'view-source:', 'data:', 'javascript:'];
const STORE_HOSTS = ['chrome.google.com', 'chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** A reason we know before trying, from the tab's URL alone; undefined if none. */
export function restrictedReason(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (RESTRICTED_SCHEMES.includes(parsed.protocol)) return t('bgRestricted');
  if (STORE_HOSTS.includes(parsed.hostname)) return t('bgStore');
  if (/\.pdf$/i.test(parsed.pathname)) return t('bgPdf');
  return undefined;
}

/** Turn a `scripting` error into a sentence. */
export function failureReason(error: unknown, url?: string): string {
  const known = url === undefined ? undefined : restrictedReason(url);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  if (/no tab with id/i.test(message)) return t('bgTabGone');
  if (/file:|file access|allow access to file/i.test(message)) return t('bgFiles');
  if (/extensions gallery|web store/i.test(message)) return t('bgStore');
  if (/chrome:\/\/|cannot be scripted|cannot access a chrome/i.test(message)) return t('bgRestricted');
  if (/error page|showing error/i.test(message)) return t('bgDidNotLoad');
  if (/permission|cannot access contents|host/i.test(message)) return t('bgNoPermission');
  return t('bgNotScanned', { message });
}

export function createInjector(deps: InjectDeps): InjectContentScript {
  return async ({ tabId }) => {
    const { scripting } = deps;
    if (!scripting) return { injected: false, reason: t('bgNoScripting') };
    let url: string | undefined;
    try {
      url = await deps.tabUrl?.(tabId);
    } catch {
      return { injected: false, reason: t('bgTabGone') };
    }
    const early = url === undefined ? undefined : restrictedReason(url);
    if (early) return { injected: false, reason: early };
    // As the manifest does: the core in the top frame, the gate in every frame (it steps
    // aside in the top frame and asks for the core in a sub-frame worth scanning).
    const top = { tabId, frameIds: [0] };
    try {
      if (deps.css !== false) await scripting.insertCSS({ target: top, files: [CONTENT_CSS_FILE] });
      await scripting.executeScript({ target: top, files: [CONTENT_SCRIPT_FILE] });
      await scripting.executeScript({ target: { tabId, allFrames: true }, files: [GATE_SCRIPT_FILE] });
      return { injected: true };
    } catch (error) {
      return { injected: false, reason: failureReason(error, url) };
    }
  };
}

/** The default where no injector is given (tests of the other handlers). */
export const noInjector: InjectContentScript = () =>
  Promise.resolve({ injected: false, reason: t('bgNoScripting') });
