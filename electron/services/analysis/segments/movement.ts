// Counts how customers moved between the previous run's segments and this run's, in SQLite: both runs' rows of
// customer_scores are in customer-number order under one key, so one join counts a million customers without
// handing a row to JavaScript. This run's scores must be written first.
import type Database from 'better-sqlite3';

export interface MovementCounts {
  /** counts[p][c]: customers in previous segment p and current segment c. */
  counts: number[][];
  /** Customers of each current segment not in the previous run, or not segmented in it. */
  newCustomers: number[];
  /** Customers of each previous segment no longer in this run, or no longer segmented. */
  leftCustomers: number[];
}

const pairsSql = `SELECT p.segment, c.segment, count(*) FROM customer_scores c
  LEFT JOIN customer_scores p ON p.run_id = @previous AND p.customer_id = c.customer_id
  WHERE c.run_id = @run AND c.segment IS NOT NULL
  GROUP BY 1, 2`;

const previousSizesSql = `SELECT segment, count(*) FROM customer_scores
  WHERE run_id = @previous AND segment IS NOT NULL GROUP BY segment`;

export function countMovement(
  db: Database.Database,
  previous: { runId: number; k: number },
  current: { runId: number; k: number },
): MovementCounts {
  const counts = Array.from({ length: previous.k }, () => new Array<number>(current.k).fill(0));
  const newCustomers = new Array<number>(current.k).fill(0);
  const leftCustomers = new Array<number>(previous.k).fill(0);
  const segment = (value: unknown, k: number, run: number): number => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= k) {
      throw new Error(`run ${run} holds a customer in segment ${String(value)}, but has ${k} segments`);
    }
    return value as number;
  };
  const pairs = db.prepare(pairsSql).raw().all({ previous: previous.runId, run: current.runId }) as [
    number | null,
    number,
    number,
  ][];
  for (const [before, now, customers] of pairs) {
    const c = segment(now, current.k, current.runId);
    if (before === null) newCustomers[c]! += customers;
    else counts[segment(before, previous.k, previous.runId)]![c]! += customers;
  }
  const sizes = db.prepare(previousSizesSql).raw().all({ previous: previous.runId }) as [number, number][];
  for (const [before, customers] of sizes) {
    const p = segment(before, previous.k, previous.runId);
    leftCustomers[p] = customers - counts[p]!.reduce((sum, value) => sum + value, 0);
  }
  return { counts, newCustomers, leftCustomers };
}
