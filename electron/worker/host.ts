// Starts the data worker and routes calls to it: validates input at the boundary, tracks pending
// calls, forwards progress and cancellation, and restarts the worker if it dies.
import { Worker } from 'node:worker_threads';
import { createClient, type ApiClient, type CallOptions } from '../api/client.js';
import type { Method } from '../api/contract.js';
import { fail, type ApiError, type Result } from '../api/errors.js';
import type { Progress } from '../api/types.js';
import { validateCall } from '../api/validate.js';
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.js';

export interface WorkerHostOptions {
  dataDir: string;
  databaseFile: string;
  nativeBinding?: string;
  slowCallMs?: number;
  onLog?: (entry: Extract<WorkerMessage, { type: 'log' }>) => void;
}

interface Pending {
  method: Method;
  resolve: (result: Result<unknown>) => void;
  onProgress?: (progress: Progress) => void;
}

const maxCrashesPerMinute = 5;

function workerUrl(): URL {
  // Compiled, worker.js sits beside this file; run from TypeScript sources (tests), use the build.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/electron/worker/worker.js', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

export class WorkerHost {
  protected worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes: number[] = [];
  private closed = false;
  private startError: ApiError | null = null;
  private readyPromise: Promise<void> = Promise.resolve();
  /** The same calls, typed by the contract. */
  readonly api: ApiClient = createClient((method, input, options) => this.call(method, input, options));

  constructor(private readonly options: WorkerHostOptions) {
    this.start();
  }

  /** Resolves once the worker has opened and migrated the database (or failed to). */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** The reason the database could not be opened, if it could not. */
  get failure(): ApiError | null {
    return this.startError;
  }

  async call(method: string, input: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    const checked = validateCall(method, input);
    if (!checked.ok) return checked;
    await this.readyPromise;
    if (this.startError) return { ok: false, error: this.startError };
    const worker = this.worker;
    if (this.closed || !worker) return fail('worker_stopped', 'The data worker is not running.');
    if (options.signal?.aborted) return fail('cancelled', `${method} was cancelled before it started.`);
    const id = this.nextId++;
    const signal = options.signal;
    const cancel = () => this.send({ type: 'cancel', id });
    signal?.addEventListener('abort', cancel, { once: true });
    const result = await new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, {
        method: method as Method,
        resolve,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      this.send({ type: 'call', id, method: method as Method, input: checked.value });
    });
    signal?.removeEventListener('abort', cancel);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.rejectPending('worker_stopped', 'The data worker was stopped.');
    if (worker) await worker.terminate();
  }

  private send(message: HostMessage): void {
    this.worker?.postMessage(message);
  }

  private start(): void {
    const config: WorkerConfig = {
      dataDir: this.options.dataDir,
      databaseFile: this.options.databaseFile,
      slowCallMs: this.options.slowCallMs ?? 40,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = new Worker(workerUrl(), { workerData: config });
    this.worker = worker;
    this.readyPromise = new Promise<void>((resolve) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          this.startError = null;
          resolve();
        } else if (message.type === 'failed') {
          this.startError = message.error;
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', () => resolve());
    });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => {
      this.options.onLog?.({ type: 'log', level: 'error', message: `data worker error: ${error.message}` });
    });
    worker.on('exit', (code) => this.onExit(worker, code));
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'progress':
        this.pending.get(message.id)?.onProgress?.(message.progress);
        break;
      case 'result': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.result);
        break;
      }
      case 'log':
        this.options.onLog?.(message);
        break;
      case 'ready':
      case 'failed':
        break;
    }
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker || this.closed) return;
    this.worker = null;
    if (this.startError) return; // the database could not be opened: restarting would not help
    this.rejectPending(
      'worker_crashed',
      `The data worker stopped unexpectedly (exit code ${code}); the call did not complete. Try again.`,
    );
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
    if (this.crashes.length > maxCrashesPerMinute) {
      this.startError = { code: 'worker_stopped', message: 'The data worker keeps stopping; restart BranchLoop.' };
      this.options.onLog?.({ type: 'log', level: 'error', message: this.startError.message });
      return;
    }
    this.options.onLog?.({ type: 'log', level: 'warn', message: `data worker exited with code ${code}; restarting` });
    this.start();
  }

  private rejectPending(code: 'worker_crashed' | 'worker_stopped', message: string): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.resolve(fail(code, `${pending.method}: ${message}`));
    }
  }
}
