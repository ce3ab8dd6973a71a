// Writes a run's factor points (score_factor_points): the layout on the run, and the points in chunks of
// consecutive customers, in the order the run wrote customer_scores (customer_id order).
import type Database from 'better-sqlite3';
import { factorPointChunk, factorShareTable, type ScoringRun } from './scoring/index.js';

/** 4,096 customers × 22 factors: ~90 KB a chunk, 245 chunks at a million customers. */
export const customersPerChunk = 4096;

export function saveFactorPoints(db: Database.Database, runId: number, ids: readonly string[], run: ScoringRun): void {
  const table = factorShareTable(run);
  db.prepare('UPDATE analysis_runs SET factor_layout = ? WHERE run_id = ?').run(JSON.stringify(table.layout), runId);
  const insert = db.prepare(
    'INSERT INTO score_factor_points (run_id, first_customer_id, customers, points) VALUES (?, ?, ?, ?)',
  );
  for (let start = 0; start < ids.length; start += customersPerChunk) {
    const end = Math.min(ids.length, start + customersPerChunk);
    const chunk = factorPointChunk(table, start, end);
    insert.run(runId, ids[start]!, end - start, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
}
