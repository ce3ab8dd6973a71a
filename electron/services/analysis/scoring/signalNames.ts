// The names persona rules may test: features, derived measures and scores, each a number per customer.
// Flags are 1 or 0; money is in yuan so that a rule reads as a banker writes it; unknown values are NaN.

export const signalNames = [
  'age',
  'rural',
  'occupation.farmer',
  'occupation.business',
  'occupation.salaried',
  'occupation.retired',
  'occupation.student',
  'payrollAccount',
  'pensionAccount',
  'depositMonths12',
  'depositBalanceYuan',
  'wealthBalanceYuan',
  /** Wealth-management balance as a share of deposits + wealth, 0–1 (0 when both are 0). */
  'wealthShare',
  'loanBalanceYuan',
  'activeLoans',
  'share.branch',
  'share.atm_pos',
  'share.internet',
  'share.mobile',
  'share.phone',
  'share.agent',
  'digitalShare',
  'cardSwipes12',
  'transactions12',
  'monthsActive12',
  /** Active months in the 12 months before the last 12, minus active months in the last 12: a falling-off. */
  'activeMonthsDrop',
  'daysSinceLastTx',
  'worstDaysPastDue',
  'holds.deposit',
  'holds.wealth',
  'holds.loan',
  'holds.card',
  'holds.ebanking',
  'holds.insurance',
  'holds.agri',
  'productCategories',
  'tenureMonths',
  'score.contribution',
  'score.activity',
  'score.channel',
  /** NaN for a customer with no credit history. */
  'score.credit',
  'score.loyalty',
  'score.composite',
] as const;

export type SignalName = (typeof signalNames)[number];
