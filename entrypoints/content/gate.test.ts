// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../lib/messaging';
import { gateRuntime, startGate } from './gate';
import { gatePassed } from './frame-gate';

interface FakeRuntime {
  id?: string;
  sendMessage: (message: unknown) => Promise<unknown>;
}

/** A sub-frame window (its `top` is another window). */
const subFrame = (): Window => Object.assign(Object.create(window) as Window, { top: {}, innerWidth: 300, innerHeight: 250, document });
/** The content script's global, with `browser.runtime` set to `runtime`. */
const withRuntime = (runtime: FakeRuntime) => ({ browser: { runtime } });

describe('gateRuntime', () => {
  it("takes Firefox's browser.runtime, else Chrome's chrome.runtime, and nothing once the extension is gone", () => {
    const runtime = { id: 'ext', sendMessage: () => Promise.resolve() };
    expect(gateRuntime({ browser: { runtime } })).toBe(runtime);
    expect(gateRuntime({ chrome: { runtime } })).toBe(runtime);
    expect(gateRuntime({ chrome: { runtime: { sendMessage: runtime.sendMessage } } })).toBeUndefined();
    expect(gateRuntime({})).toBeUndefined();
  });
});

describe('startGate', () => {
  let sent: Envelope[];
  let runtime: FakeRuntime;
  beforeEach(() => {
    sent = [];
    runtime = {
      id: 'ext',
      sendMessage: (message) => {
        sent.push(message as Envelope);
        const type = (message as Envelope).type;
        return Promise.resolve({ ok: true, value: type === 'probeText' ? true : { loaded: true } });
      },
    };
    // The Highlight API is what the core needs; happy-dom has none.
    vi.stubGlobal('CSS', { highlights: new Map() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('steps aside in the top frame: the manifest runs the core there', async () => {
    const top = Object.create(window) as Window;
    Object.defineProperty(top, 'top', { value: top });
    await startGate(top, withRuntime(runtime));
    expect(sent).toEqual([]);
  });

  it('asks for the core at once in a sub-frame with real text', async () => {
    const p = document.createElement('p');
    p.textContent = 'Long read. '.repeat(200);
    document.body.append(p);
    await startGate(subFrame(), withRuntime(runtime));
    expect(sent.map((m) => m.type)).toEqual(['loadCore']);
  });

  it('probes a little text, and asks for the core only when it names someone', async () => {
    document.body.textContent = 'What Rafah means for the talks';
    const global = withRuntime(runtime);
    expect(gatePassed(global)).toBe(false);
    await startGate(subFrame(), global);
    expect(sent.map((m) => m.type)).toEqual(['probeText', 'loadCore']);
    // The core it asked for sees that the gate let the frame through, and asks nothing again.
    expect(gatePassed(global)).toBe(true);
    expect(sent[0]?.payload).toEqual({ text: 'What Rafah means for the talks' });
  });

  it('does nothing when the extension is gone (an orphaned script after an update)', async () => {
    document.body.textContent = 'Long read. '.repeat(200);
    await startGate(subFrame(), withRuntime({ sendMessage: runtime.sendMessage }));
    expect(sent).toEqual([]);
  });

  it('says so in the console, and throws nothing, when the background refuses', async () => {
    document.body.textContent = 'Long read. '.repeat(200);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refusing: FakeRuntime = { id: 'ext', sendMessage: () => Promise.resolve({ ok: false, error: 'no frame' }) };
    await expect(startGate(subFrame(), withRuntime(refusing))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Backstory: could not start in this frame:', expect.any(Error));
  });
});
