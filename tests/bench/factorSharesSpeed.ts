// `node dist/tests/bench/factorSharesSpeed.js [customers] [runs]`: what keeping every customer's factor points
// costs an analysis run, on a synthetic branch: packing them (factorShareTable), and packing and writing them
// (saveFactorPoints), against writing the run's scores with them (saveCustomerScores), in fresh databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { saveFactorPoints } from '../../electron/services/analysis/saveFactorPoints.js';
import { saveCustomerScores } from '../../electron/services/analysis/saveScores.js';
import {
  defaultScoringModel,
  factorShareTable,
  scoreCustomers,
} from '../../electron/services/analysis/scoring/index.js';
import { idleJob } from '../../electron/services/context.js';
import { emit, note, summarize } from './figures.js';
import { syntheticFeatures } from './syntheticFeatures.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
note(`factor points: scoring ${customers} synthetic customers`);
const run = scoreCustomers(syntheticFeatures(customers, 7, 8), defaultScoringModel());
const ids = Array.from({ length: customers }, (_, i) => `C${String(i).padStart(10, '0')}`);

async function inFreshDatabase(body: (db: Database.Database) => Promise<void> | void): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'branchloop-bench-points-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    db.prepare(
      `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters,
         customers, seconds, summary) VALUES (1, 'a', 'a', 'bench', 'm', '{}', '{}', ?, 0, '{}')`,
    ).run(customers);
    const started = performance.now();
    db.exec('BEGIN');
    await body(db);
    db.exec('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const p50 = (samples: number[]) => summarize([...samples].sort((a, b) => a - b));
const samples = { pack: [] as number[], points: [] as number[], scores: [] as number[] };
// Alternated, so that the machine's load falls on all three alike.
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  factorShareTable(run);
  samples.pack.push((performance.now() - started) / 1000);
  samples.points.push(await inFreshDatabase((db) => saveFactorPoints(db, 1, ids, run)));
  samples.scores.push(await inFreshDatabase((db) => saveCustomerScores(db, idleJob, 1, ids, run, 0.5)));
  note(
    `run ${r + 1}: pack ${samples.pack.at(-1)!.toFixed(3)} s, pack + write ${samples.points.at(-1)!.toFixed(3)} s, ` +
      `scores with points ${samples.scores.at(-1)!.toFixed(3)} s`,
  );
}
const pack = p50(samples.pack);
const points = p50(samples.points);
const scores = p50(samples.scores);
emit({ name: 'analysis.factor_points_pack', unit: 's', value: pack.p50, n: customers, ...pack, runs });
emit({
  name: 'analysis.factor_points_save',
  unit: 's',
  value: points.p50,
  n: customers,
  ...points,
  // The whole write of the run's per-customer results, factor points included.
  baseline: scores.p50,
  ratio: points.p50 / scores.p50,
  bytes: customers * factorShareTable(run).columns.length,
  runs,
});
