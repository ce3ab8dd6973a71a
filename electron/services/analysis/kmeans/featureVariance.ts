// The variance of the features, from the chunks' means and squared deviations combined in chunk order
// (Chan, Golub & LeVeque's pairwise update), which is also where a value that is not a number shows up.
import { AppError } from '../../../api/errors.js';
import { chunkRows, type PassState } from './passState.js';

/** The variance of each feature (over n, as numpy's var) averaged over the features, from a 'moments' pass. */
export function meanVarianceFromChunks(state: PassState): number {
  const { n, d, chunks, chunkMoments } = state;
  const mean = new Float64Array(d);
  const squares = new Float64Array(d);
  let seen = 0;
  for (let c = 0; c < chunks; c++) {
    const rows = Math.min(n, (c + 1) * chunkRows) - c * chunkRows;
    const base = c * 2 * d;
    const total = seen + rows;
    for (let f = 0; f < d; f++) {
      const delta = chunkMoments[base + f]! - mean[f]!;
      mean[f]! += (delta * rows) / total;
      squares[f]! += chunkMoments[base + d + f]! + ((delta * delta * seen) / total) * rows;
    }
    seen = total;
  }
  let variance = 0;
  for (let f = 0; f < d; f++) variance += squares[f]! / n;
  variance /= d;
  if (!Number.isFinite(variance)) refuseNonFinite(state.data, n, d);
  return variance;
}

/** Names the first value that is not a finite number; without one, the values are too large to square. */
export function refuseNonFinite(data: Float64Array, n: number, d: number): never {
  for (let i = 0; i < n * d; i++) {
    if (!Number.isFinite(data[i])) {
      throw new AppError(
        'invalid_input',
        `row ${Math.floor(i / d) + 1}, feature ${(i % d) + 1} is ${data[i]}, not a finite number.`,
      );
    }
  }
  throw new AppError('invalid_input', 'the features are too large for their variance to be a number: scale them down.');
}

/** The same over a plain array, for data that are not being clustered (tests, scripts). */
export function meanFeatureVariance(data: Float64Array, n: number, d: number): number {
  const means = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) means[f]! += data[i * d + f]!;
  for (let f = 0; f < d; f++) means[f]! /= n;
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const diff = data[i * d + f]! - means[f]!;
      squares[f]! += diff * diff;
    }
  }
  let total = 0;
  for (let f = 0; f < d; f++) total += squares[f]! / n;
  return total / d;
}
