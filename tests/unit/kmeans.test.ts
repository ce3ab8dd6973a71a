// The k-means engine: known clusters, determinism, k-means++ on distinct rows, empty clusters, Hamerly's
// bounds giving plain Lloyd's result, agreement with a textbook Lloyd, and bad input named.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  kmeans,
  kmeansPlusPlus,
  sampleRows,
  SeededRandom,
  type KmeansResult,
} from '../../electron/services/analysis/kmeans/index.js';

/** Rows of d features around the given centres (spread `noise`), in a shuffled order. */
function blobs(
  centres: number[][],
  perCluster: number,
  noise: number,
  seed: number,
): { data: Float64Array; truth: number[] } {
  const random = new SeededRandom(seed);
  const d = centres[0]!.length;
  const rows: { values: number[]; cluster: number }[] = [];
  centres.forEach((centre, cluster) => {
    for (let i = 0; i < perCluster; i++)
      rows.push({ values: centre.map((c) => c + (random.nextFloat() - 0.5) * noise), cluster });
  });
  for (let i = rows.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const data = new Float64Array(rows.length * d);
  rows.forEach((row, i) => data.set(row.values, i * d));
  return { data, truth: rows.map((row) => row.cluster) };
}

/** True when two labelings put the same rows together, whatever the cluster numbers. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((forward.get(x) ?? y) !== y || (backward.get(y) ?? x) !== x) return false;
    forward.set(x, y);
    backward.set(y, x);
  }
  return true;
}

/** Lloyd's algorithm as a textbook states it, with scikit-learn's stopping rule, to check the engine against. */
function textbookLloyd(data: Float64Array, n: number, d: number, init: Float64Array, tol: number, maxIter: number) {
  const k = init.length / d;
  let centroids = Float64Array.from(init);
  const labels = new Int32Array(n).fill(-1);
  // A row almost equidistant from two centroids may go either way on the last bit of a sum (the engine
  // adds in another order and moves its sums row by row); such runs are not compared.
  let nearTie = false;
  const nearest = (i: number) => {
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += (data[i * d + f]! - centroids[j * d + f]!) ** 2;
      if (s < bestDistance) [best, bestDistance, secondDistance] = [j, s, bestDistance];
      else if (s < secondDistance) secondDistance = s;
    }
    if (k > 1 && secondDistance - bestDistance <= 1e-9 * secondDistance) nearTie = true;
    return best;
  };
  let iterations = 0;
  let settled = false;
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const label = nearest(i);
      if (label !== labels[i]) changed++;
      labels[i] = label;
    }
    const next = new Float64Array(k * d);
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      counts[labels[i]!]!++;
      for (let f = 0; f < d; f++) next[labels[i]! * d + f]! += data[i * d + f]!;
    }
    let shift = 0;
    for (let j = 0; j < k; j++) {
      for (let f = 0; f < d; f++) {
        next[j * d + f] = counts[j]! > 0 ? next[j * d + f]! / counts[j]! : centroids[j * d + f]!;
        shift += (next[j * d + f]! - centroids[j * d + f]!) ** 2;
      }
    }
    centroids = next;
    iterations = iteration;
    if (changed === 0) {
      settled = true;
      break;
    }
    if (shift <= tol) break;
  }
  if (!settled) for (let i = 0; i < n; i++) labels[i] = nearest(i);
  let inertia = 0;
  for (let i = 0; i < n; i++)
    for (let f = 0; f < d; f++) inertia += (data[i * d + f]! - centroids[labels[i]! * d + f]!) ** 2;
  return { centroids, labels, inertia, iterations, nearTie };
}

function expectIdentical(a: KmeansResult, b: KmeansResult): void {
  expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
  expect(a.inertia).toBe(b.inertia);
  expect(a.iterations).toBe(b.iterations);
}

const randomData = fc
  .record({ n: fc.integer({ min: 1, max: 160 }), d: fc.integer({ min: 1, max: 5 }), seed: fc.nat() })
  .chain(({ n, d, seed }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      seed: fc.constant(seed),
      k: fc.integer({ min: 1, max: Math.min(n, 7) }),
      values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n * d, maxLength: n * d }),
    }),
  );

