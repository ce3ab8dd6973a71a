// The branchloop command line, run as a real child process: help, init, stats, and how it fails.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { latestSchemaVersion } from '../../db/migrate.js';
import { runCli } from '../helpers/cli.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { createNewerDatabase, fileSha256 } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';

/** A failure: a non-zero exit, nothing on stdout, and one line of reason on stderr. */
function expectOneLineFailure(run: { code: number | null; stdout: string; stderr: string }, reason: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^branchloop: /);
  expect(run.stderr).toMatch(reason);
}

describe('branchloop CLI', () => {
  test('--help prints the commands and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^branchloop \d+\.\d+\.\d+/);
    expect(run.stdout).toMatch(/^\s+init\s+/m);
    expect(run.stdout).toMatch(/^\s+stats\s+/m);
    expect(run.stdout).toContain('--data-dir');
    expect(run.stderr).toBe('');
  });

  test('init --help prints the usage of init and touches nothing', async () => {
    const dir = join(tempDirForTest(), 'data');
    const run = await runCli(['init', '--help', '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^branchloop init /);
    expect(existsSync(dir)).toBe(false);
    const stats = await runCli(['stats', '--help']);
    expect(stats.stdout).toMatch(/^branchloop stats /);
  });

  test('init --json loads a demo branch and prints its counts as JSON; stats --json agrees', async () => {
    const dataDir = join(tempDirForTest(), 'branch data');
    const init = await runCli(['init', '--data-dir', dataDir, '--customers', '200', '--json']);
    expect(init.stderr).not.toMatch(/error/i);
    expect(init.code).toBe(0);
    const initialised = JSON.parse(init.stdout) as {
      database: string;
      schemaVersion: number;
      customers: number;
      loaded: { customers: number; holdings: number; loans: number; repayments: number; activityRows: number };
    };
    expect(initialised).toMatchObject({
      database: join(dataDir, databaseFileName),
      schemaVersion: latestSchemaVersion(),
      customers: 200,
      loaded: { branchId: '3413', customers: 200 },
    });
    expect(initialised.loaded.holdings).toBeGreaterThan(200);

    const stats = await runCli(['stats', '--data-dir', dataDir, '--json']);
    expect(stats.code).toBe(0);
    const summary = JSON.parse(stats.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      schemaVersion: latestSchemaVersion(),
      branches: 1,
      customers: 200,
      holdings: initialised.loaded.holdings,
      loans: initialised.loaded.loans,
      repayments: initialised.loaded.repayments,
      activityRows: initialised.loaded.activityRows,
      isDemo: true,
    });
    expect(Number.isSafeInteger(summary.depositBalanceFen)).toBe(true);

    // A second init leaves the branch as it is.
    const again = await runCli(['init', '--data-dir', dataDir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ customers: 200, loaded: null });
  });

  test('stats prints a table for people', async () => {
    const dataDir = tempDirForTest();
    expect((await runCli(['init', '--data-dir', dataDir, '--empty'])).code).toBe(0);
    const run = await runCli(['stats', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^customers\s+0$/m);
    expect(run.stdout).toMatch(/^deposit balances\s+¥0\.00$/m);
    expect(run.stdout).toMatch(/^demo data\s+no$/m);
  });

  test('the data folder can come from BRANCHLOOP_DATA_DIR', async () => {
    const dataDir = tempDirForTest();
    const run = await runCli(['init', '--empty', '--json'], { BRANCHLOOP_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      database: join(dataDir, databaseFileName),
      customers: 0,
      loaded: null,
    });
  });

  test('an unknown command fails with one line and nothing on stdout', async () => {
    expectOneLineFailure(await runCli(['frobnicate']), /unknown command "frobnicate"/);
  });

  test('an unknown flag fails with one line naming it and nothing on stdout', async () => {
    const dataDir = tempDirForTest();
    expectOneLineFailure(await runCli(['stats', '--data-dir', dataDir, '--bogus']), /--bogus/);
    expectOneLineFailure(await runCli(['init', '--data-dir', dataDir, 'extra']), /extra/);
  });

  test('a bad flag value fails with one line naming the flag', async () => {
    const dataDir = tempDirForTest();
    expectOneLineFailure(await runCli(['init', '--data-dir', dataDir, '--customers', 'lots']), /--customers/);
    expectOneLineFailure(
      await runCli(['init', '--data-dir', dataDir, '--customers', '5', '--json']),
      /at least 10 customers/,
    );
  });

  test('a database from a newer version fails with the reason, and is left untouched', async () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, databaseFileName);
    const { version } = createNewerDatabase(file);
    const hash = fileSha256(file);
    for (const args of [
      ['stats', '--data-dir', dataDir, '--json'],
      ['init', '--data-dir', dataDir],
    ]) {
      const run = await runCli(args);
      expectOneLineFailure(run, /newer BranchLoop/);
      expect(run.stderr).toContain(String(version));
    }
    expect(fileSha256(file)).toBe(hash);
  });
});
