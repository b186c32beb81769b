/**
 * Builds the keyword trie in breadth-first order. In that order the children of every
 * state are consecutive and the target of edge `j` is state `j + 1`, so the trie is stored
 * as just a child count per state and a class per edge.
 */

/**
 * Class ids: 0 not yet classified (scanner cache), 1 ignorable, 2 any symbol no pattern
 * uses, 3 separator, 4… pattern symbols.
 */
export const CLS_UNKNOWN = 0;
export const CLS_IGNORE = 1;
export const CLS_OTHER = 2;
export const CLS_SEP = 3;
export const CLS_FIRST = 4;

export interface TriePattern {
  /** One char per symbol: `String.fromCharCode(classId)`. */
  key: string;
  /** What ends here: alias index (≥ 0) or negative phrase `j` as `-(j + 1)`. */
  items: number[];
}

export interface TrieCore {
  numClasses: number;
  /** Per state, breadth-first order; state 0 is the root. */
  childCounts: Uint16Array;
  /** Per edge; edge `j` leads to state `j + 1`; sorted within each state. */
  edgeClasses: Uint16Array;
  /** Pairs (state, item), sorted by state. */
  terminals: Int32Array;
}

class Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

export function buildTrie(patterns: TriePattern[], numClasses: number): TrieCore {
  const sorted = [...patterns].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let total = 1;
  for (const p of sorted) total += p.key.length;
  const cls = new Growable(total);
  const firstChild = new Growable(total);
  const lastChild = new Growable(total);
  const nextSibling = new Growable(total);
  const newNode = (c: number): number => {
    cls.push(c);
    firstChild.push(-1);
    lastChild.push(-1);
    return nextSibling.push(-1);
  };
  newNode(0);
  const itemsAt = new Map<number, number[]>();
  for (const p of sorted) {
    let node = 0;
    for (let d = 0; d < p.key.length; d++) {
      const c = p.key.charCodeAt(d);
      const last = lastChild.get(node);
      // Keys are sorted, so an existing child for `c` can only be the last one added.
      if (last >= 0 && cls.get(last) === c) {
        node = last;
        continue;
      }
      const child = newNode(c);
      if (last >= 0) nextSibling.set(last, child);
      else firstChild.set(node, child);
      lastChild.set(node, child);
      node = child;
    }
    const list = itemsAt.get(node);
    if (list) list.push(...p.items);
    else itemsAt.set(node, [...p.items]);
  }
  const n = cls.length;
  const order = new Int32Array(n);
  const newId = new Int32Array(n);
  const childCounts = new Uint16Array(n);
  const edgeClasses = new Uint16Array(Math.max(0, n - 1));
  let tail = 1;
  for (let head = 0; head < n; head++) {
    const old = order[head] ?? 0;
    newId[old] = head;
    let count = 0;
    for (let ch = firstChild.get(old); ch >= 0; ch = nextSibling.get(ch)) {
      order[tail] = ch;
      edgeClasses[tail - 1] = cls.get(ch);
      tail++;
      count++;
    }
    childCounts[head] = count;
  }
  const pairs: [number, number][] = [];
  for (const [old, items] of itemsAt) {
    const state = newId[old] ?? 0;
    for (const item of items) pairs.push([state, item]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const terminals = new Int32Array(pairs.length * 2);
  pairs.forEach(([s, item], i) => {
    terminals[2 * i] = s;
    terminals[2 * i + 1] = item;
  });
  return { numClasses, childCounts, edgeClasses, terminals };
}
