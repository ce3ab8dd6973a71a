// `branchloop kmeans FILE.csv --k K`: the segmentation engine on any CSV of numbers, without the database,
// so that anyone can check it against another implementation (docs/ANALYSIS.md).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../api/errors.js';
import { kmeans, type KmeansResult } from '../services/analysis/kmeans/index.js';
import type { Command } from './commands.js';
import { readNumericCsv } from './numericCsv.js';

function wholeFlag(flag: string, value: string | boolean | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isSafeInteger(n) || n < min) {
    throw new AppError('invalid_input', `--${flag}: "${String(value)}" is not a whole number of at least ${min}.`);
  }
  return n;
}

function numberFlag(flag: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new AppError('invalid_input', `--${flag}: "${String(value)}" is not a number of at least 0.`);
  }
  return n;
}

async function writeLabels(path: string, labels: Int32Array): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([error]) => {
    throw new AppError(
      'invalid_input',
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  });
  const batch = 65_536;
  let text = 'label\n';
  for (let start = 0; start < labels.length; start += batch) {
    text += labels.subarray(start, Math.min(labels.length, start + batch)).join('\n') + '\n';
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
    text = '';
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

function rounded(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

function describe(result: KmeansResult, columns: string[], seconds: number): string {
  const header = ['segment', 'rows', ...columns];
  const lines = [header];
  for (let j = 0; j < result.k; j++) {
    const centroid = Array.from(result.centroids.subarray(j * result.d, (j + 1) * result.d), rounded);
    lines.push([String(j), String(result.sizes[j]), ...centroid]);
  }
  const widths = header.map((_, c) => Math.max(...lines.map((line) => line[c]!.length)));
  const table = lines.map((line) => line.map((cell, c) => cell.padStart(widths[c]!)).join('  ')).join('\n');
  const state = result.converged ? 'converged' : 'stopped at --max-iter';
  return `${table}\n\ninertia ${result.inertia.toPrecision(10)}, ${result.iterations} iteration(s), ${state}, ${seconds.toFixed(3)} s on ${result.threads} thread(s)\n`;
}

export const kmeansCommand: Command = {
  name: 'kmeans',
  summary: 'k-means (k-means++ seeding, Lloyd) on a CSV of numeric columns; no database',
  usage:
    'branchloop kmeans FILE.csv --k K [--seed S] [--init CENTROIDS.csv] [--max-iter N] [--tol T] [--threads N] [--labels OUT.csv] [--json]\n\n' +
    'FILE.csv: a header row, then one row of comma-separated numbers per line. --init: k rows of the same\n' +
    'columns to start from instead of k-means++. --tol: relative to the mean feature variance, as scikit-learn\n' +
    '(default 1e-4). --labels: writes the segment of each row (0 … k−1), in the order of FILE.csv.',
  options: {
    k: { type: 'string' },
    seed: { type: 'string' },
    init: { type: 'string' },
    'max-iter': { type: 'string' },
    tol: { type: 'string' },
    threads: { type: 'string' },
    labels: { type: 'string' },
  },
  operands: true,
  async run(flags, _session, operands) {
    if (operands.length !== 1) throw new AppError('invalid_input', 'name one CSV file of numbers to cluster');
    const k = wholeFlag('k', flags.k, 1);
    if (k === undefined) throw new AppError('invalid_input', '--k K is required: the number of segments.');
    const seed = wholeFlag('seed', flags.seed, 0) ?? 0;
    const maxIter = wholeFlag('max-iter', flags['max-iter'], 1);
    const threads = wholeFlag('threads', flags.threads, 1);
    const tol = numberFlag('tol', flags.tol);
    const table = readNumericCsv(operands[0]!);
    let init: Float64Array | undefined;
    if (typeof flags.init === 'string') {
      const start = readNumericCsv(flags.init);
      if (start.columns.length !== table.columns.length || start.rows !== k) {
        throw new AppError(
          'invalid_input',
          `--init: ${flags.init} holds ${start.rows} row(s) of ${start.columns.length} column(s); k = ${k} rows of ${table.columns.length} are needed.`,
        );
      }
      init = start.values;
    }
    const started = performance.now();
    const result = await kmeans(table.values, table.rows, table.columns.length, {
      k,
      seed,
      ...(init ? { init } : {}),
      ...(maxIter === undefined ? {} : { maxIter }),
      ...(tol === undefined ? {} : { tol }),
      ...(threads === undefined ? {} : { threads }),
    });
    const seconds = (performance.now() - started) / 1000;
    const labelsFile = typeof flags.labels === 'string' ? flags.labels : null;
    if (labelsFile) await writeLabels(labelsFile, result.labels);
    const centroids = Array.from({ length: k }, (_, j) =>
      Array.from(result.centroids.subarray(j * result.d, (j + 1) * result.d)),
    );
    return {
      json: {
        file: operands[0],
        n: table.rows,
        d: table.columns.length,
        k,
        seed: init ? null : seed,
        init: init ? flags.init : 'k-means++',
        columns: table.columns,
        centroids,
        sizes: Array.from(result.sizes),
        inertia: result.inertia,
        iterations: result.iterations,
        converged: result.converged,
        tolerance: result.tolerance,
        relocations: result.relocations,
        threads: result.threads,
        seconds: Math.round(seconds * 1000) / 1000,
        labels: labelsFile,
      },
      text: describe(result, table.columns, seconds) + (labelsFile ? `labels written to ${labelsFile}\n` : ''),
    };
  },
};
