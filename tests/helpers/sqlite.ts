// Direct access to a test database file, bypassing the app: fingerprints to prove a database did not
// change, and databases that claim a newer schema.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { latestSchemaVersion } from '../../db/migrate.js';

export const dataTables = [
  'branches',
  'staff',
  'settings',
  'customers',
  'blacklist',
  'complaints',
  'products',
  'holdings',
  'activity_monthly',
  'loans',
  'repayments',
] as const;

export interface DatabaseFingerprint {
  userVersion: number;
  schema: string[];
  counts: Record<string, number>;
  /** SHA-256 over every customer row in customer-number order. */
  customersSha256: string;
  /** SHA-256 over every holding and loan row, which the demo load also writes. */
  holdingsAndLoansSha256: string;
}

function sha256OfRows(db: Database.Database, sql: string): string {
  const hash = createHash('sha256');
  for (const row of db.prepare(sql).iterate()) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}

/** Reads the database read-only and summarises everything a write could change. */
export function fingerprint(file: string): DatabaseFingerprint {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
    const counts: Record<string, number> = {};
    for (const table of dataTables) {
      if (tables.has(table)) counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      schema: db
        .prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
        .pluck()
        .all() as string[],
      counts,
      customersSha256: tables.has('customers') ? sha256OfRows(db, 'SELECT * FROM customers ORDER BY customer_id') : '',
      holdingsAndLoansSha256: tables.has('loans')
        ? sha256OfRows(db, 'SELECT * FROM holdings ORDER BY account_id') +
          sha256OfRows(db, 'SELECT * FROM loans ORDER BY loan_id')
        : '',
    };
  } finally {
    db.close();
  }
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * A database as a later BranchLoop would leave it: a schema version beyond the newest migration this
 * build knows, in rollback-journal mode so that any write to it (even switching to WAL) shows.
 */
export function createNewerDatabase(file: string): { version: number } {
  const version = latestSchemaVersion() + 10;
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE future_things (id INTEGER PRIMARY KEY, note TEXT) STRICT;
             INSERT INTO future_things (note) VALUES ('written by a newer BranchLoop');`);
    db.pragma(`user_version = ${version}`);
  } finally {
    db.close();
  }
  return { version };
}

/** The tables an import keeps its own records in: runs, the files applied and the rows rejected. */
export const importBookkeeping = ['import_runs', 'import_files', 'import_rejections'] as const;

/** Columns that hold the time a row was written, which two runs of the same import never share. */
export const writeTimes = [
  'branches.created_at',
  'customers.updated_at',
  'customer_changes.changed_at',
  'feature_state.refreshed_at',
  'import_runs.started_at',
  'import_runs.finished_at',
  'import_files.imported_at',
  'import_profiles.updated_at',
  'settings.updated_at',
] as const;

export interface ContentOptions {
  /** Tables left out altogether. */
  ignoreTables?: readonly string[];
  /** `table.column` names left out of their table's rows. */
  ignoreColumns?: readonly string[];
}

/**
 * Every table of the database (SQLite's own statistics aside) as its row count and a SHA-256 over its
 * rows sorted by all their columns, with the schema and user_version: two databases with equal
 * content give equal objects, whatever order the rows were written in.
 */
export function databaseContent(file: string, options: ContentOptions = {}): Record<string, string> {
  const ignoredTables = new Set(options.ignoreTables ?? []);
  const ignoredColumns = new Set(options.ignoreColumns ?? []);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const content: Record<string, string> = {
      user_version: String(db.pragma('user_version', { simple: true })),
      schema: createHash('sha256')
        .update(
          (
            db
              .prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
              .pluck()
              .all() as string[]
          )
            .filter((entry) => !/^table sqlite_stat/.test(entry))
            .join('\n'),
        )
        .digest('hex'),
    };
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    for (const table of tables) {
      if (ignoredTables.has(table)) continue;
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[])
        .filter((column) => !ignoredColumns.has(`${table}.${column}`))
        .map((column) => `"${column}"`);
      const order = columns.map((_, i) => String(i + 1)).join(', ');
      const rows = db.prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${order}`).raw();
      const hash = createHash('sha256');
      let count = 0;
      for (const row of rows.iterate()) {
        hash.update(JSON.stringify(row)).update('\n');
        count += 1;
      }
      content[table] = `${count} rows ${hash.digest('hex')}`;
    }
    return content;
  } finally {
    db.close();
  }
}
