// Calls services the way the worker does (contract defaults applied, a real connection), in-process,
// for tests about what a service answers rather than how the call travels.
import type Database from 'better-sqlite3';
import type { Method, ParsedInputOf } from '../../electron/api/contract.js';
import type { Progress } from '../../electron/api/types.js';
import { validateCall } from '../../electron/api/validate.js';
import { createJob, type ServiceContext } from '../../electron/services/context.js';

export interface ContextOptions {
  databaseFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

// Services cache per data generation in module state, as the worker (one database) allows. Tests open
// several databases in one process, so each context counts its generations in a range of its own.
let contexts = 0;

export function serviceContext(db: Database.Database, options: ContextOptions = {}): ServiceContext {
  contexts += 1;
  let generation = contexts * 1_000_000;
  const databaseFile = options.databaseFile ?? db.name;
  return {
    db,
    paths: { dataDir: databaseFile.replace(/[\\/][^\\/]*$/, ''), databaseFile },
    job: createJob(options.signal ?? new AbortController().signal, options.onProgress ?? (() => {})),
    dataGeneration: () => generation,
    dataChanged: () => {
      generation += 1;
    },
  };
}

/** The input exactly as the worker receives it: validated, with the contract's defaults filled in. */
export function parsedInput<M extends Method>(method: M, input: unknown): ParsedInputOf<M> {
  const checked = validateCall(method, input);
  if (!checked.ok) throw new Error(`test input for ${method} is invalid: ${checked.error.message}`);
  return checked.value;
}
