// The feature table every import keeps up to date equals the features worked out row by row from the raw
// tables (tests/helpers/featureReference.ts): after a first load, after a snapshot that changes a few
// customers, and after a new month of activity moves the as-of month and so every window.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../helpers/csvText.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { referenceFeatures, storedFeatures, type FeatureRow } from '../helpers/featureReference.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

// 15 months of activity: the 12-month window leaves the first three out.
const demo = demoExportFixture({ dirty: false, customers: 250, months: 15, asOf: '2026-06-30' });
const sums = new Set(['balance_sum_12', 'balance_square_sum_12']);

function readDatabase<T>(dataDir: string, body: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return body(db);
  } finally {
    db.close();
  }
}

function expectSameFeatures(stored: Map<string, FeatureRow>, expected: Map<string, FeatureRow>): void {
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, row] of expected) {
    const actual = stored.get(id)!;
    for (const [column, value] of Object.entries(row)) {
      if (sums.has(column)) {
        // Floating-point sums, added in another order: equal to a relative 1e-12.
        const difference = Math.abs((actual[column] as number) - (value as number));
        expect(difference, `${id} ${column}`).toBeLessThanOrEqual(1e-12 * Math.abs(value as number));
      } else {
        expect(actual[column], `${id} ${column}`).toBe(value);
      }
    }
  }
}

function expectFeaturesMatch(dataDir: string, asOfMonth: string): void {
  readDatabase(dataDir, (db) => {
    expect(db.prepare('SELECT as_of_month FROM feature_state').pluck().get()).toBe(asOfMonth);
    expectSameFeatures(storedFeatures(db), referenceFeatures(db, asOfMonth));
  });
}

function rewrite(source: string, target: string, change: (rows: string[][], header: string[]) => string[][]) {
  const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
  const fields = header?.fields ?? [];
  writeFileSync(
    target,
    toCsv([
      fields,
      ...change(
        rows.map((r) => r.fields),
        fields,
      ),
    ]),
  );
}

describe('customer features', () => {
  test('equal the row-by-row reference after a first load, a snapshot and a new month', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);
    const lastMonth = readDatabase(dataDir, (db) =>
      db.prepare('SELECT max(month) FROM activity_monthly').pluck().get(),
    ) as string;
    // Months before the as-of date: the last one is May.
    expect(lastMonth).toBe('2026-05');
    expectFeaturesMatch(dataDir, lastMonth);
    const someoneActive = readDatabase(dataDir, (db) =>
      db.prepare('SELECT count(*) FROM customer_features WHERE months_active_12 > 0 AND loan_count > 0').pluck().get(),
    ) as number;
    expect(someoneActive).toBeGreaterThan(0);

    // A snapshot: three accounts change balance, one closes, one freezes — only their owners are touched.
    const holdings = join(dataDir, 'holdings-new.csv');
    rewrite(demo.value.path('holdings.csv'), holdings, (rows, header) => {
      const status = header.indexOf('status');
      const balance = header.indexOf('balance');
      return rows.map((row, i) => {
        if (i < 3) return row.map((v, c) => (c === balance ? '123456.78' : v));
        if (i === 3) return row.map((v, c) => (c === status ? 'closed' : v));
        if (i === 4) return row.map((v, c) => (c === status ? 'frozen' : v));
        return row;
      });
    });
    const before = readDatabase(dataDir, (db) => db.prepare('SELECT refreshed_at FROM feature_state').pluck().get());
    const snapshot = await importPaths(host.api, [holdings]);
    expect(snapshot.files[0]).toMatchObject({ updated: 5 });
    expectFeaturesMatch(dataDir, lastMonth);
    expect(readDatabase(dataDir, (db) => db.prepare('SELECT refreshed_at FROM feature_state').pluck().get())).not.toBe(
      before,
    );

    // The same file again changes nothing, the feature state included.
    const settled = readDatabase(dataDir, (db) => db.prepare('SELECT refreshed_at FROM feature_state').pluck().get());
    await importPaths(host.api, [holdings]);
    expect(readDatabase(dataDir, (db) => db.prepare('SELECT refreshed_at FROM feature_state').pluck().get())).toBe(
      settled,
    );

    // June arrives for two customers: the as-of month moves, and with it every customer's windows.
    const activity = join(dataDir, 'activity-june.csv');
    rewrite(demo.value.path('activity.csv'), activity, (rows, header) => {
      const month = header.indexOf('month');
      const may = rows.filter((r) => r[month] === '2026-05');
      const firstTwo = [...new Set(may.map((r) => r[0]))].slice(0, 2);
      return may.filter((r) => firstTwo.includes(r[0])).map((r) => r.map((v, c) => (c === month ? '2026-06' : v)));
    });
    const june = await importPaths(host.api, [activity]);
    expect(june.files[0]).toMatchObject({ kind: 'activity', rejected: 0 });
    expect(june.files[0]?.added, JSON.stringify(june.files[0])).toBeGreaterThan(0);
    expectFeaturesMatch(dataDir, '2026-06');

    // A later month whose only row is rejected (no such customer) moves nothing.
    const stray = join(dataDir, 'activity-stray.csv');
    rewrite(demo.value.path('activity.csv'), stray, (rows, header) => [
      header.map((column) =>
        column === 'customer_id' ? '0999999999999' : column === 'month' ? '2026-09' : rows[0]![header.indexOf(column)]!,
      ),
    ]);
    const strayResult = await importPaths(host.api, [stray]);
    expect(strayResult.files[0]).toMatchObject({ added: 0, rejected: 1 });
    expectFeaturesMatch(dataDir, '2026-06');
  });
});
