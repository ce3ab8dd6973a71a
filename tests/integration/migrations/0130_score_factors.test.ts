// Migration 0130: each run's factor layout and each customer's packed factor points, NULL for earlier runs.
import { describe, expect, test } from 'vitest';
import { loadMigrations, migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, refusal, snapshot } from '../../helpers/migrations.js';

const versions = loadMigrations().map((m) => m.version);
const before = versions[versions.indexOf(130) - 1]!;

const runSql = `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters,
  as_of_month, customers, seconds, summary) VALUES (?, 'a', 'b', 'operator', 'm1', '{}', '{}', '2026-10', 1, 0.1, '{}')`;
const scoreSql = `INSERT INTO customer_scores (run_id, customer_id, contribution, activity, channel, credit, loyalty,
  composite, profit_fen, tier, credit_grade, vetoes, dominant_channel, personas) VALUES
  (?, 'C1', 50, 60, 70, NULL, 80, 65, 12345, 1, 0, 0, -1, 0)`;

describe('migration 0130_score_factors', () => {
  test('adds the factor layout and points; earlier runs keep their rows with NULL in both', () => {
    const db = databaseAtVersion(before);
    insertRepresentativeRows(db, before);
    db.prepare(runSql).run(1);
    db.prepare(scoreSql).run(1);
    const kept = snapshot(db);

    expect(migrate(db, 130)).toEqual([130]);
    expect(db.pragma('user_version', { simple: true })).toBe(130);
    const after = snapshot(db);
    for (const [table, rows] of Object.entries(kept)) {
      const same = (after[table] as Record<string, unknown>[]).map((row, i) =>
        Object.fromEntries(Object.keys((rows[i] ?? {}) as object).map((column) => [column, row[column]])),
      );
      expect(same, table).toEqual(rows);
    }
    expect(db.prepare('SELECT factor_layout FROM analysis_runs').pluck().get()).toBeNull();
    expect(db.prepare('SELECT factor_shares FROM customer_scores').pluck().get()).toBeNull();

    db.prepare(runSql).run(2);
    db.prepare('UPDATE analysis_runs SET factor_layout = ? WHERE run_id = 2').run('["activity.recency"]');
    db.prepare(scoreSql).run(2);
    db.prepare('UPDATE customer_scores SET factor_shares = ? WHERE run_id = 2').run(Buffer.from([0, 200]));
    expect(db.prepare('SELECT factor_shares FROM customer_scores WHERE run_id = 2').pluck().get()).toEqual(
      Buffer.from([0, 200]),
    );
    expect(refusal(db, `UPDATE analysis_runs SET factor_layout = '[' WHERE run_id = 2`)).toMatch(/CHECK constraint/);
    // STRICT keeps the points binary.
    expect(refusal(db, `UPDATE customer_scores SET factor_shares = 12 WHERE run_id = 2`)).toMatch(/cannot store/);
    db.close();
  });
});
