// Migration 0030: the product catalogue and holdings, added beside existing customers.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import {
  databaseAtVersion,
  insertHolding,
  insertProduct,
  insertRepresentativeRows,
  isStrict,
  refusal,
  snapshot,
} from '../../helpers/migrations.js';

describe('migration 0030_products_holdings', () => {
  test('adds strict products and holdings tied to customers, keeping the customers', () => {
    const db = databaseAtVersion(20);
    insertRepresentativeRows(db, 20);
    const before = snapshot(db);

    expect(migrate(db, 30)).toEqual([30]);
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    expect(snapshot(db)).toEqual({ ...before, products: [], holdings: [] });
    expect(isStrict(db, 'products')).toBe(true);
    expect(isStrict(db, 'holdings')).toBe(true);

    insertProduct(db);
    insertHolding(db);
    expect(db.prepare('SELECT account_id, status, balance_fen, closed_on FROM holdings').get()).toEqual({
      account_id: '034130000000101',
      status: 'active',
      balance_fen: 1_234_567,
      closed_on: null,
    });

    expect(refusal(db, `INSERT INTO products (product_id, name, category) VALUES ('Z01', 'x', 'crypto')`)).toMatch(
      /CHECK constraint failed/,
    );
    const holding = (values: string) =>
      refusal(
        db,
        `INSERT INTO holdings (account_id, customer_id, product_id, opened_on, status, balance_fen) VALUES (${values})`,
      );
    expect(holding(`'A2', '0341300000001', 'D01', '2010-01-04', 'active', '¥100'`)).toMatch(/cannot store TEXT value/);
    expect(holding(`'A2', '0341300000001', 'D01', '2010-13-04', 'active', 100`)).toMatch(/CHECK constraint failed/);
    expect(holding(`'A2', '0341300000001', 'D01', '2010-01-04', 'lost', 100`)).toMatch(/CHECK constraint failed/);
    expect(holding(`'A2', '0341399999999', 'D01', '2010-01-04', 'active', 100`)).toMatch(
      /FOREIGN KEY constraint failed/,
    );
    expect(holding(`'A2', '0341300000001', 'X99', '2010-01-04', 'active', 100`)).toMatch(
      /FOREIGN KEY constraint failed/,
    );

    // Removing a customer removes what they hold.
    db.prepare(`DELETE FROM customers WHERE customer_id = '0341300000001'`).run();
    expect(db.prepare('SELECT count(*) FROM holdings').pluck().get()).toBe(0);
  });
});
