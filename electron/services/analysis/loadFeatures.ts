// Reads the feature table (kept up to date by every import) with the customers' own columns, the blacklist and
// the latest complaints into the scoring model's columnar table: one pass in customer-number order, in chunks,
// so that a million customers load in a few seconds with progress and cancellation.
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import { storedAsOfMonth } from '../features/refresh.js';
import { featureWindows, type FeatureWindows } from '../features/windows.js';
import {
  AREA_RURAL,
  AREA_URBAN,
  channels,
  createFeatures,
  occupations,
  type CustomerFeatures,
} from './scoring/index.js';

const chunkSize = 20_000;
const dayMs = 86_400_000;

export interface LoadedFeatures {
  /** Customer numbers, in the order of the feature table's rows. */
  ids: string[];
  /** Branch numbers; `features.branch` indexes into it. */
  branches: string[];
  features: CustomerFeatures;
  windows: FeatureWindows;
}

const columns = `c.customer_id, c.branch_id, c.birth_date, c.occupation, c.area_type, c.customer_since,
  c.consent_marketing | (c.consent_sms << 1) | (c.consent_phone << 2) | (c.consent_visit << 3)
    | (c.consent_app << 4) | (c.do_not_contact << 5),
  c.loan_balance_fen,
  f.deposit_balance_fen, f.wealth_balance_fen, f.open_accounts, f.dormant_accounts, f.frozen_accounts,
  f.category_bits, f.payroll_bits,
  f.fee_income_12_fen, f.deposits_12, f.withdrawals_12, f.card_swipes_12,
  ${channels.map((c) => `f.tx_${c}_12`).join(', ')},
  f.months_active_12, f.months_active_24, f.deposit_months_12, f.last_active_month,
  f.balance_months_12, f.balance_sum_12, f.balance_square_sum_12,
  f.loan_count, f.live_loan_count, f.repayments_due, f.repayments_on_time, f.worst_days_past_due,
  f.overdue_fen, f.overdue_flag, f.defaults, f.worst_classification`;

const from = `FROM customers c LEFT JOIN customer_features f ON f.customer_id = c.customer_id`;

/** The few customers listed or complaining, read apart: a probe per customer would cost a second a million. */
const listedSql = `SELECT customer_id FROM blacklist WHERE lifted_on IS NULL OR lifted_on > @asOfDate`;
const complainedSql = `SELECT customer_id, max(received_on) FROM complaints WHERE received_on <= @asOfDate GROUP BY customer_id`;
const chunkSql = `SELECT ${columns} ${from} WHERE c.customer_id > @after ORDER BY c.customer_id LIMIT ${chunkSize}`;
const oneSql = `SELECT ${columns} ${from} WHERE c.customer_id = @only AND @after = ''`;

/** The last day of a month, by month: a few dozen distinct months for a million customers. */
function lastDays(): (month: string) => string {
  const known = new Map<string, string>();
  return (month) => {
    let day = known.get(month);
    if (day === undefined) {
      day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      known.set(month, day);
    }
    return day;
  };
}

function days(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / dayMs);
}

function wholeYears(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

function wholeMonths(since: string, on: string): number {
  const months =
    (Number(on.slice(0, 4)) - Number(since.slice(0, 4))) * 12 + Number(on.slice(5, 7)) - Number(since.slice(5, 7));
  return Math.max(0, on.slice(8) < since.slice(8) ? months - 1 : months);
}

/** The features of every customer, or of the one named by `only` (for a customer card). */
export async function loadFeatures(
  db: Database.Database,
  job: Job,
  onProgress: (done: number, total: number) => void,
  only?: string,
): Promise<LoadedFeatures> {
  const windows = featureWindows(storedAsOfMonth(db));
  const { asOfDate } = windows;
  const n =
    only === undefined
      ? (db.prepare('SELECT count(*) FROM customers').pluck().get() as number)
      : (db.prepare('SELECT count(*) FROM customers WHERE customer_id = ?').pluck().get(only) as number);
  const features = createFeatures(n);
  const ids: string[] = new Array<string>(n);
  const branches: string[] = [];
  const branchIndex = new Map<string, number>();
  const statement = db.prepare(only === undefined ? chunkSql : oneSql).raw();
  const listed = new Set(db.prepare(listedSql).pluck().all({ asOfDate }) as string[]);
  const complained = new Map(db.prepare(complainedSql).raw().all({ asOfDate }) as [string, string][]);
  const lastDayOf = lastDays();
  const f = features;
  let i = 0;
  let after = '';
  for (;;) {
    const rows = statement.all(only === undefined ? { after, asOfDate } : { after, asOfDate, only }) as unknown[][];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (i >= n) throw new Error('customers were added while the features were read');
      let c = 0;
      const next = () => row[c++];
      const num = () => (row[c++] as number | null) ?? 0;
      const id = next() as string;
      ids[i] = id;
      const branch = next() as string;
      let b = branchIndex.get(branch);
      if (b === undefined) {
        b = branches.push(branch) - 1;
        branchIndex.set(branch, b);
      }
      f.branch[i] = b;
      const birth = next() as string | null;
      f.age[i] = birth === null ? Number.NaN : wholeYears(birth, asOfDate);
      f.occupation[i] = Math.max(0, occupations.indexOf(next() as (typeof occupations)[number]));
      f.area[i] = next() === 'rural' ? AREA_RURAL : AREA_URBAN;
      f.tenureMonths[i] = wholeMonths(next() as string, asOfDate);
      f.consent[i] = num();
      f.loanBalanceFen[i] = num();
      f.depositBalanceFen[i] = num();
      f.wealthBalanceFen[i] = num();
      f.openAccounts[i] = num();
      f.dormantAccounts[i] = num();
      f.frozenAccounts[i] = num();
      f.categoryBits[i] = num();
      f.payroll[i] = num();
      f.feeIncome12Fen[i] = num();
      f.deposits12[i] = num();
      f.withdrawals12[i] = num();
      f.cardSwipes12[i] = num();
      for (const channel of channels) f.channelTx12[channel][i] = num();
      f.monthsActive12[i] = num();
      f.monthsActive24[i] = num();
      f.depositMonths12[i] = num();
      const lastActive = next() as string | null;
      f.daysSinceLastTx[i] = lastActive === null ? Number.NaN : Math.max(0, days(lastDayOf(lastActive), asOfDate));
      const months = num();
      const sum = num();
      const squares = num();
      const mean = months > 0 ? sum / months : 0;
      f.balanceCv[i] =
        months >= 3 && mean > 0 ? Math.sqrt(Math.max(0, squares / months - mean * mean)) / mean : Number.NaN;
      f.loanCount[i] = num();
      f.activeLoanCount[i] = num();
      f.repaymentsDue[i] = num();
      f.repaymentsOnTime[i] = num();
      f.worstDaysPastDue[i] = num();
      f.overdueFen[i] = num();
      f.overdueFlag[i] = num();
      f.defaults[i] = num();
      f.worstClassification[i] = num();
      // A live loan is a loan product held, whatever the holdings say.
      if (f.activeLoanCount[i]! > 0) f.categoryBits[i] = f.categoryBits[i]! | 4;
      f.blacklisted[i] = listed.has(id) ? 1 : 0;
      const complaint = complained.get(id);
      f.daysSinceComplaint[i] = complaint === undefined ? Number.NaN : days(complaint, asOfDate);
      i += 1;
    }
    after = ids[i - 1]!;
    onProgress(i, n);
    await job.checkpoint();
  }
  if (i !== n) throw new Error(`read ${i} customers of ${n}: the customers changed while the features were read`);
  return { ids, branches, features, windows };
}
