// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createPageObserver, scopesFromRecords } from './observer';

function recordsOf(root: Node, mutate: () => void): MutationRecord[] {
  const mo = new window.MutationObserver(() => undefined);
  mo.observe(root, { childList: true, characterData: true, subtree: true, attributes: true });
  mutate();
  const records = mo.takeRecords();
  mo.disconnect();
  return records;
}

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`no #${id}`);
  return el;
};

describe('scopesFromRecords', () => {
  it('an appended block element is its own scope (the feed is not rescanned)', () => {
    document.body.innerHTML = '<div id="feed"><p>one</p></div>';
    const p = document.createElement('p');
    const { scopes, removals } = scopesFromRecords(recordsOf(document.body, () => byId('feed').append(p)));
    expect(scopes).toEqual([p]);
    expect(removals).toBe(false);
  });

  it('text edits and inline insertions rescan the closest block', () => {
    document.body.innerHTML = '<div id="d"><p id="p">a <b id="b">b</b></p></div>';
    const records = recordsOf(document.body, () => {
      const t = byId('b').firstChild;
      if (t instanceof window.Text) t.data = 'c';
      byId('p').append(document.createElement('i'));
    });
    expect(scopesFromRecords(records).scopes).toEqual([byId('p')]);
  });

  it('keeps only the outermost scopes and drops excluded ones', () => {
    document.body.innerHTML = '<div id="d"><p id="p">x</p></div><textarea id="t"></textarea><style id="s"></style>';
    const records = recordsOf(document.body, () => {
      byId('p').append('y');
      byId('d').append('z');
      byId('t').append('typed');
      byId('s').append('.a{}');
    });
    expect(scopesFromRecords(records).scopes).toEqual([byId('d')]);
  });

  it('the extension’s own UI host added beside inline page content rescans nothing', () => {
    // A "skip to content" link straight in <body> is common; the card's host is appended there.
    document.body.innerHTML = '<a href="#main">Skip to content</a><main id="main"><p>Gaza</p></main>';
    const host = document.createElement('backstory-ui');
    const isOwnUi = (node: Node): boolean => node === host;
    const added = scopesFromRecords(recordsOf(document.body, () => document.body.append(host)), isOwnUi);
    expect(added).toEqual({ scopes: [], removals: false });
    const removed = scopesFromRecords(recordsOf(document.body, () => host.remove()), isOwnUi);
    expect(removed).toEqual({ scopes: [], removals: false });
  });

  it('ignores whitespace and attribute churn between block elements', () => {
    document.body.innerHTML = '<div id="d"><p>x</p></div>';
    const records = recordsOf(document.body, () => {
      byId('d').append('\n  ');
      byId('d').setAttribute('class', 'busy');
    });
    expect(scopesFromRecords(records).scopes).toEqual([]);
  });

  it('a block removed from among inline text rescans the parent (its text now joins)', () => {
    document.body.innerHTML = '<div id="d">Benjamin<div id="x"></div> Netanyahu</div>';
    const { scopes, removals } = scopesFromRecords(recordsOf(document.body, () => byId('x').remove()));
    expect(scopes).toEqual([byId('d')]);
    expect(removals).toBe(true);
  });
});

describe('createPageObserver', () => {
  it('batches records into one flush and stops on abort', async () => {
    document.body.innerHTML = '<div id="d"></div>';
    const controller = new AbortController();
    const onBatch = vi.fn();
    const observer = createPageObserver({ win: window, signal: controller.signal, onBatch, delayMs: 5 });
    observer.observe(document.body);
    observer.observe(document.body);
    byId('d').append(document.createElement('p'), document.createElement('p'));
    byId('d').append(document.createElement('p'));
    await vi.waitFor(() => expect(onBatch).toHaveBeenCalledTimes(1));
    expect(onBatch.mock.calls[0]?.[0].scopes).toHaveLength(3);
    expect(observer.received()).toBeGreaterThanOrEqual(2);
    controller.abort();
    byId('d').append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 20));
    expect(onBatch).toHaveBeenCalledTimes(1);
  });
});

describe('createPageObserver with a very large batch of records', () => {
  it('takes 200 000 records in one callback (no spread into push: it overflows the stack)', () => {
    let deliver: (records: MutationRecord[]) => void = () => undefined;
    class BigObserver {
      constructor(callback: (records: MutationRecord[]) => void) {
        deliver = callback;
      }
      observe(): void {}
      disconnect(): void {}
      takeRecords(): MutationRecord[] {
        return [];
      }
    }
    const p = document.createElement('p');
    document.body.replaceChildren(p);
    const record = { type: 'childList', target: document.body, addedNodes: [p], removedNodes: [] } as unknown as MutationRecord;
    const fakeWin = Object.create(window, { MutationObserver: { value: BigObserver } }) as Window;
    const onBatch = vi.fn();
    const controller = new AbortController();
    const observer = createPageObserver({ win: fakeWin, signal: controller.signal, onBatch });
    observer.observe(document.body);
    const records: MutationRecord[] = new Array<MutationRecord>(200_000).fill(record);
    expect(() => deliver(records)).not.toThrow();
    expect(observer.received()).toBe(200_000);
    observer.flush();
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0]?.[0]).toMatchObject({ scopes: [p], removals: false });
    controller.abort();
  });
});
