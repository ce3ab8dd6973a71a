// The customer features worked out row by row in plain TypeScript from the raw tables, independently of
// the SQL in electron/services/features, for tests to compare the stored table against.
import type Database from 'better-sqlite3';

export type FeatureRow = Record<string, number | string | null>;

const channels = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'];
const categoryBits: Record<string, number> = {
  deposit: 1,
  wealth: 2,
  loan: 4,
  card: 8,
  ebanking: 16,
  insurance: 32,
  agri: 64,
};
const classificationCodes: Record<string, number> = {
  normal: 1,
  special_mention: 2,
  substandard: 3,
  doubtful: 4,
  loss: 5,
};

interface HoldingRow {
  customer_id: string;
  product_id: string;
  status: string;
  category: string;
  balance_fen: number;
}
interface ActivityRow {
  customer_id: string;
  month: string;
  channel: string;
  deposit_count: number;
  withdrawal_count: number;
  card_swipes: number;
  avg_balance_fen: number;
  fee_income_fen: number;
}
interface LoanRow {
  loan_id: string;
  customer_id: string;
  status: string;
  classification: string;
  balance_fen: number;
}
interface RepaymentRow {
  loan_id: string;
  due_date: string;
  due_fen: number;
  paid_fen: number;
  days_past_due: number;
}

function addMonths(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function blank(): FeatureRow {
  const row: FeatureRow = {};
  for (const column of [
    'deposit_balance_fen',
    'wealth_balance_fen',
    'open_accounts',
    'dormant_accounts',
    'frozen_accounts',
    'category_bits',
    'payroll_bits',
    'fee_income_12_fen',
    'deposits_12',
    'withdrawals_12',
    'card_swipes_12',
    ...channels.map((c) => `tx_${c}_12`),
    'months_active_12',
    'months_active_24',
    'deposit_months_12',
    'balance_months_12',
    'balance_sum_12',
    'balance_square_sum_12',
    'loan_count',
    'live_loan_count',
    'repayments_due',
    'repayments_on_time',
    'worst_days_past_due',
    'overdue_fen',
    'overdue_flag',
    'defaults',
    'worst_classification',
  ])
    row[column] = 0;
  row.last_active_month = null;
  return row;
}

export function referenceFeatures(db: Database.Database, asOfMonth: string): Map<string, FeatureRow> {
  const from12 = addMonths(asOfMonth, -11);
  const from24 = addMonths(asOfMonth, -23);
  const [year, month] = [Number(asOfMonth.slice(0, 4)), Number(asOfMonth.slice(5, 7))];
  const asOfDate = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const rows = new Map<string, FeatureRow>();
  const ids = db.prepare('SELECT customer_id FROM customers').pluck().all() as string[];
  for (const id of ids) rows.set(id, blank());
  const row = (id: string) => rows.get(id)!;
  const add = (r: FeatureRow, column: string, value: number) => (r[column] = (r[column] as number) + value);

  const holdings = db
    .prepare('SELECT h.*, p.category FROM holdings h JOIN products p USING (product_id)')
    .all() as HoldingRow[];
  for (const h of holdings) {
    const r = row(h.customer_id);
    if (h.status === 'dormant') add(r, 'dormant_accounts', 1);
    if (h.status === 'frozen') add(r, 'frozen_accounts', 1);
    if (h.status === 'closed') continue;
    add(r, 'open_accounts', 1);
    if (h.category === 'deposit') add(r, 'deposit_balance_fen', h.balance_fen);
    if (h.category === 'wealth') add(r, 'wealth_balance_fen', h.balance_fen);
    r.category_bits = (r.category_bits as number) | (categoryBits[h.category] ?? 0);
    if (h.product_id === 'D04') r.payroll_bits = (r.payroll_bits as number) | 1;
    if (h.product_id === 'D05') r.payroll_bits = (r.payroll_bits as number) | 2;
  }

  // One entry per customer and month: its totals and the mean of its channel rows' balances.
  const months = new Map<string, { tx: number; deposits: number; balances: number[] }>();
  const activity = db.prepare('SELECT * FROM activity_monthly').all() as ActivityRow[];
  for (const a of activity) {
    if (a.month < from24 || a.month > asOfMonth) continue;
    const r = row(a.customer_id);
    const tx = a.deposit_count + a.withdrawal_count + a.card_swipes;
    if (a.month >= from12) {
      add(r, 'fee_income_12_fen', a.fee_income_fen);
      add(r, 'deposits_12', a.deposit_count);
      add(r, 'withdrawals_12', a.withdrawal_count);
      add(r, 'card_swipes_12', a.card_swipes);
      add(r, `tx_${a.channel}_12`, tx);
    }
    const key = `${a.customer_id}|${a.month}`;
    const entry = months.get(key) ?? { tx: 0, deposits: 0, balances: [] };
    entry.tx += tx;
    entry.deposits += a.deposit_count;
    entry.balances.push(a.avg_balance_fen);
    months.set(key, entry);
  }
  for (const [key, entry] of months) {
    const [id, m] = key.split('|') as [string, string];
    const r = row(id);
    const balance = entry.balances.reduce((s, b) => s + b, 0) / entry.balances.length;
    if (entry.tx > 0) {
      add(r, 'months_active_24', 1);
      if (r.last_active_month === null || m > (r.last_active_month as string)) r.last_active_month = m;
    }
    if (m < from12) continue;
    if (entry.tx > 0) add(r, 'months_active_12', 1);
    if (entry.deposits > 0) add(r, 'deposit_months_12', 1);
    add(r, 'balance_months_12', 1);
    add(r, 'balance_sum_12', balance);
    add(r, 'balance_square_sum_12', balance * balance);
  }

  const loans = db.prepare('SELECT * FROM loans').all() as LoanRow[];
  const repayments = db.prepare('SELECT * FROM repayments').all() as RepaymentRow[];
  const byLoan = new Map<string, RepaymentRow[]>();
  for (const p of repayments) byLoan.set(p.loan_id, [...(byLoan.get(p.loan_id) ?? []), p]);
  for (const l of loans) {
    const r = row(l.customer_id);
    const live = l.status !== 'repaid';
    add(r, 'loan_count', 1);
    if (live) add(r, 'live_loan_count', 1);
    if (l.status === 'defaulted') add(r, 'defaults', 1);
    r.worst_classification = Math.max(r.worst_classification as number, classificationCodes[l.classification] ?? 0);
    let unpaid = 0;
    for (const p of byLoan.get(l.loan_id) ?? []) {
      if (p.due_date > asOfDate) continue;
      add(r, 'repayments_due', 1);
      if (p.paid_fen >= p.due_fen && p.days_past_due === 0) add(r, 'repayments_on_time', 1);
      if (p.due_date >= `${from24}-01`) {
        r.worst_days_past_due = Math.max(r.worst_days_past_due as number, p.days_past_due);
      }
      if (p.paid_fen < p.due_fen) unpaid += p.due_fen - p.paid_fen;
    }
    if (live) add(r, 'overdue_fen', unpaid);
    if ((live && unpaid > 0) || ((l.status === 'overdue' || l.status === 'defaulted') && l.balance_fen > 0)) {
      r.overdue_flag = 1;
    }
  }
  return rows;
}

/** The stored table, in the same shape. */
export function storedFeatures(db: Database.Database): Map<string, FeatureRow> {
  const rows = db.prepare('SELECT * FROM customer_features').all() as FeatureRow[];
  return new Map(rows.map(({ customer_id, ...rest }) => [customer_id as string, rest]));
}
