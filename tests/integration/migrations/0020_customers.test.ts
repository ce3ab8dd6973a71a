// Migration 0020: customers, added to a database that already holds its branch, staff and settings.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import {
  customerRow,
  databaseAtVersion,
  insertCustomer,
  insertCustomerSql,
  insertRepresentativeRows,
  isStrict,
  refusal,
  snapshot,
  tableNames,
} from '../../helpers/migrations.js';

describe('migration 0020_customers', () => {
  test('adds a strict customers table and keeps the organisation rows', () => {
    const db = databaseAtVersion(10);
    insertRepresentativeRows(db, 10);
    const before = snapshot(db);

    expect(migrate(db, 20)).toEqual([20]);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(snapshot(db)).toEqual({ ...before, customers: [] });
    expect(tableNames(db)).toContain('customers');
    expect(isStrict(db, 'customers')).toBe(true);

    insertCustomer(db);
    expect(
      db
        .prepare('SELECT customer_id, id_number, deposit_balance_fen, occupation, consent_marketing FROM customers')
        .get(),
    ).toEqual({
      customer_id: '0341300000001',
      id_number: '34132219680307008X',
      deposit_balance_fen: 1_234_567,
      occupation: 'farmer',
      consent_marketing: 0,
    });

    const refused = (overrides: Parameters<typeof customerRow>[0]) =>
      refusal(db, insertCustomerSql, { ...customerRow({ customer_id: '0341300000002', ...overrides }) });
    // STRICT: balances are integer fen, never text or floats.
    expect(refused({ deposit_balance_fen: '1,234.50' })).toMatch(/cannot store TEXT value in INTEGER column/);
    expect(refused({ deposit_balance_fen: 12.5 })).toMatch(/cannot store REAL value in INTEGER column/);
    // CHECK: known genders, occupations and areas; real calendar dates; no negative loan balance.
    expect(refused({ gender: 'X' })).toMatch(/CHECK constraint failed/);
    expect(refused({ occupation: 'astronaut' })).toMatch(/CHECK constraint failed/);
    expect(refused({ area_type: 'suburban' })).toMatch(/CHECK constraint failed/);
    expect(refused({ birth_date: '1968-02-30' })).toMatch(/CHECK constraint failed/);
    expect(refused({ birth_date: 'unknown' })).toMatch(/CHECK constraint failed/);
    expect(refused({ customer_since: '20010520' })).toMatch(/CHECK constraint failed/);
    expect(refused({ loan_balance_fen: -1 })).toMatch(/CHECK constraint failed/);
    // Foreign keys: the branch and the manager must exist.
    expect(refused({ branch_id: '9999' })).toMatch(/FOREIGN KEY constraint failed/);
    expect(refused({ manager_id: 'R999' })).toMatch(/FOREIGN KEY constraint failed/);
    // The customer number is the key.
    expect(refused({ customer_id: '0341300000001' })).toMatch(/UNIQUE constraint failed/);
    // Optional facts may be unknown.
    insertCustomer(db, { customer_id: '0341300000003', gender: null, birth_date: null, manager_id: null, phone: null });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(2);
  });
});
