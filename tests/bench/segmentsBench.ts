// Segmentation on the demo branch: how well the segments of an analysis run recover the generator's latent
// groups (adjusted Rand index), and how long the segmentation step takes. The branch is loaded in-process
// with demo.load, scored as analysis.run scores it, then segmented with the run's own step and settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { validateCall } from '../../electron/api/validate.js';
import { createJob, type ServiceContext } from '../../electron/services/context.js';
import { loadDemoBranch } from '../../electron/services/demo/load.js';
import { loadFeatures } from '../../electron/services/analysis/loadFeatures.js';
import { currentModel } from '../../electron/services/analysis/run.js';
import { scoreCustomers } from '../../electron/services/analysis/scoring/index.js';
import { segmentCustomers } from '../../electron/services/analysis/segments/segmentation.js';
import {
  parseSegmentationSettings,
  type SegmentationSettings,
} from '../../electron/services/analysis/segments/segmentationSettings.js';
import { adjustedRandIndex } from './adjustedRand.js';
import { emit, note } from './figures.js';
import { latentGroupsOf } from './latentGroups.js';
import { syntheticFeatures } from './syntheticFeatures.js';

async function medianSeconds(runs: number, body: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await body();
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface SegmentsBenchOptions {
  /** Demo customers (default 20,000). */
  customers?: number;
  /** The demo's seed (default demo.load's). */
  seed?: number;
  /** Months of activity (default 12: the channel shares and counts look at the last 12). */
  activityMonths?: number;
  /** Segmentation settings (default: the standard ones). */
  settings?: Partial<SegmentationSettings>;
  /** Times the step is run; the median is reported (default 3). */
  runs?: number;
  /** Also times the step on this many synthetic customers (tests/bench/syntheticFeatures.ts); 0 skips it
   * (default 1,000,000: the size of the analysis run's target). */
  scaleCustomers?: number;
}

export interface SegmentsBenchResult {
  customers: number;
  k: number;
  ari: number;
  seconds: number;
  sizes: number[];
}

export async function benchSegments(options: SegmentsBenchOptions = {}): Promise<SegmentsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'branchloop-segments-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    const job = createJob(new AbortController().signal, () => {});
    const ctx: ServiceContext = {
      db,
      paths: { dataDir: dir, databaseFile: join(dir, 'bench.sqlite') },
      job,
      dataGeneration: () => 0,
      dataChanged: () => {},
    };
    const input = validateCall('demo.load', {
      customers: options.customers ?? 20_000,
      activityMonths: options.activityMonths ?? 12,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    if (!input.ok) throw new Error(input.error.message);
    note(`segments: loading a demo branch of ${input.value.customers.toLocaleString('en')} customers…`);
    await loadDemoBranch(ctx, input.value);
    const loaded = await loadFeatures(db, job, () => {});
    const scored = scoreCustomers(loaded.features, currentModel(db));
    const settings = parseSegmentationSettings(options.settings ?? {});
    const runs = options.runs ?? 3;
    let segmentation = await segmentCustomers(scored, settings, job);
    const seconds = await medianSeconds(runs, async () => {
      segmentation = await segmentCustomers(scored, settings, job);
    });
    const ari = adjustedRandIndex(segmentation.labels, latentGroupsOf(loaded.ids, input.value.seed));
    const result = {
      customers: scored.n,
      k: segmentation.k,
      ari: Math.round(ari * 1000) / 1000,
      seconds: Math.round(seconds * 1000) / 1000,
      sizes: segmentation.sizes,
    };
    note(
      `segments: k = ${result.k} over ${segmentation.features.join(', ')}: adjusted Rand index ${result.ari} against the latent groups, ${result.seconds} s`,
    );
    emit({
      name: 'segments.ari',
      unit: 'ari',
      value: result.ari,
      n: result.customers,
      k: result.k,
      features: segmentation.features,
      sizes: result.sizes,
    });
    emit({ name: 'segments.seconds', unit: 's', value: result.seconds, n: result.customers, k: result.k });
    const scale = options.scaleCustomers ?? 1_000_000;
    if (scale > 0) {
      const large = scoreCustomers(syntheticFeatures(scale), currentModel(db));
      const largeSeconds = await medianSeconds(runs, () => segmentCustomers(large, settings, job));
      note(`segments: the step on ${scale.toLocaleString('en')} synthetic customers: ${largeSeconds.toFixed(2)} s`);
      emit({
        name: 'segments.seconds',
        unit: 's',
        value: Math.round(largeSeconds * 100) / 100,
        n: scale,
        synthetic: true,
      });
    }
    return result;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
