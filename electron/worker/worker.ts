// The data worker: owns the database connections and runs every service, off the main thread.
// Writes go through one writer connection, one at a time; reads use a second, read-only connection
// so that they see the last committed data and never wait for a long import or load.
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { contract, type Method } from '../api/contract.js';
import { AppError, toApiError, type Result } from '../api/errors.js';
import { openDatabase } from '../../db/connection.js';
import { createJob, type ServiceContext } from '../services/context.js';
import { services, type Handler } from '../services/registry.js';
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread');
const config = workerData as WorkerConfig;

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

let writer: Database.Database;
let reader: Database.Database;
try {
  mkdirSync(config.dataDir, { recursive: true });
  const options = config.nativeBinding ? { nativeBinding: config.nativeBinding } : {};
  writer = openDatabase(config.databaseFile, options);
  reader = openDatabase(config.databaseFile, { ...options, readonly: true });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
  process.exit(0);
}

let generation = 0;
const running = new Map<number, AbortController>();
let writeQueue: Promise<void> = Promise.resolve();

async function run(id: number, method: Method, input: unknown, controller: AbortController): Promise<void> {
  const spec = contract[method];
  const started = performance.now();
  let result: Result<unknown>;
  try {
    const ctx: ServiceContext = {
      db: spec.writes ? writer : reader,
      paths: {
        dataDir: config.dataDir,
        databaseFile: config.databaseFile,
        ...(config.nativeBinding ? { sqliteBinding: config.nativeBinding } : {}),
      },
      job: createJob(controller.signal, (progress) => post({ type: 'progress', id, progress })),
      dataGeneration: () => generation,
      dataChanged: () => {
        generation += 1;
      },
    };
    if (controller.signal.aborted) throw new AppError('cancelled', `${method} was cancelled before it started.`);
    const handler = services[method] as Handler<Method>;
    result = { ok: true, value: await handler(ctx, input as never) };
    if (spec.writes) generation += 1;
  } catch (error) {
    result = { ok: false, error: toApiError(error) };
  } finally {
    running.delete(id);
  }
  const ms = performance.now() - started;
  if (ms > config.slowCallMs) {
    post({ type: 'log', level: 'warn', message: `slow call ${method}: ${ms.toFixed(1)} ms`, method, ms });
  }
  post({ type: 'result', id, result, ms });
}

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'call': {
      const { id, method, input } = message;
      const controller = new AbortController();
      running.set(id, controller);
      if (contract[method].writes) {
        writeQueue = writeQueue.then(() => run(id, method, input, controller));
      } else {
        void run(id, method, input, controller);
      }
      break;
    }
    case 'cancel':
      running.get(message.id)?.abort();
      break;
  }
});

post({ type: 'ready' });
