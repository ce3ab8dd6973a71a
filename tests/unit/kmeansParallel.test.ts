// Worker threads share the rows of a k-means run; the result must be the one thread's, bit for bit.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { kmeans, kmeansPlusPlus, SeededRandom } from '../../electron/services/analysis/kmeans/index.js';

const compiledThread = fileURLToPath(
  new URL('../../dist/electron/services/analysis/kmeans/kmeansThread.js', import.meta.url),
);

function overlappingGroups(n: number, d: number, groups: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  const centres = Array.from({ length: groups * d }, () => random.nextFloat() * 6);
  const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
  for (let i = 0; i < n; i++) {
    const group = random.nextInt(groups);
    for (let f = 0; f < d; f++)
      data[i * d + f] = centres[group * d + f]! + (random.nextFloat() + random.nextFloat() - 1) * 3;
  }
  return data;
}

describe('kmeans on worker threads', () => {
  beforeAll(() => {
    if (!existsSync(compiledThread)) throw new Error(`${compiledThread} is missing: run \`npm run build:node\` first.`);
  });

  test('2 and 3 threads give exactly the result of 1, for every method', async () => {
    const n = 30_000;
    const d = 4;
    // Overlapping groups make many rows change cluster, over many iterations.
    const data = overlappingGroups(n, d, 6, 17);
    for (const method of ['elkan', 'hamerly', 'lloyd'] as const) {
      const serial = await kmeans(data, n, d, { k: 6, seed: 3, method, threads: 1 });
      expect(serial.threads).toBe(1);
      expect(serial.iterations).toBeGreaterThan(5);
      for (const threads of [2, 3]) {
        const parallel = await kmeans(data, n, d, { k: 6, seed: 3, method, threads });
        expect(parallel.threads).toBe(threads);
        expect(Array.from(parallel.labels)).toEqual(Array.from(serial.labels));
        expect(Array.from(parallel.centroids)).toEqual(Array.from(serial.centroids));
        expect(parallel.inertia).toBe(serial.inertia);
        expect(parallel.iterations).toBe(serial.iterations);
        expect(parallel.tolerance).toBe(serial.tolerance);
      }
    }
  });

  test('k-means++ draws the same rows on any number of threads', async () => {
    const n = 50_000;
    const data = overlappingGroups(n, 5, 7, 23);
    const serial = await kmeansPlusPlus(data, n, 5, { k: 9, seed: 12, threads: 1 });
    for (const threads of [2, 3]) {
      expect(Array.from(await kmeansPlusPlus(data, n, 5, { k: 9, seed: 12, threads }))).toEqual(Array.from(serial));
    }
  });

  test('data outside shared memory are copied in, and the result is the same', async () => {
    const n = 5000;
    const shared = overlappingGroups(n, 3, 4, 5);
    const plain = Float64Array.from(shared);
    const a = await kmeans(shared, n, 3, { k: 4, seed: 8, threads: 2 });
    const b = await kmeans(plain, n, 3, { k: 4, seed: 8, threads: 2 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(b.inertia).toBe(a.inertia);
  });

  test('an empty cluster is handled alike on several threads', async () => {
    const n = 4000;
    const data = overlappingGroups(n, 2, 3, 9);
    const init = Float64Array.from([1, 1, 4, 4, 500, 500, 1, 1]);
    for (const method of ['elkan', 'hamerly', 'lloyd'] as const) {
      const serial = await kmeans(data, n, 2, { k: 4, init, method, threads: 1 });
      const parallel = await kmeans(data, n, 2, { k: 4, init, method, threads: 2 });
      expect(serial.relocations).toBeGreaterThanOrEqual(2);
      expect(Array.from(parallel.labels)).toEqual(Array.from(serial.labels));
      expect(Array.from(parallel.centroids)).toEqual(Array.from(serial.centroids));
    }
  });
});
