// Every factor of every score on hand-made customers: the value read, the degree from the breakpoints, the points.
import { describe, expect, test } from 'vitest';
import type { CustomerFeatureRecord, ScoreKey } from '../../electron/services/analysis/scoring/index.js';
import {
  defaultScoringModel,
  explain,
  featuresFromRecords,
  scoreCustomers,
} from '../../electron/services/analysis/scoring/index.js';
import { customer, ordinaryCustomer } from './scoringFixtures.js';

const model = defaultScoringModel();

/** The explanation of one customer scored alone (contribution then ranks them in a branch of one). */
function explainOne(record: CustomerFeatureRecord) {
  return explain(scoreCustomers(featuresFromRecords([record]), model), 0);
}

function factor(record: CustomerFeatureRecord, score: ScoreKey, key: string) {
  const found = explainOne(record).scores[score].factors.find((f) => f.key === key);
  if (!found) throw new Error(`no factor ${key} in ${score}`);
  return found;
}

describe('activity (活跃度)', () => {
  test('deposits and withdrawals: 48 a year reach 0.8 of 25 points', () => {
    const f = factor(customer({ deposits12: 30, withdrawals12: 18 }), 'activity', 'transactions');
    expect(f).toMatchObject({ value: 48, degree: 0.8, weight: 25 });
    expect(f.share).toBeCloseTo(20, 10);
  });
  test('card swipes: 12 a year give half of 15 points', () => {
    expect(factor(customer({ cardSwipes12: 12 }), 'activity', 'cardSwipes').share).toBeCloseTo(7.5, 10);
  });
  test('e-channel transactions count internet, mobile and phone, not the counter', () => {
    const channelTx12 = { branch: 50, atm_pos: 0, internet: 4, mobile: 6, phone: 2, agent: 0 };
    const f = factor(customer({ channelTx12 }), 'activity', 'eChannel');
    expect(f.value).toBe(12);
    expect(f.share).toBeCloseTo(7.5, 10);
  });
  test('months active: 6 of 12 give half of 25 points', () => {
    expect(factor(customer({ monthsActive12: 6 }), 'activity', 'monthsActive').share).toBeCloseTo(12.5, 10);
  });
  test('recency: 60 days is between 30 (1) and 90 (0.6) days; never transacted gives nothing', () => {
    expect(factor(customer({ daysSinceLastTx: 60 }), 'activity', 'recency').degree).toBeCloseTo(0.8, 10);
    expect(factor(customer({ daysSinceLastTx: 10 }), 'activity', 'recency').share).toBeCloseTo(20, 10);
    const never = factor(customer({ daysSinceLastTx: null }), 'activity', 'recency');
    expect(never).toMatchObject({ value: null, degree: 0, share: 0 });
  });
});

describe('channel preference (渠道偏好)', () => {
  const channelTx12 = { branch: 2, atm_pos: 0, internet: 0, mobile: 8, phone: 0, agent: 0 };
  test('digital share: 80 % on internet and mobile gives all 50 points', () => {
    const f = factor(customer({ channelTx12 }), 'channel', 'digitalShare');
    expect(f.value).toBeCloseTo(0.8, 6);
    expect(f.share).toBeCloseTo(50, 5);
  });
  test('digital volume: 8 digital transactions are a third of the way to 24 (0.6)', () => {
    expect(factor(customer({ channelTx12 }), 'channel', 'digitalVolume').degree).toBeCloseTo(0.2, 10);
  });
  test('e-banking held gives 20 points', () => {
    expect(factor(customer({ categories: ['ebanking'] }), 'channel', 'ebankingHeld').share).toBe(20);
    expect(factor(customer({ categories: ['deposit'] }), 'channel', 'ebankingHeld').share).toBe(0);
  });
  test('shares of every channel and the dominant one', () => {
    const e = explainOne(customer({ channelTx12 }));
    expect(e.channel.dominant).toBe('mobile');
    expect(e.channel.shares.branch).toBeCloseTo(0.2, 6);
    expect(explainOne(customer()).channel.dominant).toBeNull();
  });
});

describe('credit (信用等级)', () => {
  const borrower = (o: Partial<CustomerFeatureRecord>) =>
    customer({ loanCount: 1, activeLoanCount: 1, worstClassification: 'normal', ...o });
  test('on-time ratio: 19 of 20 instalments is 0.95 → 0.9 of 35 points; none due yet counts as 1', () => {
    const f = factor(borrower({ repaymentsDue: 20, repaymentsOnTime: 19 }), 'credit', 'onTimeRatio');
    expect(f.value).toBeCloseTo(0.95, 10);
    expect(f.share).toBeCloseTo(31.5, 10);
    expect(factor(borrower({}), 'credit', 'onTimeRatio').share).toBeCloseTo(35, 10);
  });
  test('worst days past due: 30 days halves 25 points', () => {
    expect(factor(borrower({ worstDaysPastDue: 30 }), 'credit', 'worstDaysPastDue').share).toBeCloseTo(12.5, 10);
  });
  test('overdue now takes all 20 points away', () => {
    expect(factor(borrower({ overdue: true, overdueFen: 5000 }), 'credit', 'currentOverdue').share).toBe(0);
    expect(factor(borrower({}), 'credit', 'currentOverdue').share).toBe(20);
  });
  test('a defaulted loan takes all 10 points away', () => {
    expect(factor(borrower({ defaults: 1 }), 'credit', 'defaults').share).toBe(0);
  });
  test('five-category classification: substandard (次级) keeps 0.3 of 10 points', () => {
    const f = factor(borrower({ worstClassification: 'substandard' }), 'credit', 'classification');
    expect(f).toMatchObject({ value: 3, degree: 0.3 });
    expect(explainOne(borrower({ worstClassification: 'loss' })).credit.classification).toBe('loss');
  });
  test('a clean borrower scores 100 and grades AAA; a bad one grades C', () => {
    const good = explainOne(borrower({ repaymentsDue: 12, repaymentsOnTime: 12 }));
    expect(good.scores.credit.score).toBeCloseTo(100, 10);
    expect(good.credit).toMatchObject({ state: 'scored', grade: 'AAA' });
    const bad = explainOne(
      borrower({ repaymentsDue: 12, repaymentsOnTime: 4, worstDaysPastDue: 200, overdue: true, defaults: 1 }),
    );
    expect(bad.credit.grade).toBe('C');
  });
});

