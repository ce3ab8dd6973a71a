// The demo.load service on a real database: what it writes adds up, it refuses to overwrite data
// unless asked, and it is all or nothing.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { databaseStats } from '../../electron/services/app.js';
import { loadDemoBranch } from '../../electron/services/demo/load.js';
import { isValidResidentId } from '../../electron/services/validation/residentId.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { parsedInput, serviceContext } from '../helpers/services.js';
import { fingerprint } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';

const demo = demoTemplate({ customers: 400, seed: 5, activityMonths: 6 });

function openCopy() {
  const { databaseFile } = demo.copy();
  const db = openDatabase(databaseFile);
  return { db, databaseFile };
}

describe('demo.load', () => {
  test('reports what it wrote, and the statistics agree', () => {
    const { db } = openCopy();
    try {
      const stats = databaseStats(serviceContext(db));
      expect(stats).toMatchObject({
        customers: demo.loaded.customers,
        holdings: demo.loaded.holdings,
        activityRows: demo.loaded.activityRows,
        loans: demo.loaded.loans,
        repayments: demo.loaded.repayments,
        branches: 1,
        isDemo: true,
      });
      expect(demo.loaded.customers).toBe(400);
      expect(demo.loaded.loans).toBeGreaterThan(0);
      expect(demo.loaded.repayments).toBeGreaterThan(0);
      expect(stats.staff).toBeGreaterThanOrEqual(5);
    } finally {
      db.close();
    }
  });

  test('each deposit balance is the sum of the deposit holdings; each loan balance the sum of the loans', () => {
    const { db } = openCopy();
    try {
      const mismatches = db
        .prepare(
          `SELECT c.customer_id, c.deposit_balance_fen, c.loan_balance_fen,
                  (SELECT coalesce(sum(h.balance_fen), 0) FROM holdings h JOIN products p USING (product_id)
                    WHERE h.customer_id = c.customer_id AND p.category = 'deposit') AS deposits,
                  (SELECT coalesce(sum(l.balance_fen), 0) FROM loans l WHERE l.customer_id = c.customer_id) AS loans
           FROM customers c
           WHERE c.deposit_balance_fen != deposits OR c.loan_balance_fen != loans`,
        )
        .all();
      expect(mismatches).toEqual([]);
      // Every amount column holds integers: STRICT would refuse anything else, and typeof checks it.
      expect(
        db
          .prepare(
            `SELECT count(*) FROM customers WHERE typeof(deposit_balance_fen) != 'integer' OR typeof(loan_balance_fen) != 'integer'`,
          )
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      db.close();
    }
  });

  test('every resident ID stored passes the GB 11643 check digit', () => {
    const { db } = openCopy();
    try {
      const idNumbers = db.prepare('SELECT id_number FROM customers').pluck().all() as string[];
      expect(idNumbers).toHaveLength(400);
      expect(idNumbers.filter((id) => !isValidResidentId(id))).toEqual([]);
      expect(new Set(idNumbers).size).toBeGreaterThan(390);
    } finally {
      db.close();
    }
  });

  test('every loan balance is the principal less what its repayment rows say was paid', () => {
    const { db } = openCopy();
    try {
      const mismatches = db
        .prepare(
          `SELECT l.loan_id FROM loans l
           WHERE l.balance_fen != l.principal_fen - (SELECT coalesce(sum(paid_fen), 0) FROM repayments r WHERE r.loan_id = l.loan_id)
              OR (l.status = 'repaid') != (l.balance_fen = 0)`,
        )
        .all();
      expect(mismatches).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('refuses to overwrite customers without replace, and changes nothing', async () => {
    const { db, databaseFile } = openCopy();
    const before = fingerprint(databaseFile);
    try {
      await expect(
        loadDemoBranch(serviceContext(db), parsedInput('demo.load', { customers: 10 })),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/replace/),
      });
    } finally {
      db.close();
    }
    expect(fingerprint(databaseFile)).toEqual(before);
  });

  test('with replace, swaps the branch for a new one', async () => {
    const { db } = openCopy();
    try {
      const result = await loadDemoBranch(
        serviceContext(db),
        parsedInput('demo.load', { customers: 25, seed: 99, replace: true }),
      );
      expect(result.customers).toBe(25);
      expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(25);
      expect(db.prepare('SELECT count(*) FROM branches').pluck().get()).toBe(1);
      const dataset = JSON.parse(
        db.prepare(`SELECT value FROM settings WHERE key = 'dataset'`).pluck().get() as string,
      ) as {
        seed: number;
      };
      expect(dataset.seed).toBe(99);
    } finally {
      db.close();
    }
  });

  test('the same seed loads identical customers into two databases', async () => {
    const dir = tempDirForTest();
    const files = [join(dir, 'a.sqlite'), join(dir, 'b.sqlite')];
    for (const file of files) {
      const db = openDatabase(file);
      try {
        await loadDemoBranch(
          serviceContext(db),
          parsedInput('demo.load', { customers: 60, seed: 4242, activityMonths: 2 }),
        );
      } finally {
        db.close();
      }
    }
    const [a, b] = files.map(fingerprint);
    expect(a!.customersSha256).toBe(b!.customersSha256);
    expect(a!.holdingsAndLoansSha256).toBe(b!.holdingsAndLoansSha256);
    expect(a!.counts).toEqual(b!.counts);
  });

  test('a cancelled load rolls back whole, even after it dropped indexes for a bulk load', async () => {
    const { db, databaseFile } = openCopy();
    const before = fingerprint(databaseFile);
    const controller = new AbortController();
    const phases: string[] = [];
    try {
      const ctx = serviceContext(db, {
        signal: controller.signal,
        onProgress: (progress) => {
          phases.push(progress.phase);
          controller.abort();
        },
      });
      // 50,000 customers crosses the bulk threshold: indexes are dropped first, to be rebuilt at the end.
      await expect(
        loadDemoBranch(ctx, parsedInput('demo.load', { customers: 50_000, activityMonths: 0, replace: true })),
      ).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      db.close();
    }
    expect(phases).toEqual(['progress.customers']);
    expect(fingerprint(databaseFile)).toEqual(before);
  });
});
