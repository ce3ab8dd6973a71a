// Messages between the worker host (main process, HTTP server or CLI) and the data worker.
import type { Method } from '../api/contract.js';
import type { ApiError, Result } from '../api/errors.js';
import type { Progress } from '../api/types.js';

export interface WorkerConfig {
  dataDir: string;
  databaseFile: string;
  /** better_sqlite3.node built for the runtime hosting the worker, when it is not plain Node. */
  nativeBinding?: string;
  /** Calls slower than this are logged with their method name. */
  slowCallMs: number;
}

export type HostMessage = { type: 'call'; id: number; method: Method; input: unknown } | { type: 'cancel'; id: number };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; result: Result<unknown>; ms: number }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; method?: Method; ms?: number };
