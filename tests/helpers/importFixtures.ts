// Demo exports (`writeDemoCsv`, the code behind `branchloop demo`) written once per test file into a
// temp folder, their expected rejections read back, and imports through the real data worker.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ApiClient } from '../../electron/api/client.js';
import type { ImportRejection, ImportResult } from '../../electron/api/importTypes.js';
import type { Progress } from '../../electron/api/types.js';
import { writeDemoCsv, type DemoCsvOptions } from '../../electron/services/demo/csvExport.js';
import type { DemoCsvManifest } from '../../electron/services/demo/csvManifest.js';
import { parseCsv } from './csvText.js';
import { makeTempDir, removeTempDir, tempDirForTest } from './tempDir.js';
import { WorkerHost } from '../../electron/worker/host.js';
import { databaseFileName } from './demoDatabase.js';
import { assertWorkerBuilt, valueOf } from './workerHost.js';

export type ExportOptions = Omit<DemoCsvOptions, 'outDir'>;

/** A small dirty export: every planted row, a few hundred customers, a fixed day in the past. */
export const smallExport: ExportOptions = {
  customers: 300,
  seed: 7,
  months: 3,
  asOf: '2026-06-30',
  encoding: 'utf-8',
  bom: false,
  dirty: true,
};

export interface DemoExport {
  dir: string;
  manifest: DemoCsvManifest;
  /** The core-banking files the manifest lists, in its (the import's) order. */
  paths: string[];
  path(name: string): string;
}

export interface ExpectedRejection {
  file: string;
  line: number;
  column: string;
  value: string;
  code: string;
}

export async function writeDemoExport(dir: string, options: Partial<ExportOptions> = {}): Promise<DemoExport> {
  const { manifest } = await writeDemoCsv({ ...smallExport, ...options, outDir: dir });
  return {
    dir,
    manifest,
    paths: manifest.files.map((f) => join(dir, f.name)),
    path: (name) => join(dir, name),
  };
}

export interface DemoExportFixture {
  /** The export; written in beforeAll, so use it inside a test. */
  readonly value: DemoExport;
}

/** Registers beforeAll/afterAll hooks that write an export once for the calling file or describe block. */
export function demoExportFixture(options: Partial<ExportOptions> = {}): DemoExportFixture {
  let dir: string | null = null;
  let value: DemoExport | null = null;
  beforeAll(async () => {
    dir = makeTempDir('branchloop-export-');
    value = await writeDemoExport(dir, options);
  });
  afterAll(() => {
    if (dir) removeTempDir(dir);
  });
  return {
    get value() {
      if (!value) throw new Error('the export is written in beforeAll; use it inside a test');
      return value;
    },
  };
}

/** expected_rejections.csv of a dirty export. */
export function expectedRejections(dir: string): ExpectedRejection[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'expected_rejections.csv'), 'utf8'));
  expect(header?.fields).toEqual(['file', 'line', 'column', 'value', 'code']);
  return rows.map(({ fields: [file = '', line = '', column = '', value = '', code = ''] }) => ({
    file,
    line: Number(line),
    column,
    value,
    code,
  }));
}

/** What the comparison of rejections looks at: file, line, column and code, sorted. */
export function rejectionKeys(
  rows: readonly { file?: string; fileName?: string; line: number; column: string; code: string }[],
) {
  return rows.map((r) => `${r.file ?? r.fileName}:${r.line}:${r.column}:${r.code}`).sort();
}

/** Imports `paths` through the worker and returns the result (failing the test on an error). */
export async function importPaths(
  api: ApiClient,
  paths: readonly string[],
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<ImportResult> {
  return valueOf(await api.call('import.run', { files: paths.map((path) => ({ path })) }, options));
}

/** Every rejection of an import run, all pages. */
export async function allRejections(api: ApiClient, runId: number): Promise<ImportRejection[]> {
  const rows: ImportRejection[] = [];
  for (;;) {
    const page = valueOf(await api.call('import.rejections', { runId, offset: rows.length, limit: 1000 }));
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

/**
 * Runs `body` against a data worker on `dataDir` and stops the worker afterwards; for beforeAll hooks,
 * where the per-test `startHost` cannot be used.
 */
export async function withWorker<T>(dataDir: string, body: (api: ApiClient) => Promise<T>): Promise<T> {
  assertWorkerBuilt();
  const host = new WorkerHost({ dataDir, databaseFile: join(dataDir, databaseFileName) });
  try {
    await host.ready();
    if (host.failure) throw new Error(`the worker could not open the database: ${host.failure.message}`);
    return await body(host.api);
  } finally {
    await host.close();
  }
}

/** Folds the WAL of a database the worker left into its main file, so that the file can be copied alone. */
export function settleDatabase(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export interface ImportedTemplate {
  /** What the import into the template reported. */
  readonly result: ImportResult;
  /** Copies the template database into `dataDir` (default: a temp folder removed after the test). */
  copy(dataDir?: string): { dataDir: string; databaseFile: string };
}

/**
 * Registers beforeAll/afterAll hooks that import `paths()` once into a fresh database, through the
 * worker, for tests that each start from a copy of it. Register it after the export it imports.
 */
export function importedTemplate(paths: () => readonly string[]): ImportedTemplate {
  let dir: string | null = null;
  let result: ImportResult | null = null;
  beforeAll(async () => {
    dir = makeTempDir('branchloop-imported-');
    result = await withWorker(dir, (api) => importPaths(api, paths()));
    settleDatabase(join(dir, databaseFileName));
  });
  afterAll(() => {
    if (dir) removeTempDir(dir);
  });
  return {
    get result() {
      if (!result) throw new Error('the template is imported in beforeAll; use it inside a test');
      return result;
    },
    copy(dataDir = tempDirForTest()) {
      if (!dir) throw new Error('the template is imported in beforeAll; use it inside a test');
      const databaseFile = join(dataDir, databaseFileName);
      copyFileSync(join(dir, databaseFileName), databaseFile);
      return { dataDir, databaseFile };
    },
  };
}
