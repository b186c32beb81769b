/**
 * Full-text search through the background, debounced: the query runs `delay` ms after the
 * last keystroke, and again whenever `trigger` changes (the live notes changed). Only the
 * newest request's answer is kept.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../../lib/model';
import { errorMessage } from './useLiveQuery';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous?: { results: Note[]; ms: number } | undefined }
  | { status: 'done'; results: Note[]; ms: number }
  | { status: 'error'; error: string };

export const SEARCH_DELAY = 150;

export function useSearch(
  search: (query: string) => Promise<Note[]>,
  query: string,
  trigger: unknown,
  delay: number = SEARCH_DELAY,
): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const seq = useRef(0);
  const lastQuery = useRef('');
  const trimmed = query.trim();

  useEffect(() => {
    const id = ++seq.current;
    if (trimmed === '') {
      lastQuery.current = '';
      setState({ status: 'idle' });
      return;
    }
    // A re-run for the same words (the notes changed) keeps the results on screen meanwhile.
    const rerun = trimmed === lastQuery.current;
    lastQuery.current = trimmed;
    setState((prev) =>
      rerun && prev.status === 'done'
        ? prev
        : { status: 'searching', previous: prev.status === 'done' ? prev : prev.status === 'searching' ? prev.previous : undefined },
    );
    const timer = setTimeout(() => {
      const started = performance.now();
      search(trimmed).then(
        (results) => {
          if (id === seq.current) setState({ status: 'done', results, ms: performance.now() - started });
        },
        (error: unknown) => {
          if (id === seq.current) setState({ status: 'error', error: errorMessage(error) });
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [search, trimmed, trigger, delay]);

  return state;
}
