// Loads a generated demo branch into the database in one transaction: all of it, or nothing.
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { DemoLoadResult } from '../../api/types.js';
import { dropIndexes, inAsyncTransaction, type IndexDefinition } from '../../../db/queries/bulk.js';
import type { ServiceContext } from '../context.js';
import { todayIso } from '../dates.js';
import { refreshFeatures } from '../features/refresh.js';
import { demoProducts } from './catalogue.js';
import { csvHeaders } from './csvColumns.js';
import { DemoGenerator } from './generate.js';
import { chineseName } from './names.js';
import { demoCounty } from './places.js';
import { Random } from './random.js';

export const demoBranchId = '3413';
const chunkSize = 500;
/** Above this many customers, rebuilding the indexes once beats updating them row by row. */
const bulkThreshold = 50_000;

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`;
}

// The export's customer columns are the table's own; the load adds the balances and the write time.
const customerColumns = [...csvHeaders['customers.csv'], 'deposit_balance_fen', 'loan_balance_fen', 'updated_at'];
const holdingColumns = ['account_id', 'customer_id', 'product_id', 'opened_on', 'status', 'balance_fen'] as const;
const activityColumns = [
  'customer_id',
  'month',
  'channel',
  'deposit_count',
  'withdrawal_count',
  'card_swipes',
  'amount_fen',
  'avg_balance_fen',
  'fee_income_fen',
] as const;
const loanColumns = [
  'loan_id',
  'customer_id',
  'product_id',
  'principal_fen',
  'balance_fen',
  'rate_bp',
  'start_date',
  'maturity_date',
  'status',
  'classification',
] as const;
const repaymentColumns = ['loan_id', 'due_date', 'due_fen', 'paid_date', 'paid_fen', 'days_past_due'] as const;
const blacklistColumns = ['customer_id', 'listed_on', 'reason', 'source', 'lifted_on'] as const;
const complaintColumns = [
  'complaint_id',
  'customer_id',
  'received_on',
  'channel',
  'category',
  'summary',
  'resolved_on',
] as const;

const dataTables = [
  'feature_state',
  'customer_features',
  'complaints',
  'blacklist',
  'repayments',
  'loans',
  'activity_monthly',
  'holdings',
  'customers',
  'products',
  'staff',
  'branches',
];

function customerCount(ctx: ServiceContext): number {
  return ctx.db.prepare('SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1)').pluck().get() as number;
}

export async function loadDemoBranch(ctx: ServiceContext, input: ParsedInputOf<'demo.load'>): Promise<DemoLoadResult> {
  const { db, job } = ctx;
  if (!input.replace && customerCount(ctx) > 0) {
    throw new AppError(
      'conflict',
      'This database already holds customers; load the demo branch with "replace" to overwrite them.',
    );
  }
  const asOf = todayIso();
  const random = new Random(input.seed);
  const rmCount = Math.max(3, Math.min(200, Math.round(input.customers / 250)));
  const staff = [
    { staff_id: 'H001', name: chineseName(random, 'M'), role: 'head' },
    { staff_id: 'O001', name: chineseName(random, 'F'), role: 'operator' },
    ...Array.from({ length: rmCount }, (_, i) => ({
      staff_id: `R${String(i + 1).padStart(3, '0')}`,
      name: chineseName(random, random.chance(0.5) ? 'M' : 'F'),
      role: 'rm',
    })),
  ];
  const generator = new DemoGenerator({
    seed: input.seed,
    branchId: demoBranchId,
    managerIds: staff.filter((s) => s.role === 'rm').map((s) => s.staff_id),
    asOf,
    activityMonths: input.activityMonths,
  });
  const totals: DemoLoadResult = {
    branchId: demoBranchId,
    customers: 0,
    holdings: 0,
    activityRows: 0,
    loans: 0,
    repayments: 0,
    blacklist: 0,
    complaints: 0,
  };

  const result = await inAsyncTransaction(db, async () => {
    for (const table of dataTables) db.exec(`DELETE FROM ${table}`);
    db.prepare(`DELETE FROM settings WHERE key = 'dataset'`).run();
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO branches (branch_id, name, region, is_demo, created_at) VALUES (?, ?, ?, 1, ?)`).run(
      demoBranchId,
      `${demoCounty}农商银行城关支行（演示）`,
      demoCounty,
      now,
    );
    const insertStaff = db.prepare(
      `INSERT INTO staff (staff_id, branch_id, name, role) VALUES (@staff_id, '${demoBranchId}', @name, @role)`,
    );
    for (const member of staff) insertStaff.run(member);
    const insertProduct = db.prepare(
      `INSERT INTO products (product_id, name, name_en, category) VALUES (@productId, @name, @nameEn, @category)`,
    );
    for (const product of demoProducts) insertProduct.run(product);

    const deferred: IndexDefinition[] =
      input.customers >= bulkThreshold
        ? ['customers', 'holdings', 'loans', 'complaints'].flatMap((table) => dropIndexes(db, table))
        : [];
    const insertCustomer = db.prepare(insertSql('customers', customerColumns));
    const insertHolding = db.prepare(insertSql('holdings', holdingColumns));
    const insertActivity = db.prepare(insertSql('activity_monthly', activityColumns));
    const insertLoan = db.prepare(insertSql('loans', loanColumns));
    const insertRepayment = db.prepare(insertSql('repayments', repaymentColumns));
    const insertListing = db.prepare(insertSql('blacklist', blacklistColumns));
    const insertComplaint = db.prepare(insertSql('complaints', complaintColumns));

    for (let start = 0; start < input.customers; start += chunkSize) {
      const end = Math.min(input.customers, start + chunkSize);
      for (let index = start; index < end; index++) {
        const generated = generator.customer(index);
        insertCustomer.run(generated.customer);
        for (const holding of generated.holdings) insertHolding.run(holding);
        for (const row of generated.activity) insertActivity.run(row);
        for (const loan of generated.loans) insertLoan.run(loan);
        for (const repayment of generated.repayments) insertRepayment.run(repayment);
        if (generated.blacklist) insertListing.run(generated.blacklist);
        for (const complaint of generated.complaints) insertComplaint.run(complaint);
        totals.holdings += generated.holdings.length;
        totals.activityRows += generated.activity.length;
        totals.loans += generated.loans.length;
        totals.repayments += generated.repayments.length;
        totals.blacklist += generated.blacklist ? 1 : 0;
        totals.complaints += generated.complaints.length;
      }
      totals.customers = end;
      job.progress({ phase: 'progress.customers', done: end, total: input.customers });
      await job.checkpoint();
    }
    for (const [i, index] of deferred.entries()) {
      job.progress({ phase: 'progress.indexes', done: i, total: deferred.length });
      await job.checkpoint();
      db.exec(index.sql);
    }
    await refreshFeatures(db, job, {
      all: true,
      asOfMonth: db.prepare('SELECT max(month) FROM activity_monthly').pluck().get() as string | null,
      onProgress: (done, total) => job.progress({ phase: 'progress.features', done, total }),
    });
    job.progress({ phase: 'progress.statistics', done: 0, total: 1 });
    await job.checkpoint();
    db.exec('ANALYZE');
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('dataset', ?, ?)`).run(
      JSON.stringify({ kind: 'demo', seed: input.seed, customers: input.customers, asOf }),
      now,
    );
    job.progress({ phase: 'progress.statistics', done: 1, total: 1 });
    return totals;
  });
  ctx.dataChanged();
  return result;
}
