// The parallel pass runner: worker threads and the calling thread take chunks of rows from one shared
// counter. The arrays live in SharedArrayBuffer memory, so nothing is copied between passes. Threads are
// kept between runs (unreferenced while idle, so they never keep the process alive): a segmentation
// that tries several k, or runs again, does not pay for starting them.
import { Worker } from 'node:worker_threads';
import type { ThreadRequest } from './kmeansThread.js';
import type { PassKind, PassState } from './passState.js';
import { drainChunks, type PassRunner } from './passRunner.js';

const idleWorkers: Worker[] = [];

function startWorker(): Worker {
  const worker = new Worker(threadUrl());
  // A thread that ends for any reason leaves the pool for good.
  worker.once('exit', () => {
    const index = idleWorkers.indexOf(worker);
    if (index >= 0) idleWorkers.splice(index, 1);
  });
  return worker;
}

function threadUrl(): URL {
  // Compiled, the thread's file sits beside this one; run from TypeScript sources (tests), use the build.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../../../dist/electron/services/analysis/kmeans/kmeansThread.js', import.meta.url)
    : new URL('./kmeansThread.js', import.meta.url);
}

/** Runs passes on `threads − 1` workers and the calling thread. `state` must be shared memory. */
export function parallelRunner(state: PassState, threads: number): PassRunner {
  const workers: Worker[] = [];
  let failure: Error | null = null;
  let closed = false;
  let waiting: { remaining: number; resolve: () => void; reject: (error: Error) => void } | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.reject(error);
    waiting = null;
  };
  const onMessage = () => {
    if (waiting && --waiting.remaining === 0) {
      const { resolve } = waiting;
      waiting = null;
      resolve();
    }
  };
  const onError = (error: Error) => fail(error);
  const onExit = (code: number) => {
    if (!closed) fail(new Error(`a k-means worker thread stopped with exit code ${code}`));
  };
  for (let t = 1; t < threads; t++) {
    const worker = idleWorkers.pop() ?? startWorker();
    worker.ref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'state', state } satisfies ThreadRequest);
    workers.push(worker);
  }
  return {
    threads,
    run(kind: PassKind) {
      if (failure) return Promise.reject(failure);
      Atomics.store(state.control, 0, 0);
      const done = new Promise<void>((resolve, reject) => {
        waiting = { remaining: workers.length, resolve, reject };
      });
      for (const worker of workers) worker.postMessage({ type: 'pass', kind } satisfies ThreadRequest);
      drainChunks(state, kind);
      return done;
    },
    async close() {
      closed = true;
      waiting = null;
      for (const worker of workers) {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      }
      if (failure) {
        await Promise.all(workers.map((worker) => worker.terminate()));
        return;
      }
      // A healthy thread lets go of this run's arrays and waits for the next run.
      for (const worker of workers) {
        worker.postMessage({ type: 'release' } satisfies ThreadRequest);
        worker.unref();
        idleWorkers.push(worker);
      }
    },
  };
}
