// The real data worker for tests: WorkerHost spawns the compiled worker (dist/, from `npm run build:node`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Result } from '../../electron/api/errors.js';
import { WorkerHost, type WorkerHostOptions } from '../../electron/worker/host.js';
import type { WorkerMessage } from '../../electron/worker/protocol.js';
import { databaseFileName } from './demoDatabase.js';

export type LogEntry = Extract<WorkerMessage, { type: 'log' }>;

const compiledWorker = new URL('../../dist/electron/worker/worker.js', import.meta.url);

export function assertWorkerBuilt(): void {
  if (!existsSync(compiledWorker)) {
    throw new Error('dist/electron/worker/worker.js is missing: run `npm run build:node` (or `npm test`) first.');
  }
}

/** Lets a test kill the worker the way a native crash would. */
export class KillableWorkerHost extends WorkerHost {
  async killWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) throw new Error('no worker is running');
    await worker.terminate();
  }
}

export interface TestHost {
  host: KillableWorkerHost;
  logs: LogEntry[];
}

/** Starts a worker on `dataDir` and closes it when the current test finishes. */
export async function startHost(dataDir: string, options: Partial<WorkerHostOptions> = {}): Promise<TestHost> {
  assertWorkerBuilt();
  const logs: LogEntry[] = [];
  const host = new KillableWorkerHost({
    dataDir,
    databaseFile: join(dataDir, databaseFileName),
    ...options,
    onLog: (entry) => {
      logs.push(entry);
      options.onLog?.(entry);
    },
  });
  onTestFinished(() => host.close());
  await host.ready();
  return { host, logs };
}

/** The value of a successful result; otherwise fails with the error it carries. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
