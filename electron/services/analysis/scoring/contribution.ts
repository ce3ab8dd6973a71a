// Contribution (贡献度): the customer's estimated yearly profit to the bank, ranked within the branch. The rank is a
// mid-rank percentile, so raising one customer's profit never lowers their score, and a customer who brings no
// profit scores 0 whatever the rest of the branch looks like.
import type { CustomerFeatures } from './features.js';
import type { ScoringModel } from './model.js';
import { midRankPercentiles } from './ranking.js';
import type { FactorExplanation } from './weightedScore.js';

export interface ProfitParts {
  depositFen: number;
  loanFen: number;
  feeFen: number;
  wealthFen: number;
}

export function profitParts(f: CustomerFeatures, model: ScoringModel, i: number): ProfitParts {
  const m = model.contribution;
  return {
    depositFen: f.depositBalanceFen[i]! * m.depositMarginRate,
    loanFen: f.loanBalanceFen[i]! * m.loanMarginRate,
    feeFen: f.feeIncome12Fen[i]! * m.feeIncomeWeight,
    wealthFen: f.wealthBalanceFen[i]! * m.wealthFeeRate,
  };
}

const total = (p: ProfitParts): number => p.depositFen + p.loanFen + p.feeFen + p.wealthFen;

/** Estimated yearly profit in fen (not rounded: it is ranked, not booked). */
export function yearlyProfit(f: CustomerFeatures, model: ScoringModel): Float64Array {
  const m = model.contribution;
  const out = new Float64Array(f.n);
  for (let i = 0; i < f.n; i++) {
    out[i] =
      f.depositBalanceFen[i]! * m.depositMarginRate +
      f.loanBalanceFen[i]! * m.loanMarginRate +
      f.feeIncome12Fen[i]! * m.feeIncomeWeight +
      f.wealthBalanceFen[i]! * m.wealthFeeRate;
  }
  return out;
}

/** Ranking keys: whole fen a year, the largest kept ~42.9 million yuan (2^32 − 1 fen). */
const MAX_KEY = 0xffffffff;

/**
 * 0–100 per customer, the profit's mid-rank percentile in the branch: 100 × (customers of the branch with less
 * profit + half of those with the same, self excluded) / (branch size − 1). Profits are compared to the whole fen.
 * A customer bringing no profit scores 0; the only profitable customer of a one-customer branch scores 100.
 */
export function rankWithinBranch(profit: Float64Array, branch: Uint32Array): Float64Array {
  const keys = new Uint32Array(profit.length);
  for (let i = 0; i < keys.length; i++) {
    const p = Math.round(profit[i]!);
    keys[i] = p > 0 ? Math.min(p, MAX_KEY) : 0;
  }
  return midRankPercentiles(keys, branch);
}

/**
 * The parts of the profit behind customer i's score: each part's share of the score is its share of the profit.
 * The weight is the margin or rate applied (the fee-income multiplier for fees).
 */
export function explainContribution(
  f: CustomerFeatures,
  model: ScoringModel,
  i: number,
  score: number,
): FactorExplanation[] {
  const parts = profitParts(f, model, i);
  const profit = total(parts);
  const m = model.contribution;
  const share = (part: number) => (profit > 0 ? (score * part) / profit : 0);
  const degree = (part: number) => (profit > 0 ? part / profit : 0);
  const row = (
    key: string,
    labelEn: string,
    labelZh: string,
    value: number,
    weight: number,
    part: number,
  ): FactorExplanation => ({
    key,
    labelEn,
    labelZh,
    unit: 'fen',
    value,
    weight,
    degree: degree(part),
    share: share(part),
  });
  return [
    row(
      'deposits',
      'Deposit balance × deposit margin',
      '存款余额×存款利差',
      f.depositBalanceFen[i]!,
      m.depositMarginRate,
      parts.depositFen,
    ),
    row(
      'loans',
      'Loan balance × loan margin',
      '贷款余额×贷款利差',
      f.loanBalanceFen[i]!,
      m.loanMarginRate,
      parts.loanFen,
    ),
    row(
      'fees',
      'Fee income, last 12 months',
      '近12个月中间业务收入',
      f.feeIncome12Fen[i]!,
      m.feeIncomeWeight,
      parts.feeFen,
    ),
    row(
      'wealth',
      'Wealth holdings × fee rate',
      '理财持有额×费率',
      f.wealthBalanceFen[i]!,
      m.wealthFeeRate,
      parts.wealthFen,
    ),
  ];
}
