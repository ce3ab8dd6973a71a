// Migration 0130: each run's factor layout and its customers' factor points in chunks; none for earlier runs.
import { describe, expect, test } from 'vitest';
import { loadMigrations, migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

const versions = loadMigrations().map((m) => m.version);
const before = versions[versions.indexOf(130) - 1]!;

const runSql = `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters,
  as_of_month, customers, seconds, summary) VALUES (?, 'a', 'b', 'operator', 'm1', '{}', '{}', '2026-10', 1, 0.1, '{}')`;
const scoreSql = `INSERT INTO customer_scores (run_id, customer_id, contribution, activity, channel, credit, loyalty,
  composite, profit_fen, tier, credit_grade, vetoes, dominant_channel, personas) VALUES
  (?, 'C1', 50, 60, 70, NULL, 80, 65, 12345, 1, 0, 0, -1, 0)`;
const pointsSql = 'INSERT INTO score_factor_points (run_id, first_customer_id, customers, points) VALUES (?, ?, ?, ?)';

describe('migration 0130_score_factors', () => {
  test('adds the factor layout and the points table; earlier runs keep their rows and have neither', () => {
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
    expect(after.score_factor_points).toEqual([]);
    expect(isStrict(db, 'score_factor_points')).toBe(true);

    db.prepare(runSql).run(2);
    db.prepare('UPDATE analysis_runs SET factor_layout = ? WHERE run_id = 2').run('["activity.recency"]');
    db.prepare(pointsSql).run(2, 'C1', 2, Buffer.from([0, 200]));
    expect(db.prepare('SELECT points FROM score_factor_points').pluck().get()).toEqual(Buffer.from([0, 200]));
    expect(refusal(db, `UPDATE analysis_runs SET factor_layout = '[' WHERE run_id = 2`)).toMatch(/CHECK constraint/);
    expect(refusal(db, `UPDATE score_factor_points SET customers = 0`)).toMatch(/CHECK constraint/);
    expect(refusal(db, `UPDATE score_factor_points SET points = 12`)).toMatch(/cannot store/);
    expect(() => db.prepare(pointsSql).run(3, 'C1', 1, Buffer.from([1]))).toThrow(/FOREIGN KEY/);
    // Removing a run removes its points.
    db.exec('DELETE FROM analysis_runs WHERE run_id = 2');
    expect(db.prepare('SELECT count(*) FROM score_factor_points').pluck().get()).toBe(0);
    db.close();
  });
});
