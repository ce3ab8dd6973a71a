// Latent needs (潜在需求): a rule whose consequent is one product and whose lift is above 1 says "customers
// like this one usually also hold X". For every customer, the best few such products they do not hold, each
// with the best rule whose antecedent their basket matches. Rules are applied to bitsets of customers, one
// product at a time and best rule first, so each (customer, product) pair is settled once: the work is the
// rules' antecedent bitsets ANDed word by word, not customers × rules.
import type { Job } from '../../context.js';
import { basketCount, type Baskets } from '../rules/baskets.js';
import { itemsOf, type RuleMiningResult } from '../rules/mineRules.js';
import type { Vocabulary } from './vocabulary.js';

/** Products proposed per customer at most. */
export const needsPerCustomer = 3;
const none = 0x7fffffff;

export interface LatentNeeds {
  perCustomer: number;
  /** rules[i * perCustomer + j]: the j-th need of customer i as a rule number (1-based place in the rule
   *  order), best first; -1 after the last. Rule order is confidence then lift, so lower is better. */
  rules: Int32Array;
}

/** One bitset of customers per item: bit i of word w set when basket w * 32 + i holds the item. */
function itemBitsets(baskets: Baskets): { bits: Int32Array; words: number } {
  const n = basketCount(baskets);
  const words = (n + 31) >>> 5;
  const bits = new Int32Array(baskets.itemCount * words);
  const { offsets, items } = baskets;
  for (let b = 0; b < n; b++) {
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    for (let k = offsets[b]!; k < offsets[b + 1]!; k++) bits[items[k]! * words + word]! |= bit;
  }
  return { bits, words };
}

/** The rules each product is the whole consequent of (lift above 1), by rule number ascending. */
function rulesByProduct(
  mined: RuleMiningResult,
  vocabulary: Vocabulary,
): Map<number, { rule: number; antecedent: number[] }[]> {
  const { itemsets, rules, ruleOrder } = mined;
  const byProduct = new Map<number, { rule: number; antecedent: number[] }[]>();
  ruleOrder.forEach((r, place) => {
    const consequent = rules.consequent[r]!;
    if (itemsets.length[consequent] !== 1 || !(rules.lift[r]! > 1)) return;
    const product = itemsets.lastItem[consequent]!;
    if (product < vocabulary.firstProduct) return;
    let list = byProduct.get(product);
    if (!list) byProduct.set(product, (list = []));
    list.push({ rule: place + 1, antecedent: itemsOf(itemsets, rules.antecedent[r]!) });
  });
  return byProduct;
}

export async function latentNeeds(
  baskets: Baskets,
  vocabulary: Vocabulary,
  mined: RuleMiningResult,
  job: Job,
  perCustomer = needsPerCustomer,
): Promise<LatentNeeds> {
  const n = basketCount(baskets);
  const best = new Int32Array(n * perCustomer).fill(none);
  const byProduct = rulesByProduct(mined, vocabulary);
  if (byProduct.size > 0) {
    const { bits, words } = itemBitsets(baskets);
    const settled = new Int32Array(words);
    const offer = (customer: number, rule: number) => {
      const base = customer * perCustomer;
      if (rule >= best[base + perCustomer - 1]!) return;
      let j = perCustomer - 1;
      while (j > 0 && best[base + j - 1]! > rule) {
        best[base + j] = best[base + j - 1]!;
        j--;
      }
      best[base + j] = rule;
    };
    for (const [product, productRules] of byProduct) {
      // Customers holding the product are settled from the start: a need is never a product held.
      settled.set(bits.subarray(product * words, (product + 1) * words));
      for (const { rule, antecedent } of productRules) {
        for (let w = 0; w < words; w++) {
          let match = ~settled[w]!;
          for (let k = 0; k < antecedent.length && match !== 0; k++) match &= bits[antecedent[k]! * words + w]!;
          if (match === 0) continue;
          settled[w]! |= match;
          for (; match !== 0; match &= match - 1) offer((w << 5) + 31 - Math.clz32(match & -match), rule);
        }
      }
      await job.checkpoint();
    }
  }
  for (let k = 0; k < best.length; k++) if (best[k] === none) best[k] = -1;
  return { perCustomer, rules: best };
}
