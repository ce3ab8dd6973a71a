// customers.repayments through the real data worker: a loan's instalments as imported, newest first,
// each marked by how it stands; the 90-day line between past due and non-performing; unknown loans.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { Repayment } from '../../electron/api/types.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 120, seed: 11, activityMonths: 1 });

async function demoHost() {
  const { dataDir, databaseFile } = demo.copy();
  const { host } = await startHost(dataDir);
  return { host, databaseFile };
}

function readOnly<T>(file: string, body: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return body(db);
  } finally {
    db.close();
  }
}

/** A loan falling behind, in the documented export format, with amounts that need exact fen. */
const loansCsv = [
  'loan_id,customer_id,product_id,principal,balance,rate,start_date,maturity_date,status,classification',
  'LT-0001,{customer},L01,"12,001.20","7,000.70",5.20%,2025-12-10,2026-12-10,defaulted,substandard',
  'LT-0002,{customer},L01,5000.00,5000.00,4.35,2026-06-01,2027-06-01,active,normal',
].join('\r\n');

const repaymentsCsv = [
  'loan_id,due_date,due_amount,paid_date,paid_amount,days_past_due',
  'LT-0001,2026-01-10,"1,000.10",2026-01-10,"1,000.10",0',
  'LT-0001,2026-02-10,"1,000.10",2026-02-25,"1,000.10",15',
  'LT-0001,2026-03-10,"1,000.10",2026-04-02,400.00,91',
  'LT-0001,2026-04-10,"1,000.10",,,90',
  'LT-0001,2026-05-10,"1,000.10",,,1',
  'LT-0001,2026-06-10,"1,000.10",,,0',
].join('\r\n');

describe('customers.repayments', () => {
  test('an imported schedule comes back newest first, in fen, each instalment marked', async () => {
    const { host } = await demoHost();
    const customerId = valueOf(await host.api.call('customers.list', { limit: 1 })).rows[0]!.customerId;
    const dir = tempDirForTest();
    writeFileSync(join(dir, 'loans.csv'), loansCsv.replaceAll('{customer}', customerId));
    writeFileSync(join(dir, 'repayments.csv'), repaymentsCsv);
    const imported = await importPaths(host.api, [join(dir, 'loans.csv'), join(dir, 'repayments.csv')]);
    expect(imported.totals).toMatchObject({ added: 8, rejected: 0 });

    const expected: Repayment[] = [
      { dueDate: '2026-06-10', dueFen: 100010, paidDate: null, paidFen: 0, daysPastDue: 0, status: 'due' },
      { dueDate: '2026-05-10', dueFen: 100010, paidDate: null, paidFen: 0, daysPastDue: 1, status: 'overdue' },
      { dueDate: '2026-04-10', dueFen: 100010, paidDate: null, paidFen: 0, daysPastDue: 90, status: 'overdue' },
      // Part paid, more than 90 days late: still owed, and non-performing.
      {
        dueDate: '2026-03-10',
        dueFen: 100010,
        paidDate: '2026-04-02',
        paidFen: 40000,
        daysPastDue: 91,
        status: 'defaulted',
      },
      {
        dueDate: '2026-02-10',
        dueFen: 100010,
        paidDate: '2026-02-25',
        paidFen: 100010,
        daysPastDue: 15,
        status: 'paidLate',
      },
      {
        dueDate: '2026-01-10',
        dueFen: 100010,
        paidDate: '2026-01-10',
        paidFen: 100010,
        daysPastDue: 0,
        status: 'paid',
      },
    ];
    expect(valueOf(await host.api.call('customers.repayments', { loanId: 'LT-0001' }))).toEqual(expected);
    // The id is trimmed as the contract says; a loan without instalments yet has an empty schedule.
    expect(valueOf(await host.api.call('customers.repayments', { loanId: ' LT-0001 ' }))).toEqual(expected);
    expect(valueOf(await host.api.call('customers.repayments', { loanId: 'LT-0002' }))).toEqual([]);

    // The card's loan summary counts the same instalments the schedule lists.
    const card = valueOf(await host.api.call('customers.get', { customerId }));
    expect(card.loans.find((loan) => loan.loanId === 'LT-0001')).toMatchObject({
      instalments: 6,
      paidLate: 4,
      worstDaysPastDue: 91,
    });
  });

  test("every demo loan's schedule is exactly its repayment rows, newest first", async () => {
    const { host, databaseFile } = await demoHost();
    const stored = readOnly(databaseFile, (db) => ({
      loans: db.prepare('SELECT loan_id FROM loans ORDER BY loan_id').pluck().all() as string[],
      rows: db
        .prepare(
          `SELECT loan_id AS loanId, due_date AS dueDate, due_fen AS dueFen, paid_date AS paidDate,
                  paid_fen AS paidFen, days_past_due AS daysPastDue
           FROM repayments ORDER BY loan_id, due_date DESC`,
        )
        .all() as (Omit<Repayment, 'status'> & { loanId: string })[],
    }));
    expect(stored.loans.length).toBeGreaterThan(5);
    const statuses = new Set<string>();
    for (const loanId of stored.loans) {
      const schedule = valueOf(await host.api.call('customers.repayments', { loanId }));
      const expected = stored.rows.filter((row) => row.loanId === loanId).map(({ loanId: _, ...row }) => row);
      expect(schedule.map(({ status: _, ...row }) => row)).toEqual(expected);
      for (const row of schedule) {
        statuses.add(row.status);
        const owed = row.paidFen < row.dueFen;
        expect(row.status === 'paid' || row.status === 'paidLate', `${loanId} ${row.dueDate}`).toBe(!owed);
        expect(row.status === 'paidLate' || row.status === 'overdue' || row.status === 'defaulted').toBe(
          row.daysPastDue > 0,
        );
      }
    }
    // The demo branch has on-time, late and defaulted borrowers.
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['defaulted', 'paid', 'paidLate']));
  });

  test('an unknown loan is not_found and a bad loan number is refused before the service', async () => {
    const { host } = await demoHost();
    const unknown = await host.api.call('customers.repayments', { loanId: 'NO-SUCH-LOAN' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('NO-SUCH-LOAN'),
      details: { loanId: 'NO-SUCH-LOAN' },
    });
    const empty = await host.api.call('customers.repayments', { loanId: '  ' });
    expect(empty.ok ? null : empty.error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/empty/),
    });
    const long = await host.api.call('customers.repayments', { loanId: 'L'.repeat(65) });
    expect(long.ok ? null : long.error.code).toBe('invalid_input');
  });
});
