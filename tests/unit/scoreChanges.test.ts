// Score changes between two runs on hand-made branches: the packed factor points agree with the explanation,
// and the change of each score names the factor that moved it most, from what each run stored.
import { describe, expect, test } from 'vitest';
import type { CustomerFeatureRecord, ScoringRun } from '../../electron/services/analysis/scoring/index.js';
import {
  compareStoredScores,
  decodeFactorShares,
  defaultScoringModel,
  explain,
  factorCatalogue,
  factorPointChunk,
  factorShareTable,
  featuresFromRecords,
  recordInChunk,
  scoreCustomers,
  scoreKeys,
  SHARE_STEP,
  type StoredCustomerScores,
} from '../../electron/services/analysis/scoring/index.js';
import { ordinaryCustomer } from './scoringFixtures.js';

const model = defaultScoringModel();
const catalogue = factorCatalogue(model);

/** A branch of five customers with deposits of 10, 20, … 50 thousand yuan and the same loan. */
function branch(change: (i: number, c: CustomerFeatureRecord) => CustomerFeatureRecord = (_i, c) => c) {
  return Array.from({ length: 5 }, (_, i) =>
    change(
      i,
      ordinaryCustomer({
        depositBalanceFen: (i + 1) * 1_000_000,
        loanBalanceFen: 500_000,
        loanCount: 1,
        activeLoanCount: 1,
        repaymentsDue: 12,
        repaymentsOnTime: 12,
        monthsActive12: 6 + i,
      }),
    ),
  );
}

/** What a run stores of customer i: the rounded scores and the packed factor points. */
function storedOf(run: ScoringRun, i: number): StoredCustomerScores {
  const table = factorShareTable(run);
  const round = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 100) / 100);
  return {
    scores: Object.fromEntries(scoreKeys.map((k) => [k, round(run.scores[k][i]!)])) as StoredCustomerScores['scores'],
    shares: decodeFactorShares(table.layout, recordInChunk(factorPointChunk(table, 0, run.n), run.n, i)),
  };
}

const score = (records: CustomerFeatureRecord[]) => scoreCustomers(featuresFromRecords(records), model);

describe('packed factor points', () => {
  test('hold every factor of every score to half a point, and add up to the score', () => {
    const run = score(branch());
    const table = factorShareTable(run);
    expect(table.columns).toHaveLength(22);
    for (const column of table.columns) expect(column).toHaveLength(run.n);
    expect(table.layout.slice(0, 4)).toEqual([
      'contribution.deposits',
      'contribution.loans',
      'contribution.fees',
      'contribution.wealth',
    ]);
    for (let i = 0; i < run.n; i++) {
      const why = explain(run, i);
      const shares = storedOf(run, i).shares!;
      for (const key of scoreKeys) {
        const factors = why.scores[key].factors;
        expect([...shares[key].keys()], key).toEqual(catalogue[key].map((f) => f.key));
        for (const f of factors) expect(Math.abs(shares[key].get(f.key)! - f.share), f.key).toBeLessThanOrEqual(0.25);
        const total = [...shares[key].values()].reduce((a, b) => a + b, 0);
        expect(Math.abs(total - why.scores[key].score!)).toBeLessThanOrEqual((SHARE_STEP / 2) * factors.length);
      }
    }
  });

  test('a score that does not apply keeps no points', () => {
    const run = score([ordinaryCustomer({ loanCount: 0 })]);
    const shares = storedOf(run, 0).shares!;
    expect(run.scores.credit[0]).toBeNaN();
    expect([...shares.credit.values()]).toEqual([0, 0, 0, 0, 0]);
  });

  test('a chunk holds its customers factor by factor', () => {
    const table = {
      layout: ['activity.a', 'activity.b'],
      columns: [Uint8Array.of(1, 2, 3, 4), Uint8Array.of(5, 6, 7, 8)],
    };
    const chunk = factorPointChunk(table, 1, 3);
    expect([...chunk]).toEqual([2, 3, 6, 7]);
    expect([...recordInChunk(chunk, 2, 1)]).toEqual([3, 7]);
    expect(() => recordInChunk(chunk, 2, 2)).toThrow(/no row 2 in a chunk of 2 customers/);
  });

  test('a record must fit its layout', () => {
    expect(() => decodeFactorShares(['activity.recency'], Uint8Array.of(1, 2))).toThrow(/2 bytes for 1 factors/);
    expect(() => decodeFactorShares(['reach.x'], Uint8Array.of(1))).toThrow(/unknown score in "reach.x"/);
  });
});

