// The activity columns added up while the activity table is first loaded equal, bit for bit, what the SQL
// refresh computes from the table; rows in any order give the same answer, the customers the tally cannot
// settle being left to SQL.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { idleJob } from '../../electron/services/context.js';
import { ActivityTally } from '../../electron/services/features/activityTally.js';
import { activityColumns } from '../../electron/services/features/featureSql.js';
import { refreshFeatures, storedAsOfMonth } from '../../electron/services/features/refresh.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { storedFeatures } from '../helpers/featureReference.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false, customers: 300, months: 15, asOf: '2026-06-30' });

const positions = {
  customer: 0,
  month: 1,
  channel: 2,
  deposits: 3,
  withdrawals: 4,
  swipes: 5,
  balance: 7,
  fee: 8,
};
const rowsSql = `SELECT customer_id, month, channel, deposit_count, withdrawal_count, card_swipes, amount_fen,
  avg_balance_fen, fee_income_fen FROM activity_monthly`;

function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function firstLoad(): Promise<string> {
  const dataDir = tempDirForTest();
  const { host } = await startHost(dataDir);
  await importPaths(host.api, demo.value.paths);
  await host.close();
  return join(dataDir, databaseFileName);
}

describe('activity tally', () => {
  test('a first load keeps exactly the features the SQL refresh computes', async () => {
    const db = new Database(await firstLoad());
    try {
      const loaded = storedFeatures(db);
      expect(loaded.size).toBeGreaterThan(250);
      const active = [...loaded.values()].filter((row) => (row.months_active_12 as number) > 0).length;
      expect(active).toBeGreaterThan(100);
      await refreshFeatures(db, idleJob, { all: true, asOfMonth: storedAsOfMonth(db) });
      const recomputed = storedFeatures(db);
      for (const [id, row] of recomputed) {
        for (const [column, value] of Object.entries(row)) {
          if (column === 'refreshed_at') continue;
          expect(loaded.get(id)?.[column], `${id} ${column}`).toBe(value);
        }
      }
    } finally {
      db.close();
    }
  });

  test.each([
    ['customer and month order', 'ORDER BY customer_id, month, channel', false],
    ['month order', 'ORDER BY month, customer_id, channel', false],
    ['no order', 'ORDER BY customer_id, month, channel', true],
  ])('rows in %s settle what they can, and what they settle is right', async (_name, order, shuffle) => {
    const db = new Database(await firstLoad());
    try {
      const asOfMonth = storedAsOfMonth(db)!;
      // The reference: the features computed from the table alone.
      await refreshFeatures(db, idleJob, { all: true, asOfMonth });
      const rows = db.prepare(`${rowsSql} ${order}`).raw().all() as (string | number)[][];
      const tally = new ActivityTally(db, positions);
      for (const row of shuffle ? shuffled(rows, 7) : rows) tally.add(row, 0);
      const stale = new Set(await tally.writeTable(db, asOfMonth, idleJob));
      const customersWithRows = db
        .prepare('SELECT count(DISTINCT customer_id) FROM activity_monthly')
        .pluck()
        .get() as number;
      const settled = db.prepare('SELECT * FROM temp.activity_tally').all() as Record<string, unknown>[];
      expect(settled.length + stale.size).toBe(customersWithRows);
      if (order.startsWith('ORDER BY customer_id') && !shuffle) expect(stale.size).toBeLessThan(5);
      const expected = storedFeatures(db);
      for (const row of settled) {
        const id = row.customer_id as string;
        expect(stale.has(id)).toBe(false);
        for (const column of activityColumns) expect(row[column], `${id} ${column}`).toBe(expected.get(id)?.[column]);
      }
    } finally {
      db.close();
    }
  });
});
