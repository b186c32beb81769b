/**
 * Assertions on the page's own DOM, shared by the Chromium and Firefox suites (Node side;
 * the in-page reads are in probes.ts).
 */
import { expect } from 'vitest';

/**
 * The page's recorded mutations (`recordMutationsInPage`) show Backstory added its one UI
 * host and nothing else, and the page's HTML without that host is what it was.
 */
export function expectOnlyUiHostAdded(mutations: string[], htmlBefore: string, htmlAfter: string): void {
  const ours = mutations.filter((m) => m.includes('<backstory-ui>'));
  const others = mutations.filter((m) => !m.includes('<backstory-ui>'));
  // Added once; WXT positions its own host with inline styles, which touches nothing of the page's.
  expect(ours.filter((m) => !m.startsWith('@style on'))).toEqual(['+<backstory-ui> in <body>']);
  expect(others).toEqual([]);
  expect(htmlAfter).toBe(htmlBefore);
}
