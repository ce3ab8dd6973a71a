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
