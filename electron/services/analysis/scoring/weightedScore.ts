// A score as a weighted sum of factors: each factor maps a customer's value through breakpoints to a degree 0–1,
// and contributes weight × degree points, the weights scaled to total 100. The bulk loop and the explanation add
// the same terms in the same order, so a customer's factor shares add up to exactly the stored score.
import type { FactorParams } from './model.js';
import type { NumericColumn } from './piecewise.js';
import { degreeOf, degreesInto } from './piecewise.js';

export type FactorUnit = 'count' | 'months' | 'days' | 'ratio' | 'flag' | 'fen' | 'categories' | 'classification';

export interface FactorSpec {
  key: string;
  labelEn: string;
  labelZh: string;
  unit: FactorUnit;
  values: NumericColumn;
  params: FactorParams;
}

export interface FactorExplanation {
  key: string;
  labelEn: string;
  labelZh: string;
  unit: FactorUnit;
  /** The customer's value (null when unknown). */
  value: number | null;
  /** Points the factor can give at most: its weight scaled so that a score's weights total 100. */
  weight: number;
  /** How fully the factor holds, 0–1 (for contribution: the part's share of the yearly profit). */
  degree: number;
  /** Points it gave: weight × degree. The shares of a score add up to the score. */
  share: number;
}

function pointsPerWeight(factors: readonly FactorSpec[]): number {
  const total = factors.reduce((sum, factor) => sum + factor.params.weight, 0);
  return total > 0 ? 100 / total : 0;
}

/** Scores all customers into `out` (length n). */
export function computeWeightedScore(factors: readonly FactorSpec[], out: Float64Array): void {
  out.fill(0);
  const scale = pointsPerWeight(factors);
  const degrees = new Float64Array(out.length);
  for (const factor of factors) {
    const { points, ifMissing, weight } = factor.params;
    const maxPoints = scale * weight;
    if (maxPoints === 0) continue;
    degreesInto(points, ifMissing, factor.values, degrees);
    for (let i = 0; i < out.length; i++) out[i]! += maxPoints * degrees[i]!;
  }
  // Scaled weights can add up to a hair over 100 in floating point.
  for (let i = 0; i < out.length; i++) if (out[i]! > 100) out[i] = 100;
}

/** The factors of customer i, in the order they were added. */
export function explainWeightedScore(factors: readonly FactorSpec[], i: number): FactorExplanation[] {
  const scale = pointsPerWeight(factors);
  return factors.map((factor) => {
    const { points, ifMissing, weight } = factor.params;
    const value = factor.values[i]!;
    const degree = degreeOf(points, ifMissing, value);
    const maxPoints = scale * weight;
    return {
      key: factor.key,
      labelEn: factor.labelEn,
      labelZh: factor.labelZh,
      unit: factor.unit,
      value: Number.isNaN(value) ? null : value,
      weight: maxPoints,
      degree,
      share: maxPoints === 0 ? 0 : maxPoints * degree,
    };
  });
}

/** Sum of shares in order: the same additions as computeWeightedScore. */
export function sumShares(factors: readonly FactorExplanation[]): number {
  let sum = 0;
  for (const factor of factors) sum += factor.share;
  return sum;
}
