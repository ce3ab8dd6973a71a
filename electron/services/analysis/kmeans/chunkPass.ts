// The work of one pass over one chunk of rows: assign each row to its nearest centroid (every distance,
// or only those Hamerly's bounds cannot rule out), then recompute the chunk's partial sums if a label
// changed; or add up the chunk's squared distances for the inertia, or its features' means and spreads. Runs alike on any thread.
import { chunkRows, param, type PassKind, type PassState } from './passState.js';

/**
 * A row is skipped only when its upper bound is below the lower one by this relative margin: rounding in
 * the bounds (about 1e-16 per update) can then never hide a closer centroid, and near-ties always get
 * the full comparison, so the labels are those of plain Lloyd's algorithm.
 */
const boundMargin = 1 + 1e-10;

export function runChunk(state: PassState, kind: PassKind, chunk: number): void {
  const start = chunk * chunkRows;
  const end = Math.min(state.n, start + chunkRows);
  if (kind === 'moments') {
    chunkMoments(state, chunk, start, end);
    return;
  }
  if (kind === 'inertia') {
    state.chunkInertia[chunk] = chunkInertia(state, start, end);
    return;
  }
  const changed =
    kind === 'elkan'
      ? assignElkan(state, start, end)
      : kind === 'hamerly'
        ? assignHamerly(state, start, end)
        : assignAll(state, start, end);
  state.chunkChanged[chunk] = changed;
  if (changed > 0 || state.chunkDirty[chunk] === 1 || kind === 'first') {
    chunkSums(state, chunk, start, end);
    state.chunkDirty[chunk] = 0;
  }
}

/** Plain Lloyd: every distance of every row; also sets the bounds, so that Elkan's or Hamerly's passes can follow. */
function assignAll(state: PassState, start: number, end: number): number {
  const { d, k, data, labels, upper, lower, lowers, centroids } = state;
  const elkan = lowers.length > 0;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const row = i * d;
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let j = 0; j < k; j++) {
      const centre = j * d;
      let sum = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[row + f]! - centroids[centre + f]!;
        sum += diff * diff;
      }
      if (elkan) lowers[i * k + j] = Math.sqrt(sum);
      if (sum < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = sum;
        best = j;
      } else if (sum < secondDistance) secondDistance = sum;
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(secondDistance);
  }
  return changed;
}

/**
 * Elkan's algorithm: a lower bound per row and centroid, each moved by its own centroid's shift, so one
 * centroid moving far does not cost the rows that are far from it. A centroid is measured only when
 * neither its bound nor half its distance to the row's centroid rules it out.
 */
function assignElkan(state: PassState, start: number, end: number): number {
  const { d, k, data, labels, upper, lowers, centroids, halfGap, halfDistance, shift } = state;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const bounds = i * k;
    for (let j = 0; j < k; j++) lowers[bounds + j]! -= shift[j]!;
    const label = labels[i]!;
    let nearest = label;
    let up = upper[i]! + shift[label]!;
    if (up * boundMargin < halfGap[label]!) {
      upper[i] = up;
      continue;
    }
    const row = i * d;
    let nearestSquared = -1;
    for (let j = 0; j < k; j++) {
      if (j === nearest) continue;
      const low = lowers[bounds + j]!;
      const half = halfDistance[nearest * k + j]!;
      const limit = low > half ? low : half;
      if (up * boundMargin < limit) continue;
      if (nearestSquared < 0) {
        nearestSquared = squaredDistance(data, row, centroids, nearest * d, d);
        up = Math.sqrt(nearestSquared);
        lowers[bounds + nearest] = up;
        if (up * boundMargin < limit) continue;
      }
      const s = squaredDistance(data, row, centroids, j * d, d);
      const distance = Math.sqrt(s);
      lowers[bounds + j] = distance;
      // Squared distances decide, ties to the lower cluster number: exactly plain Lloyd's choice.
      if (s < nearestSquared || (s === nearestSquared && j < nearest)) {
        nearest = j;
        nearestSquared = s;
        up = distance;
      }
    }
    upper[i] = up;
    if (nearest !== label) {
      labels[i] = nearest;
      changed++;
    }
  }
  return changed;
}

