// Brings customer_features up to date for some customers (those an import touched) or all of them (after
// the as-of month moved, or a first load), chunk by chunk with progress, inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import type { ActivityTally } from './activityTally.js';
import { refreshChunk, refreshChunkFromTally } from './featureSql.js';
import { featureWindows } from './windows.js';

const chunkSize = 5000;

export const payrollProductsKey = 'features.payrollProducts';
export const pensionProductsKey = 'features.pensionProducts';
/** The demo catalogue's payroll (代发工资) and pension (养老金代发) accounts; a bank sets its own. */
const defaultPayrollProducts = ['D04'];
const defaultPensionProducts = ['D05'];

/** The customers whose features are refreshed: fill temp.feature_scope, then call refreshFeatures. */
export function openFeatureScope(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS feature_scope (customer_id TEXT PRIMARY KEY) WITHOUT ROWID');
}

export function addToFeatureScope(db: Database.Database, select: string): void {
  openFeatureScope(db);
  db.exec(`INSERT OR IGNORE INTO temp.feature_scope ${select}`);
}

function productList(db: Database.Database, key: string, fallback: string[]): string {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return raw ?? JSON.stringify(fallback);
}

export function storedAsOfMonth(db: Database.Database): string | null {
  return (db.prepare('SELECT as_of_month FROM feature_state WHERE id = 1').pluck().get() as string | null) ?? null;
}

export interface RefreshOptions {
  /** Every customer rather than temp.feature_scope. */
  all: boolean;
  /** The as-of month to compute against (the stored one when undefined). */
  asOfMonth?: string | null;
  onProgress?(done: number, total: number): void;
  /**
   * With `all`: the activity columns added up while the activity table was first loaded in this import;
   * the customers it could not settle are computed from the table.
   */
  tally?: ActivityTally;
}

/** Refreshes the features of the scope (or of all customers) and empties the scope. */
export async function refreshFeatures(db: Database.Database, job: Job, options: RefreshOptions): Promise<number> {
  openFeatureScope(db);
  if (options.all) {
    db.exec('DELETE FROM temp.feature_scope');
    db.exec('INSERT INTO temp.feature_scope SELECT customer_id FROM customers');
  }
  const stored = storedAsOfMonth(db);
  const asOfMonth = options.asOfMonth === undefined ? stored : options.asOfMonth;
  const total = db.prepare('SELECT count(*) FROM temp.feature_scope').pluck().get() as number;
  const hasState = db.prepare('SELECT EXISTS (SELECT 1 FROM feature_state)').pluck().get() === 1;
  // Nothing touched and nothing moved: the table is left exactly as it was.
  if (total === 0 && asOfMonth === stored && hasState) return 0;
  const windows = featureWindows(asOfMonth);
  const params = {
    ...windows,
    payroll: productList(db, payrollProductsKey, defaultPayrollProducts),
    pension: productList(db, pensionProductsKey, defaultPensionProducts),
  };
  // The customers a tally could not settle, or null when the activity columns come from the table alone.
  const stale =
    options.all && options.tally && asOfMonth !== null ? await options.tally.writeTable(db, asOfMonth, job) : null;
  const refresh = refreshScope(db, job, params, (done) => options.onProgress?.(done, total + (stale?.length ?? 0)));
  const done = await refresh(stale ? refreshChunkFromTally : refreshChunk, 0);
  if (stale) {
    db.exec('DROP TABLE temp.activity_tally');
    db.exec('DELETE FROM temp.feature_scope');
    const add = db.prepare('INSERT INTO temp.feature_scope VALUES (?)');
    for (const id of stale) add.run(id);
    await refresh(refreshChunk, done);
  }
  db.prepare(
    `INSERT INTO feature_state (id, as_of_month, refreshed_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET as_of_month = excluded.as_of_month, refreshed_at = excluded.refreshed_at`,
  ).run(asOfMonth, new Date().toISOString());
  db.exec('DELETE FROM temp.feature_scope');
  return total;
}

/** Runs a refresh statement over temp.feature_scope chunk by chunk; returns `done` plus the customers refreshed. */
function refreshScope(
  db: Database.Database,
  job: Job,
  params: Record<string, string>,
  onProgress: (done: number) => void,
): (sql: string, done: number) => Promise<number> {
  return async (sql, done) => {
    const statement = db.prepare(sql);
    const names = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => n.slice(1));
    const bounds = db
      .prepare(
        `SELECT customer_id FROM (SELECT customer_id, row_number() OVER (ORDER BY customer_id) - 1 AS i FROM temp.feature_scope)
         WHERE i % ${chunkSize} = 0 ORDER BY customer_id`,
      )
      .pluck()
      .all() as string[];
    const count = db.prepare('SELECT count(*) FROM temp.feature_scope').pluck().get() as number;
    for (let chunk = 0; chunk < bounds.length; chunk++) {
      const range = { lo: bounds[chunk]!, hi: bounds[chunk + 1] ?? '\u{10ffff}' };
      const values: Record<string, string> = { ...params, ...range };
      // better-sqlite3 refuses values a statement does not name.
      statement.run(Object.fromEntries(names.map((name) => [name, values[name]])));
      onProgress(done + Math.min(count, (chunk + 1) * chunkSize));
      await job.checkpoint();
    }
    return done + count;
  };
}
