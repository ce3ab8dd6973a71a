// The demo branch's blacklist and complaints: demo.load and the CSV export through the real import land
// the very same rows, listings go mostly to borrowers who defaulted, complaints to a few percent of the
// customers with a handful in the last 90 days, every date is in order, and the customer card shows them.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportResult } from '../../electron/api/importTypes.js';
import { writeDemoCsv } from '../../electron/services/demo/csvExport.js';
import { todayIso } from '../../electron/services/dates.js';
import { getCustomer } from '../../electron/services/customers/detail.js';
import { openDatabase } from '../../db/connection.js';
import { databaseFileName, loadDemoFile } from '../helpers/demoDatabase.js';
import { importPaths, withWorker } from '../helpers/importFixtures.js';
import { parsedInput, serviceContext } from '../helpers/services.js';
import { makeTempDir, removeTempDir, tempDirForTest } from '../helpers/tempDir.js';
import type { DemoLoadResult } from '../../electron/api/types.js';

const customers = 2000;
const seed = 31;
const months = 2;

let dir = '';
let loaded: DemoLoadResult;
let imported: ImportResult;
let direct: Database.Database;
let viaImport: Database.Database;

beforeAll(async () => {
  dir = makeTempDir('branchloop-demo-veto-');
  const asOf = todayIso();
  loaded = await loadDemoFile(join(dir, 'direct.sqlite'), { customers, seed, activityMonths: months });
  const exportDir = join(dir, 'export');
  const { manifest } = await writeDemoCsv({
    outDir: exportDir,
    customers,
    seed,
    months,
    asOf,
    encoding: 'utf-8',
    bom: false,
    dirty: false,
  });
  const importDir = join(dir, 'imported');
  imported = await withWorker(importDir, (api) =>
    importPaths(
      api,
      manifest.files.map((f) => join(exportDir, f.name)),
    ),
  );
  direct = new Database(join(dir, 'direct.sqlite'), { readonly: true, fileMustExist: true });
  viaImport = new Database(join(importDir, databaseFileName), { readonly: true, fileMustExist: true });
}, 120_000);

afterAll(() => {
  direct?.close();
  viaImport?.close();
  if (dir) removeTempDir(dir);
});

function count(db: Database.Database, sql: string): number {
  return db.prepare(sql).pluck().get() as number;
}

