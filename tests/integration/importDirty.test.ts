// The files of a `--dirty` demo export through the real import: exactly the rows listed in
// expected_rejections.csv are rejected, everything else lands, and the odd but valid rows land as the
// manifest says — the amount traps to the fen, the two extra customers with every accepted spelling.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportRejection, ImportResult } from '../../electron/api/importTypes.js';
import { shiftMonth } from '../../electron/services/demo/dirtyTypes.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import {
  allRejections,
  demoExportFixture,
  expectedRejections,
  importPaths,
  rejectionKeys,
  withWorker,
  type ExpectedRejection,
} from '../helpers/importFixtures.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const demo = demoExportFixture();

/** Where each file's rows land and by which key columns; months and dates in ISO form. */
const tables: Record<string, { table: string; key: string[] }> = {
  'branches.csv': { table: 'branches', key: ['branch_id'] },
  'staff.csv': { table: 'staff', key: ['staff_id'] },
  'products.csv': { table: 'products', key: ['product_id'] },
  'customers.csv': { table: 'customers', key: ['customer_id'] },
  'blacklist.csv': { table: 'blacklist', key: ['customer_id'] },
  'complaints.csv': { table: 'complaints', key: ['complaint_id'] },
  'holdings.csv': { table: 'holdings', key: ['account_id'] },
  'activity.csv': { table: 'activity_monthly', key: ['customer_id', 'month', 'channel'] },
  'loans.csv': { table: 'loans', key: ['loan_id'] },
  'repayments.csv': { table: 'repayments', key: ['loan_id', 'due_date'] },
};

/** A key value as written ("2025/12", "202512", "2025/09/15") in the ISO form the database keeps. */
function isoKeyPart(value: string): string {
  const month = /^(\d{4})[-/]?(\d{2})$/.exec(value);
  if (month) return `${month[1]}-${month[2]}`;
  const date = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(value);
  return date ? `${date[1]}-${date[2]}-${date[3]}` : value;
}

let dataDir = '';
let result: ImportResult;
let rejections: ImportRejection[] = [];
let expected: ExpectedRejection[] = [];
let db: Database.Database;

beforeAll(async () => {
  dataDir = makeTempDir('branchloop-import-dirty-');
  expected = expectedRejections(demo.value.dir);
  await withWorker(dataDir, async (api) => {
    result = await importPaths(api, demo.value.paths);
    rejections = await allRejections(api, result.runId);
  });
  db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
});

afterAll(() => {
  db?.close();
  if (dataDir) removeTempDir(dataDir);
});

