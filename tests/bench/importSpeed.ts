// Import speed (issue targets: a million customers at least as fast as the sqlite3 shell's `.import` of
// the same file, peak memory under 500 MB; 24 months of activity for them in 90 s or less). The shell
// loads each file into a table of text columns and checks nothing; BranchLoop validates every value,
// resolves every reference and builds the customer list's indexes. Both run in the same bench run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, note } from './figures.js';
import { measureAnalysis } from './analysisSpeed.js';
import { writeBenchFiles } from './importFiles.js';

export interface ImportBenchOptions {
  customers: number;
  months: number;
  /** A folder the bench may fill and empty; removed by the caller. */
  workDir: string;
  /** Also time an analysis run on the imported branch. */
  analysis: boolean;
}

interface ChildResult {
  seconds: number;
  phases: Record<string, number>;
  totals: { rows: number; added: number; rejected: number };
  maxRssMb: number;
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function shellVersion(): string | null {
  try {
    return execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

/** Seconds the sqlite3 shell takes to `.import` `file` into a new table of a new database. */
function shellImport(file: string, workDir: string): number {
  const database = join(workDir, 'shell.sqlite');
  rmSync(database, { force: true });
  const started = performance.now();
  const run = spawnSync('sqlite3', [database, '-cmd', '.mode csv', `.import '${file}' imported`], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(database, { force: true });
  if (run.status !== 0) throw new Error(`sqlite3 .import ${file}: ${run.stderr.trim()}`);
  return seconds;
}

function importInChild(dataDir: string, files: string[]): ChildResult {
  const child = join(dirname(fileURLToPath(import.meta.url)), 'importChild.js');
  const run = spawnSync(process.execPath, [child, dataDir, ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(run.stderr.trim() || `importChild exited with ${run.status}`);
  return JSON.parse(run.stdout) as ChildResult;
}

function emitImport(name: string, rows: number, ours: ChildResult, shellSeconds: number | null, customers: number) {
  emit({
    name,
    unit: 's',
    value: round(ours.seconds),
    n: customers,
    rows,
    rowsPerSecond: Math.round(rows / ours.seconds),
    ...(shellSeconds === null
      ? {}
      : {
          baseline: round(shellSeconds),
          baselineRowsPerSecond: Math.round(rows / shellSeconds),
          ratio: round(ours.seconds / shellSeconds),
        }),
    phases: Object.fromEntries(Object.entries(ours.phases).map(([phase, s]) => [phase, round(s)])),
    rejected: ours.totals.rejected,
    peakRssMb: Math.round(ours.maxRssMb),
  });
}

export async function measureImport(options: ImportBenchOptions): Promise<void> {
  const filesDir = join(options.workDir, 'files');
  const dataDir = join(options.workDir, 'data');
  mkdirSync(filesDir, { recursive: true });
  note(`Writing the import files: ${options.customers.toLocaleString('en')} customers, ${options.months} months…`);
  const files = await writeBenchFiles(filesDir, options.customers, options.months, 20261123);

  const shell = shellVersion();
  if (shell === null) note('sqlite3 is not installed (apt-get install sqlite3): the import baselines are skipped.');
  const shellCustomers = shell === null ? null : shellImport(files.customers, options.workDir);
  note(`sqlite3 ${shell ?? '—'} .import customers: ${shellCustomers?.toFixed(2) ?? '—'} s`);

  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const customers = importInChild(dataDir, [files.branches, files.staff, files.customers]);
  const expected = files.customerRows + files.branchAndStaffRows;
  if (customers.totals.added !== expected) {
    throw new Error(`the customer import added ${customers.totals.added} rows, not ${expected}`);
  }
  note(`BranchLoop import of customers: ${customers.seconds.toFixed(2)} s, peak ${Math.round(customers.maxRssMb)} MB`);
  emitImport('import.customers', files.customerRows, customers, shellCustomers, options.customers);

  const shellActivity = shell === null ? null : shellImport(files.activity, options.workDir);
  note(`sqlite3 .import activity: ${shellActivity?.toFixed(2) ?? '—'} s`);
  const activity = importInChild(dataDir, [files.activity]);
  if (activity.totals.added !== files.activityRows) {
    throw new Error(`the activity import added ${activity.totals.added} rows, not ${files.activityRows}`);
  }
  note(`BranchLoop import of activity: ${activity.seconds.toFixed(2)} s, peak ${Math.round(activity.maxRssMb)} MB`);
  emitImport('import.activity', files.activityRows, activity, shellActivity, options.customers);
  // The branch just imported, with its features kept up to date by the imports, is the analysis's input.
  if (options.analysis) measureAnalysis(dataDir, options.customers);
  rmSync(options.workDir, { recursive: true, force: true });
}
