// The work of one pass over one chunk of rows: assign each row to its nearest centroid (every distance,
// or only those the bounds of Hamerly or Elkan cannot rule out) and keep the chunk's partial sums per
// cluster up to date; or add up the chunk's squared distances for the inertia. Runs alike on any thread,
// and a chunk's results depend only on the chunk.
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
  switch (kind) {
    case 'seed-first':
    case 'seed-trial':
      seedChunk(state, kind === 'seed-first', chunk, start, end);
      return;
    case 'inertia':
      state.chunkInertia[chunk] = chunkInertia(state, start, end);
      return;
    case 'start-lloyd':
    case 'start-bounded':
      // The rows are in cache for the first assignment: their means and spreads come almost free. Hamerly's
      // two bounds start exact from every distance; only Elkan's k bounds are worth the triangle tests.
      chunkMoments(state, chunk, start, end);
      state.chunkChanged[chunk] =
        kind === 'start-lloyd' || state.lowers.length === 0
          ? assignAll(state, chunk, start, end, false)
          : assignFirst(state, start, end);
      chunkSums(state, chunk, start, end);
      return;
    case 'lloyd':
      state.chunkChanged[chunk] = assignAll(state, chunk, start, end, true);
      break;
    case 'hamerly':
      state.chunkChanged[chunk] = assignHamerly(state, chunk, start, end);
      break;
    case 'elkan':
      state.chunkChanged[chunk] = assignElkan(state, chunk, start, end);
      break;
  }
  // The last assignment of a run: the inertia while the chunk is still in cache.
  if (state.params[param.lastPass] === 1) state.chunkInertia[chunk] = chunkInertia(state, start, end);
}

/**
 * Moves row i from one cluster to another in its chunk's partial sums. Only the rows that change are
 * touched; the sums stay those of the chunk's rows because each chunk is updated by one thread at a time,
 * in row order, so the result never depends on the threads.
 */
function moveRow(state: PassState, chunk: number, i: number, from: number, to: number): void {
  const { d, k, data, chunkSums: sums, chunkCounts: counts } = state;
  const base = chunk * k * d;
  const row = i * d;
  const source = base + from * d;
  const target = base + to * d;
  for (let f = 0; f < d; f++) {
    const value = data[row + f]!;
    sums[source + f]! -= value;
    sums[target + f]! += value;
  }
  counts[chunk * k + from]!--;
  counts[chunk * k + to]!++;
}

/** Plain Lloyd: every distance of every row. Also sets Hamerly's bounds. */
function assignAll(state: PassState, chunk: number, start: number, end: number, updateSums: boolean): number {
  const { d, k, data, labels, upper, lower, centroids, paddedCentroids: padded } = state;
  const narrow = d <= 8;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const row = i * d;
    const x0 = data[row]!;
    const x1 = narrow && d > 1 ? data[row + 1]! : 0;
    const x2 = narrow && d > 2 ? data[row + 2]! : 0;
    const x3 = narrow && d > 3 ? data[row + 3]! : 0;
    const x4 = narrow && d > 4 ? data[row + 4]! : 0;
    const x5 = narrow && d > 5 ? data[row + 5]! : 0;
    const x6 = narrow && d > 6 ? data[row + 6]! : 0;
    const x7 = narrow && d > 7 ? data[row + 7]! : 0;
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let j = 0; j < k; j++) {
      const sum = narrow
        ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, j * 8)
        : squaredDistance(data, row, centroids, j * d, d);
      if (sum < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = sum;
        best = j;
      } else if (sum < secondDistance) secondDistance = sum;
    }
    const label = labels[i]!;
    if (label !== best) {
      if (updateSums) moveRow(state, chunk, i, label, best);
      labels[i] = best;
      changed++;
    }
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(secondDistance);
  }
  return changed;
}

/**
 * The first assignment with bounds: a centroid at least twice as far from the nearest one so far as the
 * row is cannot be nearer (triangle inequality) and is not measured; that distance less the row's bounds
 * it from below. Sets Hamerly's bound, and Elkan's bounds when the run keeps them.
 */
