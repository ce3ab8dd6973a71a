// Loads the feature table on two threads: the calling thread reads the first half of the customers in customer-number
// order, a worker thread with a read-only connection of its own reads the second half, both straight into one table
// in shared memory. Nearly all of a load is better-sqlite3 turning rows into JS values, which one thread cannot
// hurry; two connections do it side by side.
//
// Both connections see the same data: an analysis run is a writing call, and the data worker runs writing calls one
// at a time on its only writing connection, so no commit can land while the run reads (and the run reads before it
// opens its own transaction). The halves' counts are still checked against the total, and a mismatch fails the load
// rather than scoring a mix.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import { featureRowContext } from './featureRow.js';
import { readFeatureRange } from './featureRange.js';
import type { FeatureLoadMessage, FeatureLoadRequest } from './featureLoadThread.js';
import { createFeatures, type CustomerFeatures } from './scoring/index.js';

export interface ParallelLoad {
  ids: string[];
  branches: string[];
  features: CustomerFeatures;
}

function threadUrl(): URL {
  // Compiled, the thread's file sits beside this one; run from TypeScript sources (tests), use the build.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../../dist/electron/services/analysis/featureLoadThread.js', import.meta.url)
    : new URL('./featureLoadThread.js', import.meta.url);
}

/** The features of all `n` customers, read on the calling thread and one worker thread. */
export async function loadFeaturesInParallel(
  db: Database.Database,
  job: Job,
  onProgress: (done: number, total: number) => void,
  n: number,
  asOfDate: string,
  sqliteBinding: string | undefined,
): Promise<ParallelLoad> {
  const half = Math.floor(n / 2);
  // The last customer of the first half; the second half starts after it.
  const split = db
    .prepare('SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1 OFFSET ?')
    .pluck()
    .get(half - 1) as string | undefined;
  if (split === undefined) throw new Error(`counted ${n} customers, but customer number ${half} is missing`);
  const features = createFeatures(n, 'shared');
  const request: FeatureLoadRequest = {
    databaseFile: db.name,
    ...(sqliteBinding ? { sqliteBinding } : {}),
    asOfDate,
    features,
    range: { start: half, count: n - half, after: split, last: null },
  };
  const worker = new Worker(threadUrl(), { workerData: request });
  let ownDone = 0;
  let threadDone = 0;
  const report = () => onProgress(ownDone + threadDone, n);
  let settled = false;
  let failure: unknown = null;
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<Extract<FeatureLoadMessage, { type: 'done' }>>((resolve, reject) => {
    fail = (error) => {
      if (settled) return;
      settled = true;
      failure = error;
      reject(error);
    };
    worker.on('message', (message: FeatureLoadMessage) => {
      if (message.type === 'done') {
        settled = true;
        resolve(message);
      } else {
        threadDone = message.done;
        report();
      }
    });
    worker.on('error', (error) => fail(new Error(`loading the customers after ${split}: ${error.message}`)));
    worker.on('exit', (code) =>
      fail(new Error(`the feature loading thread stopped (exit code ${code}) before it finished`)),
    );
  });
  // Until the calling thread waits for it, a failure is picked up between chunks.
  finished.catch(() => {});
  // A cancel while waiting for the thread: checkpoint() throws the job's own cancellation error.
  const onAbort = () => void job.checkpoint().catch(fail);
  job.signal.addEventListener('abort', onAbort);
  try {
    const context = featureRowContext(db, asOfDate);
    const ids = new Array<string>(n);
    const ownRange = { start: 0, count: half, after: '', last: split };
    for (const done of readFeatureRange(db, features, ids, 0, ownRange, context)) {
      ownDone = done;
      report();
      await job.checkpoint();
      if (failure !== null) throw failure;
    }
    const other = await finished;
    // The thread numbered the branches it met from 0; renumber them into this thread's list.
    const renumber = other.branches.map((branch) => {
      let b = context.branchIndex.get(branch);
      if (b === undefined) {
        b = context.branches.push(branch) - 1;
        context.branchIndex.set(branch, b);
      }
      return b;
    });
    for (let i = half; i < n; i++) {
      features.branch[i] = renumber[features.branch[i]!]!;
      ids[i] = other.ids[i - half]!;
    }
    return { ids, branches: context.branches, features };
  } finally {
    job.signal.removeEventListener('abort', onAbort);
    // A thread that is done has ended already; one still reading, after a failure or a cancel, is stopped.
    await worker.terminate();
  }
}