describe('loyalty (忠诚度)', () => {
  test('tenure: 60 months give 0.6 of 30 points', () => {
    expect(factor(customer({ tenureMonths: 60 }), 'loyalty', 'tenure').share).toBeCloseTo(18, 10);
  });
  test('breadth: 3 product categories give 0.6 of 25 points', () => {
    const f = factor(customer({ categories: ['deposit', 'card', 'loan'] }), 'loyalty', 'breadth');
    expect(f.value).toBe(3);
    expect(f.share).toBeCloseTo(15, 10);
  });
  test('balance stability: a variation of 0.3 sits between 0.1 (1) and 0.5 (0.4); unknown gives nothing', () => {
    expect(factor(customer({ balanceCv: 0.3 }), 'loyalty', 'balanceStability').degree).toBeCloseTo(0.7, 6);
    expect(factor(customer({ balanceCv: null }), 'loyalty', 'balanceStability').share).toBe(0);
  });
  test('a payroll or a pension account gives 20 points', () => {
    expect(factor(customer({ payrollAccount: true }), 'loyalty', 'payrollPension').share).toBe(20);
    expect(factor(customer({ pensionAccount: true }), 'loyalty', 'payrollPension').share).toBe(20);
    expect(factor(customer(), 'loyalty', 'payrollPension').share).toBe(0);
  });
  test('regular deposits: 6 months of 12 give half of 10 points', () => {
    expect(factor(customer({ depositMonths12: 6 }), 'loyalty', 'regularDeposits').share).toBeCloseTo(5, 10);
  });
});

describe('contribution (贡献度)', () => {
  const records = [
    ordinaryCustomer({ depositBalanceFen: 1_000_000, feeIncome12Fen: 5_000 }), // profit 15,000 + 5,000 fen
    ordinaryCustomer({ loanBalanceFen: 4_000_000 }), // 100,000 fen
    ordinaryCustomer({ wealthBalanceFen: 1_000_000 }), // 6,000 fen
    ordinaryCustomer(),
  ];
  const run = scoreCustomers(featuresFromRecords(records), model);
  test('yearly profit: deposits × margin + loans × margin + fees + wealth × fee rate', () => {
    expect([...run.profitFen]).toEqual([20_000, 100_000, 6_000, 0]);
  });
  test('ranked within the branch as a mid-rank percentile; no profit scores 0', () => {
    expect([...run.scores.contribution]).toEqual([(100 * 2) / 3, 100, (100 * 1) / 3, 0]);
  });
  test('each part of the profit takes its share of the score', () => {
    const factors = explain(run, 0).scores.contribution.factors;
    const score = run.scores.contribution[0]!;
    expect(factors.find((f) => f.key === 'deposits')!.share).toBeCloseTo(score * 0.75, 10);
    expect(factors.find((f) => f.key === 'fees')!.share).toBeCloseTo(score * 0.25, 10);
    expect(factors.find((f) => f.key === 'loans')!.share).toBe(0);
  });
  test('equal profits share a rank; branches are ranked apart', () => {
    const tie = scoreCustomers(
      featuresFromRecords([
        ordinaryCustomer({ depositBalanceFen: 100 }),
        ordinaryCustomer({ depositBalanceFen: 1_000_000 }),
        ordinaryCustomer({ depositBalanceFen: 1_000_000 }),
        ordinaryCustomer({ branch: 1, depositBalanceFen: 100 }),
      ]),
      model,
    );
    expect([...tie.scores.contribution]).toEqual([0, 75, 75, 100]);
  });
});

describe('composite value and tier', () => {
  test('credit is left out for a customer with no credit history, the other weights rescaled', () => {
    const e = explainOne(ordinaryCustomer({ depositBalanceFen: 1_000_000 }));
    const parts = e.composite.parts;
    expect(parts.find((p) => p.key === 'credit')!.weight).toBe(0);
    expect(parts.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(100, 10);
    expect(parts.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(e.composite.value, 10);
  });
  test('tiers follow the composite thresholds; an active low-value customer is "potential"', () => {
    const custom = { ...model, tiers: { ...model.tiers, vipMinComposite: 0, keyMinComposite: 0 } };
    expect(explain(scoreCustomers(featuresFromRecords([customer()]), custom), 0).tier).toBe('vip');
    expect(explainOne(customer()).tier).toBe('mass');
    const active = customer({ deposits12: 200, cardSwipes12: 100, monthsActive12: 12, daysSinceLastTx: 3 });
    expect(explainOne(active).tier).toBe('potential');
  });
});