function assignFirst(state: PassState, start: number, end: number): number {
  const { d, k, data, labels, upper, lower, lowers, boundsUpdate, centroids, halfDistance } = state;
  const padded = state.paddedCentroids;
  const narrow = d <= 8;
  const elkan = lowers.length > 0;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const row = i * d;
    const x0 = data[row]!;
    const x1 = narrow && d > 1 ? data[row + 1]! : 0;
    const x2 = narrow && d > 2 ? data[row + 2]! : 0;
    const x3 = narrow && d > 3 ? data[row + 3]! : 0;
    const x4 = narrow && d > 4 ? data[row + 4]! : 0;
    const x5 = narrow && d > 5 ? data[row + 5]! : 0;
    const x6 = narrow && d > 6 ? data[row + 6]! : 0;
    const x7 = narrow && d > 7 ? data[row + 7]! : 0;
    const bounds = i * k;
    let nearest = 0;
    let nearestSquared = narrow
      ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, 0 * 8)
      : squaredDistance(data, row, centroids, 0 * d, d);
    let up = Math.sqrt(nearestSquared);
    let low = Infinity;
    if (elkan) lowers[bounds] = up;
    for (let j = 1; j < k; j++) {
      const half = halfDistance[nearest * k + j]!;
      if (up * boundMargin < half) {
        const farther = 2 * half - up;
        if (elkan) lowers[bounds + j] = farther;
        if (farther < low) low = farther;
        continue;
      }
      const s = narrow
        ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, j * 8)
        : squaredDistance(data, row, centroids, j * d, d);
      const distance = Math.sqrt(s);
      if (elkan) lowers[bounds + j] = distance;
      if (s < nearestSquared) {
        if (up < low) low = up;
        nearest = j;
        nearestSquared = s;
        up = distance;
      } else if (distance < low) low = distance;
    }
    upper[i] = up;
    lower[i] = low;
    if (elkan) boundsUpdate[i] = 0;
    if (labels[i] !== nearest) {
      labels[i] = nearest;
      changed++;
    }
  }
  return changed;
}

/**
 * Hamerly's algorithm: the bounds move with the centroids; a row whose upper bound stays below both
 * its lower bound and half the gap from its centroid to the nearest other one cannot change cluster.
 */
function assignHamerly(state: PassState, chunk: number, start: number, end: number): number {
  const { d, k, data, labels, upper, lower, centroids, halfGap, shift, params } = state;
  const padded = state.paddedCentroids;
  const narrow = d <= 8;
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
    if (up * boundMargin < bound) {
      upper[i] = up;
      lower[i] = low;
      continue;
    }
    const row = i * d;
    const x0 = data[row]!;
    const x1 = narrow && d > 1 ? data[row + 1]! : 0;
    const x2 = narrow && d > 2 ? data[row + 2]! : 0;
    const x3 = narrow && d > 3 ? data[row + 3]! : 0;
    const x4 = narrow && d > 4 ? data[row + 4]! : 0;
    const x5 = narrow && d > 5 ? data[row + 5]! : 0;
    const x6 = narrow && d > 6 ? data[row + 6]! : 0;
    const x7 = narrow && d > 7 ? data[row + 7]! : 0;
    let nearestSquared = narrow
      ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, label * 8)
      : squaredDistance(data, row, centroids, label * d, d);
    up = Math.sqrt(nearestSquared);
    if (up * boundMargin < bound) {
      upper[i] = up;
      lower[i] = low;
      continue;
    }
    // Every other centroid is measured: in the iterations where bounds fail, testing each centroid against
    // half its distance to the nearest so far costs more in branches than the distances it saves.
    let nearest = label;
    let secondSquared = Infinity;
    for (let j = 0; j < k; j++) {
      if (j === label) continue;
      const s = narrow
        ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, j * 8)
        : squaredDistance(data, row, centroids, j * d, d);
      // Squared distances decide, ties to the lower cluster number: exactly plain Lloyd's choice.
      if (s < nearestSquared || (s === nearestSquared && j < nearest)) {
        secondSquared = nearestSquared;
        nearest = j;
        nearestSquared = s;
      } else if (s < secondSquared) secondSquared = s;
    }
    up = Math.sqrt(nearestSquared);
    low = Math.sqrt(secondSquared);
    if (nearest !== label) {
      moveRow(state, chunk, i, label, nearest);
      labels[i] = nearest;
      changed++;
    }
    upper[i] = up;
    lower[i] = low;
  }
  return changed;
}

/**
 * Elkan's algorithm: a lower bound per row and centroid, each moved by its own centroid's shift, so one
 * centroid moving far does not cost the rows that are far from it. A centroid is measured only when
 * neither its bound nor half its distance to the row's centroid rules it out. Hamerly's single bound is
 * kept beside them and tried first: it settles most rows without touching their k bounds.
 */