describe('importing a --dirty demo export', () => {
  test('rejects exactly the rows of expected_rejections.csv: same file, line, column and code, nothing else', () => {
    expect(expected.length).toBeGreaterThan(50);
    expect(rejectionKeys(rejections)).toEqual(rejectionKeys(expected));
    // The value as written, where the export names one (a duplicate names its key, a short row nothing).
    const byLine = new Map(expected.map((r) => [`${r.file}:${r.line}`, r]));
    for (const rejection of rejections) {
      const listed = byLine.get(`${rejection.fileName}:${rejection.line}`);
      if (listed?.code === 'duplicate_key' || listed?.code === 'wrong_columns') continue;
      expect(rejection.value, `${rejection.fileName}:${rejection.line}`).toBe(listed?.value);
      expect(rejection.message.length).toBeGreaterThan(0);
    }
  });

  test('every other row is accepted: per file, the rows read minus the rejections are added', () => {
    const { manifest } = demo.value;
    expect(result.files.map((f) => f.fileName)).toEqual(manifest.files.map((f) => f.name));
    for (const file of manifest.files) {
      const counts = result.files.find((f) => f.fileName === file.name);
      const rejected = new Set(expected.filter((r) => r.file === file.name).map((r) => r.line)).size;
      expect(counts, file.name).toMatchObject({
        rows: file.rows,
        rejected,
        added: file.rows - rejected,
        updated: 0,
        unchanged: 0,
        skipped: false,
        encoding: 'utf-8',
        delimiter: ',',
      });
      const { table } = tables[file.name]!;
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(file.rows - rejected);
    }
    expect(result.totals.rejected).toBe(new Set(expected.map((r) => `${r.file}:${r.line}`)).size);
  });

  test('every odd but valid row of the manifest is in the database under its key', () => {
    const accepted = demo.value.manifest.expected?.accepted ?? [];
    expect(accepted.length).toBeGreaterThan(10);
    for (const row of accepted) {
      const { table, key } = tables[row.file]!;
      const values = row.key.split('+').map(isoKeyPart);
      const found = db
        .prepare(`SELECT count(*) FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`)
        .pluck()
        .get(...values);
      expect(found, `${row.file}:${row.line} ${row.key} (${row.note})`).toBe(1);
    }
  });

  test('the amount traps land as the fen the manifest says', () => {
    const { manifest } = demo.value;
    const traps = manifest.expected?.amountTraps ?? [];
    expect(traps.length).toBeGreaterThanOrEqual(7);
    const columns: Record<string, string> = {
      balance: 'balance_fen',
      amount: 'amount_fen',
      principal: 'principal_fen',
    };
    for (const trap of traps) {
      const row = manifest.expected?.accepted.find((a) => a.file === trap.file && a.line === trap.line);
      expect(row, `${trap.file}:${trap.line}`).toBeDefined();
      const { table, key } = tables[trap.file]!;
      const fen = db
        .prepare(`SELECT ${columns[trap.column]} FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`)
        .pluck()
        .get(...(row?.key ?? '').split('+').map(isoKeyPart));
      expect(fen, `${trap.file}:${trap.line} ${trap.column} "${trap.value}"`).toBe(trap.fen);
    }
  });

  test('the two extra customers exist, every accepted spelling read to its stored form', () => {
    const customers = db
      .prepare(`SELECT * FROM customers WHERE customer_id IN ('0341390000001', '0341390000002') ORDER BY 1`)
      .all();
    expect(customers).toEqual([
      expect.objectContaining({
        customer_id: '0341390000001',
        branch_id: '3413',
        name: '欧阳娜娜',
        gender: 'F',
        birth_date: '1986-04-09',
        id_number: expect.stringMatching(/^\d{6}19860409\d{3}X$/),
        phone: '13905712266',
        occupation: 'business',
        area_type: 'urban',
        address: '城关镇人民路社区88号\n锦绣花园3栋, 2单元501室',
        customer_since: '2015-03-12',
        manager_id: 'R001',
        consent_marketing: 1,
        consent_sms: 1,
        consent_phone: 1,
        consent_visit: 1,
        consent_app: 0,
        do_not_contact: 0,
        // Open deposit accounts: 0.30 (D01) + 0.29 (D02); D03 is closed, W01 and E01 are no deposits.
        deposit_balance_fen: 59,
        loan_balance_fen: 10_000_002,
      }),
      expect.objectContaining({
        customer_id: '0341390000002',
        name: '司马秀英',
        gender: 'F',
        phone: null,
        occupation: 'farmer',
        area_type: 'rural',
        address: '桃源乡上坪村"老槐树"下, 第2户',
        consent_marketing: 1,
        consent_sms: 1,
        consent_phone: 0,
        deposit_balance_fen: 115,
        loan_balance_fen: 0,
      }),
    ]);
    // Left empty: the documented defaults.
    expect(db.prepare(`SELECT status, balance_fen FROM holdings WHERE account_id = '034139000000105'`).get()).toEqual({
      status: 'active',
      balance_fen: 0,
    });
    expect(db.prepare(`SELECT classification FROM loans WHERE loan_id = 'L034139000000101'`).pluck().get()).toBe(
      'normal',
    );
  });

  test("the extra customers' listing and complaints land in their stored forms, the faulty ones nowhere", () => {
    const { asOf } = demo.value.manifest;
    const month = (by: number) => shiftMonth(asOf, by);
    expect(db.prepare(`SELECT * FROM blacklist WHERE customer_id = '0341390000002'`).get()).toEqual({
      customer_id: '0341390000002',
      listed_on: `${month(-14)}-08`,
      reason: '提供虚假资料骗取开户',
      source: null,
      lifted_on: null,
    });
    expect(db.prepare(`SELECT * FROM blacklist WHERE customer_id = '0341390000001'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT * FROM complaints WHERE customer_id = '0341390000001' ORDER BY 1`).all()).toEqual([
      {
        complaint_id: 'TS034139000000101',
        customer_id: '0341390000001',
        received_on: `${month(-1)}-08`,
        channel: 'mobile',
        category: 'fees',
        summary: '短信提醒服务费未经同意扣收',
        resolved_on: null,
      },
      {
        complaint_id: 'TS034139000000102',
        customer_id: '0341390000001',
        received_on: `${month(-6)}-03`,
        channel: 'branch',
        category: 'service',
        summary: '柜面排队时间过长',
        resolved_on: `${month(-6)}-05`,
      },
    ]);
  });
});
