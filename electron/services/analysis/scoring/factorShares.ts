// Every customer's factor points (shares) of a run, packed for storage: one byte per factor and customer, in steps
// of half a point (0–200), so that the next run can say which factor moved a score. Kept factor by factor in
// chunks of consecutive customers: a chunk is the columns' slices one after the other.
import type { ScoreKey } from './composite.js';
import { scoreKeys } from './composite.js';
import { factorCatalogue, factorLayout } from './factorCatalogue.js';
import { degreesInto } from './piecewise.js';
import { weightedScoreFactors } from './scoreFactors.js';
import type { ScoringRun } from './scores.js';

/** Points per stored step. */
export const SHARE_STEP = 0.5;

export interface FactorShareTable {
  /** `score.factor` of each column. */
  layout: string[];
  /** One per factor, n long: the factor's points of every customer in steps. */
  columns: Uint8Array[];
}

/** out[i] = steps × a[i] × b[i], rounded and clamped to 0–255 by the array. Small and alone, so V8 optimizes it once. */
function stepsInto(out: Uint8ClampedArray, steps: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = steps * a[i]! * b[i]!;
}

/** out[i] = steps × degrees[i]. */
function degreeStepsInto(out: Uint8ClampedArray, steps: number, degrees: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = steps * degrees[i]!;
}

export function factorShareTable(run: ScoringRun): FactorShareTable {
  const { n, features: f, derived, model } = run;
  const layout = factorLayout(factorCatalogue(model));
  // Clamped arrays round and clamp each value to 0–255 themselves.
  const columns = layout.map(() => new Uint8ClampedArray(n));
  const stepsPerPoint = 1 / SHARE_STEP;
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
  const perFen = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const profit = run.profitFen[i]!;
    perFen[i] = profit > 0 ? (stepsPerPoint * contribution[i]!) / profit : 0;
  }
  for (const [amounts, rate] of parts) stepsInto(columns[column++]!, rate, amounts, perFen);

  // The weighted scores: weight (scaled to a total of 100) × degree, as explainWeightedScore.
  const degrees = new Float64Array(n);
  for (const score of scoreKeys) {
    if (score === 'contribution') continue;
    const first = column;
    const factors = weightedScoreFactors[score](f, derived, model);
    const totalWeight = factors.reduce((sum, factor) => sum + factor.params.weight, 0);
    const scale = totalWeight > 0 ? 100 / totalWeight : 0;
    for (const factor of factors) {
      const steps = stepsPerPoint * scale * factor.params.weight;
      const out = columns[column++]!;
      if (steps === 0) continue;
      degreesInto(factor.params.points, factor.params.ifMissing, factor.values, degrees);
      degreeStepsInto(out, steps, degrees);
    }
    // A score that does not apply (credit without credit history, NaN) keeps no points.
    const values = run.scores[score];
    for (let i = 0; i < n; i++) {
      if (values[i] !== values[i]) for (let k = first; k < column; k++) columns[k]![i] = 0;
    }
  }
  if (column !== layout.length)
    throw new Error(`factorShareTable: filled ${column} factor columns of ${layout.length}`);

  return { layout, columns: columns.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.length)) };
}

/** Customers [start, end) as one chunk: each column's slice in turn. */
export function factorPointChunk(table: FactorShareTable, start: number, end: number): Uint8Array {
  const count = end - start;
  const chunk = new Uint8Array(count * table.columns.length);
  table.columns.forEach((column, k) => chunk.set(column.subarray(start, end), k * count));
  return chunk;
}

/** The record (one byte per factor) of the customer at `row` of a chunk of `count` customers. */
export function recordInChunk(chunk: Uint8Array, count: number, row: number): Uint8Array {
  if (count <= 0 || chunk.length % count !== 0 || row < 0 || row >= count) {
    throw new RangeError(`recordInChunk: no row ${row} in a chunk of ${count} customers and ${chunk.length} bytes`);
  }
  const width = chunk.length / count;
  const record = new Uint8Array(width);
  for (let k = 0; k < width; k++) record[k] = chunk[k * count + row]!;
  return record;
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
