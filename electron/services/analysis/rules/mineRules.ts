// Frequent itemsets and association rules of a set of baskets, in a fixed order: itemsets by length, then
// by their item ids; rules by confidence, lift and support (highest first), then by their sides' places
// in the itemset order. The same baskets and thresholds always give the same lists.
import { generateRules, type AssociationRules } from './associationRules.js';
import { basketCount, type Baskets } from './baskets.js';
import { mineFrequentItemsets, type FrequentItemsets } from './frequentItemsets.js';
import { minSupportCount } from './supportCount.js';

export interface RuleMiningOptions {
  /** Fraction of baskets in (0, 1]; see minSupportCount for the exact threshold. */
  minSupport: number;
  /** Rules with at least this confidence are kept, in [0, 1]. */
  minConfidence: number;
  /** Longest itemset (and so rule) to report; no limit when absent. */
  maxLength?: number;
}

export interface RuleMiningResult {
  basketCount: number;
  minCount: number;
  itemsets: FrequentItemsets;
  rules: AssociationRules;
  /** Itemset indexes in output order. */
  itemsetOrder: Int32Array;
  /** Rule indexes in output order. */
  ruleOrder: Int32Array;
}

/** The ids of itemset `set`, ascending. */
export function itemsOf(sets: FrequentItemsets, set: number): number[] {
  const ids: number[] = [];
  for (let at = set; at >= 0; at = sets.parent[at]!) ids.push(sets.lastItem[at]!);
  return ids.sort((a, b) => a - b);
}

function orderItemsets(sets: FrequentItemsets): Int32Array {
  const ids = Array.from({ length: sets.size }, (_, i) => itemsOf(sets, i));
  const order = Int32Array.from({ length: sets.size }, (_, i) => i);
  return order.sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    if (x.length !== y.length) return x.length - y.length;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
    return 0;
  });
}

function orderRules(sets: FrequentItemsets, rules: AssociationRules, itemsetOrder: Int32Array): Int32Array {
  const place = new Int32Array(sets.size);
  itemsetOrder.forEach((set, at) => (place[set] = at));
  const { confidence, lift, itemset, antecedent, consequent } = rules;
  const count = sets.count;
  const order = Int32Array.from({ length: rules.size }, (_, i) => i);
  return order.sort(
    (a, b) =>
      confidence[b]! - confidence[a]! ||
      lift[b]! - lift[a]! ||
      count[itemset[b]!]! - count[itemset[a]!]! ||
      place[antecedent[a]!]! - place[antecedent[b]!]! ||
      place[consequent[a]!]! - place[consequent[b]!]!,
  );
}

export function mineAssociationRules(baskets: Baskets, options: RuleMiningOptions): RuleMiningResult {
  const n = basketCount(baskets);
  const minCount = minSupportCount(options.minSupport, n);
  const itemsets = mineFrequentItemsets(
    baskets,
    options.maxLength === undefined ? { minCount } : { minCount, maxLength: options.maxLength },
  );
  const rules = generateRules(itemsets, options.minConfidence);
  const itemsetOrder = orderItemsets(itemsets);
  return {
    basketCount: n,
    minCount,
    itemsets,
    rules,
    itemsetOrder,
    ruleOrder: orderRules(itemsets, rules, itemsetOrder),
  };
}
