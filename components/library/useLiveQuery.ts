/**
 * Dexie `liveQuery` for Preact: subscribe in an effect, unsubscribe on cleanup. The query
 * re-runs (and the component re-renders) whenever a write anywhere — the background, another
 * tab — touches what it read. While new deps load, the previous value stays on screen.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: T | undefined; error: string };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState((prev) => ({ status: 'error', value: prev.value, error: errorMessage(error) })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on.
  }, deps);
  return state;
}
