// Keeps a segment's identity across runs: this run's centroids are paired with the previous run's by the
// assignment with the least total distance, both placed in this run's z-scores; a pair further apart than
// the threshold is not the same group, and the segment gets a new lineage.
import { minimumCostAssignment } from './assignment.js';
import type { SegmentFeatureKey } from './segmentFeatures.js';

/**
 * Root-mean-square distance, in standard deviations per feature, beyond which two centroids are different
 * groups. The closest two segments of the demo lie 0.86 apart (the integration test checks they stay beyond
 * the threshold); the same data give 0.
 */
export const lineageThreshold = 0.5;

/** A segment as matching sees it: its lineage, and its centroid in log-scaled natural units per feature. */
export interface LineageCentroid {
  lineage: number;
  centre: Partial<Record<SegmentFeatureKey, number>>;
}

export interface LineageScale {
  features: readonly SegmentFeatureKey[];
  means: ArrayLike<number>;
  deviations: ArrayLike<number>;
}

export interface LineageMatch {
  /** Lineage of each current segment. */
  lineages: number[];
  /** True where the lineage was carried over from the previous run. */
  continued: boolean[];
  /** Distance to the previous centroid it was paired with (RMS z-score), or null. */
  distances: (number | null)[];
}

/** RMS distance over the features both centroids have, in this run's z-scores; Infinity when they share none. */
export function centroidDistance(
  a: LineageCentroid['centre'],
  b: LineageCentroid['centre'],
  scale: LineageScale,
): number {
  let sum = 0;
  let shared = 0;
  scale.features.forEach((feature, f) => {
    const x = a[feature];
    const y = b[feature];
    if (x === undefined || y === undefined) return;
    const deviation = scale.deviations[f]!;
    const diff = deviation > 0 ? (x - y) / deviation : 0;
    sum += diff * diff;
    shared++;
  });
  return shared === 0 ? Infinity : Math.sqrt(sum / shared);
}

/**
 * Lineages for the current segments. `nextLineage` is the first number never used yet: new groups take it and
 * those after it, in segment order.
 */
export function matchLineages(
  previous: readonly LineageCentroid[],
  current: readonly LineageCentroid['centre'][],
  scale: LineageScale,
  nextLineage: number,
  threshold = lineageThreshold,
): LineageMatch {
  const distances = current.map((c) => previous.map((p) => centroidDistance(c, p.centre, scale)));
  // Infinite distances (no shared feature) become a large finite cost, so the assignment stays well defined.
  let finiteMax = 0;
  for (const row of distances)
    for (const value of row) if (Number.isFinite(value)) finiteMax = Math.max(finiteMax, value);
  const cost = distances.map((row) => row.map((value) => (Number.isFinite(value) ? value : finiteMax * 2 + 1)));
  const pairs = minimumCostAssignment(cost);
  let next = nextLineage;
  const result: LineageMatch = { lineages: [], continued: [], distances: [] };
  pairs.forEach((p, s) => {
    const distance = p >= 0 ? distances[s]![p]! : null;
    const same = distance !== null && distance <= threshold;
    result.lineages.push(same ? previous[p]!.lineage : next++);
    result.continued.push(same);
    result.distances.push(distance !== null && Number.isFinite(distance) ? distance : null);
  });
  return result;
}