function assignElkan(state: PassState, chunk: number, start: number, end: number): number {
  const { d, k, data, labels, upper, lower, lowers, boundsUpdate, travelled } = state;
  const { centroids, halfGap, halfDistance, shift, params, paddedCentroids: padded } = state;
  const narrow = d <= 8;
  const maxShift = params[param.maxShift]!;
  const secondShift = params[param.secondShift]!;
  const maxShiftCluster = params[param.maxShiftCluster]!;
  const update = params[param.update]!;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    let up = upper[i]! + shift[label]!;
    // Hamerly's test first: one bound below every other centroid decides at once for most rows.
    const low = lower[i]! - (label === maxShiftCluster ? secondShift : maxShift);
    const gap = halfGap[label]!;
    if (up * boundMargin < (low > gap ? low : gap)) {
      upper[i] = up;
      lower[i] = low;
      continue;
    }
    // Only now are the row's bounds per centroid moved by what each centroid travelled since they were set.
    const bounds = i * k;
    const now = update * k;
    const then = boundsUpdate[i]! * k;
    for (let j = 0; j < k; j++) lowers[bounds + j]! -= travelled[now + j]! - travelled[then + j]!;
    boundsUpdate[i] = update;
    const row = i * d;
    const x0 = data[row]!;
    const x1 = narrow && d > 1 ? data[row + 1]! : 0;
    const x2 = narrow && d > 2 ? data[row + 2]! : 0;
    const x3 = narrow && d > 3 ? data[row + 3]! : 0;
    const x4 = narrow && d > 4 ? data[row + 4]! : 0;
    const x5 = narrow && d > 5 ? data[row + 5]! : 0;
    const x6 = narrow && d > 6 ? data[row + 6]! : 0;
    const x7 = narrow && d > 7 ? data[row + 7]! : 0;
    let nearest = label;
    let nearestSquared = -1;
    for (let j = 0; j < k; j++) {
      if (j === nearest) continue;
      const bound = lowers[bounds + j]!;
      const half = halfDistance[nearest * k + j]!;
      const limit = bound > half ? bound : half;
      if (up * boundMargin < limit) continue;
      if (nearestSquared < 0) {
        nearestSquared = narrow
          ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, nearest * 8)
          : squaredDistance(data, row, centroids, nearest * d, d);
        up = Math.sqrt(nearestSquared);
        lowers[bounds + nearest] = up;
        if (up * boundMargin < limit) continue;
      }
      const s = narrow
        ? distance8(x0, x1, x2, x3, x4, x5, x6, x7, padded, j * 8)
        : squaredDistance(data, row, centroids, j * d, d);
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
    lower[i] = lowestOther(lowers, bounds, k, nearest);
    if (nearest !== label) {
      moveRow(state, chunk, i, label, nearest);
      labels[i] = nearest;
      changed++;
    }
  }
  return changed;
}

function lowestOther(lowers: Float64Array, bounds: number, k: number, nearest: number): number {
  let lowest = Infinity;
  for (let j = 0; j < k; j++) if (j !== nearest && lowers[bounds + j]! < lowest) lowest = lowers[bounds + j]!;
  return lowest;
}

/**
 * The squared distance of a row of at most 8 features, held in locals (absent ones 0), to a centroid of
 * `paddedCentroids`: the row is read once for all the centroids it is compared with.
 */
function distance8(
  x0: number,
  x1: number,
  x2: number,
  x3: number,
  x4: number,
  x5: number,
  x6: number,
  x7: number,
  padded: Float64Array,
  centre: number,
): number {
  const a0 = x0 - padded[centre]!;
  const a1 = x1 - padded[centre + 1]!;
  const a2 = x2 - padded[centre + 2]!;
  const a3 = x3 - padded[centre + 3]!;
  const a4 = x4 - padded[centre + 4]!;
  const a5 = x5 - padded[centre + 5]!;
  const a6 = x6 - padded[centre + 6]!;
  const a7 = x7 - padded[centre + 7]!;
  return a0 * a0 + a1 * a1 + (a2 * a2 + a3 * a3) + (a4 * a4 + a5 * a5 + (a6 * a6 + a7 * a7));
}

/**
 * The squared distance of a row to a centroid, four features at a time. Every assignment measures with
 * `distance8` when d ≤ 8 and with this otherwise, so that the same row and centroid always give the same
 * bits whichever method measures them.
 */
function squaredDistance(data: Float64Array, row: number, centroids: Float64Array, centre: number, d: number): number {
  let sum = 0;
  let f = 0;
  for (; f + 4 <= d; f += 4) {
    const a = data[row + f]! - centroids[centre + f]!;
    const b = data[row + f + 1]! - centroids[centre + f + 1]!;
    const c = data[row + f + 2]! - centroids[centre + f + 2]!;
    const e = data[row + f + 3]! - centroids[centre + f + 3]!;
    // Pairs first: a shorter chain of dependent additions than a running sum.
    sum += a * a + b * b + (c * c + e * e);
  }
  for (; f < d; f++) {
    const a = data[row + f]! - centroids[centre + f]!;
    sum += a * a;
  }
  return sum;
}

/** The chunk's sums and counts per cluster from scratch, after its first assignment. */
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

/**
 * k-means++ on a chunk: the squared distance of each row to the row `seedRow` — capped by the distance to
 * the nearest centroid so far, for a trial — and their sum for the chunk.
 */
function seedChunk(state: PassState, first: boolean, chunk: number, start: number, end: number): void {
  const { n, d, data, params, seedDistances: distances, seedPotentials: potentials, chunks } = state;
  const centre = params[param.seedRow]! * d;
  const target = (first ? params[param.seedNearest]! : params[param.seedTrial]!) * n;
  const nearest = params[param.seedNearest]! * n;
  let total = 0;
  for (let i = start; i < end; i++) {
    let s = squaredDistance(data, i * d, data, centre, d);
    if (!first && distances[nearest + i]! < s) s = distances[nearest + i]!;
    distances[target + i] = s;
    total += s;
  }
  potentials[(target / n) * chunks + chunk] = total;
}
