// Hand-made customers for the scoring tests, and an arbitrary customer for property tests.
import fc from 'fast-check';
import type { CustomerFeatureRecord } from '../../electron/services/analysis/scoring/index.js';
import {
  classificationCodes,
  emptyFeatureRecord,
  occupations,
  productCategories,
} from '../../electron/services/analysis/scoring/index.js';

export function customer(overrides: Partial<CustomerFeatureRecord> = {}): CustomerFeatureRecord {
  return { ...emptyFeatureRecord(), ...overrides };
}

/** An active, consenting adult with no loans and nothing that vetoes them. */
export function ordinaryCustomer(overrides: Partial<CustomerFeatureRecord> = {}): CustomerFeatureRecord {
  return customer({
    age: 40,
    tenureMonths: 60,
    monthsActive12: 10,
    monthsActive24: 20,
    daysSinceLastTx: 10,
    openAccounts: 2,
    consent: { marketing: true, sms: true, phone: false, visit: false, app: false },
    ...overrides,
  });
}

const count = (max: number) => fc.integer({ min: 0, max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

export const arbitraryCustomer: fc.Arbitrary<CustomerFeatureRecord> = fc
  .record({
    branch: count(2),
    depositBalanceFen: count(500_000_000),
    wealthBalanceFen: count(500_000_000),
    loanBalanceFen: count(500_000_000),
    feeIncome12Fen: count(1_000_000),
    deposits12: count(500),
    withdrawals12: count(500),
    cardSwipes12: count(500),
    channelTx12: fc.record({
      branch: count(300),
      atm_pos: count(300),
      internet: count(300),
      mobile: count(300),
      phone: count(300),
      agent: count(300),
    }),
    monthsActive12: count(12),
    extraMonths24: count(12),
    depositMonths12: count(12),
    daysSinceLastTx: maybe(count(2000)),
    loanCount: count(5),
    repaymentsDue: count(60),
    repaymentsLate: count(60),
    worstDaysPastDue: count(400),
    overdueFen: count(10_000_000),
    overdue: fc.boolean(),
    defaults: count(3),
    classification: count(classificationCodes.length - 1),
    tenureMonths: count(600),
    categories: fc.subarray([...productCategories]),
    balanceCv: maybe(fc.double({ min: 0, max: 5, noNaN: true })),
    payrollAccount: fc.boolean(),
    pensionAccount: fc.boolean(),
    age: maybe(fc.integer({ min: 0, max: 110 })),
    occupation: fc.constantFrom(...occupations),
    rural: fc.boolean(),
    consent: fc.record({
      marketing: fc.boolean(),
      sms: fc.boolean(),
      phone: fc.boolean(),
      visit: fc.boolean(),
      app: fc.boolean(),
    }),
    doNotContact: fc.boolean(),
    blacklisted: fc.boolean(),
    openAccounts: count(6),
    dormantAccounts: count(6),
    frozenAccounts: count(2),
    daysSinceComplaint: maybe(count(1000)),
  })
  .map(({ extraMonths24, repaymentsLate, classification, ...r }) => ({
    ...r,
    monthsActive24: r.monthsActive12 + extraMonths24,
    activeLoanCount: r.loanCount,
    repaymentsOnTime: Math.max(0, r.repaymentsDue - repaymentsLate),
    worstClassification: r.loanCount === 0 ? 'none' : classificationCodes[Math.max(1, classification)]!,
    dormantAccounts: Math.min(r.dormantAccounts, r.openAccounts),
  }));
