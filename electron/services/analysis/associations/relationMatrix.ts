// The pairwise relations between traits and products: one pass over the baskets counts every item and every
// (trait, product) pair; lift and, for the ordinal traits, Kendall's tau-b follow from those counts.
import type { AssociationItem, AssociationMatrix } from '../../../api/associationTypes.js';
import { basketCount, type Baskets } from '../rules/baskets.js';
import { kendallTauB } from './kendallTau.js';
import type { Vocabulary } from './vocabulary.js';

export interface ItemCounts {
  /** Baskets holding each item. */
  item: Float64Array;
  /** together[t * products + p]: baskets holding trait t and product p. */
  together: Float64Array;
}

/** Counts each item and each trait × product pair; basket items are distinct and ascending, traits first. */
export function countItems(baskets: Baskets, vocabulary: Vocabulary): ItemCounts {
  const { offsets, items } = baskets;
  const first = vocabulary.firstProduct;
  const products = vocabulary.items.length - first;
  const item = new Float64Array(vocabulary.items.length);
  const together = new Float64Array(first * products);
  const n = basketCount(baskets);
  for (let b = 0; b < n; b++) {
    const start = offsets[b]!;
    const end = offsets[b + 1]!;
    let split = start;
    while (split < end && items[split]! < first) split++;
    for (let k = start; k < end; k++) item[items[k]!]! += 1;
    for (let t = start; t < split; t++) {
      const row = items[t]! * products - first;
      for (let p = split; p < end; p++) together[row + items[p]!]! += 1;
    }
  }
  return { item, together };
}

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/** The matrix as stored with a run (the run number is added when it is read). */
export type StoredMatrix = Omit<AssociationMatrix, 'runId'>;

export function relationMatrix(baskets: Baskets, vocabulary: Vocabulary, counts: ItemCounts): StoredMatrix {
  const n = basketCount(baskets);
  const first = vocabulary.firstProduct;
  const productIds = vocabulary.items.length - first;
  const view = (id: number): AssociationItem => {
    const { key, family, label } = vocabulary.items[id]!;
    return { key, family, label, count: counts.item[id]! };
  };
  const traits = Array.from({ length: first }, (_, t) => view(t));
  const products = Array.from({ length: productIds }, (_, p) => view(first + p));
  const together = traits.map((_, t) => Array.from(counts.together.subarray(t * productIds, (t + 1) * productIds)));
  const lift = together.map((row, t) =>
    row.map((both, p) => {
      const expected = traits[t]!.count * products[p]!.count;
      return expected > 0 ? rounded((both * n) / expected) : null;
    }),
  );
  const correlations = vocabulary.ordinal.map(({ family, label, items }) => ({
    family,
    label,
    tau: products.map((_, p) => {
      const tau = kendallTauB(
        items.map((t) => together[t]![p]!),
        items.map((t) => traits[t]!.count),
      );
      return tau === null ? null : rounded(tau);
    }),
  }));
  return { baskets: n, traits, products, together, lift, correlations };
}
