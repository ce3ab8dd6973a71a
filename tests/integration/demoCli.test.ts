// `branchloop demo` as a real child process: JSON on stdout, progress on stderr, one-line failures,
// and Ctrl-C leaving no export that looks complete.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { DemoCsvManifest } from '../../electron/services/demo/csvManifest.js';
import { runCli } from '../helpers/cli.js';
import { fileSha256 } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';

function expectOneLineFailure(run: { code: number | null; stdout: string; stderr: string }, reason: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^branchloop: /);
  expect(run.stderr).toMatch(reason);
}

const fixed = ['--seed', '3', '--months', '3', '--as-of', '2026-06-30'];

describe('branchloop demo', () => {
  test('--json writes the export and describes it; progress goes to stderr', async () => {
    const out = join(tempDirForTest(), 'export here');
    const run = await runCli(['demo', '--out', out, '--customers', '200', ...fixed, '--dirty', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/customers 100% \(200 \/ 200\)/);
    const printed = JSON.parse(run.stdout) as {
      outDir: string;
      customers: number;
      files: { name: string; rows: number; sha256: string }[];
      expectedRejections: { rows: number } | null;
      totalBytes: number;
      seconds: number;
    };
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DemoCsvManifest;
    expect(printed).toMatchObject({ outDir: out, customers: 200, asOf: '2026-06-30', encoding: 'utf-8', dirty: true });
    expect(printed.files).toEqual(manifest.files);
    for (const file of printed.files) expect(fileSha256(join(out, file.name))).toBe(file.sha256);
    expect(printed.expectedRejections?.rows).toBeGreaterThan(40);
    expect(printed.totalBytes).toBeGreaterThan(0);
    expect(typeof printed.seconds).toBe('number');
  });

  test('without --json prints a table of files and the total', async () => {
    const out = tempDirForTest();
    const run = await runCli(['demo', '--out', out, '--customers', '50', ...fixed, '--encoding', 'GBK']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote the demo branch to /);
    expect(run.stdout).toMatch(/^customers\.csv\s+50 rows/m);
    expect(run.stdout).toMatch(/^total\s+/m);
    expect((JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DemoCsvManifest).encoding).toBe('gbk');
  });

  test('an unknown --encoding fails with one line and writes nothing', async () => {
    const out = join(tempDirForTest(), 'never');
    const run = await runCli(['demo', '--out', out, '--encoding', 'latin1']);
    expectOneLineFailure(run, /--encoding: "latin1" is not one of utf-8, gbk/);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  test('a missing --out, a bad --as-of and --bom with GBK fail with one line each', async () => {
    expectOneLineFailure(await runCli(['demo', '--customers', '10']), /--out DIR is required/);
    const out = tempDirForTest();
    expectOneLineFailure(await runCli(['demo', '--out', out, '--as-of', '2026-02-30']), /not a real date/);
    expectOneLineFailure(await runCli(['demo', '--out', out, '--encoding', 'gbk', '--bom']), /UTF-8 only/);
  });

  test('--help prints the usage', async () => {
    const run = await runCli(['demo', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^branchloop demo --out DIR/);
    expect(run.stdout).toContain('manifest.json');
  });

  test('Ctrl-C stops the export and removes its partial files', async () => {
    const out = tempDirForTest();
    const cliMain = fileURLToPath(new URL('../../dist/electron/cli/main.js', import.meta.url));
    const child = spawn(process.execPath, [cliMain, 'demo', '--out', out, '--customers', '2000000', ...fixed], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('customers')) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^branchloop: .*cancelled/m);
    expect(readdirSync(out)).toEqual([]);
  });
});
