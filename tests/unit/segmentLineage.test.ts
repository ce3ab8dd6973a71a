// Segment identity across runs: the least-cost pairing of centroids, the same group keeping its lineage
// (whatever its number in the new run), a new group getting a lineage never used, and a group that is gone.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { minimumCostAssignment } from '../../electron/services/analysis/segments/assignment.js';
import { centroidDistance, matchLineages } from '../../electron/services/analysis/segments/lineage.js';
import type { SegmentFeatureKey } from '../../electron/services/analysis/segments/segmentFeatures.js';

const features: SegmentFeatureKey[] = ['deposits', 'digitalShare', 'age'];
// deposits are compared on the log scale (a deviation of 1.5 there), shares and years on their own.
const scale = { features, means: [10, 0.4, 45], deviations: [1.5, 0.3, 12] };
const centre = (deposits: number, digitalShare: number, age: number) => ({ deposits, digitalShare, age });

function bruteForceMinimum(cost: number[][]): number {
  const columns = cost[0]!.length;
  let best = Infinity;
  const walk = (row: number, used: Set<number>, total: number) => {
    if (row === cost.length || used.size === columns) {
      best = Math.min(best, total);
      return;
    }
    if (cost.length - row > columns - used.size) walk(row + 1, used, total); // this row may go without
    for (let j = 0; j < columns; j++) {
      if (used.has(j)) continue;
      used.add(j);
      walk(row + 1, used, total + cost[row]![j]!);
      used.delete(j);
    }
  };
  walk(0, new Set(), 0);
  return best;
}

describe('least-cost assignment', () => {
  test('finds the cheapest pairing where the greedy choice is wrong', () => {
    expect(
      minimumCostAssignment([
        [1, 2],
        [1, 10],
      ]),
    ).toEqual([1, 0]);
  });

  test('matches a brute-force search on random square and rectangular matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 25, maxLength: 25 }),
        (rows, columns, values) => {
          const cost = Array.from({ length: rows }, (_, i) => values.slice(i * 5, i * 5 + columns));
          const pairs = minimumCostAssignment(cost);
          const taken = pairs.filter((j) => j >= 0);
          expect(taken.length).toBe(Math.min(rows, columns));
          expect(new Set(taken).size).toBe(taken.length);
          const total = pairs.reduce((sum, j, i) => sum + (j >= 0 ? cost[i]![j]! : 0), 0);
          expect(total).toBe(bruteForceMinimum(cost));
        },
      ),
    );
  });
});

describe('segment lineage', () => {
  const previous = [
    { lineage: 4, centre: centre(12, 0.1, 62) }, // older savers at the branch
    { lineage: 7, centre: centre(9.5, 0.8, 30) }, // young digital
    { lineage: 9, centre: centre(8, 0.2, 50) }, // small farmers
  ];

  test('the same groups keep their lineage, in whatever order the new run numbers them', () => {
    const match = matchLineages(
      previous,
      [centre(9.52, 0.79, 31), centre(8.05, 0.21, 49), centre(12.1, 0.11, 61)],
      scale,
      10,
    );
    expect(match.lineages).toEqual([7, 9, 4]);
    expect(match.continued).toEqual([true, true, true]);
    for (const distance of match.distances) expect(distance).toBeLessThan(0.1);
  });

  test('a group unlike any before gets a new lineage, and one that is gone leaves its lineage unused', () => {
    const match = matchLineages(previous, [centre(12, 0.1, 62), centre(14, 0.9, 40)], scale, 10);
    expect(match.lineages).toEqual([4, 10]);
    expect(match.continued).toEqual([true, false]);
  });

  test('more segments than before: the closest keeps the lineage, the others are new in segment order', () => {
    const match = matchLineages(
      previous.slice(0, 1),
      [centre(12.6, 0.25, 66), centre(12, 0.1, 62), centre(9, 0.5, 40)],
      scale,
      10,
    );
    expect(match.lineages).toEqual([10, 4, 11]);
  });

  test('the first run: every segment new; distances only over the features both runs used', () => {
    expect(matchLineages([], [centre(1, 0, 0), centre(2, 0, 0)], scale, 1).lineages).toEqual([1, 2]);
    expect(centroidDistance({ deposits: 11.5 }, { deposits: 10, age: 80 }, scale)).toBeCloseTo(1, 12);
    expect(centroidDistance({ wealth: 1 }, { deposits: 10 }, scale)).toBe(Infinity);
  });
});
