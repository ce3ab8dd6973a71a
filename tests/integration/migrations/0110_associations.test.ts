// Migration 0110: which stored rules end in products, a run's relation matrix, and its customers' latent needs.
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

function insertRunWithRule(db: Database.Database): void {
  db.prepare(
    `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters, customers,
       seconds, summary) VALUES (1, '2026-11-23T08:00:00Z', '2026-11-23T08:00:05Z', 'rm', 'v1', '{}', '{}', 1, 5, '{}')`,
  ).run();
  db.prepare(
    `INSERT INTO analysis_rules (run_id, rule, antecedent, consequent, support, confidence, lift)
     VALUES (1, 1, '["product:D04"]', '["product:E01"]', 0.2, 0.9, 1.8)`,
  ).run();
}

describe('migration 0110_associations', () => {
  test('marks existing rules as not product-only, adds the matrix and needs tables, empty', () => {
    const db = databaseAtVersion(100);
    insertRepresentativeRows(db, 100);
    insertRunWithRule(db);
    const before = snapshot(db);

    expect(migrate(db, 110)).toEqual([110]);
    expect(db.pragma('user_version', { simple: true })).toBe(110);
    const after = snapshot(db);
    expect(after.analysis_associations).toEqual([]);
    expect(after.customer_needs).toEqual([]);
    for (const table of Object.keys(before)) {
      if (table !== 'analysis_rules') expect(after[table]).toEqual(before[table]);
    }
    expect(after.analysis_rules).toEqual(
      before.analysis_rules!.map((row) => ({ ...(row as object), product_consequent: 0 })),
    );
    expect(isStrict(db, 'analysis_associations')).toBe(true);
    expect(isStrict(db, 'customer_needs')).toBe(true);

    db.prepare(`INSERT INTO analysis_associations (run_id, matrix) VALUES (1, '{"baskets": 1}')`).run();
    db.prepare(`INSERT INTO customer_needs (run_id, customer_id, rules) VALUES (1, '0341300000001', '[1]')`).run();
    expect(refusal(db, `INSERT INTO customer_needs (run_id, customer_id, rules) VALUES (1, 'x', 'not json')`)).toMatch(
      /CHECK constraint failed/,
    );
    expect(refusal(db, `INSERT INTO analysis_associations (run_id, matrix) VALUES (2, '{}')`)).toMatch(/FOREIGN KEY/);
    expect(refusal(db, `UPDATE analysis_rules SET product_consequent = 2`)).toMatch(/CHECK constraint failed/);
    // Removing a run removes what it found.
    db.prepare('DELETE FROM analysis_runs WHERE run_id = 1').run();
    for (const table of ['analysis_rules', 'analysis_associations', 'customer_needs']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});