describe('the demo blacklist and complaints', () => {
  test('demo.load reports what it wrote, and the import of the export lands exactly the same rows', () => {
    expect(count(direct, 'SELECT count(*) FROM blacklist')).toBe(loaded.blacklist);
    expect(count(direct, 'SELECT count(*) FROM complaints')).toBe(loaded.complaints);
    expect(imported.files.find((f) => f.kind === 'blacklist')).toMatchObject({ added: loaded.blacklist, rejected: 0 });
    expect(imported.files.find((f) => f.kind === 'complaints')).toMatchObject({
      added: loaded.complaints,
      rejected: 0,
    });
    for (const table of ['blacklist', 'complaints']) {
      const rows = (db: Database.Database) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
      expect(rows(viaImport), table).toEqual(rows(direct));
    }
  });

  test('a small share is listed, far more often among borrowers who defaulted; some listings are lifted', () => {
    const share = (where: string) =>
      direct
        .prepare(
          `SELECT avg(EXISTS (SELECT 1 FROM blacklist b WHERE b.customer_id = c.customer_id)) FROM customers c
           WHERE ${where}`,
        )
        .pluck()
        .get() as number;
    const defaulted = `EXISTS (SELECT 1 FROM loans l WHERE l.customer_id = c.customer_id AND l.status = 'defaulted')`;
    const overall = share('true');
    expect(overall).toBeGreaterThan(0.004);
    expect(overall).toBeLessThan(0.03);
    expect(share(defaulted)).toBeGreaterThan(0.2);
    expect(share(defaulted)).toBeGreaterThan(10 * share(`NOT ${defaulted}`));
    expect(count(direct, 'SELECT count(*) FROM blacklist WHERE lifted_on IS NOT NULL')).toBeLessThan(loaded.blacklist);
  });

  test('a few percent complained, a handful in the last 90 days, some still open', () => {
    const complainers = count(direct, 'SELECT count(DISTINCT customer_id) FROM complaints');
    expect(complainers / customers).toBeGreaterThan(0.015);
    expect(complainers / customers).toBeLessThan(0.08);
    const recent = count(direct, `SELECT count(*) FROM complaints WHERE received_on >= date('now', '-90 days')`);
    expect(recent).toBeGreaterThanOrEqual(3);
    expect(recent).toBeLessThan(loaded.complaints / 3);
    expect(count(direct, 'SELECT count(*) FROM complaints WHERE resolved_on IS NULL')).toBeGreaterThan(0);
    // Every channel complained through is one the customer's area has.
    expect(
      count(
        direct,
        `SELECT count(*) FROM complaints p JOIN customers c USING (customer_id)
         WHERE p.channel = 'agent' AND c.area_type = 'urban'`,
      ),
    ).toBe(0);
  });

  test('every date is in order: after the customer joined, not after today, resolved and lifted after the start', () => {
    const today = todayIso();
    expect(
      direct
        .prepare(
          `SELECT b.* FROM blacklist b JOIN customers c USING (customer_id)
           WHERE b.listed_on < c.customer_since OR b.listed_on > ? OR b.lifted_on > ?`,
        )
        .all(today, today),
    ).toEqual([]);
    expect(
      direct
        .prepare(
          `SELECT p.* FROM complaints p JOIN customers c USING (customer_id)
           WHERE p.received_on < c.customer_since OR p.received_on > ? OR p.resolved_on > ?`,
        )
        .all(today, today),
    ).toEqual([]);
  });

  test('the customer card carries the listing and the latest five complaints, newest first, with the total', () => {
    const file = join(tempDirForTest(), 'card.sqlite');
    copyFileSync(join(dir, 'direct.sqlite'), file);
    const db = openDatabase(file);
    try {
      const ctx = serviceContext(db);
      const card = (customerId: string) => getCustomer(ctx, parsedInput('customers.get', { customerId }));
      const listed = db.prepare('SELECT * FROM blacklist ORDER BY customer_id LIMIT 1').get() as {
        customer_id: string;
        listed_on: string;
        reason: string;
        source: string | null;
      };
      expect(card(listed.customer_id).blacklist).toEqual({
        listedOn: listed.listed_on,
        reason: listed.reason,
        source: listed.source,
        liftedOn: null,
      });
      db.prepare(`UPDATE blacklist SET lifted_on = listed_on WHERE customer_id = ?`).run(listed.customer_id);
      expect(card(listed.customer_id).blacklist?.liftedOn).toBe(listed.listed_on);

      const quiet = db
        .prepare(
          `SELECT customer_id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM complaints p WHERE p.customer_id = c.customer_id)
           AND NOT EXISTS (SELECT 1 FROM blacklist b WHERE b.customer_id = c.customer_id) LIMIT 1`,
        )
        .pluck()
        .get() as string;
      expect(card(quiet)).toMatchObject({ blacklist: null, complaints: { latest: [], total: 0 } });

      const add = db.prepare(
        `INSERT INTO complaints (complaint_id, customer_id, received_on, channel, category, summary, resolved_on)
         VALUES (?, ?, ?, 'phone', 'service', ?, ?)`,
      );
      for (let k = 1; k <= 7; k++) {
        add.run(`T${k}`, quiet, `2026-0${k}-15`, `第 ${k} 次投诉`, k % 2 === 0 ? `2026-0${k}-20` : null);
      }
      const { complaints } = card(quiet);
      expect(complaints.total).toBe(7);
      expect(complaints.latest.map((c) => c.receivedOn)).toEqual([
        '2026-07-15',
        '2026-06-15',
        '2026-05-15',
        '2026-04-15',
        '2026-03-15',
      ]);
      expect(complaints.latest[1]).toEqual({
        complaintId: 'T6',
        receivedOn: '2026-06-15',
        channel: 'phone',
        category: 'service',
        summary: '第 6 次投诉',
        resolvedOn: '2026-06-20',
      });
      expect(complaints.latest[0]?.resolvedOn).toBeNull();
    } finally {
      db.close();
    }
  });
});
