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
  factorShares: Buffer | null;
  factorLayout: string | null;
}

const rowSql = `SELECT s.contribution, s.activity, s.channel, s.credit, s.loyalty, s.composite, s.tier,
    s.factor_shares AS factorShares, r.factor_layout AS factorLayout
  FROM customer_scores s JOIN analysis_runs r USING (run_id)
  WHERE s.run_id = ? AND s.customer_id = ?`;

const previousRunSql = `SELECT run_id AS runId, model_version AS modelVersion, as_of_month AS asOfMonth
  FROM analysis_runs WHERE run_id < ? ORDER BY run_id DESC LIMIT 1`;

let labels: FactorCatalogue | undefined;
/** Factor keys and labels come from the code, the same for every model. */
function catalogue(): FactorCatalogue {
  labels ??= factorCatalogue(defaultScoringModel());
  return labels;
}

function stored(row: StoredRow): StoredCustomerScores {
  const { contribution, activity, channel, credit, loyalty } = row;
  return {
    scores: { contribution, activity, channel, credit, loyalty },
    shares:
      row.factorShares === null || row.factorLayout === null
        ? null
        : decodeFactorShares(JSON.parse(row.factorLayout) as string[], row.factorShares),
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
    changes: compareStoredScores(stored(previous), stored(current), catalogue()),
    previousRun: { ...previousRun, composite: previous.composite, tier: tierNames[previous.tier]! },
  };
}
