// The movement matrix: customers counted from their previous segment to their current one, those who arrived
// since and those who left, counted in SQLite over two runs' rows of customer_scores.
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { countMovement } from '../../electron/services/analysis/segments/movement.js';
import { databaseAtVersion } from '../helpers/migrations.js';

function addRun(db: Database.Database, runId: number, rows: [string, number | null][]): void {
  db.prepare(
    `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters, customers,
       seconds, summary) VALUES (?, '2026-11-01', '2026-11-01', 'test', 'v1', '{}', '{}', ?, 0, '{}')`,
  ).run(runId, rows.length);
  const insert = db.prepare(
    `INSERT INTO customer_scores (run_id, customer_id, contribution, activity, channel, credit, loyalty, composite,
       profit_fen, tier, credit_grade, vetoes, dominant_channel, personas, segment)
     VALUES (?, ?, 50, 50, 50, NULL, 50, 50, 0, 3, 0, 0, -1, 0, ?)`,
  );
  for (const [id, segment] of rows) insert.run(runId, id, segment);
}

describe('movement between runs', () => {
  test('counts moves, arrivals and departures', () => {
    const db = databaseAtVersion(130);
    addRun(db, 1, [
      ['001', 0], // stays in 0
      ['002', 0], // 0 → 1
      ['003', 1], // left
      ['004', 1], // stays in 1
      ['005', null], // not segmented then: new to segment 0
      ['007', 0], // left
      ['008', 1], // left
      ['010', 1], // not segmented now: left
    ]);
    // 006 and 009 arrived.
    addRun(db, 2, [
      ['001', 0],
      ['002', 1],
      ['004', 1],
      ['005', 0],
      ['006', 2],
      ['009', 2],
      ['010', null],
    ]);
    expect(countMovement(db, { runId: 1, k: 2 }, { runId: 2, k: 3 })).toEqual({
      counts: [
        [1, 1, 0],
        [0, 1, 0],
      ],
      newCustomers: [1, 0, 2],
      leftCustomers: [1, 3],
    });
  });

  test('the same customers in the same segments: everything on the diagonal', () => {
    const db = databaseAtVersion(130);
    const rows = Array.from({ length: 100 }, (_, i): [string, number] => [String(i).padStart(5, '0'), i % 4]);
    addRun(db, 1, rows);
    addRun(db, 2, rows);
    const { counts, newCustomers, leftCustomers } = countMovement(db, { runId: 1, k: 4 }, { runId: 2, k: 4 });
    expect(counts).toEqual([0, 1, 2, 3].map((p) => [0, 1, 2, 3].map((c) => (p === c ? 25 : 0))));
    expect(newCustomers).toEqual([0, 0, 0, 0]);
    expect(leftCustomers).toEqual([0, 0, 0, 0]);
  });

  test('a segment number outside the run is reported, not counted', () => {
    const db = databaseAtVersion(130);
    addRun(db, 1, [['001', 0]]);
    addRun(db, 2, [['001', 5]]);
    expect(() => countMovement(db, { runId: 1, k: 2 }, { runId: 2, k: 3 })).toThrow(/run 2 .* segment 5, but has 3/);
  });
});
