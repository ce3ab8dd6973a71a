// The segmentation step of an analysis run: the chosen features standardized (skewed ones log-scaled), k-means
// with k-means++ seeding from the settings' seed, segments numbered by size (largest first), and each
// segment's centroid and averages — everything the names, the lineage and the map are made from.
import type { Job } from '../../context.js';
import { kmeans, sampleRows, SeededRandom, standardize, suggestK, type FeatureScaling } from '../kmeans/index.js';
import type { ScoringRun } from '../scoring/index.js';
import { logScaledFeatures, segmentTable, type SegmentFeatureKey } from './segmentFeatures.js';
import { autoKRange, type SegmentationSettings } from './segmentationSettings.js';

/** Customers 'auto' tries each k on and the restarts run on, and the silhouette's own sample of them. */
const sampleSize = 20_000;
/**
 * k-means++ starts tried on the sample; the lowest inertia's centroids start the full run. One start can land in
 * a poor local optimum (on the demo, one seed in two merged two groups); eight make that rare, for the price of
 * clustering 20,000 rows eight times.
 */
export const restarts = 8;
const silhouetteSampleSize = 2_000;
/** Customers kept, with their values, for the segment map. */
export const mapSampleSize = 5_000;
/** Fewer customers than this per segment is too few to describe a group. */
const minCustomersPerSegment = 10;

export interface Segmentation {
  k: number;
  kChosen: number | 'auto';
  seed: number;
  features: SegmentFeatureKey[];
  /** Segment of every customer, 0 … k − 1, in the run's customer order; segment 0 is the largest. */
  labels: Int32Array;
  sizes: number[];
  /** Centroids in z-scores (this run's scaling), row-major k × d. */
  centroids: Float64Array;
  scaling: FeatureScaling;
  /** Mean of each feature in natural units, per segment (row-major k × d) and over all customers. */
  averages: Float64Array;
  overall: Float64Array;
  /** Silhouette of each k tried by 'auto'. */
  candidates: { k: number; silhouette: number }[];
  inertia: number;
  iterations: number;
  /** The map's sample: customer rows (ascending) and their feature values in natural units (row-major). */
  sample: { rows: Int32Array; values: Float64Array };
}

/** Why a run was not segmented, or null when it can be. */
export function segmentationSkipReason(n: number, settings: SegmentationSettings): string | null {
  const k = settings.k === 'auto' ? autoKRange.kMin : settings.k;
  const needed = k * minCustomersPerSegment;
  return n < needed ? `${n} customers are too few for ${k} segments (at least ${needed})` : null;
}

export async function segmentCustomers(
  run: ScoringRun,
  settings: SegmentationSettings,
  job: Job,
  onStep: (done: number, total: number) => void = () => {},
): Promise<Segmentation> {
  const { n } = run;
  const keys = [...settings.features];
  const d = keys.length;
  const { seed } = settings;
  const table = segmentTable(run, keys);
  const { data, scaling } = standardize(
    table,
    n,
    d,
    keys.map((key) => logScaledFeatures.has(key)),
  );
  const steps = settings.k === 'auto' ? 3 : 2;
  onStep(0, steps);
  const rows = sampleRows(n, sampleSize, seed);
  const m = rows.length;
  const sample = new Float64Array(m * d);
  for (let r = 0; r < m; r++) sample.set(data.subarray(rows[r]! * d, rows[r]! * d + d), r * d);
  let k: number;
  let candidates: { k: number; silhouette: number }[] = [];
  if (settings.k === 'auto') {
    // The silhouette is compared on the sample: trying every k on a million customers would cost several full
    // runs, and the sample's answer is the same to within its noise.
    const suggestion = await suggestK(sample, m, d, {
      ...autoKRange,
      seed,
      sampleSize: silhouetteSampleSize,
      signal: job.signal,
    });
    k = suggestion.k;
    candidates = suggestion.candidates.map((c) => ({ k: c.k, silhouette: c.silhouette }));
    onStep(1, steps);
    await job.checkpoint();
  } else {
    k = settings.k;
  }
  const seeds = new SeededRandom(seed);
  let best: { inertia: number; centroids: Float64Array } | null = null;
  for (let r = 0; r < restarts; r++) {
    const trial = await kmeans(sample, m, d, { k, seed: seeds.nextUint32(), signal: job.signal });
    if (!best || trial.inertia < best.inertia) best = trial;
  }
  onStep(steps - 1, steps);
  await job.checkpoint();
  const result = await kmeans(data, n, d, { k, init: best!.centroids, signal: job.signal });
  await job.checkpoint();

  // Largest segment first; equal sizes keep the engine's order, which the seed fixes.
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => result.sizes[b]! - result.sizes[a]! || a - b);
  const renumber = new Int32Array(k);
  order.forEach((old, segment) => (renumber[old] = segment));
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = renumber[result.labels[i]!]!;
  const centroids = new Float64Array(k * d);
  order.forEach((old, segment) => centroids.set(result.centroids.subarray(old * d, old * d + d), segment * d));
  const sizes = order.map((old) => result.sizes[old]!);

  const averages = new Float64Array(k * d);
  const overall = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const at = labels[i]! * d;
    for (let f = 0; f < d; f++) {
      const value = table[i * d + f]!;
      averages[at + f]! += value;
      overall[f]! += value;
    }
  }
  for (let s = 0; s < k; s++) for (let f = 0; f < d; f++) averages[s * d + f]! /= Math.max(1, sizes[s]!);
  for (let f = 0; f < d; f++) overall[f]! /= n;

  const mapRows = sampleRows(n, mapSampleSize, seed);
  const values = new Float64Array(mapRows.length * d);
  for (let r = 0; r < mapRows.length; r++) values.set(table.subarray(mapRows[r]! * d, mapRows[r]! * d + d), r * d);
  onStep(steps, steps);
  return {
    k,
    kChosen: settings.k,
    seed,
    features: keys,
    labels,
    sizes,
    centroids,
    scaling,
    averages,
    overall,
    candidates,
    inertia: result.inertia,
    iterations: result.iterations,
    sample: { rows: mapRows, values },
  };
}
