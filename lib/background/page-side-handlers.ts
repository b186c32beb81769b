/**
 * What the light page side asks of the background:
 *
 * - `probeText`: a small frame (an ad, a widget) sends its few hundred characters and hears
 *   whether they name anyone, so it never decodes the matcher for nothing. Matched here with
 *   the matcher the background already compiled (decoded once per pack revision).
 * - `loadPageUi`: a frame needs its card, notes or sidebar bridge: the page UI script is
 *   run in that frame only (`scripting.executeScript`, the content script's isolated world;
 *   no web-accessible resource, so pages cannot probe for it).
 * - `loadCore`: a sub-frame's gate (the only script in sub-frames) found text worth
 *   scanning: the page core and its stylesheet are run in that frame only. The core checks
 *   the site's status itself, and a second copy in the same frame steps aside (claimFrame).
 */
import { matcherFromData, type Matcher } from '../matcher';
import type { Handlers, MatcherPayload, SenderInfo } from '../messaging';
import { CONTENT_CSS_FILE, CONTENT_SCRIPT_FILE, type ScriptingApi } from './inject';

/** The built page UI script (`entrypoints/page-ui.ts`). */
export const PAGE_UI_FILE = '/page-ui.js';

export interface PageSideDeps {
  /** `browser.scripting`; undefined where the browser has none. */
  scripting: ScriptingApi | undefined;
  /** The current matcher payload (the matcher cache). */
  matcher(): Promise<MatcherPayload>;
  /** Does Backstory run for this sender's page (its site on, not paused)? */
  runs(sender: SenderInfo): Promise<boolean>;
}

export type PageSideRequest = 'probeText' | 'loadPageUi' | 'loadCore';

function frameTarget(sender: SenderInfo): { tabId: number; frameIds?: number[]; documentIds?: string[] } {
  const tab = sender.tab;
  const tabId = typeof tab === 'object' && tab !== null && 'id' in tab && typeof tab.id === 'number' ? tab.id : undefined;
  if (tabId === undefined) throw new Error('only a page in a tab can load the page UI');
  if (typeof sender.documentId === 'string' && sender.documentId !== '') return { tabId, documentIds: [sender.documentId] };
  if (typeof sender.frameId === 'number' && Number.isInteger(sender.frameId) && sender.frameId >= 0) {
    return { tabId, frameIds: [sender.frameId] };
  }
  throw new Error('the sender has no frame');
}

export function createPageSideHandlers(deps: PageSideDeps): Pick<Handlers, PageSideRequest> {
  let decoded: { payload: MatcherPayload; matcher: Matcher } | undefined;
  const matcherNow = async (): Promise<Matcher> => {
    const payload = await deps.matcher();
    if (decoded?.payload !== payload) decoded = { payload, matcher: matcherFromData(payload.data) };
    return decoded.matcher;
  };
  return {
    async probeText({ text }, sender) {
      if (!(await deps.runs(sender))) return false;
      return (await matcherNow()).scan(text).length > 0;
    },
    async loadPageUi(_input, sender) {
      const { scripting } = deps;
      if (!scripting) throw new Error('this browser cannot add the page UI');
      await scripting.executeScript({ target: frameTarget(sender), files: [PAGE_UI_FILE] });
      return { loaded: true };
    },
    async loadCore(_input, sender) {
      const { scripting } = deps;
      if (!scripting) throw new Error('this browser cannot add Backstory to a frame');
      const target = frameTarget(sender);
      await scripting.insertCSS({ target, files: [CONTENT_CSS_FILE] });
      await scripting.executeScript({ target, files: [CONTENT_SCRIPT_FILE] });
      return { loaded: true };
    },
  };
}
