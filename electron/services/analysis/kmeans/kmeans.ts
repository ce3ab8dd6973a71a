// k-means: k-means++ seeding and Lloyd's iterations, exactly, with Hamerly's (or Elkan's) bounds skipping the distances
// that cannot change a label, on one thread or several with the same result (docs/ANALYSIS.md).
import { AppError } from '../../../api/errors.js';
import { clusterTotals, moveCentroids, relocateEmptyClusters, updateHalfGaps } from './centroidUpdate.js';
import { meanVarianceFromChunks } from './featureVariance.js';
import { checkedSettings, type KmeansSettings } from './kmeansInput.js';
import { parallelRunner } from './parallelRunner.js';
import { chunkRows, createPassState, param, type PassState } from './passState.js';
import { serialRunner, type PassRunner } from './passRunner.js';
import { SeededRandom } from './random.js';
import { seedCentroids } from './seeding.js';
import type { KmeansOptions, KmeansResult } from './types.js';

/**
 * Clusters the n rows of `data` (row-major n × d). With more than one thread, a `data` array over a
 * SharedArrayBuffer is used in place; any other is copied once into shared memory.
 */
export async function kmeans(data: Float64Array, n: number, d: number, options: KmeansOptions): Promise<KmeansResult> {
  const settings = checkedSettings(data, n, d, options);
  const { k, method, maxIter } = settings;
  const { state, runner } = startRun(data, n, d, settings, settings.init === null);
  try {
    const initialCentroids = settings.init ?? (await seedCentroids(state, runner, new SeededRandom(settings.seed)));
    state.centroids.set(initialCentroids);
    updateHalfGaps(state);
    const assignKind = method;
    const totals = new Float64Array(k * d);
    const counts = new Int32Array(k);
    let iterations = 0;
    let converged = false;
    let labelsSettled = false;
    let relocations = 0;
    await runner.run(method === 'lloyd' ? 'start-lloyd' : 'start-bounded');
    const tolerance = settings.tol * meanVarianceFromChunks(state);
    for (let iteration = 1; iteration <= maxIter; iteration++) {
      if (iteration > 1) await runner.run(assignKind);
      let changed = 0;
      for (const c of state.chunkChanged) changed += c;
      clusterTotals(state, totals, counts);
      const moved = relocateEmptyClusters(state, totals, counts);
      relocations += moved;
      changed += moved;
      const shift = moveCentroids(state, totals, counts);
      iterations = iteration;
      options.onIteration?.(iteration, shift);
      // As scikit-learn: unchanged labels end the run at once; otherwise a small enough move does.
      if (changed === 0) {
        labelsSettled = true;
        converged = true;
        break;
      }
      if (shift <= tolerance) {
        converged = true;
        break;
      }
      if (options.signal?.aborted) throw new AppError('cancelled', 'The segmentation was cancelled.');
    }
    // The last move may have changed some nearest centroids: label the rows by the final centroids.
    if (labelsSettled) await runner.run('inertia');
    else {
      state.params[param.lastPass] = 1;
      await runner.run(assignKind);
    }
    let inertia = 0;
    for (const part of state.chunkInertia) inertia += part;
    clusterTotals(state, totals, counts);
    return {
      k,
      d,
      centroids: Float64Array.from(state.centroids),
      initialCentroids: Float64Array.from(initialCentroids),
      labels: state.labels,
      sizes: Int32Array.from(counts),
      inertia,
      iterations,
      converged,
      tolerance,
      relocations,
      threads: runner.threads,
    };
  } finally {
    await runner.close();
  }
}

/** Only the k-means++ starting centroids, row-major k × d: what `kmeans` starts from with the same seed. */
export async function kmeansPlusPlus(
  data: Float64Array,
  n: number,
  d: number,
  options: Pick<KmeansOptions, 'k' | 'seed' | 'threads'>,
): Promise<Float64Array> {
  const settings = checkedSettings(data, n, d, options);
  const { state, runner } = startRun(data, n, d, settings, true);
  try {
    return await seedCentroids(state, runner, new SeededRandom(settings.seed));
  } finally {
    await runner.close();
  }
}

function startRun(
  data: Float64Array,
  n: number,
  d: number,
  settings: KmeansSettings,
  seeding: boolean,
): { state: PassState; runner: PassRunner } {
  const threads = Math.min(settings.threads, Math.ceil(n / chunkRows));
  const state = createPassState(data, n, d, settings.k, {
    shared: threads > 1,
    elkanBounds: settings.method === 'elkan',
    maxIter: settings.maxIter,
    seeding,
  });
  return { state, runner: threads > 1 ? parallelRunner(state, threads) : serialRunner(state) };
}
