import { describe, expect, it, vi } from 'vitest';
import { CONTENT_CSS_FILE, CONTENT_SCRIPT_FILE, GATE_SCRIPT_FILE, createInjector, failureReason, noInjector, restrictedReason, type ScriptingApi } from './inject';

function fakeScripting(error?: Error) {
  const calls: string[] = [];
  const scripting: ScriptingApi = {
    executeScript: vi.fn(async (injection) => {
      calls.push(`script:${injection.files.join()}:${injection.target.tabId}:${injection.target.allFrames ? 'all' : String(injection.target.frameIds)}`);
      if (error) throw error;
      return [];
    }),
    insertCSS: vi.fn(async (injection) => {
      calls.push(`css:${injection.files.join()}:${injection.target.tabId}:${injection.target.allFrames ? 'all' : String(injection.target.frameIds)}`);
      if (error) throw error;
    }),
  };
  return { scripting, calls };
}

describe('createInjector', () => {
  it('runs the core (and its CSS) in the top frame and the frame gate in every frame, as the manifest does', async () => {
    const { scripting, calls } = fakeScripting();
    const inject = createInjector({ scripting, tabUrl: async () => 'https://news.example/a' });
    expect(await inject({ tabId: 3 })).toEqual({ injected: true });
    expect(calls).toEqual([`css:${CONTENT_CSS_FILE}:3:0`, `script:${CONTENT_SCRIPT_FILE}:3:0`, `script:${GATE_SCRIPT_FILE}:3:all`]);
  });

  it('does not try on pages it knows the browser refuses', async () => {
    const { scripting, calls } = fakeScripting();
    for (const url of ['chrome://version/', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/', 'https://x.example/paper.pdf']) {
      const reply = await createInjector({ scripting, tabUrl: async () => url })({ tabId: 1 });
      expect(reply.injected).toBe(false);
      expect(reply.reason).toMatch(/\w/);
    }
    expect(calls).toEqual([]);
  });

  it('turns a refusal into a reason, never a throw', async () => {
    const cases: [string, RegExp][] = [
      ['Cannot access a chrome:// URL', /own pages/],
      ['The extensions gallery cannot be scripted.', /store/],
      ['Cannot access contents of url "file:///a.html". Extension manifest must request permission to access this host.', /local files/],
      ['No tab with id: 9.', /gone/],
      ['Frame with ID 0 is showing error page', /did not load/],
      ['Something odd', /could not be scanned \(Something odd\)/],
    ];
    for (const [message, reason] of cases) {
      const { scripting } = fakeScripting(new Error(message));
      const reply = await createInjector({ scripting })({ tabId: 9 });
      expect(reply).toEqual({ injected: false, reason: expect.stringMatching(reason) });
    }
  });

  it('answers without scripting, for a tab that is gone, and skips the CSS when told', async () => {
    expect(await createInjector({ scripting: undefined })({ tabId: 1 })).toMatchObject({ injected: false });
    const { scripting, calls } = fakeScripting();
    const gone = createInjector({ scripting, tabUrl: () => Promise.reject(new Error('No tab with id: 1')) });
    expect(await gone({ tabId: 1 })).toEqual({ injected: false, reason: 'That tab is gone.' });
    expect(await createInjector({ scripting, css: false })({ tabId: 2 })).toEqual({ injected: true });
    expect(calls).toEqual([`script:${CONTENT_SCRIPT_FILE}:2:0`, `script:${GATE_SCRIPT_FILE}:2:all`]);
    expect(await noInjector({ tabId: 1 })).toMatchObject({ injected: false });
  });
});

describe('reasons', () => {
  it('knows restricted URLs and leaves web pages alone', () => {
    expect(restrictedReason('https://news.example/')).toBeUndefined();
    expect(restrictedReason('not a url')).toBeUndefined();
    expect(restrictedReason('edge://settings')).toMatch(/own pages/);
    expect(failureReason('a string', 'chrome://newtab/')).toMatch(/own pages/);
  });
});
