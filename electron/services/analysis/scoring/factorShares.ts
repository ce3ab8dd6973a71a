// Every customer's factor points (shares) of a run, packed for storage: one byte per factor, in steps of half a
// point (0–200), so that the next run can say which factor moved a score. 22 bytes a customer; at 1,000,000
// customers the packing is a few tens of milliseconds and the bytes ~22 MB.
import type { ScoreKey } from './composite.js';
import { scoreKeys } from './composite.js';
import { factorCatalogue, factorLayout } from './factorCatalogue.js';
import { degreesInto } from './piecewise.js';
import { weightedScoreFactors } from './scoreFactors.js';
import type { ScoringRun } from './scores.js';

/** Points per stored step. */
export const SHARE_STEP = 0.5;

export interface FactorShareTable {
  /** `score.factor` of each byte of a customer's record. */
  layout: string[];
  /** Bytes per customer. */
  width: number;
  /** n × width bytes, customer by customer. */
  bytes: Uint8Array;
}

const quantize = (points: number): number => Math.min(255, Math.max(0, Math.round(points / SHARE_STEP)));

export function factorShareTable(run: ScoringRun): FactorShareTable {
  const { n, features: f, derived, model } = run;
  const layout = factorLayout(factorCatalogue(model));
  const width = layout.length;
  const bytes = new Uint8Array(n * width);
  let column = 0;

  // Contribution: each part of the yearly profit gets its part of the score (as explainContribution).
  const m = model.contribution;
  const contribution = run.scores.contribution;
  const parts = [
    [f.depositBalanceFen, m.depositMarginRate],
    [f.loanBalanceFen, m.loanMarginRate],
    [f.feeIncome12Fen, m.feeIncomeWeight],
    [f.wealthBalanceFen, m.wealthFeeRate],
  ] as const;
  for (let i = 0; i < n; i++) {
    const profit = run.profitFen[i]!;
    if (!(profit > 0)) continue;
    const perFen = contribution[i]! / profit;
    const at = i * width + column;
    for (let p = 0; p < parts.length; p++) bytes[at + p] = quantize(parts[p]![0][i]! * parts[p]![1] * perFen);
  }
  column += parts.length;

  // The weighted scores: weight (scaled to a total of 100) × degree, as explainWeightedScore.
  const degrees = new Float64Array(n);
  for (const score of scoreKeys) {
    if (score === 'contribution') continue;
    const scoreValues = run.scores[score];
    const factors = weightedScoreFactors[score](f, derived, model);
    const totalWeight = factors.reduce((sum, factor) => sum + factor.params.weight, 0);
    const scale = totalWeight > 0 ? 100 / totalWeight : 0;
    for (const factor of factors) {
      const maxPoints = scale * factor.params.weight;
      if (maxPoints > 0) {
        degreesInto(factor.params.points, factor.params.ifMissing, factor.values, degrees);
        // A score that does not apply (credit without credit history, NaN) keeps no points.
        for (let i = 0, at = column; i < n; i++, at += width) {
          if (scoreValues[i] === scoreValues[i]) bytes[at] = quantize(maxPoints * degrees[i]!);
        }
      }
      column++;
    }
  }
  if (column !== width) throw new Error(`factorShareTable: filled ${column} factor columns of ${width}`);
  return { layout, width, bytes };
}

/** Points per factor of each score, from one customer's stored record and its run's layout. */
export function decodeFactorShares(
  layout: readonly string[],
  record: Uint8Array,
): Record<ScoreKey, Map<string, number>> {
  if (record.length !== layout.length) {
    throw new RangeError(`decodeFactorShares: a record of ${record.length} bytes for ${layout.length} factors`);
  }
  const out = Object.fromEntries(scoreKeys.map((key) => [key, new Map<string, number>()])) as Record<
    ScoreKey,
    Map<string, number>
  >;
  layout.forEach((entry, k) => {
    const dot = entry.indexOf('.');
    const score = entry.slice(0, dot) as ScoreKey;
    if (!scoreKeys.includes(score)) throw new RangeError(`decodeFactorShares: unknown score in "${entry}"`);
    out[score].set(entry.slice(dot + 1), record[k]! * SHARE_STEP);
  });
  return out;
}
