// The rule miner against the textbook example worked out by hand (Han, Kamber & Pei, Data Mining,
// table 6.1: nine transactions, minimum support count 2), thresholds at their boundaries, and empty input.
import { describe, expect, test } from 'vitest';
import { ruleMeasures } from '../../electron/services/analysis/rules/associationRules.js';
import { basketsFromLists } from '../../electron/services/analysis/rules/baskets.js';
import { itemsOf, mineAssociationRules } from '../../electron/services/analysis/rules/mineRules.js';
import { minSupportCount } from '../../electron/services/analysis/rules/supportCount.js';

const [I1, I2, I3, I4, I5] = [0, 1, 2, 3, 4];
const textbook = basketsFromLists([
  [I1, I2, I5],
  [I2, I4],
  [I2, I3],
  [I1, I2, I4],
  [I1, I3],
  [I2, I3],
  [I1, I3],
  [I1, I2, I3, I5],
  [I1, I2, I3],
]);

function itemsetTable(result: ReturnType<typeof mineAssociationRules>): [number[], number][] {
  return Array.from(result.itemsetOrder, (set) => [itemsOf(result.itemsets, set), result.itemsets.count[set]!]);
}

function ruleTable(result: ReturnType<typeof mineAssociationRules>) {
  return Array.from(result.ruleOrder, (rule) => ({
    from: itemsOf(result.itemsets, result.rules.antecedent[rule]!),
    to: itemsOf(result.itemsets, result.rules.consequent[rule]!),
    ...ruleMeasures(result.itemsets, result.rules, rule),
  }));
}

describe('the textbook example', () => {
  // 2 of 9 baskets: 2/9 = 0.222…, so any support in (1/9, 2/9] asks for 2 baskets.
  const result = mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0.7 });

  test('finds the 13 frequent itemsets with their counts, in order of length and items', () => {
    expect(result.minCount).toBe(2);
    expect(itemsetTable(result)).toEqual([
      [[I1], 6],
      [[I2], 7],
      [[I3], 6],
      [[I4], 2],
      [[I5], 2],
      [[I1, I2], 4],
      [[I1, I3], 4],
      [[I1, I5], 2],
      [[I2, I3], 4],
      [[I2, I4], 2],
      [[I2, I5], 2],
      [[I1, I2, I3], 2],
      [[I1, I2, I5], 2],
    ]);
  });

  test('keeps the rules of at least 70% confidence, highest confidence and lift first', () => {
    const rules = ruleTable(result);
    expect(rules.map((r) => [r.from, r.to, r.count, r.antecedentCount, r.consequentCount])).toEqual([
      [[I5], [I1, I2], 2, 2, 4],
      [[I5], [I1], 2, 2, 6],
      [[I2, I5], [I1], 2, 2, 6],
      [[I4], [I2], 2, 2, 7],
      [[I5], [I2], 2, 2, 7],
      [[I1, I5], [I2], 2, 2, 7],
    ]);
    const first = rules[0]!;
    expect(first.support).toBeCloseTo(2 / 9, 15);
    expect(first.confidence).toBe(1);
    // lift = confidence / support of the consequent = 1 / (4/9)
    expect(first.lift).toBeCloseTo(9 / 4, 12);
    expect(first.leverage).toBeCloseTo(2 / 9 - (2 / 9) * (4 / 9), 15);
    expect(first.conviction).toBeNull();
  });

  test('a lower confidence brings the rules of I1 ∧ I2 ∧ I5 worked out by hand', () => {
    const rules = ruleTable(mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0 }));
    const of = (from: number[], to: number[]) => rules.find((r) => `${r.from}` === `${from}` && `${r.to}` === `${to}`);
    expect(of([I1, I2], [I5])).toMatchObject({ count: 2, confidence: 0.5 });
    expect(of([I1], [I2, I5])?.confidence).toBeCloseTo(2 / 6, 15);
    expect(of([I2], [I1, I5])?.confidence).toBeCloseTo(2 / 7, 15);
    const conviction = of([I1, I2], [I5])!.conviction!;
    expect(conviction).toBeCloseTo((1 - 2 / 9) / (1 - 0.5), 12);
    // Every frequent itemset of k ≥ 2 items gives 2^k − 2 rules: 6 pairs × 2 + 2 triples × 6.
    expect(rules).toHaveLength(24);
  });

  test('--max-length keeps shorter itemsets only', () => {
    const pairs = mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0, maxLength: 2 });
    expect(itemsetTable(pairs).map(([items]) => items.length)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    const singles = mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0, maxLength: 1 });
    expect(singles.itemsets.size).toBe(5);
    expect(singles.rules.size).toBe(0);
  });
});

