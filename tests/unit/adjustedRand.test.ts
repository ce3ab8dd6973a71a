// The adjusted Rand index the segment tests and bench use, against values worked out by hand and scikit-learn's.
import { describe, expect, test } from 'vitest';
import { adjustedRandIndex } from '../bench/adjustedRand.js';

describe('adjusted Rand index', () => {
  test('1 for the same grouping under other numbers, scikit-learn’s values otherwise', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
    // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
    // adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) is symmetric
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 12);
    // adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) = -0.5
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  test('near 0 for an unrelated grouping', () => {
    const n = 20_000;
    const a = Array.from({ length: n }, (_, i) => i % 5);
    const b = Array.from({ length: n }, (_, i) => Math.floor((i * 7919) / 13) % 4);
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });
});