describe('kmeans', () => {
  test('finds three well-separated groups, with their means as centroids', async () => {
    const { data, truth } = blobs(
      [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
      40,
      2,
      7,
    );
    const result = await kmeans(data, 120, 2, { k: 3, seed: 1 });
    expect(samePartition(result.labels, truth)).toBe(true);
    expect(Array.from(result.sizes)).toEqual([40, 40, 40]);
    expect(result.converged).toBe(true);
    let inertia = 0;
    for (let j = 0; j < 3; j++) {
      const members = [...result.labels.keys()].filter((i) => result.labels[i] === j);
      for (let f = 0; f < 2; f++) {
        const mean = members.reduce((sum, i) => sum + data[i * 2 + f]!, 0) / members.length;
        expect(result.centroids[j * 2 + f]).toBeCloseTo(mean, 12);
        for (const i of members) inertia += (data[i * 2 + f]! - mean) ** 2;
      }
    }
    expect(result.inertia).toBeCloseTo(inertia, 9);
  });

  test('a hand-made case: four points, two pairs', async () => {
    const data = Float64Array.from([0, 0, 0, 2, 8, 0, 8, 2]);
    const result = await kmeans(data, 4, 2, { k: 2, init: Float64Array.from([0, 1, 1, 1]) });
    expect(Array.from(result.labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(result.centroids)).toEqual([0, 1, 8, 1]);
    expect(result.inertia).toBe(4);
    // Iteration 1 moves the second centroid, iteration 2 finds the labels unchanged.
    expect(result.iterations).toBe(2);
  });

  test('the same seed gives the same result, bit for bit', async () => {
    const { data } = blobs(
      [
        [1, 2, 3],
        [4, 4, 4],
        [0, 5, 1],
        [3, 0, 2],
      ],
      200,
      5,
      11,
    );
    const first = await kmeans(data, 800, 3, { k: 4, seed: 42 });
    const second = await kmeans(data, 800, 3, { k: 4, seed: 42 });
    expectIdentical(first, second);
    expect(Array.from(first.initialCentroids)).toEqual(Array.from(second.initialCentroids));
  });

  test.each(['elkan', 'hamerly'] as const)('%s bounds give exactly plain Lloyd on random data', async (method) => {
    await fc.assert(
      fc.asyncProperty(randomData, async ({ n, d, k, seed, values }) => {
        const data = Float64Array.from(values);
        let bounded: KmeansResult;
        try {
          bounded = await kmeans(data, n, d, { k, seed, method });
        } catch (error) {
          // Random rows may hold fewer distinct points than k; every method refuses that alike.
          await expect(kmeans(data, n, d, { k, seed, method: 'lloyd' })).rejects.toThrow(/distinct row/);
          expect(String(error)).toMatch(/distinct row/);
          return;
        }
        const lloyd = await kmeans(data, n, d, { k, seed, method: 'lloyd' });
        expectIdentical(bounded, lloyd);
      }),
      { numRuns: 150 },
    );
  });

  test('bounds agree with plain Lloyd on grid data full of exact ties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 12,
          maxLength: 80,
        }),
        fc.integer({ min: 2, max: 4 }),
        async (points, k) => {
          const data = Float64Array.from(points.flat());
          const n = points.length;
          const init = Float64Array.from(Array.from({ length: k }, (_, j) => [j, 4 - j]).flat());
          const lloyd = await kmeans(data, n, 2, { k, init, method: 'lloyd' });
          for (const method of ['elkan', 'hamerly'] as const)
            expectIdentical(await kmeans(data, n, 2, { k, init, method }), lloyd);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('agrees with a textbook Lloyd from the same initial centroids', async () => {
    // Uniform random rows rather than fast-check's doubles, which favour repeated values and so exact ties.
    const shapes = fc.record({
      n: fc.integer({ min: 2, max: 300 }),
      d: fc.integer({ min: 1, max: 10 }),
      seed: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(shapes, fc.integer({ min: 1, max: 7 }), async ({ n, d, seed }, kWanted) => {
        const k = Math.min(kWanted, n);
        const values = new SeededRandom(seed + 1);
        const data = Float64Array.from({ length: n * d }, () => values.nextFloat() * 200 - 100);
        // Distinct rows as initial centroids keep empty clusters (handled differently) out of this comparison.
        const init = new Float64Array(k * d);
        sampleRows(n, k, seed).forEach((row, j) => init.set(data.subarray(row * d, row * d + d), j * d));
        const result = await kmeans(data, n, d, { k, init, tol: 1e-4 });
        if (result.relocations > 0) return;
        const variance = Array.from({ length: d }, (_, f) => {
          const column = Array.from({ length: n }, (_, i) => data[i * d + f]!);
          const mean = column.reduce((a, b) => a + b, 0) / n;
          return column.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
        });
        const reference = textbookLloyd(data, n, d, init, (1e-4 * variance.reduce((a, b) => a + b, 0)) / d, 300);
        if (reference.nearTie) return;
        expect(Array.from(result.labels)).toEqual(Array.from(reference.labels));
        expect(result.iterations).toBe(reference.iterations);
        for (let x = 0; x < k * d; x++) expect(result.centroids[x]).toBeCloseTo(reference.centroids[x]!, 9);
        expect(result.inertia).toBeCloseTo(reference.inertia, 6);
      }),
      { numRuns: 100 },
    );
  });

  test('k-means++ starts from k different rows of the data, never a duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.nat(), async (k, seed) => {
        // Each of 8 distinct points repeated 25 times: duplicates are everywhere.
        const points = [0, 1, 2, 3, 4, 5, 6, 7].map((p) => [p % 3, Math.floor(p / 3) * 1.5]);
        const data = Float64Array.from(Array.from({ length: 200 }, (_, i) => points[(i * 5) % 8]!).flat());
        const result = await kmeans(data, 200, 2, { k, seed, maxIter: 1 });
        const starts = Array.from({ length: k }, (_, j) =>
          Array.from(result.initialCentroids.subarray(j * 2, j * 2 + 2)),
        );
        expect(new Set(starts.map((s) => s.join())).size).toBe(k);
        for (const start of starts) expect(points.map((p) => p.join())).toContain(start.join());
      }),
      { numRuns: 60 },
    );
  });

  test('kmeansPlusPlus gives the centroids kmeans starts from with the same seed', async () => {
    const { data } = blobs(
      [
        [0, 0, 1],
        [5, 5, 5],
        [9, 1, 3],
      ],
      700,
      3,
      4,
    );
    const start = await kmeansPlusPlus(data, 2100, 3, { k: 3, seed: 6 });
    const result = await kmeans(data, 2100, 3, { k: 3, seed: 6 });
    expect(Array.from(start)).toEqual(Array.from(result.initialCentroids));
    expect(Array.from(await kmeansPlusPlus(data, 2100, 3, { k: 3, seed: 7 }))).not.toEqual(Array.from(start));
  });

  test('refuses a k larger than the number of distinct rows', async () => {
    const data = Float64Array.from([1, 1, 1, 1, 2, 2, 2, 2]);
    await expect(kmeans(data, 4, 2, { k: 3 })).rejects.toThrow('k = 3, but the data hold only 2 distinct row(s)');
  });

  test('an empty cluster gets the row farthest from its centroid', async () => {
    // The third initial centroid is far from every row: after the first assignment it has none.
    const data = Float64Array.from([0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11, 30, 30]);
    const init = Float64Array.from([0, 0, 10, 10, 1000, 1000]);
    const result = await kmeans(data, 7, 2, { k: 3, init });
    expect(result.relocations).toBe(1);
    expect(Array.from(result.sizes).every((size) => size > 0)).toBe(true);
    // Row 7 (30, 30) is the farthest from its centroid (10.33, 10.33 + …) and founds the third cluster.
    expect(result.labels[6]).toBe(2);
    expect(Array.from(result.centroids.subarray(4))).toEqual([30, 30]);
  });

  test('two identical initial centroids: the second gets a far row', async () => {
    const { data } = blobs(
      [
        [0, 0],
        [6, 6],
      ],
      30,
      1,
      3,
    );
    const result = await kmeans(data, 60, 2, { k: 2, init: Float64Array.from([3, 3, 3, 3]) });
    expect(result.relocations).toBeGreaterThanOrEqual(1);
    expect(Array.from(result.sizes)).toEqual([30, 30]);
  });

  test('one cluster is the mean of everything', async () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const result = await kmeans(data, 3, 2, { k: 1, seed: 9 });
    expect(Array.from(result.centroids)).toEqual([3, 4]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0]);
  });

  test('bad input is refused with the reason and the place', async () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    await expect(kmeans(data, 3, 2, { k: 4 })).rejects.toThrow('k = 4 is more than the 3 row(s) to cluster.');
    await expect(kmeans(data, 3, 2, { k: 0 })).rejects.toThrow('k must be a whole number of at least 1, not 0.');
    await expect(kmeans(data, 4, 2, { k: 2 })).rejects.toThrow('the data hold 6 values, fewer than n × d = 4 × 2.');
    await expect(kmeans(Float64Array.from([1, 2, 3, Number.NaN, 5, 6]), 3, 2, { k: 2 })).rejects.toThrow(
      'row 2, feature 2 is NaN, not a finite number.',
    );
    await expect(kmeans(Float64Array.from([1, 2, Infinity, 4, 5, 6]), 3, 2, { k: 2 })).rejects.toThrow(
      'row 2, feature 1 is Infinity',
    );
    await expect(kmeans(data, 3, 2, { k: 2, init: Float64Array.from([1, 2, 3]) })).rejects.toThrow(
      'the initial centroids hold 3 values, not k × d = 2 × 2.',
    );
    await expect(kmeans(data, 3, 2, { k: 2, maxIter: 0 })).rejects.toThrow('maxIter must be a whole number');
    await expect(kmeans(data, 3, 2, { k: 2, tol: -1 })).rejects.toThrow('tol must be a finite number');
  });

  test('maxIter stops the run and says it did not converge', async () => {
    const { data } = blobs(
      [
        [0, 0],
        [3, 3],
        [0, 4],
      ],
      100,
      6,
      5,
    );
    const result = await kmeans(data, 300, 2, { k: 3, seed: 2, maxIter: 1, tol: 0 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
  });

  test('a cancelled run stops with a cancelled error', async () => {
    const { data } = blobs(
      [
        [0, 0],
        [3, 3],
      ],
      100,
      8,
      5,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(kmeans(data, 200, 2, { k: 2, seed: 1, tol: 0, signal: controller.signal })).rejects.toThrow(
      'cancelled',
    );
  });
});
