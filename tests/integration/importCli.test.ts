// `branchloop import` as a real child process: --json prints the counts of every file and every
// rejected row; the text output lists the first rejections; a file that cannot be imported fails with
// one line on stderr and nothing on stdout, and changes nothing.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportRejection, ImportResult } from '../../electron/api/importTypes.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, expectedRejections, rejectionKeys } from '../helpers/importFixtures.js';
import { databaseContent } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';

const demo = demoExportFixture();

function expectOneLineFailure(run: CliRun, reason: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^branchloop: /);
  expect(run.stderr).toMatch(reason);
}

describe('branchloop import', () => {
  test('--json: parseable JSON with every file counted and every rejection, as expected_rejections.csv lists', async () => {
    const dataDir = tempDirForTest();
    const run = await runCli(['import', ...demo.value.paths, '--data-dir', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^reading 100%/m);
    const printed = JSON.parse(run.stdout) as ImportResult & { rejections: ImportRejection[] };
    const expected = expectedRejections(demo.value.dir);
    expect(rejectionKeys(printed.rejections)).toEqual(rejectionKeys(expected));
    expect(printed.rejections.every((r) => r.message.length > 0)).toBe(true);
    expect(printed.files.map((f) => [f.fileName, f.rows])).toEqual(
      demo.value.manifest.files.map((f) => [f.name, f.rows]),
    );
    for (const file of printed.files) {
      const rejected = new Set(expected.filter((r) => r.file === file.fileName).map((r) => r.line)).size;
      expect(file, file.fileName).toMatchObject({ rejected, added: file.rows - rejected, updated: 0, unchanged: 0 });
    }
    expect(printed.totals.rejected).toBe(printed.rejections.length);
    expect(printed.runId).toBe(1);
    expect(typeof printed.seconds).toBe('number');

    // Again: every file was imported before.
    const again = await runCli(['import', ...demo.value.paths, '--data-dir', dataDir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const skipped = JSON.parse(again.stdout) as ImportResult & { rejections: ImportRejection[] };
    expect(skipped.files.every((f) => f.skipped && f.unchanged === f.rows)).toBe(true);
    expect(skipped.rejections).toEqual([]);
  });

  test('without --json: a line per file, and the first 20 rejected rows with their reasons', async () => {
    const dataDir = tempDirForTest();
    const run = await runCli([
      'import',
      demo.value.path('branches.csv'),
      demo.value.path('staff.csv'),
      demo.value.path('products.csv'),
      demo.value.path('customers.csv'),
      '--data-dir',
      dataDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const customers = expectedRejections(demo.value.dir).filter((r) => r.file === 'customers.csv');
    const total = expectedRejections(demo.value.dir).filter((r) =>
      ['branches.csv', 'staff.csv', 'products.csv', 'customers.csv'].includes(r.file),
    ).length;
    expect(total).toBeGreaterThan(20);
    const rows = demo.value.manifest.files.find((f) => f.name === 'customers.csv')!.rows;
    expect(run.stdout).toMatch(
      new RegExp(
        `^customers\\.csv \\(customers, utf-8\\)\\s+${rows} rows: ${rows - customers.length} added, 0 updated, 0 unchanged, ${customers.length} rejected$`,
        'm',
      ),
    );
    expect(run.stdout).toContain(`\n${total} rejected row(s), the first 20:\n`);
    expect(run.stdout.split('\n').filter((line) => /^ {2}\S+\.csv:\d+ /.test(line))).toHaveLength(20);
    expect(run.stdout).toMatch(/^ {2}branches\.csv:\d+ name "" \[required\] /m);
  });

  test('a file that does not exist: one line on stderr, nothing on stdout, nothing imported', async () => {
    const dataDir = tempDirForTest();
    await runCli(['import', demo.value.path('branches.csv'), '--data-dir', dataDir]);
    const before = databaseContent(join(dataDir, databaseFileName));
    const missing = join(tempDirForTest(), 'staff.csv');
    const run = await runCli(['import', demo.value.path('customers.csv'), missing, '--data-dir', dataDir]);
    expectOneLineFailure(run, /staff\.csv does not exist/);
    expect(databaseContent(join(dataDir, databaseFileName))).toEqual(before);
  });

  test('an unknown --kind, --kind with several files, and no file at all fail with one line each', async () => {
    const dataDir = tempDirForTest();
    expectOneLineFailure(
      await runCli(['import', demo.value.path('loans.csv'), '--kind', 'mortgages', '--data-dir', dataDir]),
      /--kind: "mortgages" is not one of branches, staff/,
    );
    expectOneLineFailure(
      await runCli(['import', ...demo.value.paths.slice(0, 2), '--kind', 'staff', '--data-dir', dataDir]),
      /--kind applies to one file at a time/,
    );
    expectOneLineFailure(await runCli(['import', '--data-dir', dataDir]), /name at least one CSV file/);
    expectOneLineFailure(
      await runCli([
        'import',
        demo.value.path('customers.csv'),
        '--profile',
        'nobody saved this',
        '--data-dir',
        dataDir,
      ]),
      /no saved column mapping named "nobody saved this"/,
    );
  });
});
