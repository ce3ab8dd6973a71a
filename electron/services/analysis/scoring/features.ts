// The per-customer feature table the scores read: one typed array per feature, n customers long, so that a
// million customers score in tight loops. docs/SCORES.md says how each feature is computed from the tables.
import type { Channel, Occupation, ProductCategory } from '../../../api/types.js';
import { channels } from '../../../api/types.js';

export { channels };
export type { Channel };

export const occupations: readonly Occupation[] = ['farmer', 'business', 'salaried', 'retired', 'student', 'other'];
export const productCategories: readonly ProductCategory[] = [
  'deposit',
  'wealth',
  'loan',
  'card',
  'ebanking',
  'insurance',
  'agri',
];

/** Area codes of `area`. */
export const AREA_URBAN = 0;
export const AREA_RURAL = 1;

/** Bits of `consent`, one per consent flag of the customers table. */
export const CONSENT_MARKETING = 1;
export const CONSENT_SMS = 2;
export const CONSENT_PHONE = 4;
export const CONSENT_VISIT = 8;
export const CONSENT_APP = 16;
export const DO_NOT_CONTACT = 32;
/** Any of these bits is a consent to be approached for marketing through some channel. */
export const ANY_MARKETING_CONSENT = CONSENT_MARKETING | CONSENT_SMS | CONSENT_PHONE | CONSENT_VISIT | CONSENT_APP;

/** Bits of `payroll`. */
export const PAYROLL_ACCOUNT = 1;
export const PENSION_ACCOUNT = 2;

/** `worstClassification`: 0 = no loans, then the five-category classification (五级分类) from best to worst. */
export const classificationCodes = ['none', 'normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;
export type ClassificationName = (typeof classificationCodes)[number];

/** Bit of a product category in `categoryBits`. */
export function categoryBit(category: ProductCategory): number {
  return 1 << productCategories.indexOf(category);
}

export interface CustomerFeatures {
  /** Number of customers; every column has this length. */
  n: number;
  /** Index of the customer's branch in the caller's branch list; contribution is ranked within it. */
  branch: Uint32Array;

  // Balances and income, fen (Float64 holds whole fen exactly up to 9e15).
  depositBalanceFen: Float64Array;
  wealthBalanceFen: Float64Array;
  loanBalanceFen: Float64Array;
  /** Fee income (中间业务收入) of the last 12 months. */
  feeIncome12Fen: Float64Array;

  // Activity of the last 12 months, counts.
  deposits12: Uint32Array;
  withdrawals12: Uint32Array;
  cardSwipes12: Uint32Array;
  /** Transactions (deposits + withdrawals + card swipes) per channel. */
  channelTx12: Record<Channel, Uint32Array>;
  /** Months with any transaction, of the last 12 and of the last 24. */
  monthsActive12: Uint8Array;
  monthsActive24: Uint8Array;
  /** Months of the last 12 with at least one deposit (regular inflows: salary, pension, sales). */
  depositMonths12: Uint8Array;
  /** Days from the end of the last month with a transaction to the as-of date; NaN = never. */
  daysSinceLastTx: Float32Array;

  // Credit.
  /** Loans ever held, repaid ones included; 0 = no credit history. */
  loanCount: Uint16Array;
  /** Loans not repaid (active, overdue, defaulted). */
  activeLoanCount: Uint16Array;
  /** Instalments due up to the as-of date, and those paid in full with no day past due. */
  repaymentsDue: Uint32Array;
  repaymentsOnTime: Uint32Array;
  /** Worst days past due over the instalments due in the last 24 months. */
  worstDaysPastDue: Uint32Array;
  /** Unpaid amount of instalments already due. */
  overdueFen: Float64Array;
  /** 1 when an instalment is due and unpaid or a loan is in status overdue/defaulted with a balance. */
  overdueFlag: Uint8Array;
  /** Loans in status defaulted. */
  defaults: Uint8Array;
  /** Code in classificationCodes of the worst classification over the customer's loans. */
  worstClassification: Uint8Array;

  // Relationship.
  tenureMonths: Uint16Array;
  /** Bits (categoryBit) of the product categories held in an open account or a loan not repaid. */
  categoryBits: Uint8Array;
  /** Coefficient of variation of the monthly average balance over the last 12 months; NaN = under 3 months of data. */
  balanceCv: Float32Array;
  /** PAYROLL_ACCOUNT / PENSION_ACCOUNT bits: an open payroll or pension account (代发工资 / 养老金代发). */
  payroll: Uint8Array;

  // Person and consent.
  /** Age in whole years at the as-of date; NaN = birth date unknown. */
  age: Float32Array;
  /** Index into occupations. */
  occupation: Uint8Array;
  /** AREA_URBAN or AREA_RURAL. */
  area: Uint8Array;
  /** CONSENT_* and DO_NOT_CONTACT bits. */
  consent: Uint8Array;

  // Veto inputs.
  blacklisted: Uint8Array;
  /** Accounts not closed, and of them those dormant (睡眠户) and frozen (冻结). */
  openAccounts: Uint16Array;
  dormantAccounts: Uint16Array;
  frozenAccounts: Uint16Array;
  /** Days since the customer's last complaint (投诉); NaN = none on record. */
  daysSinceComplaint: Float32Array;
}

type Column = Exclude<CustomerFeatures[keyof CustomerFeatures], number | Record<Channel, Uint32Array>>;
type ColumnName = {
  [K in keyof CustomerFeatures]: CustomerFeatures[K] extends Column ? K : never;
}[keyof CustomerFeatures];
interface ColumnConstructor {
  new (lengthOrBuffer: number | SharedArrayBuffer): Column;
  readonly BYTES_PER_ELEMENT: number;
}

/** Every column with its array type, in the order of the interface. */
export const featureColumns: readonly (readonly [ColumnName, ColumnConstructor])[] = [
  ['branch', Uint32Array],
  ['depositBalanceFen', Float64Array],
  ['wealthBalanceFen', Float64Array],
  ['loanBalanceFen', Float64Array],
  ['feeIncome12Fen', Float64Array],
  ['deposits12', Uint32Array],
  ['withdrawals12', Uint32Array],
  ['cardSwipes12', Uint32Array],
  ['monthsActive12', Uint8Array],
  ['monthsActive24', Uint8Array],
  ['depositMonths12', Uint8Array],
  ['daysSinceLastTx', Float32Array],
  ['loanCount', Uint16Array],
  ['activeLoanCount', Uint16Array],
  ['repaymentsDue', Uint32Array],
  ['repaymentsOnTime', Uint32Array],
  ['worstDaysPastDue', Uint32Array],
  ['overdueFen', Float64Array],
  ['overdueFlag', Uint8Array],
  ['defaults', Uint8Array],
  ['worstClassification', Uint8Array],
  ['tenureMonths', Uint16Array],
  ['categoryBits', Uint8Array],
  ['balanceCv', Float32Array],
  ['payroll', Uint8Array],
  ['age', Float32Array],
  ['occupation', Uint8Array],
  ['area', Uint8Array],
  ['consent', Uint8Array],
  ['blacklisted', Uint8Array],
  ['openAccounts', Uint16Array],
  ['dormantAccounts', Uint16Array],
  ['frozenAccounts', Uint16Array],
  ['daysSinceComplaint', Float32Array],
];

/**
 * A zero-filled table for n customers: no balances, no activity, no loans, no consent. With `memory: 'shared'`
 * every column lies in SharedArrayBuffer memory, so that worker threads can fill it in place.
 */
export function createFeatures(n: number, memory: 'local' | 'shared' = 'local'): CustomerFeatures {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`createFeatures: n must be a whole number ≥ 0, got ${n}`);
  const column = (Constructor: ColumnConstructor) =>
    memory === 'shared'
      ? new Constructor(new SharedArrayBuffer(n * Constructor.BYTES_PER_ELEMENT))
      : new Constructor(n);
  const table: Record<string, unknown> = { n };
  for (const [name, Constructor] of featureColumns) table[name] = column(Constructor);
  table.channelTx12 = Object.fromEntries(channels.map((c) => [c, column(Uint32Array)]));
  const features = table as unknown as CustomerFeatures;
  features.daysSinceLastTx.fill(Number.NaN);
  features.balanceCv.fill(Number.NaN);
  features.age.fill(Number.NaN);
  features.daysSinceComplaint.fill(Number.NaN);
  features.occupation.fill(occupations.indexOf('other'));
  return features;
}

