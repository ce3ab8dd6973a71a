// One customer's row of the feature query and its decoding into the scoring model's columnar table: the one
// place that knows the query's columns, shared by every thread that loads features.
import type Database from 'better-sqlite3';
import { AREA_RURAL, AREA_URBAN, channels, occupations, type CustomerFeatures } from './scoring/index.js';

const dayMs = 86_400_000;

/**
 * An ISO date (YYYY-MM-DD) or month (YYYY-MM) as the number YYYYMMDD or YYYYMM (NULL stays NULL): numbers
 * cross into JavaScript at a fraction of the cost of text, and the import and editing store only ISO forms.
 */
function yyyymmdd(column: string): string {
  return `CAST(replace(${column}, '-', '') AS INTEGER)`;
}

/**
 * The columns of a feature row, in the order `decodeFeatureRow` reads them; the customer's text columns come as
 * numbers: dates as YYYYMMDD, the occupation as its place in `occupations`, the area as 1 for rural.
 */
export const featureRowColumns = `c.customer_id, c.branch_id, ${yyyymmdd('c.birth_date')},
  CASE c.occupation ${occupations.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} ELSE 0 END,
  c.area_type = 'rural', ${yyyymmdd('c.customer_since')},
  c.consent_marketing | (c.consent_sms << 1) | (c.consent_phone << 2) | (c.consent_visit << 3)
    | (c.consent_app << 4) | (c.do_not_contact << 5),
  c.loan_balance_fen,
  f.deposit_balance_fen, f.wealth_balance_fen, f.open_accounts, f.dormant_accounts, f.frozen_accounts,
  f.category_bits, f.payroll_bits,
  f.fee_income_12_fen, f.deposits_12, f.withdrawals_12, f.card_swipes_12,
  ${channels.map((c) => `f.tx_${c}_12`).join(', ')},
  f.months_active_12, f.months_active_24, f.deposit_months_12, ${yyyymmdd('f.last_active_month')},
  f.balance_months_12, f.balance_sum_12, f.balance_square_sum_12,
  f.loan_count, f.live_loan_count, f.repayments_due, f.repayments_on_time, f.worst_days_past_due,
  f.overdue_fen, f.overdue_flag, f.defaults, f.worst_classification`;

export const featureRowSource = `FROM customers c LEFT JOIN customer_features f ON f.customer_id = c.customer_id`;

/** The few customers listed or complaining, read apart: a probe per customer would cost a second a million. */
const listedSql = `SELECT customer_id FROM blacklist WHERE lifted_on IS NULL OR lifted_on > @asOfDate`;
const complainedSql = `SELECT customer_id, max(received_on) FROM complaints WHERE received_on <= @asOfDate GROUP BY customer_id`;

/** What decoding needs beside the row; one per reader, since it also numbers the branches that reader meets. */
export interface FeatureRowContext {
  asOfDate: string;
  listed: Set<string>;
  /** Date of each complaining customer's latest complaint. */
  complained: Map<string, string>;
  /** Branch numbers in the order met; `features.branch` indexes into it. */
  branches: string[];
  branchIndex: Map<string, number>;
  /** The as-of date as YYYYMMDD and as UTC milliseconds. */
  asOfNumber: number;
  asOfMs: number;
  /** The last day of a month (UTC milliseconds), by YYYYMM: a few dozen distinct months for a million customers. */
  lastDays: Map<number, number>;
}

export function featureRowContext(db: Database.Database, asOfDate: string): FeatureRowContext {
  return {
    asOfDate,
    listed: new Set(db.prepare(listedSql).pluck().all({ asOfDate }) as string[]),
    complained: new Map(db.prepare(complainedSql).raw().all({ asOfDate }) as [string, string][]),
    branches: [],
    branchIndex: new Map(),
    asOfNumber: Number(asOfDate.replaceAll('-', '')),
    asOfMs: Date.parse(asOfDate),
    lastDays: new Map(),
  };
}

function lastDayOf(month: number, known: Map<number, number>): number {
  let day = known.get(month);
  if (day === undefined) {
    day = Date.UTC(Math.floor(month / 100), month % 100, 0);
    known.set(month, day);
  }
  return day;
}

function days(fromIso: string, toMs: number): number {
  return Math.round((toMs - Date.parse(fromIso)) / dayMs);
}

