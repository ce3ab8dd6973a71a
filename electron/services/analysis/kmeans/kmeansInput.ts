// Checks the input of a k-means run and fills in the defaults, with errors that name the bad value.
import { availableParallelism } from 'node:os';
import { AppError } from '../../../api/errors.js';
import type { KmeansMethod, KmeansOptions } from './types.js';

/** Below this many rows, starting worker threads costs more than it saves. */
export const parallelMinRows = 100_000;

export interface KmeansSettings {
  k: number;
  seed: number;
  init: Float64Array | null;
  maxIter: number;
  tol: number;
  method: KmeansMethod;
  threads: number;
}

function invalid(message: string): never {
  throw new AppError('invalid_input', message);
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    invalid(`${name} must be a whole number of at least ${min}, not ${value}.`);
  return value;
}

export function checkedSettings(data: Float64Array, n: number, d: number, options: KmeansOptions): KmeansSettings {
  wholeNumber('n (rows)', n, 1);
  wholeNumber('d (features)', d, 1);
  if (data.length < n * d) invalid(`the data hold ${data.length} values, fewer than n × d = ${n} × ${d}.`);
  const k = wholeNumber('k', options.k, 1);
  if (k > n) invalid(`k = ${k} is more than the ${n} row(s) to cluster.`);
  let init: Float64Array | null = null;
  if (options.init) {
    if (options.init.length !== k * d) {
      invalid(`the initial centroids hold ${options.init.length} values, not k × d = ${k} × ${d}.`);
    }
    for (let i = 0; i < k * d; i++) {
      if (!Number.isFinite(options.init[i])) {
        invalid(
          `initial centroid ${Math.floor(i / d) + 1}, feature ${(i % d) + 1} is ${options.init[i]}, not a finite number.`,
        );
      }
    }
    init = Float64Array.from(options.init);
  }
  const tol = options.tol ?? 1e-4;
  if (!(tol >= 0) || !Number.isFinite(tol)) invalid(`tol must be a finite number of at least 0, not ${tol}.`);
  const method = options.method ?? 'hamerly';
  if (method !== 'elkan' && method !== 'hamerly' && method !== 'lloyd') {
    invalid(`method must be 'elkan', 'hamerly' or 'lloyd', not '${String(method)}'.`);
  }
  const threads =
    options.threads === undefined
      ? n >= parallelMinRows
        ? availableParallelism()
        : 1
      : wholeNumber('threads', options.threads, 1);
  return {
    k,
    seed: options.seed === undefined ? 0 : wholeNumber('seed', options.seed, 0),
    init,
    maxIter: wholeNumber('maxIter', options.maxIter ?? 300, 1),
    tol,
    method,
    threads,
  };
}
