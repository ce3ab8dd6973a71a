// Runs a pass over every chunk: on the calling thread alone, or shared with worker threads that take
// chunks from a common counter. Each chunk's results depend only on the chunk, so who ran it never matters.
import { runChunk } from './chunkPass.js';
import type { PassKind, PassState } from './passState.js';

export interface PassRunner {
  readonly threads: number;
  run(kind: PassKind): Promise<void>;
  close(): Promise<void>;
}

/** Takes chunks from the shared counter until none is left. */
export function drainChunks(state: PassState, kind: PassKind): void {
  for (let chunk = Atomics.add(state.control, 0, 1); chunk < state.chunks; chunk = Atomics.add(state.control, 0, 1)) {
    runChunk(state, kind, chunk);
  }
}

export function serialRunner(state: PassState): PassRunner {
  return {
    threads: 1,
    run(kind) {
      for (let chunk = 0; chunk < state.chunks; chunk++) runChunk(state, kind, chunk);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
