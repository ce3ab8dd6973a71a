// Feature scaling before k-means: money is log-scaled first (a balance of ¥1,000,000 is not a hundred
// times more "different" than ¥10,000), then every feature becomes a z-score so none dominates by its unit.

export interface FeatureScaling {
  /** Per feature: log-scaled (sign(x)·ln(1 + |x|)) before the z-score. */
  logScaled: boolean[];
  /** Per feature, after log-scaling: the mean and standard deviation (over n) the z-score used. */
  means: Float64Array;
  deviations: Float64Array;
}

/** sign(x)·ln(1 + |x|): log1p that keeps the sign, so an overdrawn balance stays below zero. */
export function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

function signedExpm1(y: number): number {
  return y < 0 ? -Math.expm1(-y) : Math.expm1(y);
}

/**
 * Standardizes row-major n × d `data` into a new array. A feature that does not vary (deviation 0) becomes
 * 0 everywhere rather than a division by zero: it cannot separate customers anyway.
 */
export function standardize(
  data: Float64Array,
  n: number,
  d: number,
  logScaled: readonly boolean[] = [],
): { data: Float64Array; scaling: FeatureScaling } {
  const flags = Array.from({ length: d }, (_, f) => logScaled[f] === true);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) out[i] = flags[i % d] ? signedLog1p(data[i]!) : data[i]!;
  const means = new Float64Array(d);
  const deviations = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) means[f]! += out[i * d + f]!;
  for (let f = 0; f < d; f++) means[f]! /= n;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const diff = out[i * d + f]! - means[f]!;
      deviations[f]! += diff * diff;
    }
  }
  for (let f = 0; f < d; f++) deviations[f] = Math.sqrt(deviations[f]! / n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const deviation = deviations[f]!;
      out[i * d + f] = deviation > 0 ? (out[i * d + f]! - means[f]!) / deviation : 0;
    }
  }
  return { data: out, scaling: { logScaled: flags, means, deviations } };
}

/** Takes standardized rows (centroids, row-major × d) back to the features' own units, for reading them. */
export function unstandardize(rows: Float64Array, scaling: FeatureScaling): Float64Array {
  const d = scaling.means.length;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const f = i % d;
    const value = rows[i]! * scaling.deviations[f]! + scaling.means[f]!;
    out[i] = scaling.logScaled[f] ? signedExpm1(value) : value;
  }
  return out;
}
