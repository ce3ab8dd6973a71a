// What a run stores about its segments, as JSON: each segment's profile (analysis_segments.profile) and the
// segmentation's parameters (analysis_runs.parameters.segmentation). docs/ANALYSIS.md describes both.
import type { SegmentFeatureKey } from './segmentFeatures.js';

export type FeatureValues = Partial<Record<SegmentFeatureKey, number>>;

export interface StoredSegmentProfile {
  share: number;
  /** Centroid as z-scores of this run. */
  centroid: FeatureValues;
  /** Centroid in log-scaled natural units (log1p of yuan and counts where log-scaled): the common space in
   * which a later run places it on its own scale to match lineages. */
  centre: FeatureValues;
  /** Mean of each feature over the segment's customers, natural units. */
  averages: FeatureValues;
  /** The features that set the segment apart most (z of the centroid), strongest first. */
  traits: { feature: SegmentFeatureKey; z: number }[];
  continued: boolean;
  /** Distance (RMS z-score) to the previous run's centroid it continues, or null. */
  lineageDistance: number | null;
  /** Where this segment's customers were in the previous run with segments; null on the first run. */
  movement: { previousRunId: number; fromPrevious: number[]; newCustomers: number } | null;
  /** The segment map's sample: the segment's sampled customers and their values, natural units. */
  sample: { customerIds: string[]; values: Partial<Record<SegmentFeatureKey, number[]>> };
}

export interface StoredSegmentation {
  k: number;
  kChosen: number | 'auto';
  seed: number;
  features: SegmentFeatureKey[];
  candidates: { k: number; silhouette: number }[];
  inertia: number;
  iterations: number;
  /** Mean of each feature over all customers, natural units. */
  averages: FeatureValues;
  /** Customers in the map's sample. */
  sampled: number;
}

/** The run's parameters when it was not segmented. */
export interface SkippedSegmentation {
  skipped: string;
}

export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
