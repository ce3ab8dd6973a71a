// The feature load split across the calling thread and a loading thread (its script exists only in dist/) gives
// exactly what one thread gives, bit for bit, with customer and branch numbers; a cancel or a thread's error ends
// it with a clear error, never a hang.
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { createJob, idleJob } from '../../electron/services/context.js';
import { storedAsOfMonth } from '../../electron/services/features/refresh.js';
import { featureWindows } from '../../electron/services/features/windows.js';
import { loadFeatures, type LoadedFeatures } from '../../electron/services/analysis/loadFeatures.js';
import { featureChunkSql } from '../../electron/services/analysis/featureRange.js';
import { loadFeaturesInParallel } from '../../electron/services/analysis/parallelFeatureLoad.js';
import { channels, featureColumns } from '../../electron/services/analysis/scoring/index.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { assertWorkerBuilt } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 3_000, seed: 11, activityMonths: 14 });

/**
 * The demo branch with two more: B-2 holds every third customer and the first of the second half, B-3 the last
 * customer alone. The two halves meet the branches in different orders, so the thread's numbers must be renumbered.
 */
function openThreeBranches(): Database.Database {
  const { databaseFile } = demo.copy();
  const db = openDatabase(databaseFile);
  const addBranch = db.prepare(`INSERT INTO branches (branch_id, name, created_at) VALUES (?, ?, '2026-01-01')`);
  addBranch.run('B-2', 'Second branch');
  addBranch.run('B-3', 'Third branch');
  const nth = (offset: number) =>
    db.prepare('SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1 OFFSET ?').pluck().get(offset);
  const move = db.prepare('UPDATE customers SET branch_id = ? WHERE customer_id = ?');
  const [first, secondHalf, last] = [nth(0), nth(1_500), nth(2_999)];
  db.exec(`UPDATE customers SET branch_id = 'B-2' WHERE rowid % 3 = 0`);
  move.run(demoBranch(db), first);
  move.run('B-2', secondHalf);
  move.run('B-3', last);
  return db;
}

function demoBranch(db: Database.Database): string {
  return db.prepare(`SELECT branch_id FROM branches WHERE branch_id NOT IN ('B-2', 'B-3')`).pluck().get() as string;
}

function bytes(column: ArrayBufferView): Buffer {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength);
}

function expectSameLoad(actual: LoadedFeatures, expected: LoadedFeatures): void {
  expect(actual.features.n).toBe(expected.features.n);
  expect(actual.ids).toEqual(expected.ids);
  expect(actual.branches).toEqual(expected.branches);
  expect(actual.windows).toEqual(expected.windows);
  for (const [name] of featureColumns) {
    expect(bytes(actual.features[name]).equals(bytes(expected.features[name])), name).toBe(true);
  }
  for (const channel of channels) {
    const same = bytes(actual.features.channelTx12[channel]).equals(bytes(expected.features.channelTx12[channel]));
    expect(same, `channelTx12.${channel}`).toBe(true);
  }
}

describe('the feature load on two threads', () => {
  test('loads every column bit for bit as one thread does, with the same customer and branch numbers', async () => {
    assertWorkerBuilt();
    const db = openThreeBranches();
    try {
      const n = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
      expect(n).toBe(3_000);
      // The data holds what every column decodes: vetoes, complaints, both branches.
      expect(db.prepare('SELECT count(*) FROM blacklist').pluck().get()).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBeGreaterThan(0);

      const serial = await loadFeatures(db, idleJob, () => {}, { parallelFrom: Number.POSITIVE_INFINITY });
      const reports: [number, number][] = [];
      const parallel = await loadFeatures(db, idleJob, (done, total) => reports.push([done, total]), {
        parallelFrom: 2,
      });
      // Only the parallel load lays the table out in shared memory: the one under test took the threaded path.
      expect(parallel.features.age.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(serial.features.age.buffer).not.toBeInstanceOf(SharedArrayBuffer);
      expect(serial.branches).toEqual([demoBranch(db), 'B-2', 'B-3']);
      expect(serial.features.branch[n / 2]).toBe(1);
      expect(serial.features.blacklisted.some((flag) => flag === 1)).toBe(true);
      expectSameLoad(parallel, serial);

      expect(reports.at(-1)).toEqual([n, n]);
      for (let r = 1; r < reports.length; r++) expect(reports[r]![0]).toBeGreaterThanOrEqual(reports[r - 1]![0]);
    } finally {
      db.close();
    }
  });

  test('each chunk is a search in the customer-number index, never a scan or a sort', () => {
    const db = openThreeBranches();
    try {
      for (const bounded of [false, true]) {
        const plan = (
          db.prepare(`EXPLAIN QUERY PLAN ${featureChunkSql(bounded)}`).all({ after: '', last: 'z' }) as {
            detail: string;
          }[]
        ).map((step) => step.detail);
        const range = bounded ? '(customer_id>? AND customer_id<?)' : '(customer_id>?)';
        expect(plan[0], plan.join('; ')).toMatch(/^SEARCH c USING (COVERING )?INDEX /);
        expect(plan[0]).toContain(range);
        expect(plan.join('; ')).not.toMatch(/SCAN|TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });

  test('a cancel stops both threads with the cancellation error', async () => {
    assertWorkerBuilt();
    const db = openThreeBranches();
    try {
      const controller = new AbortController();
      const job = createJob(controller.signal, () => {});
      const load = loadFeatures(db, job, () => controller.abort(), { parallelFrom: 2 });
      await expect(load).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      db.close();
    }
  });

  test("an error in the loading thread surfaces as the load's error", async () => {
    assertWorkerBuilt();
    const db = openThreeBranches();
    try {
      const { asOfDate } = featureWindows(storedAsOfMonth(db));
      // Told of one customer more than there are, the thread reading the second half finds one too few.
      const load = loadFeaturesInParallel(db, idleJob, () => {}, 3_001, asOfDate, undefined);
      await expect(load).rejects.toThrow(/loading the customers after \S+: read 1500 of 1501 customers/);
    } finally {
      db.close();
    }
  });
});
