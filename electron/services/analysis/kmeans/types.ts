// The options and result of a k-means run (see docs/ANALYSIS.md, "Segmentation: k-means").

/**
 * How each iteration assigns rows. All three give the same labels. Hamerly's bounds (2 per row) skip the
 * distances that cannot change a label; Elkan's (k more per row) skip more of them at the cost of keeping
 * them, which pays with many clusters or many features; 'lloyd' measures every distance.
 */
export type KmeansMethod = 'elkan' | 'hamerly' | 'lloyd';

export interface KmeansOptions {
  k: number;
  /** Seeds k-means++ (ignored with `init`). The same seed on the same data gives the same result. */
  seed?: number;
  /** Initial centroids, row-major k × d; when given, k-means++ is skipped. */
  init?: Float64Array;
  /** At most this many Lloyd iterations (default 300, as scikit-learn). */
  maxIter?: number;
  /**
   * Converged when the squared centroid shifts summed over clusters fall to `tol` × the mean variance of
   * the features or below (default 1e-4: scikit-learn's definition and default).
   */
  tol?: number;
  /** Default 'hamerly'; 'lloyd' computes every distance and exists to check that the others agree. */
  method?: KmeansMethod;
  /**
   * Threads sharing the work, the calling one included (default: the machine's cores when n is large,
   * else 1). Any number gives exactly the same result.
   */
  threads?: number;
  /** Called after every iteration with its number and the summed squared centroid shift. */
  onIteration?: (iteration: number, shift: number) => void;
  /** Stops the run between iterations with a 'cancelled' error. */
  signal?: AbortSignal;
}

export interface KmeansResult {
  k: number;
  d: number;
  /** Row-major k × d. */
  centroids: Float64Array;
  /** The initial centroids the run started from (k-means++ or `init`), row-major k × d. */
  initialCentroids: Float64Array;
  /** The cluster of each row, 0 … k − 1. */
  labels: Int32Array;
  /** Rows per cluster. */
  sizes: Int32Array;
  /** Sum of squared distances of each row to its centroid. */
  inertia: number;
  iterations: number;
  /** False when `maxIter` ran out before the tolerance was reached. */
  converged: boolean;
  /** The absolute tolerance used: `tol` × the mean feature variance. */
  tolerance: number;
  /** Clusters found empty during the run and given a far point instead (see docs/ANALYSIS.md). */
  relocations: number;
  threads: number;
}
