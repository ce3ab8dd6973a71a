// The update step of Lloyd's algorithm on the calling thread: the chunks' partial sums added in chunk
// order, clusters left empty given a far row, and what Hamerly's bounds need from the centroids' moves.
import { chunkRows, param, type PassState } from './passState.js';

/** Sums (k × d) and counts (k) of the clusters, adding the chunks in their order. */
export function clusterTotals(state: PassState, totals: Float64Array, counts: Int32Array): void {
  const { k, d, chunks, chunkSums, chunkCounts } = state;
  totals.fill(0);
  counts.fill(0);
  const width = k * d;
  for (let c = 0; c < chunks; c++) {
    const base = c * width;
    for (let x = 0; x < width; x++) totals[x]! += chunkSums[base + x]!;
    const countBase = c * k;
    for (let j = 0; j < k; j++) counts[j]! += chunkCounts[countBase + j]!;
  }
}

/**
 * Gives each empty cluster, in cluster order, the row farthest from its current centroid (ties: the
 * first row) among clusters that keep at least one other row, as scikit-learn does. The row leaves its
 * cluster's totals and its chunk's sums, and its bounds are reset so the next pass measures it. A cluster stays empty, and
 * keeps its centroid, when every row sits on its centroid. Returns the number of rows moved.
 */
export function relocateEmptyClusters(state: PassState, totals: Float64Array, counts: Int32Array): number {
  const { n, d, k, data, labels, centroids } = state;
  let moved = 0;
  for (let empty = 0; empty < k; empty++) {
    if (counts[empty] !== 0) continue;
    let far = -1;
    let farDistance = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      if (counts[label]! < 2) continue;
      const row = i * d;
      const centre = label * d;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[row + f]! - centroids[centre + f]!;
        s += diff * diff;
      }
      if (s > farDistance) {
        farDistance = s;
        far = i;
      }
    }
    if (far < 0) continue;
    const from = labels[far]!;
    const chunk = Math.floor(far / chunkRows);
    const chunkBase = chunk * k * d;
    for (let f = 0; f < d; f++) {
      const value = data[far * d + f]!;
      totals[from * d + f]! -= value;
      totals[empty * d + f] = value;
      state.chunkSums[chunkBase + from * d + f]! -= value;
      state.chunkSums[chunkBase + empty * d + f]! += value;
    }
    state.chunkCounts[chunk * k + from]!--;
    state.chunkCounts[chunk * k + empty]!++;
    counts[from]!--;
    counts[empty] = 1;
    labels[far] = empty;
    state.upper[far] = 0;
    state.lower[far] = 0;
    // Bounds of 0 (less anything subtracted later) make the next pass measure the row again.
    if (state.lowers.length > 0) state.lowers.fill(0, far * k, far * k + k);
    moved++;
  }
  return moved;
}

/**
 * Moves the centroids to the means of their clusters (an empty one stays put) and records each move
 * for the bounds. Returns the sum of the squared moves, the quantity the tolerance is compared with.
 */
export function moveCentroids(state: PassState, totals: Float64Array, counts: Int32Array): number {
  const { d, k, centroids, shift, params } = state;
  let total = 0;
  let maxShift = 0;
  let secondShift = 0;
  let maxCluster = 0;
  for (let j = 0; j < k; j++) {
    const count = counts[j]!;
    let s = 0;
    if (count > 0) {
      for (let f = 0; f < d; f++) {
        const next = totals[j * d + f]! / count;
        const diff = next - centroids[j * d + f]!;
        s += diff * diff;
        centroids[j * d + f] = next;
      }
    }
    total += s;
    const moved = Math.sqrt(s);
    shift[j] = moved;
    if (moved > maxShift) {
      secondShift = maxShift;
      maxShift = moved;
      maxCluster = j;
    } else if (moved > secondShift) secondShift = moved;
  }
  const update = params[param.update]! + 1;
  params[param.update] = update;
  if (state.travelled.length > 0) {
    for (let j = 0; j < k; j++) state.travelled[update * k + j] = state.travelled[(update - 1) * k + j]! + shift[j]!;
  }
  params[param.maxShift] = maxShift;
  params[param.secondShift] = secondShift;
  params[param.maxShiftCluster] = maxCluster;
  updateHalfGaps(state);
  return total;
}

/**
 * After the centroids change: half the distance between every two of them, and from each to its nearest
 * neighbour (a row closer than that to its own centroid stays); and their padded copy.
 */
export function updateHalfGaps(state: PassState): void {
  const { d, k, centroids, halfGap, halfDistance, paddedCentroids } = state;
  if (paddedCentroids.length > 0) {
    for (let j = 0; j < k; j++) paddedCentroids.set(centroids.subarray(j * d, j * d + d), j * 8);
  }
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = centroids[a * d + f]! - centroids[b * d + f]!;
        s += diff * diff;
      }
      const half = Math.sqrt(s) / 2;
      halfDistance[a * k + b] = half;
      halfDistance[b * k + a] = half;
      if (half < halfGap[a]!) halfGap[a] = half;
      if (half < halfGap[b]!) halfGap[b] = half;
    }
  }
}
