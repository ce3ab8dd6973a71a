// Opens the branch database: WAL, foreign keys on, migrated to the latest schema.
import Database from 'better-sqlite3';
import { migrate, refuseNewerSchema } from './migrate.js';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
  });
  try {
    // Before anything else: switching to WAL rewrites the file header, and a newer database stays untouched.
    if (!options.readonly) refuseNewerSchema(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MB page cache: the customer indexes of a large branch fit
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
