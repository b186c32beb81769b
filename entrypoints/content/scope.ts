import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * What the page features need of their lifetime: a signal, a flag and teardown callbacks.
 * The content script's own context is one; a `childScope` is a shorter one inside it (the
 * features of a site the reader may turn off and on again without a reload).
 */
export type Scope = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'onInvalidated'>;

export interface ChildScope extends Scope {
  /** Ends this scope: its signal aborts and its callbacks run (once, newest first). */
  end(): void;
}

/** A scope that ends with `parent`, or earlier by `end()`. */
export function childScope(parent: Scope): ChildScope {
  const controller = new AbortController();
  const callbacks: Array<() => void> = [];
  const end = (): void => {
    if (controller.signal.aborted) return;
    controller.abort();
    for (const cb of callbacks.splice(0).reverse()) {
      try {
        cb();
      } catch (error) {
        console.warn('Backstory: a feature did not stop cleanly:', error);
      }
    }
  };
  const detach = parent.onInvalidated(end);
  controller.signal.addEventListener('abort', detach, { once: true });
  if (parent.isInvalid) end();
  return {
    get signal() {
      return controller.signal;
    },
    get isInvalid() {
      return controller.signal.aborted;
    },
    onInvalidated(cb) {
      if (controller.signal.aborted) {
        cb();
        return () => undefined;
      }
      callbacks.push(cb);
      return () => {
        const i = callbacks.indexOf(cb);
        if (i >= 0) callbacks.splice(i, 1);
      };
    },
    end,
  };
}
