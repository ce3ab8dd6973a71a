// Reading analysis runs: the run history with summaries, and one customer's scores with their reasons.
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type {
  AnalysisRunSummary,
  AnalysisSummary,
  CustomerScoreCard,
  ScoreChangeView,
} from '../../api/analysisTypes.js';
import { prepared } from '../../../db/queries/prepared.js';
import { idleJob, type ServiceContext } from '../context.js';
import { loadFeatures } from './loadFeatures.js';
import { scoreHistory } from './scoreHistory.js';
import {
  explain,
  parseScoringModel,
  scoreCustomers,
  scoreKeys,
  tierLabels,
  vetoLabels,
  type ScoreExplanation,
  type ScoreKey,
  type ScoringModel,
} from './scoring/index.js';

interface RunRow {
  runId: number;
  startedAt: string;
  actor: string;
  modelVersion: string;
  asOfMonth: string;
  customers: number;
  seconds: number;
  summary: string;
  minSupport: number | null;
  minConfidence: number | null;
  maxLength: number | null;
}

const runColumns = `run_id AS runId, started_at AS startedAt, actor, model_version AS modelVersion,
  as_of_month AS asOfMonth, customers, seconds, summary, parameters ->> '$.mining.minSupport' AS minSupport,
  parameters ->> '$.mining.minConfidence' AS minConfidence, parameters ->> '$.mining.maxLength' AS maxLength`;

function toSummary(row: RunRow): AnalysisRunSummary {
  const { minSupport, minConfidence, maxLength, ...run } = row;
  const mining =
    minSupport === null || minConfidence === null || maxLength === null
      ? null
      : { minSupport, minConfidence, maxLength };
  return { ...run, summary: JSON.parse(row.summary) as AnalysisSummary, mining };
}

export function analysisRuns(ctx: ServiceContext, input: ParsedInputOf<'analysis.runs'>): AnalysisRunSummary[] {
  const rows = prepared(ctx.db, `SELECT ${runColumns} FROM analysis_runs ORDER BY run_id DESC LIMIT ?`).all(
    input.limit,
  ) as RunRow[];
  return rows.map(toSummary);
}

interface ScoreRow {
  contribution: number;
  activity: number;
  channel: number;
  credit: number | null;
  loyalty: number;
  composite: number;
  tier: number;
}

export async function customerScoreCard(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.customer'>,
): Promise<{ card: CustomerScoreCard | null }> {
  return { card: await scoreCard(ctx, input) };
}

async function scoreCard(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.customer'>,
): Promise<CustomerScoreCard | null> {
  const { db } = ctx;
  const run = (
    input.runId === undefined
      ? prepared(
          db,
          `SELECT run_id AS runId, model, as_of_month AS asOfMonth FROM analysis_runs ORDER BY run_id DESC LIMIT 1`,
        ).get()
      : prepared(db, `SELECT run_id AS runId, model, as_of_month AS asOfMonth FROM analysis_runs WHERE run_id = ?`).get(
          input.runId,
        )
  ) as { runId: number; model: string; asOfMonth: string } | undefined;
  if (!run) {
    if (input.runId === undefined) return null;
    throw new AppError('not_found', `There is no analysis run number ${input.runId}.`);
  }
  const stored = prepared(
    db,
    `SELECT contribution, activity, channel, credit, loyalty, composite, tier FROM customer_scores
     WHERE run_id = ? AND customer_id = ?`,
  ).get(run.runId, input.customerId) as ScoreRow | undefined;
  // A customer added after the run has no scores in it yet.
  if (!stored) return null;
  const parsed = parseScoringModel(JSON.parse(run.model));
  if (!parsed.ok) throw new AppError('internal', `Run ${run.runId} holds a model that no longer parses.`);
  const model: ScoringModel = parsed.model;
  // The contribution score is a rank within the branch: a single customer keeps the one the run gave.
  const loaded = await loadFeatures(db, idleJob, () => {}, { only: input.customerId });
  const scored = scoreCustomers(loaded.features, model, {
    contributionScores: Float64Array.of(stored.contribution),
  });
  const why = explain(scored, 0);
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 0.01);
  const factorsMatchRun =
    loaded.windows.asOfMonth === run.asOfMonth &&
    close(why.scores.activity.score, stored.activity) &&
    close(why.scores.channel.score, stored.channel) &&
    close(why.scores.credit.score, stored.credit) &&
    close(why.scores.loyalty.score, stored.loyalty);
  const history = scoreHistory(db, run.runId, input.customerId);
  return {
    runId: run.runId,
    asOfMonth: run.asOfMonth,
    modelVersion: why.modelVersion,
    scores: Object.fromEntries(
      scoreKeys.map((key) => [key, { ...why.scores[key], sincePrevious: history.changes?.[key] ?? null }]),
    ) as Record<ScoreKey, ScoreExplanation & { sincePrevious: ScoreChangeView | null }>,
    previousRun: history.previousRun,
    composite: why.composite,
    profitFen: why.profitFen,
    tier: why.tier,
    tierLabel: tierLabels[why.tier],
    credit: why.credit,
    channel: why.channel,
    vetoes: why.vetoes.map((code) => ({ code, label: vetoLabels[code] })),
    personas: why.personas.map((p) => ({ key: p.key, label: { zh: p.labelZh, en: p.labelEn }, weight: p.weight })),
    factorsMatchRun,
  };
}
