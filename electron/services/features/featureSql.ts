// The customer features of one chunk of customers (temp.feature_scope between :lo inclusive and :hi exclusive),
// written in one statement: each group of columns an aggregate over its source, grouped by customer, joined to
// the chunk's customers, with zeros for a customer who holds, does or owes nothing. docs/SCORES.md, "The
// feature table", says what each column means.

const chunk = `SELECT s.customer_id FROM temp.feature_scope s JOIN customers c ON c.customer_id = s.customer_id
  WHERE s.customer_id >= @lo AND s.customer_id < @hi`;
const inChunk = (column: string) =>
  `${column} IN (SELECT customer_id FROM temp.feature_scope WHERE customer_id >= @lo AND customer_id < @hi)`;

const categoryBit = `CASE p.category WHEN 'deposit' THEN 1 WHEN 'wealth' THEN 2 WHEN 'loan' THEN 4 WHEN 'card' THEN 8
  WHEN 'ebanking' THEN 16 WHEN 'insurance' THEN 32 WHEN 'agri' THEN 64 ELSE 0 END`;

interface Group {
  /** The aggregate, one row per customer of the chunk that has any source row. */
  select: string;
  /** Its columns, named as in customer_features. */
  columns: readonly string[];
  /** What a customer without source rows gets; zero where not named. */
  missing?: Readonly<Record<string, string>>;
}

/** @payroll and @pension: JSON arrays of the product numbers of payroll and pension accounts. */
const holdings: Group = {
  columns: [
    'deposit_balance_fen',
    'wealth_balance_fen',
    'open_accounts',
    'dormant_accounts',
    'frozen_accounts',
    'category_bits',
    'payroll_bits',
  ],
  select: `SELECT h.customer_id,
    sum(CASE WHEN h.status <> 'closed' AND p.category = 'deposit' THEN h.balance_fen ELSE 0 END) AS deposit_balance_fen,
    sum(CASE WHEN h.status <> 'closed' AND p.category = 'wealth' THEN h.balance_fen ELSE 0 END) AS wealth_balance_fen,
    count(CASE WHEN h.status <> 'closed' THEN 1 END) AS open_accounts,
    count(CASE WHEN h.status = 'dormant' THEN 1 END) AS dormant_accounts,
    count(CASE WHEN h.status = 'frozen' THEN 1 END) AS frozen_accounts,
    coalesce(sum(DISTINCT CASE WHEN h.status <> 'closed' THEN ${categoryBit} END), 0) AS category_bits,
    max(CASE WHEN h.status <> 'closed' AND h.product_id IN (SELECT value FROM json_each(@payroll)) THEN 1 ELSE 0 END)
      | max(CASE WHEN h.status <> 'closed' AND h.product_id IN (SELECT value FROM json_each(@pension)) THEN 2 ELSE 0 END)
      AS payroll_bits
  FROM holdings h JOIN products p ON p.product_id = h.product_id
  WHERE ${inChunk('h.customer_id')}
  GROUP BY h.customer_id`,
};

/** In the order of the tx_<channel>_12 columns. */
export const channels = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'] as const;
const in12 = (expression: string) => `sum(CASE WHEN m.month >= @from12 THEN ${expression} ELSE 0 END)`;

/** Month by month first (the table's key order, no sort), then per customer. */
const activity: Group = {
  columns: [
    'fee_income_12_fen',
    'deposits_12',
    'withdrawals_12',
    'card_swipes_12',
    ...channels.map((c) => `tx_${c}_12`),
    'months_active_12',
    'months_active_24',
    'deposit_months_12',
    'last_active_month',
    'balance_months_12',
    'balance_sum_12',
    'balance_square_sum_12',
  ],
  missing: { last_active_month: 'NULL' },
  select: `SELECT m.customer_id,
    ${in12('m.fee')} AS fee_income_12_fen,
    ${in12('m.deposits')} AS deposits_12,
    ${in12('m.withdrawals')} AS withdrawals_12,
    ${in12('m.swipes')} AS card_swipes_12,
    ${channels.map((c) => `${in12(`m.tx_${c}`)} AS tx_${c}_12`).join(',\n    ')},
    count(CASE WHEN m.month >= @from12 AND m.tx > 0 THEN 1 END) AS months_active_12,
    count(CASE WHEN m.tx > 0 THEN 1 END) AS months_active_24,
    count(CASE WHEN m.month >= @from12 AND m.deposits > 0 THEN 1 END) AS deposit_months_12,
    max(CASE WHEN m.tx > 0 THEN m.month END) AS last_active_month,
    count(CASE WHEN m.month >= @from12 THEN 1 END) AS balance_months_12,
    ${in12('m.balance')} AS balance_sum_12,
    ${in12('m.balance * m.balance')} AS balance_square_sum_12
  FROM (
    SELECT customer_id, month,
      sum(deposit_count) AS deposits, sum(withdrawal_count) AS withdrawals, sum(card_swipes) AS swipes,
      sum(deposit_count + withdrawal_count + card_swipes) AS tx,
      ${channels
        .map(
          (c) =>
            `sum(CASE WHEN channel = '${c}' THEN deposit_count + withdrawal_count + card_swipes ELSE 0 END) AS tx_${c}`,
        )
        .join(',\n      ')},
      sum(fee_income_fen) AS fee, avg(avg_balance_fen) AS balance
    FROM activity_monthly
    WHERE ${inChunk('customer_id')} AND month >= @from24 AND month <= @asOfMonth
    GROUP BY customer_id, month
  ) m
  GROUP BY m.customer_id`,
};

