// A customer's scores in a run against the run before: each score's previous value, its change, and the factor
// whose points changed most — read from the factor points both runs stored, not recomputed from today's data.
import type Database from 'better-sqlite3';
import type { AnalysisScoreKey, CustomerScoreCard, ScoreChangeView } from '../../api/analysisTypes.js';
import { prepared } from '../../../db/queries/prepared.js';
import {
  compareStoredScores,
  decodeFactorShares,
  defaultScoringModel,
  factorCatalogue,
  recordInChunk,
  tierNames,
  type FactorCatalogue,
  type StoredCustomerScores,
} from './scoring/index.js';

interface StoredRow {
  contribution: number;
  activity: number;
  channel: number;
  credit: number | null;
  loyalty: number;
  composite: number;
  tier: number;
  factorLayout: string | null;
}

const rowSql = `SELECT s.contribution, s.activity, s.channel, s.credit, s.loyalty, s.composite, s.tier,
    r.factor_layout AS factorLayout
  FROM customer_scores s JOIN analysis_runs r USING (run_id)
  WHERE s.run_id = ? AND s.customer_id = ?`;

export const chunkSql = `SELECT first_customer_id AS first, customers, points FROM score_factor_points
  WHERE run_id = ? AND first_customer_id <= ? ORDER BY first_customer_id DESC LIMIT 1`;

// The chunk holds the run's customers from its first in customer_id order: the customer's row is how many come
// before them in it (at most a chunk's worth of the primary key).
export const rowInChunkSql = `SELECT count(*) FROM customer_scores
  WHERE run_id = ? AND customer_id >= ? AND customer_id < ?`;

const previousRunSql = `SELECT run_id AS runId, model_version AS modelVersion, as_of_month AS asOfMonth
  FROM analysis_runs WHERE run_id < ? ORDER BY run_id DESC LIMIT 1`;

let labels: FactorCatalogue | undefined;
/** Factor keys and labels come from the code, the same for every model. */
function catalogue(): FactorCatalogue {
  labels ??= factorCatalogue(defaultScoringModel());
  return labels;
}

/** The customer's record of factor points in a run, or null when the run kept none. */
function factorRecord(db: Database.Database, runId: number, customerId: string): Uint8Array | null {
  const chunk = prepared(db, chunkSql).get(runId, customerId) as
    { first: string; customers: number; points: Buffer } | undefined;
  if (!chunk) return null;
  const row = prepared(db, rowInChunkSql).pluck().get(runId, chunk.first, customerId) as number;
  return row < chunk.customers ? recordInChunk(chunk.points, chunk.customers, row) : null;
}

function stored(db: Database.Database, runId: number, customerId: string, row: StoredRow): StoredCustomerScores {
  const { contribution, activity, channel, credit, loyalty } = row;
  const record = row.factorLayout === null ? null : factorRecord(db, runId, customerId);
  return {
    scores: { contribution, activity, channel, credit, loyalty },
    shares: record === null ? null : decodeFactorShares(JSON.parse(row.factorLayout!) as string[], record),
  };
}

export interface ScoreHistory {
  changes: Record<AnalysisScoreKey, ScoreChangeView> | null;
  previousRun: CustomerScoreCard['previousRun'];
}

export function scoreHistory(db: Database.Database, runId: number, customerId: string): ScoreHistory {
  const none: ScoreHistory = { changes: null, previousRun: null };
  const current = prepared(db, rowSql).get(runId, customerId) as StoredRow | undefined;
  const previousRun = prepared(db, previousRunSql).get(runId) as
    { runId: number; modelVersion: string; asOfMonth: string } | undefined;
  if (!current || !previousRun) return none;
  const previous = prepared(db, rowSql).get(previousRun.runId, customerId) as StoredRow | undefined;
  // A customer who joined after the run before has nothing to compare with.
  if (!previous) return none;
  return {
    changes: compareStoredScores(
      stored(db, previousRun.runId, customerId, previous),
      stored(db, runId, customerId, current),
      catalogue(),
    ),
    previousRun: { ...previousRun, composite: previous.composite, tier: tierNames[previous.tier]! },
  };
}