/**
 * Checks that a table handed in from outside has every column at length n and codes in range; the error names
 * the column and the first bad row, so a wrong feature query is found at once rather than as odd scores.
 */
export function checkFeatures(features: CustomerFeatures): void {
  const { n } = features;
  const fail = (column: string, detail: string): never => {
    throw new RangeError(`feature table, column ${column}: ${detail}`);
  };
  for (const [name, Constructor] of featureColumns) {
    const column = features[name];
    if (!(column instanceof Constructor)) fail(name, `expected a ${Constructor.name}`);
    if (column.length !== n) fail(name, `has ${column.length} rows, expected ${n}`);
  }
  for (const channel of channels) {
    const column = features.channelTx12[channel];
    if (!(column instanceof Uint32Array) || column.length !== n) fail(`channelTx12.${channel}`, `expected ${n} rows`);
  }
  const codeLimits: readonly (readonly [ColumnName, number])[] = [
    ['occupation', occupations.length - 1],
    ['area', AREA_RURAL],
    ['worstClassification', classificationCodes.length - 1],
    ['monthsActive12', 12],
    ['monthsActive24', 24],
    ['depositMonths12', 12],
    ['categoryBits', (1 << productCategories.length) - 1],
  ];
  for (const [name, max] of codeLimits) {
    const column = features[name];
    for (let i = 0; i < n; i++)
      if ((column[i] as number) > max) fail(name, `row ${i} holds ${column[i]}, at most ${max}`);
  }
  for (const name of [
    'depositBalanceFen',
    'wealthBalanceFen',
    'loanBalanceFen',
    'feeIncome12Fen',
    'overdueFen',
  ] as const) {
    const column = features[name];
    for (let i = 0; i < n; i++) if (!Number.isFinite(column[i])) fail(name, `row ${i} is not a finite amount`);
  }
}
