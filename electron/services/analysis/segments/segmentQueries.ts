// Reading a run's segments: `analysis.segments` (names, sizes, averages, what sets each apart, and the
// movement from the previous segmented run) and `analysis.segmentMap` (the stored sample on two axes).
import type Database from 'better-sqlite3';
import type { ParsedInputOf } from '../../../api/contract.js';
import { AppError } from '../../../api/errors.js';
import type { Label } from '../../../api/analysisTypes.js';
import type {
  SegmentationView,
  SegmentFeatureKey,
  SegmentMap,
  SegmentMovement,
  SegmentView,
} from '../../../api/segmentTypes.js';
import { prepared } from '../../../../db/queries/prepared.js';
import type { ServiceContext } from '../../context.js';
import type { SkippedSegmentation, StoredSegmentation, StoredSegmentProfile } from './storedProfile.js';
import { traitLabel } from './traitPhrases.js';

interface RunRow {
  runId: number;
  customers: number;
  segmentation: string | null;
}

/** The run asked for (the latest when none is named), or null when there is no run at all. */
function findRun(db: Database.Database, runId: number | undefined): RunRow | null {
  const columns = `run_id AS runId, customers, parameters -> '$.segmentation' AS segmentation`;
  const row = (
    runId === undefined
      ? prepared(db, `SELECT ${columns} FROM analysis_runs ORDER BY run_id DESC LIMIT 1`).get()
      : prepared(db, `SELECT ${columns} FROM analysis_runs WHERE run_id = ?`).get(runId)
  ) as RunRow | undefined;
  if (row) return row;
  if (runId === undefined) return null;
  throw new AppError('not_found', `There is no analysis run number ${runId}.`);
}

function storedSegmentation(run: RunRow): StoredSegmentation | null {
  if (run.segmentation === null) return null;
  const parsed = JSON.parse(run.segmentation) as StoredSegmentation | SkippedSegmentation;
  return 'skipped' in parsed ? null : parsed;
}

interface SegmentRow {
  segment: number;
  lineage: number;
  name: string;
  size: number;
  profile: string;
}

function segmentRows(db: Database.Database, runId: number, withSample: boolean): SegmentRow[] {
  const profile = withSample ? 'profile' : `json_remove(profile, '$.sample') AS profile`;
  return prepared(
    db,
    `SELECT segment, lineage, name, size, ${profile} FROM analysis_segments WHERE run_id = ? ORDER BY segment`,
  ).all(runId) as SegmentRow[];
}

function movementOf(db: Database.Database, profiles: StoredSegmentProfile[]): SegmentMovement | null {
  const first = profiles[0]?.movement;
  if (!first) return null;
  const previous = segmentRows(db, first.previousRunId, false).map((row) => ({
    segment: row.segment,
    lineage: row.lineage,
    name: JSON.parse(row.name) as Label,
    size: row.size,
  }));
  const counts = previous.map((_, p) => profiles.map((profile) => profile.movement?.fromPrevious[p] ?? 0));
  return {
    previousRunId: first.previousRunId,
    previous,
    counts,
    newCustomers: profiles.map((profile) => profile.movement?.newCustomers ?? 0),
    leftCustomers: previous.map((row, p) => row.size - counts[p]!.reduce((a, b) => a + b, 0)),
  };
}

export function analysisSegments(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.segments'>,
): { segmentation: SegmentationView | null } {
  const run = findRun(ctx.db, input.runId);
  const stored = run && storedSegmentation(run);
  if (!run || !stored) return { segmentation: null };
  const rows = segmentRows(ctx.db, run.runId, false);
  const profiles = rows.map((row) => JSON.parse(row.profile) as StoredSegmentProfile);
  const segments: SegmentView[] = rows.map((row, s) => {
    const profile = profiles[s]!;
    return {
      segment: row.segment,
      lineage: row.lineage,
      continued: profile.continued,
      name: JSON.parse(row.name) as Label,
      size: row.size,
      share: profile.share,
      averages: profile.averages as Record<string, number>,
      centroid: profile.centroid as Record<string, number>,
      traits: profile.traits.map((t) => ({ ...t, label: traitLabel(t.feature, t.z) })),
    };
  });
  return {
    segmentation: {
      runId: run.runId,
      k: stored.k,
      kChosen: stored.kChosen,
      seed: stored.seed,
      features: stored.features,
      customers: run.customers,
      averages: stored.averages as Record<string, number>,
      candidates: stored.candidates,
      segments,
      movement: movementOf(ctx.db, profiles),
    },
  };
}

function column(profile: StoredSegmentProfile, feature: SegmentFeatureKey): number[] {
  const values = profile.sample.values[feature];
  if (!values) throw new Error(`the stored sample has no values of ${feature}`);
  return values;
}

export function analysisSegmentMap(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.segmentMap'>,
): { map: SegmentMap | null } {
  const run = findRun(ctx.db, input.runId);
  const stored = run && storedSegmentation(run);
  if (!run || !stored) return { map: null };
  for (const axis of [input.x, input.y]) {
    if (!stored.features.includes(axis)) {
      throw new AppError(
        'invalid_input',
        `Run ${run.runId} was segmented on ${stored.features.join(', ')}, not on ${axis}: choose an axis among them.`,
        { field: axis === input.x ? 'x' : 'y' },
      );
    }
  }
  const series = segmentRows(ctx.db, run.runId, true).map((row) => {
    const profile = JSON.parse(row.profile) as StoredSegmentProfile;
    const xs = column(profile, input.x);
    const ys = column(profile, input.y);
    return {
      segment: row.segment,
      lineage: row.lineage,
      name: JSON.parse(row.name) as Label,
      points: xs.map((x, i) => [x, ys[i]!] as [number, number]),
      customerIds: profile.sample.customerIds,
    };
  });
  return {
    map: {
      runId: run.runId,
      x: input.x,
      y: input.y,
      sampled: stored.sampled,
      customers: run.customers,
      series,
    },
  };
}
