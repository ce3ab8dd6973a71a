// Importing the same exports again changes nothing: the very same files are skipped by their SHA-256,
// and the same rows in other bytes (LF line ends, say) count as unchanged and write nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { databaseContent, importBookkeeping } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture();

const apartFromBookkeeping = { ignoreTables: importBookkeeping };

describe('importing the same export twice', () => {
  test('the second run skips every file as imported before, and the data stays exactly as it was', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    const first = await importPaths(host.api, demo.value.paths);
    expect(first.files.every((f) => !f.skipped && f.added > 0)).toBe(true);
    const before = databaseContent(join(dataDir, databaseFileName), apartFromBookkeeping);

    const second = await importPaths(host.api, demo.value.paths);
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(second.files).toEqual(
      first.files.map((f) => ({
        ...f,
        added: 0,
        updated: 0,
        unchanged: f.rows,
        rejected: 0,
        skipped: true,
      })),
    );
    expect(second.totals).toEqual({
      rows: first.totals.rows,
      added: 0,
      updated: 0,
      unchanged: first.totals.rows,
      rejected: 0,
    });
    expect(databaseContent(join(dataDir, databaseFileName), apartFromBookkeeping)).toEqual(before);

    const history = valueOf(await host.api.call('import.history', {}));
    expect(history.map((run) => run.status)).toEqual(['unchanged', 'applied']);
    const inspected = await host.api.call('import.inspect', { path: demo.value.path('customers.csv') });
    expect(inspected).toMatchObject({ ok: true, value: { kind: 'customers', alreadyImported: true } });
  });

  test('the same rows in other bytes are read again and all count as unchanged; nothing is written', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);
    const before = databaseContent(join(dataDir, databaseFileName), apartFromBookkeeping);

    // LF instead of CRLF between records (line breaks inside quoted addresses stay as they are).
    const copies = tempDirForTest();
    const paths = demo.value.manifest.files.map((file) => {
      const copy = join(copies, file.name);
      writeFileSync(copy, readFileSync(demo.value.path(file.name), 'utf8').replaceAll('\r\n', '\n'));
      return copy;
    });
    const again = await importPaths(host.api, paths);
    for (const file of again.files) {
      expect(file.skipped, file.fileName).toBe(false);
      expect(file.added + file.updated, file.fileName).toBe(0);
      expect(file.unchanged, file.fileName).toBe(file.rows - file.rejected);
    }
    expect(databaseContent(join(dataDir, databaseFileName), apartFromBookkeeping)).toEqual(before);
  });
});
