// Migration 0060: import bookkeeping, saved column mappings, needs and interests, customer history.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

describe('migration 0060_imports_and_history', () => {
  test('adds the import tables and the history without touching existing rows', () => {
    const db = databaseAtVersion(50);
    insertRepresentativeRows(db, 50);
    const before = snapshot(db);

    expect(migrate(db, 60)).toEqual([60]);
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    const after = snapshot(db);
    for (const table of ['import_runs', 'import_files', 'import_rejections', 'import_profiles', 'customer_changes']) {
      expect(after[table]).toEqual([]);
      expect(isStrict(db, table)).toBe(true);
    }
    const customers = after.customers as Record<string, unknown>[];
    expect(customers).toHaveLength((before.customers ?? []).length);
    expect(customers[0]).toMatchObject({ ...(before.customers![0] as object), needs: null, interests: null });

    db.prepare(
      `INSERT INTO import_runs (run_id, started_at, status, actor, summary) VALUES (1, '2026-11-23T10:00:00Z', 'applied', 'operator', '[]')`,
    ).run();
    db.prepare(
      `INSERT INTO import_rejections (run_id, file_name, line, column_name, value, code, message)
       VALUES (1, 'customers.csv', 7, 'id_number', '11010119900307123X', 'bad_resident_id', 'check digit should be 4')`,
    ).run();
    expect(
      refusal(db, `INSERT INTO import_runs (started_at, status, actor, summary) VALUES ('x', 'maybe', 'a', '[]')`),
    ).toMatch(/CHECK constraint failed/);
    expect(
      refusal(db, `INSERT INTO import_profiles (name, kind, mapping, updated_at) VALUES ('p', 'customers', '{', 'x')`),
    ).toMatch(/CHECK constraint failed/);
    const customerId = customers[0]!.customer_id as string;
    const change = db.prepare(
      `INSERT INTO customer_changes (customer_id, field, old_value, new_value, source, actor, changed_at)
       VALUES (?, 'phone', '13800000000', '13900000000', ?, 'R001', '2026-11-23T10:00:00Z')`,
    );
    change.run(customerId, 'edit');
    expect(
      refusal(
        db,
        `INSERT INTO customer_changes (customer_id, field, source, actor, changed_at) VALUES ('nobody', 'phone', 'edit', 'R001', 'x')`,
      ),
    ).toMatch(/FOREIGN KEY constraint failed/);
    expect(() => change.run(customerId, 'rumour')).toThrow(/CHECK constraint failed/);
    db.prepare('DELETE FROM customers WHERE customer_id = ?').run(customerId);
    expect(db.prepare('SELECT count(*) FROM customer_changes').pluck().get()).toBe(0);
  });
});
