// The minimum support as a number of baskets, defined exactly as Weka's FPGrowth defines it.

/**
 * An itemset is frequent when it occurs in at least ceil(minSupport × basketCount) baskets, the product
 * taken in double precision as Weka 3.6 does (FPGrowth.buildAssociations: Math.ceil(support × n)). So
 * 0.07 of 100 baskets is 8, not 7, because 0.07 × 100 is 7.000000000000001 in floating point; a
 * threshold of at least one basket applies even to an empty input.
 */
export function minSupportCount(minSupport: number, basketCount: number): number {
  if (!(minSupport > 0 && minSupport <= 1)) {
    throw new RangeError(`minimum support ${minSupport} is not a fraction in (0, 1]`);
  }
  return Math.max(1, Math.ceil(minSupport * basketCount));
}
