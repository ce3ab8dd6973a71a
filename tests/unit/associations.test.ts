// The association step's pure parts: Kendall's tau-b from counts against a count over every pair, and the
// latent needs from bitsets against a direct reading of the rules, customer by customer.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markPairs } from '../../electron/services/analysis/associations/customerBaskets.js';
import { kendallTauB } from '../../electron/services/analysis/associations/kendallTau.js';
import { latentNeeds } from '../../electron/services/analysis/associations/latentNeeds.js';
import { buildVocabulary } from '../../electron/services/analysis/associations/vocabulary.js';
import { idleJob } from '../../electron/services/context.js';
import { basketsFromLists } from '../../electron/services/analysis/rules/baskets.js';
import { itemsOf, mineAssociationRules } from '../../electron/services/analysis/rules/mineRules.js';

function tauByPairs(levels: number[], answers: number[]): number | null {
  let score = 0;
  let tiesX = 0;
  let tiesY = 0;
  let pairs = 0;
  for (let i = 0; i < levels.length; i++) {
    for (let j = i + 1; j < levels.length; j++) {
      pairs++;
      const dx = Math.sign(levels[i]! - levels[j]!);
      const dy = Math.sign(answers[i]! - answers[j]!);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      score += dx * dy;
    }
  }
  const denominator = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
  return denominator > 0 ? score / denominator : null;
}

describe("Kendall's tau-b from counts", () => {
  test('a worked example: holders sit in the higher levels', () => {
    // Levels 0, 1, 2 with 2, 2, 2 customers; yes: 0, 1, 2. Concordant 8, discordant 0, 15 pairs,
    // 3 ties in levels, 6 in answers: 8 / sqrt(12 × 9).
    expect(kendallTauB([0, 1, 2], [2, 2, 2])).toBeCloseTo(8 / Math.sqrt(108), 12);
    expect(kendallTauB([2, 1, 0], [2, 2, 2])).toBeCloseTo(-8 / Math.sqrt(108), 12);
  });

  test('±1 when the answer follows the level exactly, null when a side does not vary', () => {
    expect(kendallTauB([3, 0], [3, 5])).toBeCloseTo(-1, 12);
    expect(kendallTauB([0, 0, 0], [4, 5, 6])).toBeNull();
    expect(kendallTauB([4, 5], [4, 5])).toBeNull();
    expect(kendallTauB([0, 3], [2, 3])).toBeCloseTo(1, 12);
    expect(kendallTauB([0, 3], [0, 3])).toBeNull();
    expect(kendallTauB([], [])).toBeNull();
    expect(() => kendallTauB([4], [3])).toThrow(/level 0 has 4 yes of 3/);
  });

  test('equals the count over every pair of customers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { maxLength: 60 }), (customers) => {
        const yes = [0, 0, 0, 0, 0];
        const total = [0, 0, 0, 0, 0];
        for (const [level, holds] of customers) {
          total[level]! += 1;
          if (holds) yes[level]! += 1;
        }
        const expected = tauByPairs(
          customers.map(([level]) => level),
          customers.map(([, holds]) => (holds ? 1 : 0)),
        );
        const actual = kendallTauB(yes, total);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 10);
      }),
    );
  });
});

describe('latent needs', () => {
  // Two products after the traits: needs only ever name those.
  const vocabulary = buildVocabulary([
    { productId: 'P1', name: '甲', nameEn: 'P1' },
    { productId: 'P2', name: '乙', nameEn: null },
    { productId: 'P3', name: '丙', nameEn: 'P3' },
  ]);
  const first = vocabulary.firstProduct;
  const items = [0, 1, 2, first, first + 1, first + 2];

  test('each customer gets the best rules, by rule number, for products not held', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.subarray(items), { minLength: 1, maxLength: 70 }),
        fc.integer({ min: 1, max: 3 }),
        async (lists, perCustomer) => {
          const baskets = basketsFromLists(lists, vocabulary.items.length);
          const mined = mineAssociationRules(baskets, { minSupport: 0.05, minConfidence: 0.2 });
          const needs = await latentNeeds(baskets, vocabulary, mined, idleJob, perCustomer);
          lists.forEach((list, i) => {
            const held = new Set(list);
            const bestPerProduct = new Map<number, number>();
            Array.from(mined.ruleOrder).forEach((r, place) => {
              const consequent = itemsOf(mined.itemsets, mined.rules.consequent[r]!);
              if (consequent.length !== 1 || consequent[0]! < first || !(mined.rules.lift[r]! > 1)) return;
              if (held.has(consequent[0]!)) return;
              if (!itemsOf(mined.itemsets, mined.rules.antecedent[r]!).every((item) => held.has(item))) return;
              if (!bestPerProduct.has(consequent[0]!)) bestPerProduct.set(consequent[0]!, place + 1);
            });
            const expected = [...bestPerProduct.values()].sort((a, b) => a - b).slice(0, perCustomer);
            while (expected.length < perCustomer) expected.push(-1);
            expect(Array.from(needs.rules.subarray(i * perCustomer, (i + 1) * perCustomer))).toEqual(expected);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("reading a chunk's products held", () => {
  const pair = (customerId: string, productId: string) => `${customerId}\u001f${productId}`;
  const read = (pairs: string[], ids: string[]) => {
    const marked: [number, string][] = [];
    const seen = markPairs(
      pairs.join('\u001e'),
      ids,
      1,
      ids.length,
      (place, text, from, to) => marked.push([place, text.slice(from, to)]),
      () => new Map(ids.slice(1).map((id, k) => [id, 1 + k])),
    );
    return { seen, marked };
  };

  test('pairs in customer order are matched to places in the chunk', () => {
    const ids = ['A0', 'A1', 'A2', 'A3', 'A5'];
    expect(read([pair('A1', 'D01'), pair('A1', 'C01'), pair('A3', 'L01'), pair('A5', 'D02')], ids)).toEqual({
      seen: 4,
      marked: [
        [0, 'D01'],
        [0, 'C01'],
        [2, 'L01'],
        [3, 'D02'],
      ],
    });
  });

  test('out of order, unknown or outside the chunk: found by the map, or left out', () => {
    const ids = ['A0', 'A1', 'A2', 'A3', 'A5'];
    expect(
      read([pair('A3', 'D01'), pair('A1', 'C01'), pair('A4', 'D01'), pair('A0', 'D01'), pair('A5', 'W01')], ids),
    ).toEqual({
      seen: 5,
      marked: [
        [2, 'D01'],
        [0, 'C01'],
        [3, 'W01'],
      ],
    });
    expect(read([], ids)).toEqual({ seen: 0, marked: [] });
  });
});
