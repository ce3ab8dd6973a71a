// Invariants of the scoring model over arbitrary customers: ranges, monotonicity, shares that add up, determinism,
// and "no credit history" kept apart from bad credit.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CustomerFeatureRecord, ScoringRun } from '../../electron/services/analysis/scoring/index.js';
import {
  defaultScoringModel,
  explain,
  featuresFromRecords,
  scoreCustomers,
  scoreKeys,
} from '../../electron/services/analysis/scoring/index.js';
import { arbitraryCustomer } from './scoringFixtures.js';

const model = defaultScoringModel();
const branch = fc.array(arbitraryCustomer, { minLength: 1, maxLength: 12 });
const score = (records: CustomerFeatureRecord[]) => scoreCustomers(featuresFromRecords(records), model);

/** The same branch with customer k changed. */
function withChange(records: CustomerFeatureRecord[], k: number, change: Partial<CustomerFeatureRecord>) {
  return records.map((r, i) => (i === k ? { ...r, ...change } : r));
}

describe('scoring properties', () => {
  test('every score is finite and within 0–100; credit is NaN exactly when there is no credit history', () => {
    fc.assert(
      fc.property(branch, (records) => {
        const run = score(records);
        for (let i = 0; i < run.n; i++) {
          for (const key of scoreKeys) {
            const value = run.scores[key][i]!;
            if (key === 'credit' && records[i]!.loanCount === 0) {
              expect(value).toBeNaN();
              continue;
            }
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
          expect(run.composite[i]).toBeGreaterThanOrEqual(0);
          expect(run.composite[i]).toBeLessThanOrEqual(100);
          for (const column of Object.values(run.personas)) {
            expect(column[i]).toBeGreaterThanOrEqual(0);
            expect(column[i]).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the shares of every score add up to the score', () => {
    fc.assert(
      fc.property(branch, (records) => {
        const run = score(records);
        for (let i = 0; i < run.n; i++) {
          const e = explain(run, i);
          for (const key of scoreKeys) {
            const s = e.scores[key];
            if (s.score === null) continue;
            const sum = s.factors.reduce((total, f) => total + f.share, 0);
            expect(sum).toBeCloseTo(s.score, 9);
          }
          const composite = e.composite.parts.reduce((total, p) => total + p.share, 0);
          expect(composite).toBeCloseTo(e.composite.value, 9);
        }
      }),
      { numRuns: 100 },
    );
  });

  const monotone = (
    name: string,
    change: (r: CustomerFeatureRecord, extra: number) => Partial<CustomerFeatureRecord>,
    pick: (run: ScoringRun, k: number) => number,
    direction: 1 | -1,
    extra: fc.Arbitrary<number>,
  ) =>
    test(name, () => {
      fc.assert(
        fc.property(branch, fc.nat(), extra, (records, at, more) => {
          const k = at % records.length;
          const before = pick(score(records), k);
          const after = pick(score(withChange(records, k, change(records[k]!, more))), k);
          if (Number.isNaN(before)) return;
          if (direction === 1) expect(after).toBeGreaterThanOrEqual(before);
          else expect(after).toBeLessThanOrEqual(before);
        }),
        { numRuns: 150 },
      );
    });

  monotone(
    'more deposits never lower contribution',
    (r, more) => ({ depositBalanceFen: r.depositBalanceFen + more }),
    (run, k) => run.scores.contribution[k]!,
    1,
    fc.integer({ min: 1, max: 1e9 }),
  );
  monotone(
    'more fee income never lowers contribution',
    (r, more) => ({ feeIncome12Fen: r.feeIncome12Fen + more }),
    (run, k) => run.scores.contribution[k]!,
    1,
    fc.integer({ min: 1, max: 1e7 }),
  );
  monotone(
    'more days past due never raise credit',
    (r, more) => ({ worstDaysPastDue: r.worstDaysPastDue + more }),
    (run, k) => run.scores.credit[k]!,
    -1,
    fc.integer({ min: 1, max: 500 }),
  );
  monotone(
    'fewer instalments on time never raise credit',
    (r, fewer) => ({ repaymentsOnTime: Math.max(0, r.repaymentsOnTime - fewer) }),
    (run, k) => run.scores.credit[k]!,
    -1,
    fc.integer({ min: 1, max: 60 }),
  );
  monotone(
    'more months active never lower activity',
    (r, more) => {
      const monthsActive12 = Math.min(12, r.monthsActive12 + more);
      return { monthsActive12, monthsActive24: Math.max(r.monthsActive24, monthsActive12) };
    },
    (run, k) => run.scores.activity[k]!,
    1,
    fc.integer({ min: 1, max: 12 }),
  );
  monotone(
    'longer tenure never lowers loyalty',
    (r, more) => ({ tenureMonths: r.tenureMonths + more }),
    (run, k) => run.scores.loyalty[k]!,
    1,
    fc.integer({ min: 1, max: 300 }),
  );

  test('the same features and model give byte-identical outputs', () => {
    fc.assert(
      fc.property(branch, (records) => {
        const a = score(records);
        const b = score(records.map((r) => structuredClone(r)));
        const columns = (run: ScoringRun) => [
          run.profitFen,
          ...scoreKeys.map((k) => run.scores[k]),
          run.creditGrade,
          run.composite,
          run.tier,
          run.vetoes,
          ...Object.values(run.personas),
        ];
        const bytes = (run: ScoringRun) => columns(run).map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
        expect(bytes(a)).toEqual(bytes(b));
        expect(a.modelVersion).toBe(b.modelVersion);
      }),
      { numRuns: 50 },
    );
  });

  test('no credit history is a state of its own, not a low score', () => {
    fc.assert(
      fc.property(arbitraryCustomer, (record) => {
        const none = { ...record, loanCount: 0, activeLoanCount: 0, worstClassification: 'none' as const };
        const e = explain(score([none]), 0);
        expect(e.credit).toMatchObject({ state: 'no_history', grade: null });
        expect(e.scores.credit).toMatchObject({ score: null, factors: [] });
        // The composite does not depend on the credit weight at all.
        const heavier = { ...model, composite: { weights: { ...model.composite.weights, credit: 90 } } };
        const other = explain(scoreCustomers(featuresFromRecords([none]), heavier), 0);
        expect(other.composite.value).toBeCloseTo(e.composite.value, 12);
      }),
      { numRuns: 100 },
    );
  });
});
