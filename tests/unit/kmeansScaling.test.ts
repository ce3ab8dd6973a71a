// Feature scaling and the silhouette used to suggest the number of segments.
import { describe, expect, test } from 'vitest';
import {
  sampleRows,
  SeededRandom,
  silhouetteScore,
  standardize,
  suggestK,
  unstandardize,
} from '../../electron/services/analysis/kmeans/index.js';

describe('standardize', () => {
  test('z-scores each feature; money log-scaled first; a constant feature becomes 0', () => {
    const data = Float64Array.from([1, 0, 5, 2, 99, 5, 3, 9999, 5, 4, -1, 5]);
    const { data: out, scaling } = standardize(data, 4, 3, [false, true, false]);
    for (const f of [0, 1]) {
      const column = [0, 1, 2, 3].map((i) => out[i * 3 + f]!);
      const mean = column.reduce((a, b) => a + b, 0) / 4;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 12);
    }
    expect([0, 1, 2, 3].map((i) => out[i * 3 + 2])).toEqual([0, 0, 0, 0]);
    // On the log scale 9,999 is four steps from 0 and 99 two: not a hundred times farther.
    expect(scaling.means[1]).toBeCloseTo((0 + Math.log(100) + Math.log(10000) - Math.log(2)) / 4, 12);
    expect(out[3 * 3 + 1]!).toBeLessThan(out[0 * 3 + 1]!);
    const back = unstandardize(out, scaling);
    for (const i of [0, 1, 3, 4, 6, 7, 9, 10]) expect(back[i]).toBeCloseTo(data[i]!, 9);
    expect([2, 5, 8, 11].map((i) => back[i])).toEqual([5, 5, 5, 5]);
  });
});

describe('silhouette', () => {
  test('matches the hand-computed value on four points', () => {
    const data = Float64Array.from([0, 1, 10, 11]);
    const score = silhouetteScore(data, 4, 1, Int32Array.from([0, 0, 1, 1]));
    const near = (10.5 - 1) / 10.5;
    const far = (9.5 - 1) / 9.5;
    expect(score).toBeCloseTo((2 * near + 2 * far) / 4, 12);
  });

  test('a row alone in its cluster scores 0, and one cluster is refused', () => {
    const data = Float64Array.from([0, 1, 10]);
    expect(silhouetteScore(data, 3, 1, Int32Array.from([0, 0, 1]))).toBeCloseTo(((10 - 1) / 10 + (9 - 1) / 9) / 3, 12);
    expect(() => silhouetteScore(data, 3, 1, Int32Array.from([0, 0, 0]))).toThrow('at least 2 clusters');
  });

  test('the sample is distinct rows, the same for the same seed', () => {
    const a = sampleRows(100_000, 500, 4);
    expect(new Set(a).size).toBe(500);
    expect(Math.max(...a)).toBeLessThan(100_000);
    expect(Array.from(sampleRows(100_000, 500, 4))).toEqual(Array.from(a));
    expect(Array.from(sampleRows(100_000, 500, 5))).not.toEqual(Array.from(a));
    expect(Array.from(sampleRows(3, 10, 1))).toEqual([0, 1, 2]);
  });

  test('suggests the number of groups the data were made of', async () => {
    const random = new SeededRandom(2);
    const centres = [
      [0, 0],
      [8, 0],
      [0, 8],
      [8, 8],
    ];
    const n = 800;
    const data = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const centre = centres[i % 4]!;
      data[i * 2] = centre[0]! + random.nextFloat() * 2;
      data[i * 2 + 1] = centre[1]! + random.nextFloat() * 2;
    }
    const { k, candidates } = await suggestK(data, n, 2, { kMin: 2, kMax: 7, seed: 1, sampleSize: 400 });
    expect(k).toBe(4);
    expect(candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
