// The measures segments are drawn from, in a banker's units, read from the scored run: balances in yuan,
// transaction counts, channel shares, tenure, age and product breadth. Skewed measures (money, counts of
// transactions) are log-scaled before the z-score, so a millionaire is not a hundred times "more different".
import {
  segmentFeatureKeys,
  segmentFeatureUnits,
  type SegmentFeatureKey,
  type SegmentFeatureUnit,
} from '../../../api/segmentTypes.js';
import type { ScoringRun } from '../scoring/index.js';

export { segmentFeatureKeys, segmentFeatureUnits, type SegmentFeatureKey, type SegmentFeatureUnit };

/**
 * The standard choice, eight measures a banker reads at a glance: the size of the relationship (deposits,
 * loans, wealth), how much the customer transacts and through which channels (digital, branch counter,
 * ATM & POS), and age. On the demo branch these recover the generator's groups best (docs/ANALYSIS.md).
 */
export const defaultSegmentFeatures: readonly SegmentFeatureKey[] = [
  'deposits',
  'loans',
  'wealth',
  'transactions',
  'digitalShare',
  'branchShare',
  'selfServiceShare',
  'age',
];

/** Log-scaled before standardizing: amounts of money, and transaction counts (a few customers do hundreds). */
export const logScaledFeatures: ReadonlySet<SegmentFeatureKey> = new Set([
  'deposits',
  'loans',
  'wealth',
  'transactions',
]);

/** Where a feature is read from, and the divisor that takes it to its unit (fen to yuan). */
type Source = (run: ScoringRun) => { column: ArrayLike<number>; divisor: number };

const sources: Record<SegmentFeatureKey, Source> = {
  deposits: (r) => ({ column: r.features.depositBalanceFen, divisor: 100 }),
  loans: (r) => ({ column: r.features.loanBalanceFen, divisor: 100 }),
  wealth: (r) => ({ column: r.features.wealthBalanceFen, divisor: 100 }),
  transactions: (r) => ({ column: r.derived.totalTx12, divisor: 1 }),
  digitalShare: (r) => ({ column: r.derived.digitalShare, divisor: 1 }),
  branchShare: (r) => ({ column: r.derived.channelShares.branch, divisor: 1 }),
  selfServiceShare: (r) => ({ column: r.derived.channelShares.atm_pos, divisor: 1 }),
  agentShare: (r) => ({ column: r.derived.channelShares.agent, divisor: 1 }),
  tenure: (r) => ({ column: r.features.tenureMonths, divisor: 1 }),
  age: (r) => ({ column: r.features.age, divisor: 1 }),
  breadth: (r) => ({ column: r.derived.breadth, divisor: 1 }),
};

/**
 * The n × d table (row-major) of the chosen features in natural units. An unknown value (age without a birth
 * date) takes the mean of the known ones: it then sits at z = 0 and pulls the customer toward no segment.
 */
export function segmentTable(run: ScoringRun, keys: readonly SegmentFeatureKey[]): Float64Array {
  const { n } = run;
  const d = keys.length;
  const table = new Float64Array(n * d);
  for (let f = 0; f < d; f++) {
    const { column, divisor } = sources[keys[f]!](run);
    let sum = 0;
    let known = 0;
    for (let i = 0, at = f; i < n; i++, at += d) {
      const value = column[i]! / divisor;
      table[at] = value;
      if (!Number.isNaN(value)) {
        sum += value;
        known++;
      }
    }
    if (known === n) continue;
    const mean = known > 0 ? sum / known : 0;
    for (let at = f; at < n * d; at += d) if (Number.isNaN(table[at]!)) table[at] = mean;
  }
  return table;
}
