// Temporary directories under the OS temp folder, removed when the test (or suite) that made them ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh directory; the caller removes it with `removeTempDir`. */
export function makeTempDir(prefix = 'branchloop-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  // Windows may hold a just-closed SQLite file for a moment; retries cover it.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/** A fresh directory removed when the current test finishes, whether it passed or not. */
export function tempDirForTest(prefix?: string): string {
  const dir = makeTempDir(prefix);
  onTestFinished(() => removeTempDir(dir));
  return dir;
}
