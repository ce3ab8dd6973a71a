// A worker thread of parallel k-means runs: it receives a run's shared arrays once, runs its share of every
// pass the calling thread starts, says when it has no chunk left, and lets go of the arrays when the run ends.
import { parentPort } from 'node:worker_threads';
import type { PassKind, PassState } from './passState.js';
import { drainChunks } from './passRunner.js';

export type ThreadRequest =
  { type: 'state'; state: PassState } | { type: 'pass'; kind: PassKind } | { type: 'release' };

const port = parentPort;
if (!port) throw new Error('kmeansThread runs as a worker thread');
let state: PassState | null = null;
port.on('message', (request: ThreadRequest) => {
  if (request.type === 'state' || request.type === 'release') {
    state = request.type === 'state' ? request.state : null;
    return;
  }
  if (!state) throw new Error('a k-means pass arrived before its arrays');
  drainChunks(state, request.kind);
  port.postMessage('done');
});
