// What to say first about a score: for contribution, the yearly profit and the part of it that weighs most; for
// the weighted scores, the factor that gave the most points and the one that lost the most. Pure.
import type { ScoreFactorView } from '../../../electron/api/analysisTypes.js';

/** Differences below this many points are rounding, not a reason. */
const negligible = 0.05;

/** The factor that gave the most points, if any gave some. */
export function strongestFactor(factors: ScoreFactorView[]): ScoreFactorView | null {
  let best: ScoreFactorView | null = null;
  for (const factor of factors) if (factor.share > negligible && (!best || factor.share > best.share)) best = factor;
  return best;
}

/** The factor that fell furthest short of its weight, and by how many points. */
export function weakestFactor(factors: ScoreFactorView[]): { factor: ScoreFactorView; lost: number } | null {
  let worst: { factor: ScoreFactorView; lost: number } | null = null;
  for (const factor of factors) {
    const lost = factor.weight - factor.share;
    if (lost > negligible && (!worst || lost > worst.lost)) worst = { factor, lost };
  }
  return worst;
}

/** Contribution: the part of the profit that is largest, with its share of the profit (its degree). */
export function largestProfitPart(factors: ScoreFactorView[]): { factor: ScoreFactorView; ofProfit: number } | null {
  let largest: ScoreFactorView | null = null;
  for (const factor of factors) if (factor.degree > 0 && (!largest || factor.degree > largest.degree)) largest = factor;
  return largest ? { factor: largest, ofProfit: largest.degree } : null;
}
