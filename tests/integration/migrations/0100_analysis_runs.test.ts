// Migration 0100: analysis runs, each customer's results per run, the run's segments and rules.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

const runSql = `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters,
  as_of_month, customers, seconds, summary) VALUES (1, 'a', 'b', 'operator', 'm1', '{}', '{}', '2026-10', 1, 0.1, '{}')`;

describe('migration 0100_analysis_runs', () => {
  test('adds the run tables, empty, without touching existing rows; results go with their run', () => {
    const db = databaseAtVersion(90);
    insertRepresentativeRows(db, 90);
    const before = snapshot(db);

    expect(migrate(db, 100)).toEqual([100]);
    expect(db.pragma('user_version', { simple: true })).toBe(100);
    const after = snapshot(db);
    for (const table of Object.keys(before)) expect(after[table]).toEqual(before[table]);
    for (const table of ['analysis_runs', 'customer_scores', 'analysis_segments', 'analysis_rules']) {
      expect(after[table]).toEqual([]);
      expect(isStrict(db, table)).toBe(true);
    }

    db.exec(runSql);
    db.exec(`INSERT INTO customer_scores VALUES (1, 'C1', 50, 60, 70, NULL, 80, 65, 12345, 1, 0, 0, -1, NULL, 0)`);
    db.exec(`INSERT INTO analysis_segments VALUES (1, 0, 0, '{"zh":"甲","en":"A"}', 1, '{}')`);
    db.exec(`INSERT INTO analysis_rules VALUES (1, 0, '["a"]', '["b"]', 0.1, 0.6, 1.4)`);
    expect(refusal(db, `UPDATE analysis_runs SET model = '{' WHERE run_id = 1`)).toMatch(/CHECK constraint failed/);
    expect(
      refusal(db, `INSERT INTO customer_scores VALUES (2, 'C1', 50, 60, 70, NULL, 80, 65, 1, 1, 0, 0, -1, NULL, 0)`),
    ).toMatch(/FOREIGN KEY/);
    // Removing a run removes what it computed.
    db.exec('DELETE FROM analysis_runs WHERE run_id = 1');
    for (const table of ['customer_scores', 'analysis_segments', 'analysis_rules']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });
});