describe('thresholds at the boundary', () => {
  test('an itemset exactly at the minimum count is frequent, one basket fewer is not', () => {
    // I4 and I5 occur in 2 of 9 baskets: 2/9 keeps them, anything above drops them.
    const at = mineAssociationRules(textbook, { minSupport: 2 / 9, minConfidence: 0 });
    expect(at.minCount).toBe(2);
    expect(itemsetTable(at)).toContainEqual([[I5], 2]);
    const above = mineAssociationRules(textbook, { minSupport: 2 / 9 + 1e-9, minConfidence: 0 });
    expect(above.minCount).toBe(3);
    expect(itemsetTable(above).some(([items]) => items.includes(I5) || items.includes(I4))).toBe(false);
  });

  test('the count is ceil(support × baskets) in floating point, as Weka computes it', () => {
    expect(minSupportCount(0.05, 1_000_000)).toBe(50_000);
    expect(minSupportCount(0.5, 9)).toBe(5);
    // 0.07 × 100 is 7.000000000000001 in double precision.
    expect(minSupportCount(0.07, 100)).toBe(8);
    expect(minSupportCount(1, 9)).toBe(9);
    expect(() => minSupportCount(0, 9)).toThrow(/not a fraction/);
    expect(() => minSupportCount(1.5, 9)).toThrow(/not a fraction/);
    expect(() => minSupportCount(Number.NaN, 9)).toThrow(/not a fraction/);
  });

  test('a rule exactly at the minimum confidence is kept', () => {
    // I1 ∧ I2 ⇒ I5 has confidence 2/4 = 0.5.
    const at = ruleTable(mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0.5 }));
    expect(at.some((r) => `${r.from}` === `${[I1, I2]}` && `${r.to}` === `${[I5]}`)).toBe(true);
    const above = ruleTable(mineAssociationRules(textbook, { minSupport: 0.2, minConfidence: 0.5000001 }));
    expect(above.some((r) => `${r.from}` === `${[I1, I2]}` && `${r.to}` === `${[I5]}`)).toBe(false);
    expect(above.every((r) => r.confidence > 0.5)).toBe(true);
  });

  test('an itemset that reaches the minimum count only with its last baskets is found', () => {
    // A, B, C = 0, 1, 2. The miner sorts baskets by the common items (C, then B) and reads A's baskets in
    // that order: the 10,000 of A ∧ C first, then the 5,000 of A ∧ B, exactly the minimum count. Until the
    // last of them, A ∧ B can still just make it, and must not be given up on.
    const lists: number[][] = [
      ...Array.from({ length: 10_000 }, () => [0, 2]),
      ...Array.from({ length: 5_000 }, () => [0, 1]),
      ...Array.from({ length: 11_000 }, () => [1]),
      ...Array.from({ length: 7_000 }, () => [2]),
      ...Array.from({ length: 17_000 }, () => []),
    ];
    const result = mineAssociationRules(basketsFromLists(lists), { minSupport: 0.1, minConfidence: 0 });
    expect(result.minCount).toBe(5_000);
    expect(itemsetTable(result)).toContainEqual([[0, 1], 5_000]);
  });

  test('support 1 keeps only what every basket holds', () => {
    const all = basketsFromLists([
      [0, 1, 2],
      [0, 2],
      [2, 0, 0],
    ]);
    const result = mineAssociationRules(all, { minSupport: 1, minConfidence: 1 });
    expect(itemsetTable(result)).toEqual([
      [[0], 3],
      [[2], 3],
      [[0, 2], 3],
    ]);
    expect(ruleTable(result).map((r) => [r.from, r.to, r.lift])).toEqual([
      [[0], [2], 1],
      [[2], [0], 1],
    ]);
  });
});

describe('empty input', () => {
  test('no baskets: no itemsets and no rules', () => {
    const result = mineAssociationRules(basketsFromLists([]), { minSupport: 0.1, minConfidence: 0.5 });
    expect(result.basketCount).toBe(0);
    expect(result.itemsets.size).toBe(0);
    expect(result.rules.size).toBe(0);
  });

  test('empty baskets count toward the total but hold nothing', () => {
    const result = mineAssociationRules(basketsFromLists([[], [0, 1], [], [0, 1]]), {
      minSupport: 0.5,
      minConfidence: 0,
    });
    expect(result.basketCount).toBe(4);
    expect(itemsetTable(result)).toEqual([
      [[0], 2],
      [[1], 2],
      [[0, 1], 2],
    ]);
    expect(ruleTable(result)[0]!.lift).toBe(2);
  });

  test('nothing frequent: no itemsets', () => {
    const result = mineAssociationRules(basketsFromLists([[0], [1], [2], [3]]), { minSupport: 0.5, minConfidence: 0 });
    expect(result.itemsets.size).toBe(0);
  });
});
