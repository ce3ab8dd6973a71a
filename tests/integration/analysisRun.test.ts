// An analysis run over the imported demo branch, through the real data worker: one stored row per customer
// with scores in range, counts that add up, vetoes where the data calls for them, the same results from the
// same data and model, a customer's reasons adding up to their scores, and a cancelled run leaving nothing.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false, customers: 400, months: 14, asOf: '2026-06-30' });

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const scoreColumns =
  'contribution, activity, channel, credit, loyalty, composite, profit_fen, tier, credit_grade, vetoes, dominant_channel, personas';

describe('analysis runs', () => {
  test('score every customer, add up, and give the same results from the same data', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);
    const customers = query<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM customers')[0]!.n;

    const progress: string[] = [];
    const first = valueOf(await host.api.call('analysis.run', {}, { onProgress: (p) => progress.push(p.phase) }));
    expect(new Set(progress)).toEqual(
      new Set([
        'progress.analysisLoading',
        'progress.analysisScoring',
        'progress.analysisSegmenting',
        'progress.analysisMining',
        'progress.analysisSaving',
      ]),
    );
    expect(first).toMatchObject({ customers, asOfMonth: '2026-05' });
    const { summary } = first;
    expect(Object.values(summary.tiers).reduce((a, b) => a + b, 0)).toBe(customers);
    for (const [key, d] of Object.entries(summary.scores)) {
      expect(d.histogram.reduce((a, b) => a + b, 0) + d.missing, key).toBe(customers);
    }
    expect(summary.vetoed).toBeGreaterThan(0);
    expect(summary.vetoed).toBeLessThan(customers);

    const rows = query<Record<string, number | null>>(
      dataDir,
      `SELECT s.*, f.loan_count FROM customer_scores s JOIN customer_features f USING (customer_id) WHERE run_id = ?`,
      first.runId,
    );
    expect(rows).toHaveLength(customers);
    for (const row of rows) {
      for (const key of ['contribution', 'activity', 'channel', 'loyalty', 'composite']) {
        expect(row[key]).toBeGreaterThanOrEqual(0);
        expect(row[key]).toBeLessThanOrEqual(100);
      }
      // No loans ever: no credit history, which is not a low credit score.
      expect(row.credit === null, String(row.customer_id)).toBe(row.loan_count === 0);
    }

    // Vetoes follow the data: the blacklist and loans overdue now.
    const listed = query<{ vetoes: number }>(
      dataDir,
      `SELECT s.vetoes FROM customer_scores s JOIN blacklist b USING (customer_id)
       WHERE s.run_id = ? AND b.lifted_on IS NULL`,
      first.runId,
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) expect(row.vetoes & 1).toBe(1);
    const overdue = query<{ vetoes: number }>(
      dataDir,
      `SELECT s.vetoes FROM customer_scores s JOIN customer_features f USING (customer_id)
       WHERE s.run_id = ? AND f.overdue_flag = 1`,
      first.runId,
    );
    expect(overdue.length).toBeGreaterThan(0);
    for (const row of overdue) expect(row.vetoes & 2).toBe(2);

    // The same data and model give the same run.
    const second = valueOf(await host.api.call('analysis.run', {}));
    expect(second.runId).toBe(first.runId + 1);
    expect(second.modelVersion).toBe(first.modelVersion);
    const results = (runId: number) =>
      query(
        dataDir,
        `SELECT customer_id, ${scoreColumns} FROM customer_scores WHERE run_id = ? ORDER BY customer_id`,
        runId,
      );
    expect(results(second.runId)).toEqual(results(first.runId));
    const runs = valueOf(await host.api.call('analysis.runs', {}));
    expect(runs.map((r) => r.runId)).toEqual([second.runId, first.runId]);
    // The run's mining thresholds, as the run returned them and as the list reads them back from its parameters.
    expect(second.mining).toEqual({ minSupport: 0.02, minConfidence: 0.4, maxLength: 3 });
    expect(runs[0]!.mining).toEqual(second.mining);

    // A customer's reasons add up to their scores, which are the stored ones.
    const someone = query<{ customer_id: string; contribution: number; activity: number; credit: number | null }>(
      dataDir,
      `SELECT s.customer_id, s.contribution, s.activity, s.credit FROM customer_scores s
       WHERE run_id = ? AND credit IS NOT NULL AND activity > 20 ORDER BY s.customer_id LIMIT 1`,
      second.runId,
    )[0]!;
    const { card } = valueOf(await host.api.call('analysis.customer', { customerId: someone.customer_id }));
    expect(card).not.toBeNull();
    expect(card!.runId).toBe(second.runId);
    expect(card!.factorsMatchRun).toBe(true);
    expect(card!.scores.contribution.score).toBeCloseTo(someone.contribution, 1);
    expect(card!.scores.activity.score).toBeCloseTo(someone.activity, 1);
    for (const [key, score] of Object.entries(card!.scores)) {
      if (score.score === null) continue;
      const shares = score.factors.reduce((sum, f) => sum + f.share, 0);
      expect(shares, key).toBeCloseTo(score.score, 6);
    }
    expect(card!.scores.contribution.factors.length).toBeGreaterThan(0);
  });

  test('a cancelled run stores nothing', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    // Enough customers for the run to pass several checkpoints after the cancel arrives.
    valueOf(await host.api.call('demo.load', { customers: 10_000, seed: 11 }));
    const controller = new AbortController();
    const result = await host.api.call(
      'analysis.run',
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase.startsWith('progress.analysis')) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(query(dataDir, 'SELECT * FROM analysis_runs')).toEqual([]);
    expect(query(dataDir, 'SELECT * FROM customer_scores')).toEqual([]);
    expect(query(dataDir, 'SELECT * FROM score_factor_points')).toEqual([]);
  });
});
