// Analysis run speed (issue target: vetoes, five scores, tiers and personas for 1,000,000 customers with 24
// months of activity in 10 s or less, worker memory at most 1 GB). The baseline, measured on the same database in
// the same run, is what re-aggregating the history would cost: one GROUP BY over all activity rows.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/connection.js';
import { databaseFileName } from '../../electron/platform/dataDir.js';
import { emit, note } from './figures.js';

interface ChildResult {
  seconds: number;
  phases: Record<string, number>;
  customers: number;
  maxRssMb: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

function groupByBaseline(dataDir: string): { seconds: number; rows: number } {
  const db = openDatabase(join(dataDir, databaseFileName), { readonly: true });
  try {
    const rows = db.prepare('SELECT count(*) FROM activity_monthly').pluck().get() as number;
    const started = performance.now();
    db.prepare(
      `SELECT customer_id, sum(deposit_count), sum(withdrawal_count), sum(card_swipes), sum(fee_income_fen),
              count(DISTINCT month) FROM activity_monthly GROUP BY customer_id`,
    )
      .raw()
      .all();
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    db.close();
  }
}

/** Times `analysis.run` on the database in `dataDir` (filled by the import bench). */
export function measureAnalysis(dataDir: string, customers: number): void {
  const child = join(dirname(fileURLToPath(import.meta.url)), 'analysisChild.js');
  const run = spawnSync(process.execPath, [child, dataDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(run.stderr.trim() || `analysisChild exited with ${run.status}`);
  const result = JSON.parse(run.stdout) as ChildResult;
  note(
    `analysis.run: ${result.seconds.toFixed(2)} s for ${result.customers.toLocaleString('en')} customers, peak ${Math.round(result.maxRssMb)} MB`,
  );
  const baseline = groupByBaseline(dataDir);
  note(`baseline GROUP BY over ${baseline.rows.toLocaleString('en')} activity rows: ${baseline.seconds.toFixed(2)} s`);
  emit({
    name: 'analysis.run',
    unit: 's',
    value: round(result.seconds),
    n: customers,
    activityRows: baseline.rows,
    baseline: round(baseline.seconds),
    ratio: round(result.seconds / baseline.seconds),
    phases: Object.fromEntries(Object.entries(result.phases).map(([phase, s]) => [phase, round(s)])),
    peakRssMb: Math.round(result.maxRssMb),
  });
}
