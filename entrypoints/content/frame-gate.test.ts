// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, Transport } from '../../lib/messaging';
import { childScope, type ChildScope } from './scope';
import { frameText, frameVerdict, READABLE_CHARS, PROBE_CHARS, whenWorthScanning } from './frame-gate';

/** A parent scope that never ends by itself. */
const root = () => ({ signal: new AbortController().signal, isInvalid: false, onInvalidated: () => () => undefined });

describe('frameText', () => {
  it('counts readable characters, skipping scripts, styles and templates', () => {
    document.body.innerHTML = '<div>Summer  sale</div><script>var x = "Netanyahu";</script><style>p{}</style><template>Biden</template><p> Up to 40% off </p>';
    const seen = frameText(document);
    expect(seen.text).toBe('Summer  sale Up to 40% off');
    expect(seen.chars).toBe('Summersale'.length + 'Upto40%off'.length);
  });

  it('stops at what is worth a scan, and never keeps more than the probe takes', () => {
    document.body.innerHTML = `<p>${'word '.repeat(3_000)}</p>`.repeat(3);
    const seen = frameText(document);
    expect(seen.chars).toBeGreaterThanOrEqual(READABLE_CHARS);
    expect(seen.text.length).toBeLessThanOrEqual(PROBE_CHARS);
  });
});

describe('frameVerdict', () => {
  const big = { width: 300, height: 250 };
  it('scans a frame with real text, probes a little text, waits on none or on a tiny frame', () => {
    expect(frameVerdict(big, { text: 'x', chars: READABLE_CHARS })).toBe('scan');
    expect(frameVerdict(big, { text: 'Shop now', chars: 7 })).toBe('probe');
    expect(frameVerdict(big, { text: '', chars: 0 })).toBe('wait');
    expect(frameVerdict({ width: 1, height: 1 }, { text: 'x', chars: READABLE_CHARS })).toBe('wait');
    expect(frameVerdict({ width: 300, height: 0 }, { text: 'Shop now', chars: 7 })).toBe('wait');
  });
});

describe('whenWorthScanning', () => {
  let scope: ChildScope;
  let calls: Envelope[];
  let found: boolean;
  const send: Transport = (message) => {
    calls.push(message);
    return Promise.resolve({ ok: true, value: found });
  };
  /** A sub-frame: `top` is some other window. */
  const subFrame = (): Window => Object.assign(Object.create(window) as Window, { top: {}, innerWidth: 300, innerHeight: 250 });

  beforeEach(() => {
    vi.useFakeTimers();
    scope = childScope(root());
    calls = [];
    found = false;
    document.body.innerHTML = '';
  });
  afterEach(() => {
    scope.end();
    vi.useRealTimers();
  });

  it('lets the top frame go at once, asking nothing', async () => {
    await whenWorthScanning(scope, { doc: document, win: window, send });
    expect(calls).toEqual([]);
  });

  it('probes a small frame once, waits when nothing is named, goes when new text names someone', async () => {
    document.body.innerHTML = '<div>Summer sale</div>';
    let going = false;
    void whenWorthScanning(scope, { doc: document, win: subFrame(), send }).then(() => (going = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.type)).toEqual(['probeText']);
    expect(calls[0]?.payload).toEqual({ text: 'Summer sale' });
    expect(going).toBe(false);
    // Mutations that change nothing readable ask nothing more, however many there are.
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    // New text: one more probe, a second later; this one names someone.
    found = true;
    document.body.append(document.createTextNode(' Biden speaks'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    expect(going).toBe(true);
  });

  it('waits on an empty frame without asking, and goes without asking once it fills with text', async () => {
    let going = false;
    void whenWorthScanning(scope, { doc: document, win: subFrame(), send }).then(() => (going = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([]);
    document.body.innerHTML = `<article><p>${'An embedded article with real text. '.repeat(60)}</p></article>`;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(going).toBe(true);
    expect(calls).toEqual([]);
  });

  it('stops watching when the scope ends', async () => {
    document.body.innerHTML = '<div>Shop now</div>';
    void whenWorthScanning(scope, { doc: document, win: subFrame(), send });
    await vi.advanceTimersByTimeAsync(0);
    scope.end();
    document.body.append(document.createTextNode(' more words'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
  });
});
