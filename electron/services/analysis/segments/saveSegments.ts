// Stores a run's segments inside the run's transaction: names from the centroids, lineages matched to the
// previous segmented run, the movement of customers since that run, and the segment map's sample.
import type Database from 'better-sqlite3';
import type { Job } from '../../context.js';
import { lineageThreshold, matchLineages, type LineageCentroid } from './lineage.js';
import { MovementCounter, type MovementCounts } from './movement.js';
import { nameSegments, rankedTraits, nameLength } from './naming.js';
import { segmentFeatureUnits } from './segmentFeatures.js';
import type { Segmentation } from './segmentation.js';
import { roundTo, type FeatureValues, type StoredSegmentation, type StoredSegmentProfile } from './storedProfile.js';

const chunkSize = 20_000;

function valuesOf(s: Segmentation, row: ArrayLike<number>, digits?: number): FeatureValues {
  const out: FeatureValues = {};
  s.features.forEach((feature, f) => {
    const places = digits ?? (segmentFeatureUnits[feature] === 'share' ? 4 : 2);
    out[feature] = roundTo(row[f]!, places);
  });
  return out;
}

/** What the run records of its segmentation in analysis_runs.parameters. */
export function segmentationParameters(s: Segmentation): StoredSegmentation {
  return {
    k: s.k,
    kChosen: s.kChosen,
    seed: s.seed,
    features: s.features,
    candidates: s.candidates.map((c) => ({ k: c.k, silhouette: roundTo(c.silhouette, 4) })),
    inertia: s.inertia,
    iterations: s.iterations,
    averages: valuesOf(s, s.overall),
    sampled: s.sample.rows.length,
  };
}

interface PreviousSegments {
  runId: number;
  segments: LineageCentroid[];
}

function previousSegments(db: Database.Database, runId: number): PreviousSegments | null {
  const previous = db.prepare('SELECT max(run_id) FROM analysis_segments WHERE run_id < ?').pluck().get(runId) as
    number | null;
  if (previous === null) return null;
  const rows = db
    .prepare(
      "SELECT lineage, profile ->> '$.centre' AS centre FROM analysis_segments WHERE run_id = ? ORDER BY segment",
    )
    .all(previous) as { lineage: number; centre: string }[];
  return {
    runId: previous,
    segments: rows.map((row) => ({ lineage: row.lineage, centre: JSON.parse(row.centre) as FeatureValues })),
  };
}

async function countMovement(
  db: Database.Database,
  job: Job,
  previous: PreviousSegments,
  ids: readonly string[],
  s: Segmentation,
): Promise<MovementCounts> {
  const counter = new MovementCounter(ids, s.labels, previous.segments.length, s.k);
  const chunk = db
    .prepare(
      `SELECT customer_id, segment FROM customer_scores WHERE run_id = ? AND customer_id > ?
       ORDER BY customer_id LIMIT ${chunkSize}`,
    )
    .raw();
  let after = '';
  for (;;) {
    const rows = chunk.all(previous.runId, after) as [string, number | null][];
    if (rows.length === 0) break;
    counter.add(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    );
    after = rows[rows.length - 1]![0];
    await job.checkpoint();
  }
  return counter.finish();
}

export async function saveSegments(
  db: Database.Database,
  job: Job,
  runId: number,
  ids: readonly string[],
  s: Segmentation,
): Promise<void> {
  const { k, features, scaling } = s;
  const d = features.length;
  const centroidRow = (segment: number) => s.centroids.subarray(segment * d, segment * d + d);
  // The centroid back on the log-scaled natural scale: the space every run shares.
  const centres = Array.from({ length: k }, (_, segment) =>
    valuesOf(
      s,
      Array.from(centroidRow(segment), (z, f) => z * scaling.deviations[f]! + scaling.means[f]!),
      8,
    ),
  );
  const previous = previousSegments(db, runId);
  const nextLineage =
    ((db.prepare('SELECT max(lineage) FROM analysis_segments').pluck().get() as number | null) ?? 0) + 1;
  const scale = { features, means: scaling.means, deviations: scaling.deviations };
  const match = matchLineages(previous?.segments ?? [], centres, scale, nextLineage, lineageThreshold);
  const movement = previous ? await countMovement(db, job, previous, ids, s) : null;
  const names = nameSegments(s.centroids, features);

  const samples = Array.from({ length: k }, () => ({
    customerIds: [] as string[],
    values: Object.fromEntries(features.map((feature) => [feature, [] as number[]])) as Record<string, number[]>,
  }));
  const { rows, values } = s.sample;
  for (let r = 0; r < rows.length; r++) {
    const sample = samples[s.labels[rows[r]!]!]!;
    sample.customerIds.push(ids[rows[r]!]!);
    features.forEach((feature, f) => {
      const places = segmentFeatureUnits[feature] === 'share' ? 4 : 2;
      sample.values[feature]!.push(roundTo(values[r * d + f]!, places));
    });
  }

  const insert = db.prepare(
    'INSERT INTO analysis_segments (run_id, segment, lineage, name, size, profile) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const n = ids.length;
  for (let segment = 0; segment < k; segment++) {
    const profile: StoredSegmentProfile = {
      share: roundTo(s.sizes[segment]! / n, 6),
      centroid: valuesOf(s, centroidRow(segment), 4),
      centre: centres[segment]!,
      averages: valuesOf(s, s.averages.subarray(segment * d, segment * d + d)),
      traits: rankedTraits(centroidRow(segment), features)
        .slice(0, nameLength)
        .map((t) => ({ feature: t.feature, z: roundTo(t.z, 4) })),
      continued: match.continued[segment]!,
      lineageDistance: match.distances[segment] === null ? null : roundTo(match.distances[segment]!, 4),
      movement:
        previous && movement
          ? {
              previousRunId: previous.runId,
              fromPrevious: movement.counts.map((row) => row[segment]!),
              newCustomers: movement.newCustomers[segment]!,
            }
          : null,
      sample: samples[segment]!,
    };
    insert.run(
      runId,
      segment,
      match.lineages[segment]!,
      JSON.stringify(names[segment]!),
      s.sizes[segment]!,
      JSON.stringify(profile),
    );
  }
}
