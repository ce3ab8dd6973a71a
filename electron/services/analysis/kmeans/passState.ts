// The arrays one k-means run shares between the threads that work on it. Rows are cut into chunks of a
// fixed size whatever the number of threads; each chunk keeps its own partial sums, which are added in
// chunk order, so the result is the same bit for bit on one thread or many.

/** Rows per chunk: small enough that late iterations recompute the sums of few chunks, large enough to keep the per-chunk bookkeeping negligible. */
export const chunkRows = 1024;

/** Index into `PassState.params`. */
export const param = {
  maxShift: 0,
  secondShift: 1,
  maxShiftCluster: 2,
  update: 3,
  /** k-means++: the row measured from, and which third of `seedDistances` the nearest and the trial use. */
  seedRow: 4,
  seedNearest: 5,
  seedTrial: 6,
  /** 1 for the run's last assignment, which also adds up the inertia. */
  lastPass: 7,
} as const;

export interface PassState {
  n: number;
  d: number;
  k: number;
  chunks: number;
  /** Row-major n × d. */
  data: Float64Array;
  /** The cluster of each row; −1 before the first pass. */
  labels: Int32Array;
  /** Hamerly's bounds: at least the distance of the row to its centroid … */
  upper: Float64Array;
  /** … and at most its distance to any other centroid (Hamerly's one lower bound) … */
  lower: Float64Array;
  /** … or to each centroid, n × k (Elkan's lower bounds; empty for the other methods), … */
  lowers: Float64Array;
  /** … as they were after the centroid update of this number (Elkan's bounds are brought up to date lazily). */
  boundsUpdate: Int32Array;
  /** The distance each centroid travelled from the start to the end of each update, (maxIter + 1) × k. */
  travelled: Float64Array;
  /** The centroids of the current pass, k × d. */
  centroids: Float64Array;
  /** The centroids again, k × 8 with zeros after the d features, when d ≤ 8 (the fast distance reads them). */
  paddedCentroids: Float64Array;
  /** Half the distance from each centroid to the nearest other one. */
  halfGap: Float64Array;
  /** Half the distance between every two centroids, k × k. */
  halfDistance: Float64Array;
  /** How far each centroid moved since the bounds were last brought up to date. */
  shift: Float64Array;
  /** The largest shift, the second largest, the cluster of the largest and the update's number (see `param`). */
  params: Float64Array;
  /** Per chunk, per cluster: the sum of the rows (chunks × k × d) and their count (chunks × k), kept up to date by each pass. */
  chunkSums: Float64Array;
  chunkCounts: Int32Array;
  /** Per chunk: labels changed by the last pass. */
  chunkChanged: Int32Array;
  /** Per chunk: the mean (d) then the sum of squared deviations from it (d) of each feature. */
  chunkMoments: Float64Array;
  /**
   * k-means++: three arrays of n squared distances (to the nearest centroid so far, to a trial row, to the
   * best trial), and their sums per chunk (3 × chunks); empty when the run starts from given centroids.
   */
  seedDistances: Float64Array;
  seedPotentials: Float64Array;
  /** Per chunk: the sum of squared distances to the centroids, from an inertia pass. */
  chunkInertia: Float64Array;
  /** [0]: the next chunk a thread takes. */
  control: Int32Array;
}

/**
 * 'seed-…': k-means++ distances. 'start-…': the features' moments, the first assignment and the sums;
 * then one of the methods' passes.
 */
export type PassKind =
  'seed-first' | 'seed-trial' | 'start-lloyd' | 'start-bounded' | 'elkan' | 'hamerly' | 'lloyd' | 'inertia';

type BufferFactory = (bytes: number) => ArrayBufferLike;

/**
 * Allocates the state; `shared` puts every array in SharedArrayBuffer memory for worker threads, and
 * `elkanBounds` the n × k lower bounds of Elkan's algorithm, `seeding` the distances of k-means++.
 */
export function createPassState(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  options: { shared: boolean; elkanBounds: boolean; maxIter: number; seeding: boolean },
): PassState {
  const { shared } = options;
  const buffer: BufferFactory = shared ? (bytes) => new SharedArrayBuffer(bytes) : (bytes) => new ArrayBuffer(bytes);
  const f64 = (length: number) => new Float64Array(buffer(length * 8));
  const i32 = (length: number) => new Int32Array(buffer(length * 4));
  const chunks = Math.ceil(n / chunkRows);
  let rows = data;
  if (shared && !(data.buffer instanceof SharedArrayBuffer)) {
    rows = f64(n * d);
    rows.set(data.subarray(0, n * d));
  }
  const labels = i32(n);
  labels.fill(-1);
  return {
    n,
    d,
    k,
    chunks,
    data: rows,
    labels,
    upper: f64(n),
    lower: f64(n),
    lowers: f64(options.elkanBounds ? n * k : 0),
    boundsUpdate: i32(options.elkanBounds ? n : 0),
    travelled: f64(options.elkanBounds ? (options.maxIter + 1) * k : 0),
    centroids: f64(k * d),
    paddedCentroids: f64(d <= 8 ? k * 8 : 0),
    halfGap: f64(k),
    halfDistance: f64(k * k),
    shift: f64(k),
    params: f64(8),
    chunkSums: f64(chunks * k * d),
    chunkCounts: i32(chunks * k),
    chunkChanged: i32(chunks),
    chunkMoments: f64(chunks * 2 * d),
    seedDistances: f64(options.seeding ? 3 * n : 0),
    seedPotentials: f64(options.seeding ? 3 * chunks : 0),
    chunkInertia: f64(chunks),
    control: i32(1),
  };
}
