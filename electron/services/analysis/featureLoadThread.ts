// The loading thread of a parallel feature load: reads one range of customers on a read-only connection of its
// own, straight into the shared feature table, reports progress after every chunk, and sends back the customer
// and branch numbers of its range. An error ends the thread; the calling thread reports it.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/connection.js';
import { featureRowContext } from './featureRow.js';
import { readFeatureRange, type FeatureRange } from './featureRange.js';
import type { CustomerFeatures } from './scoring/index.js';

export interface FeatureLoadRequest {
  databaseFile: string;
  /** The better-sqlite3 addon built for the runtime (Electron), when it is not the default one. */
  sqliteBinding?: string;
  asOfDate: string;
  /** The whole table, in SharedArrayBuffer memory; the thread writes only its range's rows. */
  features: CustomerFeatures;
  range: FeatureRange;
}

export type FeatureLoadMessage =
  { type: 'progress'; done: number } | { type: 'done'; ids: string[]; branches: string[] };

const port = parentPort;
if (!port) throw new Error('featureLoadThread runs as a worker thread');
const request = workerData as FeatureLoadRequest;
const db = openDatabase(request.databaseFile, {
  readonly: true,
  ...(request.sqliteBinding ? { nativeBinding: request.sqliteBinding } : {}),
});
// One pass in key order rereads no page: a small page cache keeps the thread's memory down.
db.pragma('cache_size = -8192');
try {
  const context = featureRowContext(db, request.asOfDate);
  const ids = new Array<string>(request.range.count);
  const chunks = readFeatureRange(db, request.features, ids, request.range.start, request.range, context);
  for (const done of chunks) port.postMessage({ type: 'progress', done } satisfies FeatureLoadMessage);
  port.postMessage({ type: 'done', ids, branches: context.branches } satisfies FeatureLoadMessage);
} finally {
  db.close();
}
