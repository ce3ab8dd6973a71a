// Databases at a chosen schema version, for the one-test-per-migration suite.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { tempDirForTest } from './tempDir.js';

/** A real database file in a temp dir, opened as the app opens it (WAL, foreign keys on), at `version`. */
export function databaseAtVersion(version: number): Database.Database {
  const db = new Database(join(tempDirForTest('branchloop-migration-'), 'branchloop.sqlite'));
  onTestFinished(() => {
    if (db.open) db.close();
  });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

export function tableNames(db: Database.Database): string[] {
  return db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

export function isStrict(db: Database.Database, table: string): boolean {
  const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as
    { strict: number } | undefined;
  return row?.strict === 1;
}

/** Runs `sql` and returns the SQLite error message it fails with (fails the test if it succeeds). */
export function refusal(db: Database.Database, sql: string, params: Record<string, unknown> = {}): string {
  try {
    db.prepare(sql).run(params);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`expected SQLite to refuse: ${sql}`);
}

export const isoNow = '2026-11-23T08:00:00Z';

// Representative rows, as core banking would send them, for the tables each version has.

export function insertBranch(db: Database.Database, branchId = '3413'): void {
  db.prepare(
    `INSERT INTO branches (branch_id, name, region, is_demo, created_at) VALUES (?, '城关支行', '青山县', 0, ?)`,
  ).run(branchId, isoNow);
}

export function insertStaff(db: Database.Database, staffId = 'R001', branchId = '3413'): void {
  db.prepare(
    `INSERT INTO staff (staff_id, branch_id, name, role, phone) VALUES (?, ?, '王伟', 'rm', '13800000001')`,
  ).run(staffId, branchId);
}

export function insertSetting(db: Database.Database, key = 'ui.locale', value: unknown = 'zh-CN'): void {
  db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)`).run(key, JSON.stringify(value), isoNow);
}

export interface CustomerColumns {
  customer_id: string;
  branch_id: string;
  name: string;
  gender: string | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  occupation: string;
  area_type: string;
  town: string | null;
  village: string | null;
  customer_since: string;
  manager_id: string | null;
  deposit_balance_fen: unknown;
  loan_balance_fen: unknown;
  updated_at: string;
}

export function customerRow(overrides: Partial<CustomerColumns> = {}): CustomerColumns {
  return {
    customer_id: '0341300000001',
    branch_id: '3413',
    name: '李秀英',
    gender: 'F',
    birth_date: '1968-03-07',
    id_number: '34132219680307008X',
    phone: '13912345678',
    occupation: 'farmer',
    area_type: 'rural',
    town: '杨柳镇',
    village: '杨柳村',
    customer_since: '2001-05-20',
    manager_id: 'R001',
    deposit_balance_fen: 1_234_567,
    loan_balance_fen: 0,
    updated_at: isoNow,
    ...overrides,
  };
}

export const insertCustomerSql = `
  INSERT INTO customers (customer_id, branch_id, name, gender, birth_date, id_number, phone, occupation, area_type,
                         town, village, customer_since, manager_id, deposit_balance_fen, loan_balance_fen, updated_at)
  VALUES (@customer_id, @branch_id, @name, @gender, @birth_date, @id_number, @phone, @occupation, @area_type,
          @town, @village, @customer_since, @manager_id, @deposit_balance_fen, @loan_balance_fen, @updated_at)`;

export function insertCustomer(db: Database.Database, overrides: Partial<CustomerColumns> = {}): void {
  db.prepare(insertCustomerSql).run(customerRow(overrides));
}

export function insertProduct(db: Database.Database, productId = 'D01', category = 'deposit'): void {
  db.prepare(
    `INSERT INTO products (product_id, name, name_en, category) VALUES (?, '活期储蓄', 'Demand savings', ?)`,
  ).run(productId, category);
}

export function insertHolding(
  db: Database.Database,
  accountId = '034130000000101',
  customerId = '0341300000001',
): void {
  db.prepare(
    `INSERT INTO holdings (account_id, customer_id, product_id, opened_on, balance_fen) VALUES (?, ?, 'D01', '2010-01-04', 1234567)`,
  ).run(accountId, customerId);
}

export function insertActivity(db: Database.Database, customerId = '0341300000001', month = '2026-10'): void {
  db.prepare(
    `INSERT INTO activity_monthly (customer_id, month, channel, deposit_count, withdrawal_count, amount_fen)
     VALUES (?, ?, 'agent', 2, 3, 150000)`,
  ).run(customerId, month);
}

/** Everything the tables up to `version` can hold, one representative row each. */
export function insertRepresentativeRows(db: Database.Database, version: number): void {
  if (version >= 10) {
    insertBranch(db);
    insertStaff(db);
    insertSetting(db);
  }
  if (version >= 20) insertCustomer(db);
  if (version >= 30) {
    insertProduct(db);
    insertProduct(db, 'L01', 'loan');
    insertHolding(db);
  }
  if (version >= 40) insertActivity(db);
}

/** Every row of every table, to show a migration kept what was there. */
export function snapshot(db: Database.Database): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const table of tableNames(db)) {
    result[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
  }
  return result;
}
