// Migration 0090: the per-customer feature table the imports keep up to date, and its as-of state.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

describe('migration 0090_customer_features', () => {
  test('adds the feature table and its state, empty, without touching existing rows', () => {
    const db = databaseAtVersion(80);
    insertRepresentativeRows(db, 80);
    const before = snapshot(db);

    expect(migrate(db, 90)).toEqual([90]);
    expect(db.pragma('user_version', { simple: true })).toBe(90);
    const after = snapshot(db);
    expect(after.customer_features).toEqual([]);
    expect(after.feature_state).toEqual([]);
    for (const table of Object.keys(before)) expect(after[table]).toEqual(before[table]);
    expect(isStrict(db, 'customer_features')).toBe(true);
    expect(isStrict(db, 'feature_state')).toBe(true);

    const customerId = db.prepare('SELECT customer_id FROM customers').pluck().get() as string;
    db.prepare('INSERT INTO customer_features (customer_id, deposits_12) VALUES (?, 3)').run(customerId);
    expect(db.prepare('SELECT months_active_12, last_active_month FROM customer_features').get()).toEqual({
      months_active_12: 0,
      last_active_month: null,
    });
    expect(refusal(db, `INSERT INTO customer_features (customer_id) VALUES ('nobody')`)).toMatch(/FOREIGN KEY/);
    expect(refusal(db, `INSERT INTO feature_state (id, as_of_month, refreshed_at) VALUES (2, '2026-10', 'x')`)).toMatch(
      /CHECK constraint failed/,
    );
    // A customer who leaves takes their features along.
    db.prepare('DELETE FROM customers WHERE customer_id = ?').run(customerId);
    expect(db.prepare('SELECT count(*) FROM customer_features').pluck().get()).toBe(0);
    db.close();
  });
});
