// The segmentation step as analysis.run calls it: settings read and checked, customers segmented with
// progress (phase progress.analysisSegmenting), and what the run stores — labels for customer_scores, the
// parameters, and the segments themselves, written inside the run's transaction.
import type Database from 'better-sqlite3';
import type { Job } from '../../context.js';
import type { ScoringRun } from '../scoring/index.js';
import { saveSegments, segmentationParameters } from './saveSegments.js';
import { segmentationSkipReason, segmentCustomers } from './segmentation.js';
import { currentSegmentationSettings } from './segmentationSettings.js';
import type { SkippedSegmentation, StoredSegmentation } from './storedProfile.js';

export interface SegmentStep {
  /** Each customer's segment, or null when the run is not segmented. */
  labels: Int32Array | null;
  parameters: StoredSegmentation | SkippedSegmentation;
  /** Writes the segments of run `runId` (call inside the run's transaction, after the customers' scores). */
  save(runId: number, ids: readonly string[]): Promise<void>;
}

export async function segmentStep(db: Database.Database, job: Job, run: ScoringRun): Promise<SegmentStep> {
  const settings = currentSegmentationSettings(db);
  const skipped = segmentationSkipReason(run.n, settings);
  if (skipped !== null) return { labels: null, parameters: { skipped }, save: async () => {} };
  const segmentation = await segmentCustomers(run, settings, job, (done, total) =>
    job.progress({ phase: 'progress.analysisSegmenting', done, total }),
  );
  return {
    labels: segmentation.labels,
    parameters: segmentationParameters(segmentation),
    save: (runId, ids) => saveSegments(db, job, runId, ids, segmentation),
  };
}
