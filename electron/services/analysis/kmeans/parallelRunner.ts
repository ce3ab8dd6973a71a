// The parallel pass runner: worker threads and the calling thread take chunks of rows from one shared
// counter. The arrays live in SharedArrayBuffer memory, so nothing is copied between passes.
import { Worker } from 'node:worker_threads';
import type { ThreadRequest } from './kmeansThread.js';
import type { PassKind, PassState } from './passState.js';
import { drainChunks, type PassRunner } from './passRunner.js';

function threadUrl(): URL {
  // Compiled, the thread's file sits beside this one; run from TypeScript sources (tests), use the build.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../../../dist/electron/services/analysis/kmeans/kmeansThread.js', import.meta.url)
    : new URL('./kmeansThread.js', import.meta.url);
}

/** Starts `threads − 1` workers; the calling thread is the last one. `state` must be shared memory. */
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
  for (let t = 1; t < threads; t++) {
    const worker = new Worker(threadUrl());
    worker.on('message', () => {
      if (waiting && --waiting.remaining === 0) {
        const { resolve } = waiting;
        waiting = null;
        resolve();
      }
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(new Error(`a k-means worker thread stopped with exit code ${code}`));
    });
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
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
