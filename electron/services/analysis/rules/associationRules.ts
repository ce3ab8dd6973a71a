// Association rules from frequent itemsets: for every frequent itemset of two or more items, every
// non-empty proper subset as the antecedent and the rest as the consequent, kept when its confidence
// reaches the minimum. Both sides of a rule are frequent (subsets of a frequent itemset), so their
// counts are read from the itemsets, not from the baskets.
import type { FrequentItemsets } from './frequentItemsets.js';

/** Rules as columns of itemset indexes; the measures follow from the itemsets' counts (ruleMeasures). */
export interface AssociationRules {
  size: number;
  antecedent: Int32Array;
  consequent: Int32Array;
  /** The union of both sides. */
  itemset: Int32Array;
  confidence: Float64Array;
  lift: Float64Array;
}

export interface RuleMeasures {
  /** Baskets holding every item of the rule. */
  count: number;
  antecedentCount: number;
  consequentCount: number;
  /** count / baskets. */
  support: number;
  /** count / antecedentCount. */
  confidence: number;
  /** confidence / (consequentCount / baskets), as Weka computes it. */
  lift: number;
  /** support − antecedent support × consequent support. */
  leverage: number;
  /** (1 − consequent support) / (1 − confidence); null when the confidence is 1 (infinite). */
  conviction: number | null;
}

/** Itemset index of every subset of itemset `set`, by bit mask over its items in the miner's order. */
class SubsetIndex {
  private readonly child = new Map<number, number>();
  private readonly width: number;

  constructor(private readonly sets: FrequentItemsets) {
    this.width = sets.itemOrder.length + 1;
    for (let i = 0; i < sets.size; i++) {
      this.child.set(this.key(sets.parent[i]!, sets.lastItem[i]!), i);
    }
  }

  private key(parent: number, item: number): number {
    return (parent + 1) * this.width + this.sets.rankOfItem[item]!;
  }

  /** Fills members with the items of `set` in the miner's order, and index[mask] for every mask. */
  subsets(set: number, members: Int32Array, index: Int32Array): number {
    const length = this.sets.length[set]!;
    for (let at = set, k = length - 1; at >= 0; at = this.sets.parent[at]!, k--) members[k] = this.sets.lastItem[at]!;
    index[0] = -1;
    for (let mask = 1; mask < 1 << length; mask++) {
      const top = 31 - Math.clz32(mask);
      const found = this.child.get(this.key(index[mask & ~(1 << top)]!, members[top]!));
      if (found === undefined) throw new Error(`subset ${mask} of itemset ${set} is missing: not a closed family`);
      index[mask] = found;
    }
    return length;
  }
}

export function generateRules(sets: FrequentItemsets, minConfidence: number): AssociationRules {
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new RangeError(`minimum confidence ${minConfidence} is not between 0 and 1`);
  }
  const n = sets.basketCount;
  let longest = 0;
  for (let i = 0; i < sets.size; i++) longest = Math.max(longest, sets.length[i]!);
  if (longest > 30) throw new RangeError(`an itemset of ${longest} items has too many rules to list`);
  const lookup = new SubsetIndex(sets);
  const members = new Int32Array(Math.max(1, longest));
  const index = new Int32Array(2 ** longest);

  let capacity = 1024;
  let antecedent = new Int32Array(capacity);
  let consequent = new Int32Array(capacity);
  let itemset = new Int32Array(capacity);
  let confidence = new Float64Array(capacity);
  let lift = new Float64Array(capacity);
  let size = 0;
  const grow = () => {
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(old: T, make: (c: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    antecedent = more(antecedent, (c) => new Int32Array(c));
    consequent = more(consequent, (c) => new Int32Array(c));
    itemset = more(itemset, (c) => new Int32Array(c));
    confidence = more(confidence, (c) => new Float64Array(c));
    lift = more(lift, (c) => new Float64Array(c));
  };

  for (let set = 0; set < sets.size; set++) {
    const length = sets.length[set]!;
    if (length < 2) continue;
    lookup.subsets(set, members, index);
    const count = sets.count[set]!;
    const full = (1 << length) - 1;
    for (let mask = 1; mask < full; mask++) {
      const a = index[mask]!;
      const c = index[full & ~mask]!;
      const ruleConfidence = count / sets.count[a]!;
      if (ruleConfidence < minConfidence) continue;
      if (size === capacity) grow();
      antecedent[size] = a;
      consequent[size] = c;
      itemset[size] = set;
      confidence[size] = ruleConfidence;
      lift[size] = ruleConfidence / (sets.count[c]! / n);
      size++;
    }
  }
  return {
    size,
    antecedent: antecedent.slice(0, size),
    consequent: consequent.slice(0, size),
    itemset: itemset.slice(0, size),
    confidence: confidence.slice(0, size),
    lift: lift.slice(0, size),
  };
}

export function ruleMeasures(sets: FrequentItemsets, rules: AssociationRules, rule: number): RuleMeasures {
  const n = sets.basketCount;
  const count = sets.count[rules.itemset[rule]!]!;
  const antecedentCount = sets.count[rules.antecedent[rule]!]!;
  const consequentCount = sets.count[rules.consequent[rule]!]!;
  const confidence = rules.confidence[rule]!;
  const consequentSupport = consequentCount / n;
  return {
    count,
    antecedentCount,
    consequentCount,
    support: count / n,
    confidence,
    lift: rules.lift[rule]!,
    leverage: count / n - (antecedentCount / n) * consequentSupport,
    conviction: confidence === 1 ? null : (1 - consequentSupport) / (1 - confidence),
  };
}
