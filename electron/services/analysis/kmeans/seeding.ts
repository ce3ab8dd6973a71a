// k-means++ seeding, in its greedy form (Arthur & Vassilvitskii 2007, as scikit-learn's `_kmeans_plusplus`
// does it): each new centroid is the best of 2 + ⌊ln k⌋ rows drawn with probability proportional to their
// squared distance to the nearest centroid so far — the one that lowers the total squared distance most.
import { AppError } from '../../../api/errors.js';
import { refuseNonFinite } from './featureVariance.js';
import type { SeededRandom } from './random.js';

/** Row-major k × d initial centroids, each a different row of `data` (rows at distance 0 are never drawn). */
export function kmeansPlusPlus(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  random: SeededRandom,
): Float64Array {
  const centroids = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.nextInt(n);
  centroids.set(data.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  squaredDistancesTo(data, n, d, first, closest, null);
  let potential = sum(closest);
  if (!Number.isFinite(potential)) refuseNonFinite(data, n, d);
  // Three arrays: the distances so far, the trial being measured, and the best trial of this step.
  let trial = new Float64Array(n);
  let best = new Float64Array(n);
  const cumulative = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      throw new AppError(
        'invalid_input',
        `k = ${k}, but the data hold only ${c} distinct row(s): lower k to ${c} or less.`,
      );
    }
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const row = drawRow(cumulative, closest, random.nextFloat() * potential);
      squaredDistancesTo(data, n, d, row, trial, closest);
      const trialPotential = sum(trial);
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestRow = row;
        [best, trial] = [trial, best];
      }
    }
    centroids.set(data.subarray(bestRow * d, bestRow * d + d), c * d);
    [closest, best] = [best, closest];
    potential = bestPotential;
  }
  return centroids;
}

/** The first row whose cumulative weight exceeds `target`; rounding past the end gives the last weighted row. */
function drawRow(cumulative: Float64Array, weights: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  if (!(cumulative[high]! > target)) {
    while (high > 0 && !(weights[high]! > 0)) high--;
    return high;
  }
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Squared distance of every row to row `centre`, capped by `cap` (the distances to the centroids so far) when given. */
function squaredDistancesTo(
  data: Float64Array,
  n: number,
  d: number,
  centre: number,
  out: Float64Array,
  cap: Float64Array | null,
): void {
  const c = centre * d;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let s = 0;
    for (let f = 0; f < d; f++) {
      const diff = data[row + f]! - data[c + f]!;
      s += diff * diff;
    }
    out[i] = cap && cap[i]! < s ? cap[i]! : s;
  }
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
