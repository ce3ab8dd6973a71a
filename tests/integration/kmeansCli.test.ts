// `branchloop kmeans` as a real child process: JSON on stdout, labels in a file, no database, and
// one-line failures that name the line and column of a bad cell.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDirForTest } from '../helpers/tempDir.js';

interface KmeansJson {
  n: number;
  d: number;
  k: number;
  seed: number | null;
  init: string;
  columns: string[];
  centroids: number[][];
  sizes: number[];
  inertia: number;
  iterations: number;
  converged: boolean;
  threads: number;
  seconds: number;
  labels: string | null;
}

/** Three groups of 400 rows around (0, 0, 0), (20, 0, 5) and (0, 20, 10), with a little spread. */
function groupsCsv(dir: string): string {
  const lines = ['balance,"digital share",visits'];
  const centres = [
    [0, 0, 0],
    [20, 0, 5],
    [0, 20, 10],
  ];
  for (let i = 0; i < 1200; i++) {
    const centre = centres[i % 3]!;
    lines.push(centre.map((c, f) => (c + (((i * 37 + f * 11) % 17) - 8) / 8).toString()).join(','));
  }
  const path = join(dir, 'features.csv');
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

function expectOneLineFailure(run: { code: number | null; stdout: string; stderr: string }, reason: string) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(reason);
}

describe('branchloop kmeans', () => {
  test('--json prints the centroids and writes one label per row; no database is made', async () => {
    const dir = tempDirForTest();
    const dataDir = join(dir, 'data');
    const file = groupsCsv(dir);
    const labelsFile = join(dir, 'labels.csv');
    const run = await runCli(['kmeans', file, '--k', '3', '--seed', '7', '--labels', labelsFile, '--json'], {
      BRANCHLOOP_DATA_DIR: dataDir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as KmeansJson;
    expect(printed).toMatchObject({ n: 1200, d: 3, k: 3, seed: 7, init: 'k-means++', converged: true });
    expect(printed.columns).toEqual(['balance', 'digital share', 'visits']);
    expect(printed.sizes).toEqual([400, 400, 400]);
    const found = printed.centroids.map((c) => c.map((x) => Math.round(x)).join()).sort();
    expect(found).toEqual(['0,0,0', '0,20,10', '20,0,5']);
    const labels = readFileSync(labelsFile, 'utf8').trimEnd().split('\n');
    expect(labels[0]).toBe('label');
    expect(labels).toHaveLength(1201);
    // Rows 1, 4, 7, … come from the same group, so they share a label.
    expect(new Set(labels.slice(1).filter((_, i) => i % 3 === 0)).size).toBe(1);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  test('--init starts from the given centroids; the same run on 2 threads is identical', async () => {
    const dir = tempDirForTest();
    const file = groupsCsv(dir);
    const init = join(dir, 'init.csv');
    writeFileSync(init, 'a,b,c\n1,1,1\n19,1,4\n1,19,9\n');
    const one = await runCli(['kmeans', file, '--k', '3', '--init', init, '--threads', '1', '--json']);
    const two = await runCli(['kmeans', file, '--k', '3', '--init', init, '--threads', '2', '--json']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const a = JSON.parse(one.stdout) as KmeansJson;
    const b = JSON.parse(two.stdout) as KmeansJson;
    expect(a.init).toBe(init);
    expect(a.seed).toBeNull();
    expect(a.centroids.map((c) => c.map((x) => Math.round(x) + 0))).toEqual([
      [0, 0, 0],
      [20, 0, 5],
      [0, 20, 10],
    ]);
    expect(b.threads).toBe(2);
    expect(b.centroids).toEqual(a.centroids);
    expect(b.inertia).toBe(a.inertia);
    expect(b.iterations).toBe(a.iterations);
  });

  test('without --json prints a table of the segments', async () => {
    const file = groupsCsv(tempDirForTest());
    const run = await runCli(['kmeans', file, '--k', '3', '--max-iter', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s*segment\s+rows\s+balance\s+digital share\s+visits$/m);
    expect(run.stdout).toMatch(/inertia [\d.]+, 1 iteration\(s\)/);
  });

  test('a cell that is not a number is named by line and column', async () => {
    const dir = tempDirForTest();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'x,y\n1,2\n3,4\n5,abc\n');
    const run = await runCli(['kmeans', file, '--k', '2']);
    expectOneLineFailure(run, 'bad.csv line 4, column 2 (y): "abc" is not a number.');
    writeFileSync(file, 'x,y\n1,2\n3\n');
    expectOneLineFailure(
      await runCli(['kmeans', file, '--k', '2']),
      'bad.csv line 3: 1 values where the header names 2 columns.',
    );
    writeFileSync(file, 'x,y\n1,2\n,4\n');
    expectOneLineFailure(await runCli(['kmeans', file, '--k', '2']), 'line 3, column 1 (x): "" is not a number.');
  });

  test('bad flags and impossible k fail with one line', async () => {
    const dir = tempDirForTest();
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'x\n1\n2\n');
    expectOneLineFailure(await runCli(['kmeans', file]), '--k K is required');
    expectOneLineFailure(await runCli(['kmeans', file, '--k', 'three']), '--k: "three" is not a whole number');
    expectOneLineFailure(await runCli(['kmeans', file, '--k', '3']), 'k = 3 is more than the 2 row(s) to cluster.');
    expectOneLineFailure(await runCli(['kmeans', join(dir, 'missing.csv'), '--k', '1']), 'ENOENT');
    const init = join(dir, 'init.csv');
    writeFileSync(init, 'x\n1\n');
    expectOneLineFailure(
      await runCli(['kmeans', file, '--k', '2', '--init', init]),
      'holds 1 row(s) of 1 column(s); k = 2 rows of 1 are needed.',
    );
  });
});
