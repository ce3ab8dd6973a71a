// Demo branch databases for tests. Loading is the slow part, so a test file loads a given
// (customers, seed, months) once, through the real demo.load service, and each test gets a copy.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import type { DemoLoadResult } from '../../electron/api/types.js';
import { loadDemoBranch } from '../../electron/services/demo/load.js';
import { parsedInput, serviceContext } from './services.js';
import { makeTempDir, removeTempDir, tempDirForTest } from './tempDir.js';

export const databaseFileName = 'branchloop.sqlite';

export interface DemoOptions {
  customers: number;
  seed?: number;
  activityMonths?: number;
}

export interface DemoDatabase {
  dataDir: string;
  databaseFile: string;
}

export interface DemoTemplate {
  /** What demo.load reported when the template was built. */
  readonly loaded: DemoLoadResult;
  readonly options: Required<DemoOptions>;
  /** Copies the template into `dataDir` (default: a temp directory removed after the current test). */
  copy(dataDir?: string): DemoDatabase;
}

/** Loads a demo branch into a fresh database file; the WAL is folded in so the file stands alone. */
export async function loadDemoFile(file: string, options: DemoOptions): Promise<DemoLoadResult> {
  const db = openDatabase(file);
  try {
    const result = await loadDemoBranch(serviceContext(db), parsedInput('demo.load', options));
    db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    db.close();
  }
}

/** Registers beforeAll/afterAll hooks in the calling file or describe block that build and remove a template. */
export function demoTemplate(options: DemoOptions): DemoTemplate {
  const full: Required<DemoOptions> = { seed: 7, activityMonths: 3, ...options };
  let dir: string | null = null;
  let file: string | null = null;
  let loaded: DemoLoadResult | null = null;
  beforeAll(async () => {
    dir = makeTempDir('branchloop-template-');
    file = join(dir, databaseFileName);
    loaded = await loadDemoFile(file, full);
  });
  afterAll(() => {
    if (dir) removeTempDir(dir);
  });
  return {
    options: full,
    get loaded() {
      if (!loaded) throw new Error('the demo template is built in beforeAll; use it inside a test');
      return loaded;
    },
    copy(dataDir = tempDirForTest()) {
      if (!file) throw new Error('the demo template is built in beforeAll; use it inside a test');
      const databaseFile = join(dataDir, databaseFileName);
      copyFileSync(file, databaseFile);
      return { dataDir, databaseFile };
    },
  };
}
