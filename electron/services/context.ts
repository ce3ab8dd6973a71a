// What every service receives: the connection, and the job it runs in (progress, cancellation).
import type Database from 'better-sqlite3';
import { AppError } from '../api/errors.js';
import type { Progress } from '../api/types.js';

export interface AppPaths {
  dataDir: string;
  databaseFile: string;
  /** The better-sqlite3 addon built for the runtime (Electron), for connections opened on other threads. */
  sqliteBinding?: string;
}

export interface Job {
  readonly signal: AbortSignal;
  progress(progress: Progress): void;
  /**
   * Lets the worker's event loop run (so a cancel message can arrive) and throws if the job was
   * cancelled. Long services call it between chunks; it yields at most every 50 ms.
   */
  checkpoint(): Promise<void>;
}

export interface ServiceContext {
  db: Database.Database;
  paths: AppPaths;
  job: Job;
  /** Caches keyed on the data (counts, filter options) are dropped when this changes. */
  dataGeneration(): number;
  dataChanged(): void;
}

export function createJob(signal: AbortSignal, report: (progress: Progress) => void): Job {
  let lastYield = performance.now();
  let lastReport = 0;
  return {
    signal,
    progress(progress) {
      const now = performance.now();
      // At most ~10 reports a second, but always the last one of a phase.
      if (now - lastReport < 100 && progress.done !== progress.total) return;
      lastReport = now;
      report(progress);
    },
    async checkpoint() {
      if (performance.now() - lastYield >= 50) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (signal.aborted) throw new AppError('cancelled', 'The operation was cancelled; nothing was changed.');
    },
  };
}

/** For calls made outside any job (tests, short calls): never cancelled, progress dropped. */
export const idleJob: Job = createJob(new AbortController().signal, () => {});