function squaredDistance(data: Float64Array, row: number, centroids: Float64Array, centre: number, d: number): number {
  let sum = 0;
  for (let f = 0; f < d; f++) {
    const diff = data[row + f]! - centroids[centre + f]!;
    sum += diff * diff;
  }
  return sum;
}

/**
 * Hamerly's algorithm: the bounds move with the centroids; a row whose upper bound stays below both
 * its lower bound and half the gap from its centroid to the nearest other one cannot change cluster.
 */
function assignHamerly(state: PassState, start: number, end: number): number {
  const { d, k, data, labels, upper, lower, centroids, halfGap, shift, params } = state;
  const maxShift = params[param.maxShift]!;
  const secondShift = params[param.secondShift]!;
  const maxShiftCluster = params[param.maxShiftCluster]!;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    let up = upper[i]! + shift[label]!;
    let low = lower[i]! - (label === maxShiftCluster ? secondShift : maxShift);
    const gap = halfGap[label]!;
    const bound = low > gap ? low : gap;
    if (up * boundMargin >= bound) {
      const row = i * d;
      const own = label * d;
      let sum = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[row + f]! - centroids[own + f]!;
        sum += diff * diff;
      }
      up = Math.sqrt(sum);
      if (up * boundMargin >= bound) {
        let best = 0;
        let bestDistance = Infinity;
        let secondDistance = Infinity;
        for (let j = 0; j < k; j++) {
          const centre = j * d;
          let s = 0;
          for (let f = 0; f < d; f++) {
            const diff = data[row + f]! - centroids[centre + f]!;
            s += diff * diff;
          }
          if (s < bestDistance) {
            secondDistance = bestDistance;
            bestDistance = s;
            best = j;
          } else if (s < secondDistance) secondDistance = s;
        }
        if (best !== label) {
          labels[i] = best;
          changed++;
        }
        up = Math.sqrt(bestDistance);
        low = Math.sqrt(secondDistance);
      }
    }
    upper[i] = up;
    lower[i] = low;
  }
  return changed;
}

function chunkSums(state: PassState, chunk: number, start: number, end: number): void {
  const { d, k, data, labels, chunkSums: sums, chunkCounts: counts } = state;
  const sumBase = chunk * k * d;
  const countBase = chunk * k;
  sums.fill(0, sumBase, sumBase + k * d);
  counts.fill(0, countBase, countBase + k);
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    const row = i * d;
    const target = sumBase + label * d;
    for (let f = 0; f < d; f++) sums[target + f]! += data[row + f]!;
    counts[countBase + label]!++;
  }
}

function chunkInertia(state: PassState, start: number, end: number): number {
  const { d, data, labels, centroids } = state;
  let total = 0;
  for (let i = start; i < end; i++) {
    const row = i * d;
    const centre = labels[i]! * d;
    for (let f = 0; f < d; f++) {
      const diff = data[row + f]! - centroids[centre + f]!;
      total += diff * diff;
    }
  }
  return total;
}

/** Two passes over a chunk that sits in cache: the mean of each feature, then the squared deviations from it. */
function chunkMoments(state: PassState, chunk: number, start: number, end: number): void {
  const { d, data, chunkMoments: moments } = state;
  const base = chunk * 2 * d;
  moments.fill(0, base, base + 2 * d);
  for (let i = start; i < end; i++) for (let f = 0; f < d; f++) moments[base + f]! += data[i * d + f]!;
  for (let f = 0; f < d; f++) moments[base + f]! /= end - start;
  for (let i = start; i < end; i++) {
    for (let f = 0; f < d; f++) {
      const diff = data[i * d + f]! - moments[base + f]!;
      moments[base + d + f]! += diff * diff;
    }
  }
}