/** Loan by loan (with its instalments due by the as-of date), then per customer. */
const credit: Group = {
  columns: [
    'loan_count',
    'live_loan_count',
    'repayments_due',
    'repayments_on_time',
    'worst_days_past_due',
    'overdue_fen',
    'overdue_flag',
    'defaults',
    'worst_classification',
  ],
  select: `SELECT l.customer_id,
    count(*) AS loan_count,
    count(CASE WHEN l.status <> 'repaid' THEN 1 END) AS live_loan_count,
    sum(l.due) AS repayments_due,
    sum(l.on_time) AS repayments_on_time,
    max(l.worst) AS worst_days_past_due,
    sum(CASE WHEN l.status <> 'repaid' THEN l.unpaid ELSE 0 END) AS overdue_fen,
    max(CASE WHEN (l.status <> 'repaid' AND l.unpaid > 0)
               OR (l.status IN ('overdue', 'defaulted') AND l.balance_fen > 0) THEN 1 ELSE 0 END) AS overdue_flag,
    count(CASE WHEN l.status = 'defaulted' THEN 1 END) AS defaults,
    max(CASE l.classification WHEN 'normal' THEN 1 WHEN 'special_mention' THEN 2 WHEN 'substandard' THEN 3
          WHEN 'doubtful' THEN 4 WHEN 'loss' THEN 5 ELSE 0 END) AS worst_classification
  FROM (
    SELECT l.loan_id, l.customer_id, l.status, l.classification, l.balance_fen,
      count(r.due_date) AS due,
      count(CASE WHEN r.paid_fen >= r.due_fen AND r.days_past_due = 0 THEN 1 END) AS on_time,
      coalesce(max(CASE WHEN r.due_date >= @from24Date THEN r.days_past_due END), 0) AS worst,
      coalesce(sum(CASE WHEN r.paid_fen < r.due_fen THEN r.due_fen - r.paid_fen END), 0) AS unpaid
    FROM loans l LEFT JOIN repayments r ON r.loan_id = l.loan_id AND r.due_date <= @asOfDate
    WHERE ${inChunk('l.customer_id')}
    GROUP BY l.loan_id
  ) l
  GROUP BY l.customer_id`,
};

/** The activity columns, in the order features/activityTally.ts gives them. */
export const activityColumns = activity.columns;

/** The activity columns added up during a first load of the activity table (features/activityTally.ts). */
const tallied: Group = {
  columns: activity.columns,
  missing: activity.missing,
  select: `SELECT * FROM temp.activity_tally WHERE customer_id >= @lo AND customer_id < @hi`,
};

const aliases = { holdings: 'h', activity: 'a', credit: 'k' } as const;

function refreshSql(groups: Record<keyof typeof aliases, Group>): string {
  const names = Object.keys(aliases) as (keyof typeof aliases)[];
  const columns = names.flatMap((name) => groups[name].columns);
  const values = names.flatMap((name) => {
    const { columns: own, missing = {} } = groups[name];
    return own.map((c) => `coalesce(${aliases[name]}.${c}, ${missing[c] ?? '0'})`);
  });
  return `INSERT OR REPLACE INTO customer_features (customer_id, ${columns.join(', ')})
  SELECT s.customer_id, ${values.join(', ')}
  FROM (${chunk}) s
  ${names.map((name) => `LEFT JOIN (${groups[name].select}) ${aliases[name]} ON ${aliases[name]}.customer_id = s.customer_id`).join('\n  ')}`;
}

/** Replaces the chunk's rows of customer_features with freshly computed ones. */
export const refreshChunk = refreshSql({ holdings, activity, credit });

/** The same, with the activity columns taken from temp.activity_tally. */
export const refreshChunkFromTally = refreshSql({ holdings, activity: tallied, credit });
