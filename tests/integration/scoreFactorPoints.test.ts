// Factor points over several chunks, on a real migrated database: every customer's stored record matches the
// explanation of their scores, and the change between two runs finds its mover on either side of a chunk border.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { customersPerChunk } from '../../electron/services/analysis/saveFactorPoints.js';
import { saveCustomerScores } from '../../electron/services/analysis/saveScores.js';
import { chunkSql, rowInChunkSql, scoreHistory } from '../../electron/services/analysis/scoreHistory.js';
import {
  decodeFactorShares,
  defaultScoringModel,
  explain,
  recordInChunk,
  scoreKeys,
  scoreCustomers,
  type ScoringRun,
} from '../../electron/services/analysis/scoring/index.js';
import { idleJob } from '../../electron/services/context.js';
import { syntheticFeatures } from '../bench/syntheticFeatures.js';
import { tempDirForTest } from '../helpers/tempDir.js';

const n = 2 * customersPerChunk + 300;
const ids = Array.from({ length: n }, (_, i) => `C${String(i).padStart(6, '0')}`);
const model = defaultScoringModel();

async function saveRun(db: ReturnType<typeof openDatabase>, runId: number, run: ScoringRun): Promise<void> {
  db.prepare(
    `INSERT INTO analysis_runs (run_id, started_at, finished_at, actor, model_version, model, parameters, customers,
       seconds, summary) VALUES (?, 'a', 'a', 'test', ?, '{}', '{}', ?, 0, '{}')`,
  ).run(runId, run.modelVersion, n);
  await saveCustomerScores(db, idleJob, runId, ids, run, 0.5);
}

describe('factor points in chunks', () => {
  test('each customer finds their own record, and the mover of a raised deposit, in every chunk', async () => {
    const db = openDatabase(join(tempDirForTest(), 'points.sqlite'));
    const before = syntheticFeatures(n, 3, 1);
    const first = scoreCustomers(before, model);
    await saveRun(db, 1, first);
    const chunks = db.prepare('SELECT customers FROM score_factor_points WHERE run_id = 1').pluck().all();
    expect(chunks).toEqual([customersPerChunk, customersPerChunk, 300]);

    // Deposits of a few customers around the chunk borders go up a hundredfold.
    const raised = [0, customersPerChunk - 1, customersPerChunk, 2 * customersPerChunk, n - 1].filter(
      (i) => first.profitFen[i]! > 0 && first.scores.contribution[i]! < 50,
    );
    expect(raised.length).toBeGreaterThanOrEqual(2);
    const after = syntheticFeatures(n, 3, 1);
    for (const i of raised) after.depositBalanceFen[i] = 100 * after.depositBalanceFen[i]! + 1e9;
    const second = scoreCustomers(after, model);
    await saveRun(db, 2, second);

    for (const i of raised) {
      const { changes } = scoreHistory(db, 2, ids[i]!);
      expect(changes!.contribution.movedMostBy?.factor, ids[i]).toBe('deposits');
      expect(changes!.contribution.change!).toBeGreaterThan(0);
    }
    // Every customer's stored points are their explanation's shares, to the half-point step.
    const layout = JSON.parse(
      db.prepare('SELECT factor_layout FROM analysis_runs WHERE run_id = 2').pluck().get() as string,
    ) as string[];
    const stored = db
      .prepare('SELECT customers, points FROM score_factor_points WHERE run_id = 2 ORDER BY first_customer_id')
      .all() as { customers: number; points: Buffer }[];
    let checked = 0;
    for (const [c, chunk] of stored.entries()) {
      for (let row = 0; row < chunk.customers; row += 97, checked++) {
        const shares = decodeFactorShares(layout, recordInChunk(chunk.points, chunk.customers, row));
        const why = explain(second, c * customersPerChunk + row);
        for (const key of scoreKeys) {
          for (const factor of why.scores[key].factors) {
            expect(Math.abs(shares[key].get(factor.key)! - factor.share), `${key}.${factor.key}`).toBeLessThanOrEqual(
              0.25 + 1e-9,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(80);

    // A card's lookups are searches of the primary keys, not scans of a run.
    const plan = (sql: string, ...params: unknown[]) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    expect(plan(chunkSql, 2, ids[5])).toMatch(
      /^SEARCH score_factor_points USING PRIMARY KEY \(run_id=\? AND first_customer_id<\?\)$/,
    );
    expect(plan(rowInChunkSql, 2, ids[0], ids[5])).toMatch(
      /^SEARCH customer_scores USING (COVERING INDEX|PRIMARY KEY) .*\(run_id=\? AND customer_id>\? AND customer_id<\?\)$/,
    );
    db.close();
  });
});
