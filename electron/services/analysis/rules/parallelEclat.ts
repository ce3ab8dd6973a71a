// Shares the subtrees of the Eclat search among worker threads. The call stays synchronous: this thread
// mines subtrees too, then blocks until the helpers are done and reads their results off their ports.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { ItemsetSink, type EclatInput, type EclatSearch } from './eclatSearch.js';

const workerFile = new URL('./eclatWorker.js', import.meta.url);

/** A helper that has not finished after this long is taken to have failed. */
const helperTimeoutMs = 10 * 60_000;

export interface SubtreeResult {
  k: number;
  parent: Int32Array;
  rank: Int32Array;
  count: Int32Array;
  length: Int32Array;
}

export type HelperMessage = { results: SubtreeResult[] } | { error: string };

/** The shared counters: [0] the next subtree to take, [1] the helpers finished, [2] the helpers started. */
export type SharedCounters = Int32Array;

/**
 * Threads worth starting for n baskets and m frequent items: one below a few million bitset words (a
 * thread takes tens of milliseconds to start), else up to four, and one when the worker script is not
 * built next to this module (as when tests run the TypeScript sources).
 */
export function parallelThreads(n: number, m: number): number {
  if (n * m < 8_000_000 || !workerScriptBuilt()) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function workerScriptBuilt(): boolean {
  return existsSync(fileURLToPath(workerFile));
}

export function takeSubtrees(
  search: EclatSearch,
  counters: SharedCounters,
  subtreeCount: number,
  found: (k: number, sink: ItemsetSink) => void,
): void {
  for (;;) {
    const k = Atomics.add(counters, 0, 1);
    if (k >= subtreeCount) return;
    const sink = new ItemsetSink();
    search.mineSubtree(k, sink, -1);
    found(k, sink);
  }
}

export function mineSubtreesInParallel(input: EclatInput, search: EclatSearch, threads: number): ItemsetSink[] {
  if (!(input.bits.buffer instanceof SharedArrayBuffer)) throw new Error('the bitsets must be shared');
  const subtreeCount = input.frequentItems - 1;
  const counters: SharedCounters = new Int32Array(new SharedArrayBuffer(12));
  const helpers = Array.from({ length: threads - 1 }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerFile, { workerData: { input, counters, port: port2 }, transferList: [port2] });
    worker.unref();
    return { worker, port: port1 };
  });
  const subtrees: ItemsetSink[] = [];
  try {
    takeSubtrees(search, counters, subtreeCount, (k, sink) => (subtrees[k] = sink));
    // Every subtree is taken. A helper counts itself as started before it takes one, so only those that
    // had started by now can hold one; one that never started (or failed to) is not waited for.
    const started = Atomics.load(counters, 2);
    const deadline = Date.now() + helperTimeoutMs;
    for (let done = Atomics.load(counters, 1); done < started; done = Atomics.load(counters, 1)) {
      if (Atomics.wait(counters, 1, done, deadline - Date.now()) === 'timed-out') {
        throw new Error('a rule-mining thread did not finish');
      }
    }
    for (const { port } of helpers) {
      const message = receiveMessageOnPort(port)?.message as HelperMessage | undefined;
      if (!message) continue;
      if ('error' in message) throw new Error(`a rule-mining thread failed: ${message.error}`);
      for (const result of message.results) subtrees[result.k] = ItemsetSink.from(result);
    }
    for (let k = 0; k < subtreeCount; k++) {
      if (!subtrees[k]) throw new Error(`subtree ${k} of the rule-mining search is missing`);
    }
  } finally {
    for (const { worker, port } of helpers) {
      port.close();
      void worker.terminate();
    }
  }
  return subtrees;
}
