// Exact frequent-itemset mining by Eclat over tid-bitsets (Zaki, 2000): every frequent item gets a bitset
// of the baskets holding it, and an itemset's baskets are the AND of its items' bitsets. Baskets are first
// sorted by which of the most frequent items they hold, so the bitsets of common itemsets are a few runs
// of words; a tidset is kept as its non-zero words only, so an intersection costs as many steps as the
// parent itemset has non-zero words, and it stops early once the count can no longer reach the minimum.
// On large inputs the subtrees of the search are shared out among worker threads; the itemsets are put
// back in the order one thread finds them, so the result does not depend on the number of threads.
import { basketCount, type Baskets } from './baskets.js';
import { basketMasks, orderBasketsByCommonItems } from './basketOrder.js';
import { eclatSearch, ItemsetSink } from './eclatSearch.js';
import { mineSubtreesInParallel, parallelThreads, workerScriptBuilt } from './parallelEclat.js';

/**
 * The frequent itemsets as a prefix tree: itemset i is itemset parent[i] (or the empty set when -1) plus
 * the item lastItem[i]. Items are added in the miner's order (rarer first, then lower id), so a parent
 * always comes before its children.
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
  /**
   * Threads to mine on, the calling one included; by default all cores (up to four) on inputs large
   * enough to gain, and one when the worker script is not built. The result is the same for any number.
   */
  threads?: number;
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

  if (m === 0) return assemble(n, minCount, itemOrder, rankOfItem, [], new Int32Array(0));

  // One dense bitset per frequent item, over the baskets in their sorted order.
  const words = (n + 31) >>> 5;
  const threads =
    options.threads === undefined ? parallelThreads(n, m) : workerScriptBuilt() ? Math.max(1, options.threads) : 1;
  const bits = threads > 1 ? new Int32Array(new SharedArrayBuffer(m * words * 4)) : new Int32Array(m * words);
  const basketBits = basketMasks(baskets, rankOfItem, m);
  const order = orderBasketsByCommonItems(basketBits, m);
  const { masks, chunks } = basketBits;
  // Word by word in sorted order: the 32 baskets of a word are gathered in a small array first, so each
  // item's bitset is written once per word, front to back.
  const wordBits = new Int32Array(m);
  for (let word = 0; word < words; word++) {
    wordBits.fill(0);
    const first = word << 5;
    const last = Math.min(n, first + 32);
    for (let t = first; t < last; t++) {
      const base = order[t]! * chunks;
      const bit = 1 << (t & 31);
      for (let c = 0; c < chunks; c++) {
        for (let mask = masks[base + c]!; mask !== 0; mask &= mask - 1) {
          wordBits[(c << 5) + 31 - Math.clz32(mask & -mask)]! |= bit;
        }
      }
    }
    for (let r = 0, at = word; r < m; r++, at += words) bits[at] = wordBits[r]!;
  }

  const input = { bits, words, frequentItems: m, minCount, maxLength };
  const search = eclatSearch(input);
  const singletonCounts = Int32Array.from({ length: m }, (_, r) => search.singletonCount(r));
  let subtrees: ItemsetSink[];
  if (threads > 1) {
    subtrees = mineSubtreesInParallel(input, search, threads);
  } else {
    subtrees = [];
    for (let k = 0; k < m - 1; k++) {
      const sink = new ItemsetSink();
      search.mineSubtree(k, sink, -1);
      subtrees.push(sink);
    }
  }
  return assemble(n, minCount, itemOrder, rankOfItem, subtrees, singletonCounts);
}

/**
 * Joins the single items and the subtrees (subtree k: the itemsets whose first item has rank k, with
 * parents numbered within the subtree and -1 for the single item k) into one prefix tree: the single
 * items first, then each subtree in turn.
 */
function assemble(
  n: number,
  minCount: number,
  itemOrder: Int32Array,
  rankOfItem: Int32Array,
  subtrees: readonly ItemsetSink[],
  singletonCounts: Int32Array,
): FrequentItemsets {
  const m = singletonCounts.length;
  let size = m;
  for (const subtree of subtrees) size += subtree.size;
  const parent = new Int32Array(size).fill(-1);
  const lastItem = new Int32Array(size);
  const count = new Int32Array(size);
  const length = new Int32Array(size).fill(1);
  for (let r = 0; r < m; r++) {
    lastItem[r] = itemOrder[r]!;
    count[r] = singletonCounts[r]!;
  }
  let at = m;
  subtrees.forEach((subtree, k) => {
    const base = at;
    for (let i = 0; i < subtree.size; i++, at++) {
      const p = subtree.parent.data[i]!;
      parent[at] = p < 0 ? k : base + p;
      lastItem[at] = itemOrder[subtree.rank.data[i]!]!;
      count[at] = subtree.count.data[i]!;
      length[at] = subtree.length.data[i]!;
    }
  });
  return { basketCount: n, minCount, size, parent, lastItem, count, length, itemOrder, rankOfItem };
}
