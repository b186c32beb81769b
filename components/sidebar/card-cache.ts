/**
 * Cards of the entities on the page, fetched lazily (`getCard`) and kept per entity id for
 * the sidebar's lifetime. At most a few requests are in flight at once, so a page with 500
 * names never floods the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardData } from '../../lib/messaging';

export type CardEntry = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: CardData };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class CardCache {
  private readonly entries = new Map<string, CardEntry>();
  private readonly queue: string[] = [];
  private active = 0;
  private readonly byId = new Map<string, Set<() => void>>();
  private readonly any = new Set<() => void>();
  /** Rises whenever an entry changes (for views over many cards). */
  version = 0;

  constructor(
    private readonly load: (entityId: string) => Promise<CardData>,
    private readonly concurrency = 4,
  ) {}

  get(entityId: string): CardEntry | undefined {
    return this.entries.get(entityId);
  }

  /** The card's data when it has loaded. */
  data(entityId: string): CardData | undefined {
    const entry = this.entries.get(entityId);
    return entry?.status === 'ready' ? entry.data : undefined;
  }

  /** Ask for a card (once; an earlier error is retried). */
  want(entityId: string): void {
    const entry = this.entries.get(entityId);
    if (entry && entry.status !== 'error') return;
    this.set(entityId, { status: 'loading' });
    this.queue.push(entityId);
    this.pump();
  }

  /** Call `listener` when this entity's entry changes; returns the unsubscribe. */
  watch(entityId: string, listener: () => void): () => void {
    let set = this.byId.get(entityId);
    if (!set) {
      set = new Set();
      this.byId.set(entityId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byId.delete(entityId);
    };
  }

  /** Call `listener` when any entry changes; returns the unsubscribe. */
  watchAll(listener: () => void): () => void {
    this.any.add(listener);
    return () => this.any.delete(listener);
  }

  private pump(): void {
    while (this.active < this.concurrency) {
      const id = this.queue.shift();
      if (id === undefined) return;
      this.active++;
      this.load(id)
        .then(
          (data) => this.set(id, { status: 'ready', data }),
          (error: unknown) => this.set(id, { status: 'error', message: messageOf(error) }),
        )
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  private set(entityId: string, entry: CardEntry): void {
    this.entries.set(entityId, entry);
    this.version++;
    for (const fn of [...(this.byId.get(entityId) ?? [])]) fn();
    for (const fn of [...this.any]) fn();
  }
}

/** One entity's entry, re-rendering when it changes. `load` asks for it now. */
export function useCardEntry(cache: CardCache, entityId: string, load: boolean): CardEntry | undefined {
  const [, setTick] = useState(0);
  useEffect(() => cache.watch(entityId, () => setTick((t) => t + 1)), [cache, entityId]);
  useEffect(() => {
    if (load) cache.want(entityId);
  }, [cache, entityId, load]);
  return cache.get(entityId);
}

/** `cache.version`, re-rendering (at most once per frame-ish tick) whenever any entry changes. */
export function useCacheVersion(cache: CardCache): number {
  const [version, setVersion] = useState(cache.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = cache.watchAll(() => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setVersion(cache.version);
      }, 16);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [cache]);
  return version;
}
