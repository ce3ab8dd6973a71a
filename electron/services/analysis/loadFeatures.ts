// Reads the feature table (kept up to date by every import) with the customers' own columns, the blacklist and
// the latest complaints into the scoring model's columnar table: in customer-number order, in chunks, with
// progress and cancellation; a large branch on two threads (parallelFeatureLoad.ts), so that a million customers
// load in a few seconds.
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import { storedAsOfMonth } from '../features/refresh.js';
import { featureWindows, type FeatureWindows } from '../features/windows.js';
import { decodeFeatureRow, featureRowColumns, featureRowContext, featureRowSource } from './featureRow.js';
import { readFeatureRange } from './featureRange.js';
import { loadFeaturesInParallel } from './parallelFeatureLoad.js';
import { createFeatures, type CustomerFeatures } from './scoring/index.js';

/** Below this many customers a second thread costs more to start than it saves. */
const parallelFromDefault = 50_000;

export interface LoadedFeatures {
  /** Customer numbers, in the order of the feature table's rows. */
  ids: string[];
  /** Branch numbers; `features.branch` indexes into it. */
  branches: string[];
  features: CustomerFeatures;
  windows: FeatureWindows;
}

export interface LoadOptions {
  /** Only this customer (for a customer card). */
  only?: string;
  /** The better-sqlite3 addon built for the runtime (Electron), for the loading thread's connection. */
  sqliteBinding?: string;
  /** From how many customers the load is split across two threads. */
  parallelFrom?: number;
}

/** The features of every customer, or of the one named by `only`. */
export async function loadFeatures(
  db: Database.Database,
  job: Job,
  onProgress: (done: number, total: number) => void,
  options: LoadOptions = {},
): Promise<LoadedFeatures> {
  const windows = featureWindows(storedAsOfMonth(db));
  const { asOfDate } = windows;
  const { only } = options;
  if (only !== undefined) {
    const row = db.prepare(`SELECT ${featureRowColumns} ${featureRowSource} WHERE c.customer_id = ?`).raw().get(only);
    const features = createFeatures(row === undefined ? 0 : 1);
    const context = featureRowContext(db, asOfDate);
    const ids = row === undefined ? [] : [decodeFeatureRow(row as unknown[], 0, features, context)];
    onProgress(ids.length, ids.length);
    return { ids, branches: context.branches, features, windows };
  }
  const n = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  // A second connection needs a file: an in-memory database is read on this thread alone.
  if (n >= Math.max(2, options.parallelFrom ?? parallelFromDefault) && !db.memory) {
    const loaded = await loadFeaturesInParallel(db, job, onProgress, n, asOfDate, options.sqliteBinding);
    return { ...loaded, windows };
  }
  const features = createFeatures(n);
  const context = featureRowContext(db, asOfDate);
  const ids = new Array<string>(n);
  for (const done of readFeatureRange(db, features, ids, 0, { start: 0, count: n, after: '', last: null }, context)) {
    onProgress(done, n);
    await job.checkpoint();
  }
  return { ids, branches: context.branches, features, windows };
}