describe('changes between runs', () => {
  test('raised deposits raise contribution, moved by deposits; nothing else moves', () => {
    const before = score(branch());
    // The second customer's deposits go from 20 to 60 thousand yuan: from second poorest to richest.
    const after = score(branch((i, c) => (i === 1 ? { ...c, depositBalanceFen: 6_000_000 } : c)));
    const changes = compareStoredScores(storedOf(before, 1), storedOf(after, 1), catalogue);
    expect(changes.contribution.previous).toBe(25);
    expect(changes.contribution.change).toBe(75);
    expect(changes.contribution.movedMostBy).toMatchObject({
      factor: 'deposits',
      labelEn: 'Deposit balance × deposit margin',
      labelZh: '存款余额×存款利差',
    });
    // Deposit points 17.5 → 88 (the loan part, 7.5 → 12, rose too: the score grew faster than the profit).
    expect(changes.contribution.movedMostBy!.change).toBe(70.5);
    for (const key of ['activity', 'channel', 'credit', 'loyalty'] as const) {
      expect(changes[key], key).toEqual({ previous: changes[key].previous, change: 0, movedMostBy: null });
    }
  });

  test('the factor with the largest change moves the score, up or down', () => {
    const before = score([ordinaryCustomer({ monthsActive12: 12, cardSwipes12: 0, daysSinceLastTx: 10 })]);
    // Card payments up by 7.5 points, months active down by 25 × 6/12 = 12.5 points.
    const after = score([ordinaryCustomer({ monthsActive12: 6, cardSwipes12: 12, daysSinceLastTx: 10 })]);
    const { activity } = compareStoredScores(storedOf(before, 0), storedOf(after, 0), catalogue);
    expect(activity.change).toBe(-5);
    expect(activity.movedMostBy).toMatchObject({ factor: 'monthsActive', change: -12.5 });
  });

  test('a customer who took their first loan has a credit score now and none before', () => {
    const before = score([ordinaryCustomer()]);
    const after = score([
      ordinaryCustomer({ loanCount: 1, activeLoanCount: 1, repaymentsDue: 3, repaymentsOnTime: 3 }),
    ]);
    const { credit } = compareStoredScores(storedOf(before, 0), storedOf(after, 0), catalogue);
    expect(credit.previous).toBeNull();
    expect(credit.change).toBeNull();
    expect(credit.movedMostBy?.factor).toBe('onTimeRatio');
  });

  test('runs that kept no factor points still give the change, without a mover', () => {
    const before = { ...storedOf(score(branch()), 2), shares: null };
    const after = storedOf(score(branch((i, c) => ({ ...c, monthsActive12: 12 }))), 2);
    const { activity } = compareStoredScores(before, after, catalogue);
    expect(activity.change).toBeGreaterThan(0);
    expect(activity.movedMostBy).toBeNull();
  });

  test('a factor only one run knows counts as 0 points in the other', () => {
    const after = storedOf(score(branch()), 4);
    const before: StoredCustomerScores = {
      scores: after.scores,
      shares: Object.fromEntries(scoreKeys.map((k) => [k, new Map(after.shares![k])])) as NonNullable<
        StoredCustomerScores['shares']
      >,
    };
    before.shares!.loyalty.delete('tenure');
    before.shares!.loyalty.set('retired', 40);
    const { loyalty } = compareStoredScores(before, after, catalogue);
    expect(loyalty.movedMostBy).toMatchObject({ factor: 'retired', labelEn: 'retired', change: -40 });
  });
});
