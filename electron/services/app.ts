// What the app shows about itself and its database: version, data location, branch, size.
import type { AppInfo, DatabaseStats } from '../api/types.js';
import { prepared } from '../../db/queries/prepared.js';
import { schemaVersion } from '../../db/migrate.js';
import type { ServiceContext } from './context.js';
import { appVersion } from './version.js';

interface BranchRecord {
  branch_id: string;
  name: string;
  is_demo: number;
}

let customerTotal: { generation: number; count: number } | null = null;

function countAllCustomers(ctx: ServiceContext): number {
  const generation = ctx.dataGeneration();
  if (customerTotal?.generation !== generation) {
    customerTotal = { generation, count: prepared(ctx.db, 'SELECT count(*) FROM customers').pluck().get() as number };
  }
  return customerTotal.count;
}

export function appInfo(ctx: ServiceContext): AppInfo {
  const branch = prepared(ctx.db, 'SELECT branch_id, name, is_demo FROM branches ORDER BY branch_id LIMIT 1').get() as
    BranchRecord | undefined;
  return {
    version: appVersion,
    dataDir: ctx.paths.dataDir,
    databaseFile: ctx.paths.databaseFile,
    schemaVersion: schemaVersion(ctx.db),
    branch: branch ? { branchId: branch.branch_id, name: branch.name, isDemo: branch.is_demo === 1 } : null,
    customerCount: countAllCustomers(ctx),
  };
}

export function databaseStats(ctx: ServiceContext): DatabaseStats {
  const count = (table: string) => prepared(ctx.db, `SELECT count(*) FROM ${table}`).pluck().get() as number;
  const sums = prepared(
    ctx.db,
    'SELECT coalesce(sum(deposit_balance_fen), 0) AS deposit, coalesce(sum(loan_balance_fen), 0) AS loan FROM customers',
  ).get() as { deposit: number; loan: number };
  const demo = prepared(ctx.db, 'SELECT count(*) FROM branches WHERE is_demo = 1').pluck().get() as number;
  return {
    schemaVersion: schemaVersion(ctx.db),
    branches: count('branches'),
    staff: count('staff'),
    customers: countAllCustomers(ctx),
    products: count('products'),
    holdings: count('holdings'),
    activityRows: count('activity_monthly'),
    loans: count('loans'),
    repayments: count('repayments'),
    depositBalanceFen: sums.deposit,
    loanBalanceFen: sums.loan,
    isDemo: demo > 0,
  };
}
