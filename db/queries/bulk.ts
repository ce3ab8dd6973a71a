// Bulk loading helpers: a transaction that spans async chunks, and secondary indexes rebuilt once
// after a large load instead of being updated row by row.
import type Database from 'better-sqlite3';

/**
 * Runs `body` inside BEGIN IMMEDIATE … COMMIT even though it awaits between chunks. The caller must
 * be the only writer on this connection while it runs (the data worker queues other writes).
 */
export async function inAsyncTransaction<T>(db: Database.Database, body: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await body();
    db.exec('COMMIT');
    // The load's pages stay in the WAL file (2.2 GB for a million customers) after they are copied into
    // the database, and the next start must read it all back before the first query: 3.5 s instead of
    // 0.4 s in docs/BENCHMARKS.md. Truncate it now (a busy reader only postpones this to a later write).
    db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export interface IndexDefinition {
  name: string;
  sql: string;
}

/** Drops the secondary indexes of `table`; the caller recreates them from the returned definitions. */
export function dropIndexes(db: Database.Database, table: string): IndexDefinition[] {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as IndexDefinition[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes;
}
