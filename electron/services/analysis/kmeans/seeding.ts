// k-means++ seeding, in its greedy form (Arthur & Vassilvitskii 2007, as scikit-learn's `_kmeans_plusplus`
// does it): each new centroid is the best of 2 + ⌊ln k⌋ rows drawn with probability proportional to their
// squared distance to the nearest centroid so far — the one that lowers the total squared distance most.
// The distances are passes over the chunks (on every thread); the draws happen on the calling thread.
import { AppError } from '../../../api/errors.js';
import { refuseNonFinite } from './featureVariance.js';
import type { PassRunner } from './passRunner.js';
import { chunkRows, param, type PassState } from './passState.js';
import type { SeededRandom } from './random.js';

/** Row-major k × d initial centroids, each a different row of the data (rows at distance 0 are never drawn). */
export async function seedCentroids(state: PassState, runner: PassRunner, random: SeededRandom): Promise<Float64Array> {
  const { n, d, k, data, params } = state;
  const centroids = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.nextInt(n);
  centroids.set(data.subarray(first * d, first * d + d), 0);
  // Three thirds of `seedDistances` take turns: the nearest so far, the trial measured, the best trial.
  let nearest = 0;
  params[param.seedRow] = first;
  params[param.seedNearest] = nearest;
  await runner.run('seed-first');
  let potential = totalPotential(state, nearest);
  if (!Number.isFinite(potential)) refuseNonFinite(data, n, d);
  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      throw new AppError(
        'invalid_input',
        `k = ${k}, but the data hold only ${c} distinct row(s): lower k to ${c} or less.`,
      );
    }
    let trial = (nearest + 1) % 3;
    let best = -1;
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const row = drawRow(state, nearest, random.nextFloat() * potential);
      params[param.seedRow] = row;
      params[param.seedNearest] = nearest;
      params[param.seedTrial] = trial;
      await runner.run('seed-trial');
      const trialPotential = totalPotential(state, trial);
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestRow = row;
        // The trial's third becomes the best; the previous best's (or the free one) takes the next trial.
        const previous = best;
        best = trial;
        trial = previous >= 0 ? previous : 3 - nearest - trial;
      }
    }
    centroids.set(data.subarray(bestRow * d, bestRow * d + d), c * d);
    nearest = best;
    potential = bestPotential;
  }
  return centroids;
}

/** The sum of the chunks' potentials in chunk order, so that it is the same whatever the threads. */
function totalPotential(state: PassState, third: number): number {
  const { chunks, seedPotentials } = state;
  let total = 0;
  for (let c = 0; c < chunks; c++) total += seedPotentials[third * chunks + c]!;
  return total;
}

/**
 * The first row at which the running sum of the weights (the distances in `third`) exceeds `target`: the
 * chunk by the chunks' sums, then the row within it. That row has a weight above 0; should rounding carry
 * the target past the end, the last row with a weight is taken.
 */
function drawRow(state: PassState, third: number, target: number): number {
  const { n, chunks, seedDistances, seedPotentials } = state;
  const base = third * n;
  let running = 0;
  let chunk = 0;
  while (chunk < chunks - 1 && !(running + seedPotentials[third * chunks + chunk]! > target)) {
    running += seedPotentials[third * chunks + chunk]!;
    chunk++;
  }
  const start = chunk * chunkRows;
  const end = Math.min(n, start + chunkRows);
  for (let i = start; i < end; i++) {
    running += seedDistances[base + i]!;
    if (running > target) return i;
  }
  for (let i = n - 1; i > 0; i--) if (seedDistances[base + i]! > 0) return i;
  return 0;
}
