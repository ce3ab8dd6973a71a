// A helper thread of the Eclat search: takes subtrees off the shared counter until none are left, then
// posts what it found and signals that it is done (see parallelEclat.ts).
import { workerData, type MessagePort } from 'node:worker_threads';
import { eclatSearch, type EclatInput } from './eclatSearch.js';
import { takeSubtrees, type HelperMessage, type SharedCounters, type SubtreeResult } from './parallelEclat.js';

const { input, counters, port } = workerData as { input: EclatInput; counters: SharedCounters; port: MessagePort };

Atomics.add(counters, 2, 1);
try {
  const search = eclatSearch(input);
  const results: SubtreeResult[] = [];
  takeSubtrees(search, counters, input.frequentItems - 1, (k, sink) => results.push({ k, ...sink.toArrays() }));
  const message: HelperMessage = { results };
  port.postMessage(
    message,
    results.flatMap((r) => [r.parent, r.rank, r.count, r.length].map((a) => a.buffer as ArrayBuffer)),
  );
} catch (error) {
  const message: HelperMessage = { error: error instanceof Error ? error.message : String(error) };
  port.postMessage(message);
} finally {
  Atomics.add(counters, 1, 1);
  Atomics.notify(counters, 1);
  port.close();
}
