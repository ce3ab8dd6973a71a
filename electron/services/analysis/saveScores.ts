// Writes a run's per-customer results, many rows per statement, with progress and cancellation.
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import { saveFactorPoints } from './saveFactorPoints.js';
import { NO_CHANNEL, type ScoringRun } from './scoring/index.js';

const rowsPerStatement = 500;
const columns = [
  'run_id',
  'customer_id',
  'contribution',
  'activity',
  'channel',
  'credit',
  'loyalty',
  'composite',
  'profit_fen',
  'tier',
  'credit_grade',
  'vetoes',
  'dominant_channel',
  'personas',
  'segment',
];

export async function saveCustomerScores(
  db: Database.Database,
  job: Job,
  runId: number,
  ids: readonly string[],
  run: ScoringRun,
  personaThreshold: number,
  /** Each customer's segment, or null when the run was not segmented. */
  segments: Int32Array | null = null,
): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const insert = `INSERT INTO customer_scores (${columns.join(', ')}) VALUES `;
  const many = db.prepare(insert + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
  const one = db.prepare(insert + tuple);
  const personaColumns = run.model.personas.map((rule) => run.personas[rule.key]!);
  const { scores, derived } = run;
  const values: (string | number | null)[] = [];
  const round = (value: number) => Math.round(value * 100) / 100;
  for (let i = 0; i < ids.length; i++) {
    let personas = 0;
    for (let p = 0; p < personaColumns.length; p++) if (personaColumns[p]![i]! >= personaThreshold) personas |= 1 << p;
    const credit = scores.credit[i]!;
    const dominant = derived.dominantChannel[i]!;
    values.push(
      runId,
      ids[i]!,
      round(scores.contribution[i]!),
      round(scores.activity[i]!),
      round(scores.channel[i]!),
      Number.isNaN(credit) ? null : round(credit),
      round(scores.loyalty[i]!),
      round(run.composite[i]!),
      Math.round(run.profitFen[i]!),
      run.tier[i]!,
      run.creditGrade[i]!,
      run.vetoes[i]!,
      dominant === NO_CHANNEL ? -1 : dominant,
      personas,
      segments ? segments[i]! : null,
    );
    if (values.length === rowsPerStatement * columns.length) {
      many.run(values);
      values.length = 0;
      if (i % 5_000 < rowsPerStatement) {
        job.progress({ phase: 'progress.analysisSaving', done: i + 1, total: ids.length });
        await job.checkpoint();
      }
    }
  }
  for (let k = 0; k < values.length; k += columns.length) one.run(values.slice(k, k + columns.length));
  saveFactorPoints(db, runId, ids, run);
  job.progress({ phase: 'progress.analysisSaving', done: ids.length, total: ids.length });
  await job.checkpoint();
}
