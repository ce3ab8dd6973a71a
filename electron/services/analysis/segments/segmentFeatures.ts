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

type Reader = (run: ScoringRun, i: number) => number;

const readers: Record<SegmentFeatureKey, Reader> = {
  deposits: (r, i) => r.features.depositBalanceFen[i]! / 100,
  loans: (r, i) => r.features.loanBalanceFen[i]! / 100,
  wealth: (r, i) => r.features.wealthBalanceFen[i]! / 100,
  transactions: (r, i) => r.derived.totalTx12[i]!,
  digitalShare: (r, i) => r.derived.digitalShare[i]!,
  branchShare: (r, i) => r.derived.channelShares.branch[i]!,
  selfServiceShare: (r, i) => r.derived.channelShares.atm_pos[i]!,
  agentShare: (r, i) => r.derived.channelShares.agent[i]!,
  tenure: (r, i) => r.features.tenureMonths[i]!,
  age: (r, i) => r.features.age[i]!,
  breadth: (r, i) => r.derived.breadth[i]!,
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
    const read = readers[keys[f]!];
    let sum = 0;
    let known = 0;
    for (let i = 0; i < n; i++) {
      const value = read(run, i);
      table[i * d + f] = value;
      if (!Number.isNaN(value)) {
        sum += value;
        known++;
      }
    }
    if (known === n) continue;
    const mean = known > 0 ? sum / known : 0;
    for (let i = 0; i < n; i++) if (Number.isNaN(table[i * d + f]!)) table[i * d + f] = mean;
  }
  return table;
}
