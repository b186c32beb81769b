import { browser } from 'wxt/browser';
import type { Scope } from './scope';

/**
 * Runs `run` shortly after the background bumps the `storage.local` counter `key` (a burst
 * of bumps runs it once), until `scope` ends.
 */
export function watchRevision(scope: Scope, key: string, delayMs: number, run: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local' || !(key in changes)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  };
  browser.storage.onChanged.addListener(onStorage);
  scope.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    if (timer !== undefined) clearTimeout(timer);
  });
}
