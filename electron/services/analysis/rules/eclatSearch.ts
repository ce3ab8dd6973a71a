// The search of Eclat (Zaki, 2000) over tid-bitsets, one subtree at a time: the frequent itemsets whose
// first item, in the miner's order, is a given item. Subtrees are independent, so they can be mined on
// several threads from the same bitsets. No objects are allocated per itemset: all state lives in typed
// arrays, and the depth of recursion is the length of the itemset being extended.
import { popcount } from './popcount.js';

/** Words of a parent tidset between two checks of whether an intersection can still be frequent. */
const BLOCK_WORDS = 128;

export class GrowableInts {
  data: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.size);
  }
}

/** Where found itemsets go: itemset = parent + the item of rank `rank`; returns the new itemset's index. */
export class ItemsetSink {
  readonly parent = new GrowableInts(1024);
  readonly rank = new GrowableInts(1024);
  readonly count = new GrowableInts(1024);
  readonly length = new GrowableInts(1024);

  record(parent: number, rank: number, count: number, length: number): number {
    this.parent.push(parent);
    this.rank.push(rank);
    this.count.push(count);
    this.length.push(length);
    return this.parent.size - 1;
  }

  get size(): number {
    return this.parent.size;
  }

  toArrays(): { parent: Int32Array; rank: Int32Array; count: Int32Array; length: Int32Array } {
    return {
      parent: this.parent.toArray(),
      rank: this.rank.toArray(),
      count: this.count.toArray(),
      length: this.length.toArray(),
    };
  }

  static from(arrays: { parent: Int32Array; rank: Int32Array; count: Int32Array; length: Int32Array }): ItemsetSink {
    const sink = new ItemsetSink();
    for (let i = 0; i < arrays.parent.length; i++) {
      sink.record(arrays.parent[i]!, arrays.rank[i]!, arrays.count[i]!, arrays.length[i]!);
    }
    return sink;
  }
}

export interface EclatInput {
  /** One bitset of `words` words per frequent item, in the miner's order. */
  bits: Int32Array;
  words: number;
  frequentItems: number;
  minCount: number;
  maxLength: number;
}

export interface EclatSearch {
  /** Baskets holding the item of rank r. */
  singletonCount(r: number): number;
  /**
   * Records every frequent itemset of two or more items whose first item has rank k, depth first, the
   * pairs with `rootParent` as their parent.
   */
  mineSubtree(k: number, sink: ItemsetSink, rootParent: number): void;
}

