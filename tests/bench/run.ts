// `npm run bench -- [--customers N] [--runs R] [--months M] [--parts list,import,analysis,kmeans,rules,segments] [--data-dir DIR] [--keep]
// [--reuse] [--detail]`: builds a branch of N synthetic customers, times the customer list and the import,
// and prints the figures as JSON lines on stdout (messages on stderr).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/connection.js';
import { databaseFileName } from '../../electron/platform/dataDir.js';
import { WorkerHost } from '../../electron/worker/host.js';
import { measureColdStart } from './coldStart.js';
import { createDatabase, measureSize } from './createDatabase.js';
import { measureBaseline, measureCounts, measureCustomerList, sampleFilters } from './customerList.js';
import { emit, note } from './figures.js';
import { measureImport } from './importSpeed.js';
import { benchKmeans } from './kmeans.js';
import { benchRules } from './rules.js';
import { benchSegments } from './segmentsBench.js';

interface BenchOptions {
  customers: number;
  runs: number;
  dataDir: string | undefined;
  keep: boolean;
  reuse: boolean;
  detail: boolean;
  months: number;
  parts: Set<BenchPart>;
}

const benchParts = ['list', 'import', 'analysis', 'kmeans', 'rules', 'segments'] as const;
type BenchPart = (typeof benchParts)[number];

function parseParts(text: string | undefined): Set<BenchPart> {
  if (text === undefined) return new Set(benchParts);
  const parts = text.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !(benchParts as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`--parts: "${unknown.join(', ')}" is not one of ${benchParts.join(', ')}.`);
  return new Set(parts as BenchPart[]);
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: "${text}" is not a positive whole number.`);
  return value;
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      runs: { type: 'string' },
      'data-dir': { type: 'string' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      detail: { type: 'boolean', default: false },
      months: { type: 'string' },
      parts: { type: 'string' },
    },
    strict: true,
  });
  const customers = positiveInteger('customers', values.customers, 100_000);
  if (customers < 10 || customers > 2_000_000)
    throw new Error('--customers: demo.load takes 10 to 2,000,000 customers.');
  return {
    customers,
    runs: positiveInteger('runs', values.runs, 20),
    dataDir: values['data-dir'],
    keep: values.keep,
    reuse: values.reuse,
    detail: values.detail,
    months: positiveInteger('months', values.months, 24),
    parts: parseParts(values.parts),
  };
}

/** The number of customers the database already holds, when `--reuse` may skip building it. */
function existingCustomers(databaseFile: string): number {
  try {
    const db = openDatabase(databaseFile, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** The commit measured, marked when the working tree differs from it: the code keeps changing between runs. */
function sourceVersion(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    return git('status', '--porcelain', '--untracked-files=no').trim() === '' ? commit : `${commit}+changes`;
  } catch {
    return 'unknown';
  }
}

/** Everything measured on one data directory; the caller removes the directory afterwards. */
async function measure(options: BenchOptions, dataDir: string): Promise<{ reused: boolean; sqlite: string }> {
  const databaseFile = join(dataDir, databaseFileName);
  const reused = options.reuse && existingCustomers(databaseFile) === options.customers;
  let slowCalls = 0;
  let sqlite = '';
  const host = new WorkerHost({
    dataDir,
    databaseFile,
    onLog: (entry) => {
      if (entry.level === 'warn' && entry.method !== undefined) slowCalls += 1;
      else note(`[worker] ${entry.level}: ${entry.message}`);
    },
  });
  try {
    await host.ready();
    if (host.failure) throw new Error(`The data worker could not open ${databaseFile}: ${host.failure.message}`);
    if (reused) note(`Reusing the ${options.customers.toLocaleString('en')} customers already in ${databaseFile}.`);
    else await createDatabase(host, databaseFile, options.customers);
    slowCalls = 0;

    const db = openDatabase(databaseFile, { readonly: true });
    try {
      sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
      measureSize(db, databaseFile, options.customers);
      const baseline = await measureBaseline(db, options);
      const sampled = sampleFilters(db, options.customers);
      await measureCustomerList(host, db, sampled, baseline, options);
      await measureCounts(db, sampled, baseline, options);
    } finally {
      db.close();
    }
    note(`The worker logged ${slowCalls} calls slower than 40 ms during the list timings.`);
  } finally {
    await host.close();
  }
  // Last, with this process's connections closed: the server opens the database as the app would.
  await measureColdStart(dataDir, options.customers, Math.min(options.runs, 5));
  return { reused, sqlite };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = performance.now();
  // Other work on the machine shows in the figures: the load average at start and end says how much.
  const machine = {
    commit: sourceVersion(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1e8) / 10,
    node: process.version,
    loadAverageStart: loadavg().map((load) => Math.round(load * 100) / 100),
  };
  note(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, load ${machine.loadAverageStart.join(' ')}`,
  );
  // A directory the caller names is theirs: the database in it is replaced but the directory is never
  // removed. A temporary one is removed at the end unless --keep.
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'branchloop-bench-'));
  mkdirSync(dataDir, { recursive: true });
  const removeAtEnd = !options.dataDir && !options.keep;
  note(`Bench data directory: ${dataDir}${removeAtEnd ? ' (removed at the end)' : ''}`);
  let measured: { reused: boolean; sqlite: string } = { reused: false, sqlite: '' };
  try {
    if (options.parts.has('list')) measured = await measure(options, dataDir);
  } finally {
    if (removeAtEnd) rmSync(dataDir, { recursive: true, force: true });
  }
  if (options.parts.has('import') || options.parts.has('analysis')) {
    await measureImport({
      customers: options.customers,
      months: options.months,
      workDir: mkdtempSync(join(tmpdir(), 'branchloop-bench-import-')),
      analysis: options.parts.has('analysis'),
    });
  }
  // The engines on the bench's size: k-means on N rows × 8 features (k = 8) against scikit-learn, the rule miner
  // on N baskets at support 0.05 against Weka, each with identical results checked.
  if (options.parts.has('kmeans')) {
    const workDir = mkdtempSync(join(tmpdir(), 'branchloop-bench-kmeans-'));
    try {
      await benchKmeans({ n: options.customers, d: 8, k: 8, seed: 20261123, workDir });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  // Segmentation on a demo branch against the generator's latent groups (adjusted Rand index), and its step's
  // time on N synthetic customers.
  if (options.parts.has('segments')) await benchSegments({ scaleCustomers: options.customers });
  if (options.parts.has('rules')) {
    const workDir = mkdtempSync(join(tmpdir(), 'branchloop-bench-rules-'));
    try {
      await benchRules({ baskets: options.customers, minSupport: 0.05, minConfidence: 0.5, seed: 20261123, workDir });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  emit({
    name: 'bench.duration',
    unit: 's',
    value: seconds,
    n: options.customers,
    runs: options.runs,
    ...measured,
    ...machine,
    loadAverageEnd: loadavg().map((load) => Math.round(load * 100) / 100),
  });
  note(`Done in ${seconds} s.`);
}

main().catch((error: unknown) => {
  note(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
