// A worker thread of a parallel k-means run: it receives the shared arrays once, then runs its share of
// every pass the calling thread starts, and says when it has no chunk left.
import { parentPort } from 'node:worker_threads';
import type { PassKind, PassState } from './passState.js';
import { drainChunks } from './passRunner.js';

export type ThreadRequest = { type: 'state'; state: PassState } | { type: 'pass'; kind: PassKind };

const port = parentPort;
if (!port) throw new Error('kmeansThread runs as a worker thread');
let state: PassState | null = null;
port.on('message', (request: ThreadRequest) => {
  if (request.type === 'state') {
    state = request.state;
    return;
  }
  if (!state) throw new Error('a k-means pass arrived before its arrays');
  drainChunks(state, request.kind);
  port.postMessage('done');
});