export function eclatSearch(input: EclatInput): EclatSearch {
  const { bits, words, minCount, maxLength } = input;
  const m = input.frequentItems;
  let sink = new ItemsetSink();

  // levels[d] holds the members of the classes being extended at itemset length d + 1: each member has
  // an item rank, an output index and its tidset as (word index, word) pairs in the level's buffers, with
  // before[t], the number of the member's baskets in its words before word t, to stop an intersection as
  // soon as it cannot reach the minimum count any more.
  interface Level {
    rank: Int32Array;
    itemset: Int32Array;
    count: Int32Array;
    start: Int32Array;
    size: Int32Array;
    wordIndex: Int32Array;
    word: Int32Array;
    before: Int32Array;
    used: number;
  }
  const levels: Level[] = [];
  const level = (d: number): Level => {
    let l = levels[d];
    if (!l) {
      const capacity = d === 0 ? m * words : words * 4;
      l = {
        rank: new Int32Array(m),
        itemset: new Int32Array(m),
        count: new Int32Array(m),
        start: new Int32Array(m),
        size: new Int32Array(m),
        wordIndex: new Int32Array(capacity),
        word: new Int32Array(capacity),
        before: new Int32Array(capacity + 1),
        used: 0,
      };
      levels[d] = l;
    }
    return l;
  };
  const reserve = (l: Level, more: number): void => {
    const need = l.used + more + 1;
    if (need <= l.word.length) return;
    const capacity = Math.max(need, l.word.length * 2);
    const wordIndex = new Int32Array(capacity);
    wordIndex.set(l.wordIndex.subarray(0, l.used));
    const word = new Int32Array(capacity);
    word.set(l.word.subarray(0, l.used));
    const before = new Int32Array(capacity + 1);
    before.set(l.before.subarray(0, l.used + 1));
    l.wordIndex = wordIndex;
    l.word = word;
    l.before = before;
  };

  // The single items: their tidsets in compact form (their itemset index is set per subtree).
  const top = level(0);
  for (let r = 0; r < m; r++) {
    const base = r * words;
    const start = top.used;
    let used = start;
    let count = 0;
    for (let w = 0; w < words; w++) {
      const value = bits[base + w]!;
      if (value !== 0) {
        top.wordIndex[used] = w;
        top.word[used] = value;
        top.before[used] = count;
        count += popcount(value);
        used++;
      }
    }
    top.before[used] = count;
    top.rank[r] = r;
    top.count[r] = count;
    top.start[r] = start;
    top.size[r] = used - start;
    top.used = used;
  }

  // The baskets of member k of level `from` that also hold item `rank`, counted without being stored;
  // the count stops (and comes back below the minimum) once the parent's baskets still ahead are too few.
  const countWith = (from: Level, k: number, rank: number): number => {
    const base = rank * words;
    const inIndex = from.wordIndex;
    const inWord = from.word;
    const inBefore = from.before;
    const parentEnd = from.start[k]! + from.size[k]!;
    const slack = from.count[k]! - minCount + inBefore[from.start[k]!]!;
    let count = 0;
    let t = from.start[k]!;
    while (t < parentEnd) {
      const blockEnd = Math.min(parentEnd, t + BLOCK_WORDS);
      for (; t < blockEnd; t++) count += popcount(inWord[t]! & bits[base + inIndex[t]!]!);
      if (count + slack < inBefore[t]!) break;
    }
    return count;
  };

  // Stores the tidset of member k of `from` with item `rank` as member `child` of `to`.
  const storeWith = (from: Level, k: number, rank: number, to: Level, child: number): void => {
    const parentStart = from.start[k]!;
    const parentEnd = parentStart + from.size[k]!;
    reserve(to, parentEnd - parentStart);
    const base = rank * words;
    const inIndex = from.wordIndex;
    const inWord = from.word;
    const outIndex = to.wordIndex;
    const outWord = to.word;
    const outBefore = to.before;
    const start = to.used;
    let out = start;
    let count = 0;
    for (let t = parentStart; t < parentEnd; t++) {
      const w = inIndex[t]!;
      const value = inWord[t]! & bits[base + w]!;
      // A branch, not a branchless write: the stored tidsets are those of frequent itemsets, whose words
      // are mostly non-zero, and skipping the stores of the zero ones measured faster.
      if (value !== 0) {
        outIndex[out] = w;
        outWord[out] = value;
        outBefore[out] = count;
        out++;
        count += popcount(value);
      }
    }
    outBefore[out] = count;
    to.start[child] = start;
    to.size[child] = out - start;
    to.used = out;
  };

  // Extends each member k of the class (members 0 .. memberCount - 1 of level d) by every later member;
  // a later member that is not frequent with the prefix cannot be frequent with k either. Counting comes
  // first; only the children that will be extended in turn get their tidsets stored: not the last one,
  // which has no later sibling, and none at the maximum length.
  const extend = (d: number, memberCount: number): void => {
    for (let k = 0; k < memberCount - 1; k++) extendMember(d, k, memberCount);
  };

  const extendMember = (d: number, k: number, memberCount: number): void => {
    if (d + 2 > maxLength) return;
    const from = levels[d]!;
    const to = level(d + 1);
    const parentSet = from.itemset[k]!;
    let children = 0;
    for (let j = k + 1; j < memberCount; j++) {
      const rank = from.rank[j]!;
      const count = countWith(from, k, rank);
      if (count >= minCount) {
        to.rank[children] = rank;
        to.count[children] = count;
        to.itemset[children] = sink.record(parentSet, rank, count, d + 2);
        children++;
      }
    }
    if (children < 2 || d + 3 > maxLength) return;
    to.used = 0;
    for (let child = 0; child < children - 1; child++) storeWith(from, k, to.rank[child]!, to, child);
    extend(d + 1, children);
  };
  return {
    singletonCount: (r) => top.count[r]!,
    mineSubtree(k, target, rootParent) {
      if (k >= m - 1) return;
      sink = target;
      top.itemset[k] = rootParent;
      // The class of the single items, from k on: extend() on level 0 restricted to member k.
      extendMember(0, k, m);
    },
  };
}
