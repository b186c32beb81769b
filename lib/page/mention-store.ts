/**
 * The page's current mentions, grouped by the block they were found in, with the lookups
 * hover and the sidebar need: text node → mentions, range → mention, entity → mentions.
 */
import type { PageMention } from './types';
import type { MentionRecord } from './mentions';
import { isShadowRoot, type TextBlock } from './text-index';

export interface BlockEntry {
  block: TextBlock;
  records: MentionRecord[];
  /** True once its mentions are in the lookups (built on first use, not per mention added). */
  indexed?: boolean;
}

const FOLLOWING = 4;
const PRECEDING = 2;

/** `node` lifted through shadow hosts: [node, its root's host, that root's host, …]. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  let root = node.getRootNode();
  while (isShadowRoot(root)) {
    chain.push(root.host);
    root = root.host.getRootNode();
  }
  return chain;
}

/** Document order across shadow trees (a shadow tree sorts where its host is). */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  const rootIndexB = new Map<Node, number>();
  chainB.forEach((n, j) => rootIndexB.set(n.getRootNode(), j));
  for (const x of chainA) {
    const j = rootIndexB.get(x.getRootNode());
    if (j === undefined) continue;
    const y = chainB[j];
    if (y === undefined || x === y) return 0;
    const pos = x.compareDocumentPosition(y);
    if ((pos & FOLLOWING) !== 0) return -1;
    if ((pos & PRECEDING) !== 0) return 1;
    return 0;
  }
  return 0;
}

/**
 * Mentions grouped by block. Document order is kept without sorting the whole page: a
 * pass's blocks are ordered by their collection `order` (document order within one pass),
 * then merged into the committed order with a monotone binary search per block
 * (`compareComposed`, O(log n) DOM comparisons each; none for the first pass).
 */
export class MentionStore {
  private readonly entries = new Set<BlockEntry>();
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly byRange = new Map<AbstractRange, PageMention>();
  private readonly byEntity = new Map<string, Set<PageMention>>();
  /** Committed entries with mentions, in document order (may hold removed ones). */
  private ordered: BlockEntry[] = [];
  /** Entries with mentions added by the current pass, not yet merged. */
  private pending: BlockEntry[] = [];
  private flat: readonly PageMention[] | null = [];
  private count = 0;
  private changes = 0;
  /** The entry `add` made last (chunks of one block go to one entry). */
  private last: BlockEntry | null = null;
  /** Entries with mentions not yet in the lookups (byNode, byRange, byEntity). */
  private unindexed: BlockEntry[] = [];

  /** Rises whenever a mention is added or removed. */
  get version(): number {
    return this.changes;
  }

  get blockCount(): number {
    return this.entries.size;
  }

  get mentionCount(): number {
    return this.count;
  }

  /**
   * Adds one block's mentions; called again for the same block right after, it adds to the
   * same entry (a block's mentions may come in chunks). Call `commit()` at the end of each
   * scanning pass.
   */
  add(block: TextBlock, records: MentionRecord[]): BlockEntry {
    const lastEntry = this.last;
    const entry: BlockEntry = lastEntry !== null && lastEntry.block === block && this.entries.has(lastEntry)
      ? lastEntry
      : { block, records: [] };
    if (entry !== lastEntry) {
      this.entries.add(entry);
      this.last = entry;
    }
    const wasEmpty = entry.records.length === 0;
    for (const record of records) entry.records.push(record);
    // The lookups are only needed on hover: built when first asked, not per mention here.
    if (entry.indexed === true) this.index(records);
    this.count += records.length;
    if (records.length > 0) {
      this.changes++;
      if (wasEmpty) {
        this.pending.push(entry);
        if (entry.indexed !== true) this.unindexed.push(entry);
      }
      this.flat = null;
    }
    return entry;
  }