/** Whole years from YYYYMMDD `birth` to YYYYMMDD `on`. */
function wholeYears(birth: number, on: number): number {
  const years = Math.floor(on / 10_000) - Math.floor(birth / 10_000);
  return on % 10_000 < birth % 10_000 ? years - 1 : years;
}

/** Whole months from YYYYMMDD `since` to YYYYMMDD `on`, at least 0. */
function wholeMonths(since: number, on: number): number {
  const months =
    (Math.floor(on / 10_000) - Math.floor(since / 10_000)) * 12 +
    (Math.floor(on / 100) % 100) -
    (Math.floor(since / 100) % 100);
  return Math.max(0, on % 100 < since % 100 ? months - 1 : months);
}

/** A feature column of a customer without a feature row (the LEFT JOIN's NULL) counts as zero. */
function num(value: unknown): number {
  return (value as number | null) ?? 0;
}

/** Decodes one row of `featureRowColumns` into row `i` of `f`; returns the customer number. */
export function decodeFeatureRow(row: unknown[], i: number, f: CustomerFeatures, context: FeatureRowContext): string {
  const { asOfNumber, asOfMs } = context;
  const id = row[0] as string;
  const branch = row[1] as string;
  let b = context.branchIndex.get(branch);
  if (b === undefined) {
    b = context.branches.push(branch) - 1;
    context.branchIndex.set(branch, b);
  }
  f.branch[i] = b;
  const birth = row[2] as number | null;
  f.age[i] = birth === null ? Number.NaN : wholeYears(birth, asOfNumber);
  f.occupation[i] = row[3] as number;
  f.area[i] = row[4] === 1 ? AREA_RURAL : AREA_URBAN;
  f.tenureMonths[i] = wholeMonths(row[5] as number, asOfNumber);
  let c = 6;
  f.consent[i] = num(row[c++]);
  f.loanBalanceFen[i] = num(row[c++]);
  f.depositBalanceFen[i] = num(row[c++]);
  f.wealthBalanceFen[i] = num(row[c++]);
  f.openAccounts[i] = num(row[c++]);
  f.dormantAccounts[i] = num(row[c++]);
  f.frozenAccounts[i] = num(row[c++]);
  f.categoryBits[i] = num(row[c++]);
  f.payroll[i] = num(row[c++]);
  f.feeIncome12Fen[i] = num(row[c++]);
  f.deposits12[i] = num(row[c++]);
  f.withdrawals12[i] = num(row[c++]);
  f.cardSwipes12[i] = num(row[c++]);
  for (const channel of channels) f.channelTx12[channel][i] = num(row[c++]);
  f.monthsActive12[i] = num(row[c++]);
  f.monthsActive24[i] = num(row[c++]);
  f.depositMonths12[i] = num(row[c++]);
  const lastActive = row[c++] as number | null;
  f.daysSinceLastTx[i] =
    lastActive === null
      ? Number.NaN
      : Math.max(0, Math.round((asOfMs - lastDayOf(lastActive, context.lastDays)) / dayMs));
  const months = num(row[c++]);
  const sum = num(row[c++]);
  const squares = num(row[c++]);
  const mean = months > 0 ? sum / months : 0;
  f.balanceCv[i] = months >= 3 && mean > 0 ? Math.sqrt(Math.max(0, squares / months - mean * mean)) / mean : Number.NaN;
  f.loanCount[i] = num(row[c++]);
  f.activeLoanCount[i] = num(row[c++]);
  f.repaymentsDue[i] = num(row[c++]);
  f.repaymentsOnTime[i] = num(row[c++]);
  f.worstDaysPastDue[i] = num(row[c++]);
  f.overdueFen[i] = num(row[c++]);
  f.overdueFlag[i] = num(row[c++]);
  f.defaults[i] = num(row[c++]);
  f.worstClassification[i] = num(row[c++]);
  // A live loan is a loan product held, whatever the holdings say.
  if (f.activeLoanCount[i]! > 0) f.categoryBits[i] = f.categoryBits[i]! | 4;
  f.blacklisted[i] = context.listed.has(id) ? 1 : 0;
  const complaint = context.complained.get(id);
  f.daysSinceComplaint[i] = complaint === undefined ? Number.NaN : days(complaint, asOfMs);
  return id;
}
