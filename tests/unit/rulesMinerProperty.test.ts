// The miner against brute force: on random baskets over a few items, every subset of the items is counted
// directly, and the frequent itemsets, their counts and every rule's confidence and lift must be the same.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ruleMeasures } from '../../electron/services/analysis/rules/associationRules.js';
import { basketsFromLists } from '../../electron/services/analysis/rules/baskets.js';
import { itemsOf, mineAssociationRules } from '../../electron/services/analysis/rules/mineRules.js';

interface Case {
  items: number;
  baskets: number[][];
  minSupport: number;
  minConfidence: number;
  maxLength: number | undefined;
}

function bruteForce({ items, baskets, minSupport, minConfidence, maxLength }: Case) {
  const n = baskets.length;
  const minCount = Math.max(1, Math.ceil(minSupport * n));
  const masks = baskets.map((basket) => basket.reduce((mask, item) => mask | (1 << item), 0));
  const count = new Map<number, number>();
  for (let set = 1; set < 1 << items; set++) {
    const c = masks.filter((mask) => (mask & set) === set).length;
    const length = members(set).length;
    if (c >= minCount && (maxLength === undefined || length <= maxLength)) count.set(set, c);
  }
  const itemsets = [...count].map(([set, c]) => `${members(set)}:${c}`).sort();
  const rules: string[] = [];
  for (const [set, c] of count) {
    for (let from = (set - 1) & set; from > 0; from = (from - 1) & set) {
      const confidence = c / count.get(from)!;
      const lift = confidence / (count.get(set & ~from)! / n);
      if (confidence >= minConfidence)
        rules.push(`${members(from)}=>${members(set & ~from)}:${c}:${confidence}:${lift}`);
    }
  }
  return { itemsets, rules: rules.sort() };
}

function members(set: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < 31; i++) if (set & (1 << i)) list.push(i);
  return list;
}

function mined(c: Case) {
  const result = mineAssociationRules(
    basketsFromLists(c.baskets, c.items),
    c.maxLength === undefined
      ? { minSupport: c.minSupport, minConfidence: c.minConfidence }
      : { minSupport: c.minSupport, minConfidence: c.minConfidence, maxLength: c.maxLength },
  );
  const sets = result.itemsets;
  const itemsets = Array.from(result.itemsetOrder, (set) => `${itemsOf(sets, set)}:${sets.count[set]}`);
  const rules = Array.from(result.ruleOrder, (rule) => {
    const m = ruleMeasures(sets, result.rules, rule);
    const from = itemsOf(sets, result.rules.antecedent[rule]!);
    const to = itemsOf(sets, result.rules.consequent[rule]!);
    return `${from}=>${to}:${m.count}:${m.confidence}:${m.lift}`;
  });
  return { itemsets: itemsets.sort(), rules: rules.sort(), ordered: result };
}

function cases(maxItems: number, maxBaskets: number, minBaskets = 0): fc.Arbitrary<Case> {
  return fc.integer({ min: 1, max: maxItems }).chain((items) =>
    fc.record({
      items: fc.constant(items),
      // Skewed baskets: a few common items and long, overlapping itemsets, as in real holdings.
      baskets: fc.array(
        fc.array(
          fc.integer({ min: 0, max: items - 1 }).map((i) => (i * i) % items),
          { maxLength: items + 2 },
        ),
        { minLength: minBaskets, maxLength: maxBaskets },
      ),
      minSupport: fc.double({ min: 0.001, max: 1, noNaN: true }),
      minConfidence: fc.oneof(fc.constant(0), fc.constant(0.5), fc.double({ min: 0, max: 1, noNaN: true })),
      maxLength: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    }),
  );
}

describe('the miner against brute force', () => {
  test('small random baskets: the same itemsets, counts, confidences and lifts', () => {
    fc.assert(
      fc.property(cases(9, 60), (c) => {
        const expected = bruteForce(c);
        const actual = mined(c);
        expect(actual.itemsets).toEqual(expected.itemsets);
        expect(actual.rules).toEqual(expected.rules);
      }),
      { numRuns: 400 },
    );
  });

  test('thousands of baskets (many bitset words, early stops): the same itemsets and rules', () => {
    fc.assert(
      fc.property(cases(8, 9000, 4500), (c) => {
        const expected = bruteForce(c);
        const actual = mined(c);
        expect(actual.itemsets).toEqual(expected.itemsets);
        expect(actual.rules).toEqual(expected.rules);
      }),
      { numRuns: 25 },
    );
  });

  test('the order is fixed: itemsets by length then items, rules by confidence, lift, support', () => {
    fc.assert(
      fc.property(cases(7, 80), (c) => {
        const { ordered } = mined({ ...c, minConfidence: 0 });
        const sets = ordered.itemsets;
        const keys = Array.from(ordered.itemsetOrder, (set) => itemsOf(sets, set));
        for (let i = 1; i < keys.length; i++) {
          const [a, b] = [keys[i - 1]!, keys[i]!];
          expect(
            a.length < b.length || (a.length === b.length && `${a.map((x) => 100 + x)}` < `${b.map((x) => 100 + x)}`),
          ).toBe(true);
        }
        const rules = ordered.rules;
        for (let i = 1; i < ordered.ruleOrder.length; i++) {
          const [a, b] = [ordered.ruleOrder[i - 1]!, ordered.ruleOrder[i]!];
          expect(rules.confidence[a]! >= rules.confidence[b]!).toBe(true);
          if (rules.confidence[a] === rules.confidence[b]) expect(rules.lift[a]! >= rules.lift[b]!).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
