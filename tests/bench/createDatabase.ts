// Builds the benchmark database the way the app does: `demo.load` through a real data worker, timed,
// with the process's peak resident memory sampled while it runs.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Progress } from '../../electron/api/types.js';
import type { WorkerHost } from '../../electron/worker/host.js';
import { emit, note } from './figures.js';

export interface CreatedDatabase {
  seconds: number;
  peakRssMb: number;
  fileMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

function fileMb(path: string): number {
  return mb(statSync(path, { throwIfNoEntry: false })?.size ?? 0);
}

export async function createDatabase(
  host: WorkerHost,
  databaseFile: string,
  customers: number,
): Promise<CreatedDatabase> {
  // The worker is a thread of this process, so the process's RSS includes the load's memory.
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  let lastPhase = '';
  let lastReport = 0;
  const onProgress = (progress: Progress) => {
    const now = performance.now();
    if (progress.phase === lastPhase && now - lastReport < 5000) return;
    lastPhase = progress.phase;
    lastReport = now;
    note(`  ${progress.phase}: ${progress.done.toLocaleString('en')} / ${progress.total?.toLocaleString('en') ?? '?'}`);
  };
  note(`Creating a database of ${customers.toLocaleString('en')} customers (demo.load through the data worker)…`);
  const started = performance.now();
  const loaded = await host.api.call('demo.load', { customers, activityMonths: 0, replace: true }, { onProgress });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (!loaded.ok) throw new Error(`demo.load failed: ${loaded.error.code}: ${loaded.error.message}`);
  // maxRSS (KiB) also catches a peak that fell between two samples.
  const peakRssMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e5) / 10;
  const created = { seconds: Math.round(seconds * 100) / 100, peakRssMb, fileMb: fileMb(databaseFile) };
  // The load commits as one transaction: until the last connection closes, its pages also sit in the WAL.
  emit({
    name: 'db.create',
    unit: 's',
    value: created.seconds,
    n: customers,
    customersPerSecond: Math.round(customers / seconds),
    peakRssMb,
    fileMb: created.fileMb,
    walMb: fileMb(databaseFile + '-wal'),
    holdings: loaded.value.holdings,
    loans: loaded.value.loans,
    repayments: loaded.value.repayments,
    activityMonths: 0,
  });
  emit({ name: 'db.create.peakRss', unit: 'MB', value: peakRssMb, n: customers });
  return created;
}

/** What the customer list's indexes cost on disk, beside the table they index (SQLite's dbstat). */
export function measureSize(db: Database.Database, databaseFile: string, customers: number): void {
  const btrees = db
    .prepare(
      `SELECT s.name, s.pgsize, m.type FROM dbstat AS s JOIN sqlite_schema AS m ON m.name = s.name
       WHERE s.aggregate = TRUE AND m.tbl_name = 'customers'`,
    )
    .all() as { name: string; pgsize: number; type: 'table' | 'index' }[];
  const indexes = btrees.filter((b) => b.type === 'index');
  const table = btrees.find((b) => b.type === 'table');
  emit({
    name: 'db.size',
    unit: 'MB',
    value: fileMb(databaseFile),
    n: customers,
    customersTableMb: mb(table?.pgsize ?? 0),
    customersIndexesMb: mb(indexes.reduce((sum, b) => sum + b.pgsize, 0)),
    customersIndexes: indexes.length,
  });
}
