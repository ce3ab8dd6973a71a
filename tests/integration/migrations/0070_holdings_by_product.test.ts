// Migration 0070: holdings indexed by (product, customer, status) and (customer, product, status).
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, snapshot } from '../../helpers/migrations.js';

function holdingsIndexes(db: ReturnType<typeof databaseAtVersion>): string[] {
  return (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'holdings' AND sql IS NOT NULL`)
      .pluck()
      .all() as string[]
  ).sort();
}

describe('migration 0070_holdings_by_product', () => {
  test('replaces the single-column holdings indexes without touching rows', () => {
    const db = databaseAtVersion(60);
    insertRepresentativeRows(db, 60);
    const before = snapshot(db);
    expect(holdingsIndexes(db)).toEqual(['holdings_customer', 'holdings_product']);

    expect(migrate(db, 70)).toEqual([70]);
    expect(db.pragma('user_version', { simple: true })).toBe(70);
    expect(snapshot(db)).toEqual(before);
    expect(holdingsIndexes(db)).toEqual(['holdings_customer_product', 'holdings_product_customer']);
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT customer_id FROM holdings WHERE product_id = 'D01' AND status <> 'closed'`)
        .all() as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/COVERING INDEX holdings_product_customer/);
    db.close();
  });
});