  private index(records: readonly MentionRecord[]): void {
    for (const { mention, nodes } of records) {
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list === undefined) this.byNode.set(node, [mention]);
        else list.push(mention);
      }
      this.byRange.set(mention.range, mention);
      let set = this.byEntity.get(mention.entityId);
      if (set === undefined) {
        set = new Set();
        this.byEntity.set(mention.entityId, set);
      }
      set.add(mention);
    }
  }

  /** Brings the lookups up to date (once per batch of additions). */
  private ensureIndexed(): void {
    if (this.unindexed.length === 0) return;
    for (const entry of this.unindexed) {
      if (entry.indexed === true || !this.entries.has(entry)) continue;
      this.index(entry.records);
      entry.indexed = true;
    }
    this.unindexed = [];
  }

  private unindex(mention: PageMention, nodes: readonly Text[]): void {
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list === undefined) continue;
      const rest = list.filter((m) => m !== mention);
      if (rest.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, rest);
    }
    this.byRange.delete(mention.range);
    const set = this.byEntity.get(mention.entityId);
    set?.delete(mention);
    if (set?.size === 0) this.byEntity.delete(mention.entityId);
  }

  /** Removes one block's entry; returns its mentions. */
  remove(entry: BlockEntry): PageMention[] {
    if (!this.entries.delete(entry)) return [];
    const removed: PageMention[] = [];
    for (const { mention, nodes } of entry.records) {
      if (entry.indexed === true) this.unindex(mention, nodes);
      removed.push(mention);
    }
    this.count -= entry.records.length;
    if (removed.length > 0) {
      this.changes++;
      this.flat = null;
    }
    return removed;
  }

  /** Removes every entry whose block satisfies `stale`; returns their mentions. */
  removeWhere(stale: (block: TextBlock) => boolean): PageMention[] {
    const removed: PageMention[] = [];
    for (const entry of [...this.entries]) {
      if (stale(entry.block)) removed.push(...this.remove(entry));
    }
    return removed;
  }

  /** Merges the current pass's blocks into document order. */
  commit(): void {
    if (this.pending.length === 0) return;
    const live = (e: BlockEntry): boolean => this.entries.has(e);
    const fresh = this.pending.filter(live);
    // Mostly in order already (near blocks come first): sort only when needed.
    if (fresh.some((e, i) => i > 0 && (fresh[i - 1]?.block.order ?? 0) > e.block.order)) {
      fresh.sort((a, b) => a.block.order - b.block.order);
    }
    const old = this.ordered.filter(live);
    this.pending = [];
    this.flat = null;
    if (old.length === 0) {
      this.ordered = fresh;
      return;
    }
    const merged: BlockEntry[] = [];
    let taken = 0;
    const copyOld = (until: number): void => {
      for (; taken < until; taken++) {
        const e = old[taken];
        if (e !== undefined) merged.push(e);
      }
    };
    let lo = 0; // only grows: fresh entries are in document order among themselves
    for (const entry of fresh) {
      const first = entry.block.nodes[0];
      let hi = old.length;
      while (lo < hi && first !== undefined) {
        const mid = (lo + hi) >> 1;
        const other = old[mid]?.block.nodes[0];
        if (other !== undefined && compareComposed(other, first) < 0) lo = mid + 1;
        else hi = mid;
      }
      copyOld(lo);
      merged.push(entry);
    }
    copyOld(old.length);
    this.ordered = merged;
  }

  clear(): void {
    this.entries.clear();
    this.byNode.clear();
    this.byRange.clear();
    this.byEntity.clear();
    this.count = 0;
    this.last = null;
    this.unindexed = [];
    this.ordered = [];
    this.pending = [];
    this.flat = [];
  }

  /** Every mention, in document order (cached until the next change). */
  all(): readonly PageMention[] {
    this.commit();
    if (this.flat !== null) return this.flat;
    const out: PageMention[] = [];
    for (const e of this.ordered) {
      if (!this.entries.has(e)) continue;
      for (const r of e.records) out.push(r.mention);
    }
    this.flat = Object.freeze(out);
    return this.flat;
  }

  mentionsAtNode(node: Node): readonly PageMention[] {
    this.ensureIndexed();
    return this.byNode.get(node as Text) ?? [];
  }

  mentionOfRange(range: AbstractRange): PageMention | undefined {
    this.ensureIndexed();
    return this.byRange.get(range);
  }

  mentionsOf(entityId: string): PageMention[] {
    this.ensureIndexed();
    const set = this.byEntity.get(entityId);
    if (set === undefined) return [];
    const all = this.all();
    return all.filter((m) => set.has(m));
  }
}
