// Exact frequent-itemset mining by Eclat over tid-bitsets (Zaki, 2000): every frequent item gets a bitset
// of the baskets holding it, and an itemset's baskets are the AND of its items' bitsets. Baskets are first
// sorted by which of the most frequent items they hold, so the bitsets of common itemsets are a few runs
// of words; a tidset is kept as its non-zero words only, so an intersection costs as many steps as the
// parent itemset has non-zero words, and it stops early once the count can no longer reach the minimum. No objects are allocated per itemset: all state lives in
// typed arrays, and the depth of recursion is the length of the itemset being extended.
import { basketCount, type Baskets } from './baskets.js';
import { orderBasketsByFrequentItems } from './basketOrder.js';
import { popcount } from './popcount.js';

/**
 * The frequent itemsets as a prefix tree: itemset i is itemset parent[i] (or the empty set when -1) plus
 * the item lastItem[i]. Items are added in the miner's order (more frequent first, then lower id), so a
 * parent always comes before its children.
 */
export interface FrequentItemsets {
  basketCount: number;
  minCount: number;
  size: number;
  parent: Int32Array;
  lastItem: Int32Array;
  count: Int32Array;
  length: Int32Array;
  /** The frequent single items in the miner's order, and each item's position in it (-1 when infrequent). */
  itemOrder: Int32Array;
  rankOfItem: Int32Array;
}

export interface FrequentItemsetOptions {
  /** Baskets an itemset must occur in, at least 1. */
  minCount: number;
  /** Longest itemset to report; no limit when absent. */
  maxLength?: number;
}

/** Words of a parent tidset between two checks of whether an intersection can still be frequent. */
const BLOCK_WORDS = 128;

class GrowableInts {
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

/** Counts each item once per basket, even when a basket lists it twice. */
function itemCounts(baskets: Baskets): Int32Array {
  const counts = new Int32Array(baskets.itemCount);
  const lastSeen = new Int32Array(baskets.itemCount).fill(-1);
  const n = basketCount(baskets);
  const { offsets, items } = baskets;
  for (let b = 0; b < n; b++) {
    for (let k = offsets[b]!; k < offsets[b + 1]!; k++) {
      const item = items[k]!;
      if (lastSeen[item] !== b) {
        lastSeen[item] = b;
        counts[item]!++;
      }
    }
  }
  return counts;
}

export function mineFrequentItemsets(baskets: Baskets, options: FrequentItemsetOptions): FrequentItemsets {
  const n = basketCount(baskets);
  const minCount = options.minCount;
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError(`minimum count ${minCount} is below 1`);
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  if (!(maxLength >= 1)) throw new RangeError(`maximum itemset length ${maxLength} is below 1`);

  const counts = itemCounts(baskets);
  const frequent: number[] = [];
  for (let item = 0; item < counts.length; item++) if (counts[item]! >= minCount) frequent.push(item);
  // Rarest first: a rare item's class is small, so the long tidsets of the common items are intersected
  // with few candidates (the usual Eclat order; it cut the work four-fold on customer baskets).
  frequent.sort((a, b) => counts[a]! - counts[b]! || a - b);
  const m = frequent.length;
  const itemOrder = Int32Array.from(frequent);
  const rankOfItem = new Int32Array(baskets.itemCount).fill(-1);
  for (let r = 0; r < m; r++) rankOfItem[itemOrder[r]!] = r;

  const parent = new GrowableInts(m * 4);
  const lastItem = new GrowableInts(m * 4);
  const supportCount = new GrowableInts(m * 4);
  const setLength = new GrowableInts(m * 4);
  const result = (): FrequentItemsets => ({
    basketCount: n,
    minCount,
    size: parent.size,
    parent: parent.toArray(),
    lastItem: lastItem.toArray(),
    count: supportCount.toArray(),
    length: setLength.toArray(),
    itemOrder,
    rankOfItem,
  });
  if (m === 0) return result();

  // One dense bitset per frequent item, over the baskets in their sorted order.
  const words = (n + 31) >>> 5;
  const bits = new Int32Array(m * words);
  const keyRankOfItem = rankOfItem.map((r) => (r < 0 ? -1 : m - 1 - r));
  const position = orderBasketsByFrequentItems(baskets, keyRankOfItem, m);
  const { offsets, items } = baskets;
  for (let b = 0; b < n; b++) {
    const t = position[b]!;
    const word = t >>> 5;
    const bit = 1 << (t & 31);
    for (let k = offsets[b]!; k < offsets[b + 1]!; k++) {
      const r = rankOfItem[items[k]!]!;
      if (r >= 0) bits[r * words + word]! |= bit;
    }
  }

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
  const record = (parentSet: number, rank: number, count: number, length: number): number => {
    parent.push(parentSet);
    lastItem.push(itemOrder[rank]!);
    supportCount.push(count);
    setLength.push(length);
    return parent.size - 1;
  };

  // The single items: their tidsets in compact form.
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
    top.itemset[r] = record(-1, r, count, 1);
    top.used = used;
  }

  // Extends each member k of the class (members 0 .. memberCount - 1 of level d) by every later member;
  // a later member that is not frequent with the prefix cannot be frequent with k either.
  const extend = (d: number, memberCount: number): void => {
    if (d + 2 > maxLength) return;
    const from = levels[d]!;
    const to = level(d + 1);
    for (let k = 0; k < memberCount - 1; k++) {
      to.used = 0;
      let children = 0;
      const parentStart = from.start[k]!;
      const parentEnd = parentStart + from.size[k]!;
      const parentSet = from.itemset[k]!;
      // The intersection can stop once the parent's baskets still ahead are too few.
      const slack = from.count[k]! - minCount + from.before[parentStart]!;
      for (let j = k + 1; j < memberCount; j++) {
        const rank = from.rank[j]!;
        const base = rank * words;
        reserve(to, parentEnd - parentStart);
        const outIndex = to.wordIndex;
        const outWord = to.word;
        const outBefore = to.before;
        const inIndex = from.wordIndex;
        const inWord = from.word;
        const inBefore = from.before;
        const start = to.used;
        let out = start;
        let count = 0;
        let t = parentStart;
        while (t < parentEnd) {
          const blockEnd = Math.min(parentEnd, t + BLOCK_WORDS);
          for (; t < blockEnd; t++) {
            const w = inIndex[t]!;
            const value = inWord[t]! & bits[base + w]!;
            // Written unconditionally and kept only when non-zero: no branch to mispredict.
            outIndex[out] = w;
            outWord[out] = value;
            outBefore[out] = count;
            out += value !== 0 ? 1 : 0;
            count += popcount(value);
          }
          if (count + slack < inBefore[t]!) break;
        }
        if (count >= minCount) {
          outBefore[out] = count;
          to.rank[children] = rank;
          to.count[children] = count;
          to.start[children] = start;
          to.size[children] = out - start;
          to.itemset[children] = record(parentSet, rank, count, d + 2);
          children++;
          to.used = out;
        }
      }
      if (children > 1) extend(d + 1, children);
    }
  };
  extend(0, m);
  return result();
}
