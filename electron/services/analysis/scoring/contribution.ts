// Contribution (贡献度): the customer's estimated yearly profit to the bank, ranked within the branch. The rank is a
// mid-rank percentile, so raising one customer's profit never lowers their score, and a customer who brings no
// profit scores 0 whatever the rest of the branch looks like.
import type { CustomerFeatures } from './features.js';
import type { ScoringModel } from './model.js';
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

/** First index in sorted[lo, hi) whose value is ≥ x (strict = false) or > x (strict = true). */
function bound(sorted: Float64Array, lo: number, hi: number, x: number, strict: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x || (strict && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * 0–100 per customer: 100 × (customers of the branch with less profit + half of those with the same, self
 * excluded) / (branch size − 1); 0 for profit ≤ 0; 100 for the only profitable customer of a one-customer branch.
 */
export function rankWithinBranch(profit: Float64Array, branch: Uint32Array): Float64Array {
  const n = profit.length;
  let branches = 0;
  for (let i = 0; i < n; i++) branches = Math.max(branches, branch[i]! + 1);
  const start = new Uint32Array(branches + 1);
  for (let i = 0; i < n; i++) start[branch[i]! + 1]!++;
  for (let b = 0; b < branches; b++) start[b + 1]! += start[b]!;
  const sorted = new Float64Array(n);
  const fill = start.slice(0, branches);
  for (let i = 0; i < n; i++) sorted[fill[branch[i]!]!++] = profit[i]!;
  for (let b = 0; b < branches; b++) sorted.subarray(start[b], start[b + 1]).sort();

  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = profit[i]!;
    if (!(p > 0)) continue;
    const b = branch[i]!;
    const lo = start[b]!;
    const hi = start[b + 1]!;
    if (hi - lo === 1) {
      out[i] = 100;
      continue;
    }
    const below = bound(sorted, lo, hi, p, false) - lo;
    const same = bound(sorted, lo, hi, p, true) - lo - below - 1;
    out[i] = (100 * (below + 0.5 * same)) / (hi - lo - 1);
  }
  return out;
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
