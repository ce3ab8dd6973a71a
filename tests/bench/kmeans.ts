// k-means against scikit-learn in the same run: the same synthetic rows and the same initial centroids
// (BranchLoop's k-means++), Lloyd's algorithm with n_init = 1 and the same max_iter and tol on both sides.
// Figures: the seconds of each (ratio), the inertia of each (relative difference) and their iterations;
// and on a moderate data set, how many rows get the same label.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  kmeans,
  kmeansPlusPlus,
  SeededRandom,
  type KmeansResult,
} from '../../electron/services/analysis/kmeans/index.js';
import { emit, note, ratio, summarize } from './figures.js';

export interface KmeansBenchOptions {
  n: number;
  d: number;
  k: number;
  seed: number;
  workDir: string;
}

interface SklearnRun {
  sklearn: string;
  cpus: number;
  seconds: number;
  inertia: number;
  iterations: number;
  centroids: number[][];
}

const python = '/usr/bin/python3';
const maxIter = 300;
const tol = 1e-4;
const runs = 5;

function scriptPath(): string {
  // Compiled into dist/tests/bench/, the script stays in the source tree.
  return import.meta.url.endsWith('.ts')
    ? fileURLToPath(new URL('./kmeans_sklearn.py', import.meta.url))
    : fileURLToPath(new URL('../../../tests/bench/kmeans_sklearn.py', import.meta.url));
}

/**
 * Rows drawn from k groups of customers as segmentation sees them after scaling: centres spread in every
 * feature, each group with its own spread per feature and its own share of the rows, so groups overlap
 * and Lloyd's algorithm needs a realistic number of iterations.
 */
export function syntheticSegments(n: number, d: number, k: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
  const centres = Array.from({ length: k * d }, () => normal() * 1.5);
  const spreads = Array.from({ length: k * d }, () => 0.6 + random.nextFloat() * 1.2);
  const shares = Array.from({ length: k }, () => 0.5 + random.nextFloat());
  const total = shares.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const thresholds = shares.map((share) => (cumulative += share / total));
  const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
  for (let i = 0; i < n; i++) {
    const draw = random.nextFloat();
    let group = 0;
    while (group < k - 1 && thresholds[group]! <= draw) group++;
    for (let f = 0; f < d; f++) data[i * d + f] = centres[group * d + f]! + spreads[group * d + f]! * normal();
  }
  return data;
}

function centroidsCsv(centroids: Float64Array, k: number, d: number): string {
  const header = Array.from({ length: d }, (_, f) => `f${f + 1}`).join(',');
  const rows = Array.from({ length: k }, (_, j) =>
    Array.from(centroids.subarray(j * d, (j + 1) * d), (x) => x.toPrecision(17)).join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/** Runs the scikit-learn script; null (after a note) when Python or scikit-learn is missing. */
function runSklearn(args: string[]): Promise<SklearnRun | null> {
  return new Promise((resolve, reject) => {
    execFile(python, [scriptPath(), ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || error.code === 3;
        if (missing) {
          note(
            `kmeans: no comparison with scikit-learn (${stderr.trim() || `${python} not found`}); apt-get install python3-sklearn`,
          );
          resolve(null);
        } else reject(new Error(`kmeans_sklearn.py failed: ${stderr.trim() || error.message}`));
        return;
      }
      resolve(JSON.parse(stdout) as SklearnRun);
    });
  });
}

function median(values: number[]): number {
  return summarize(values).p50;
}

async function prepare(options: KmeansBenchOptions, name: string) {
  const { n, d, k, seed, workDir } = options;
  mkdirSync(workDir, { recursive: true });
  const data = syntheticSegments(n, d, k, seed);
  const dataFile = join(workDir, `${name}.f64`);
  writeFileSync(dataFile, data);
  const seedingStarted = performance.now();
  const init = await kmeansPlusPlus(data, n, d, { k, seed });
  const seedingSeconds = (performance.now() - seedingStarted) / 1000;
  const initFile = join(workDir, `${name}-init.csv`);
  writeFileSync(initFile, centroidsCsv(init, k, d));
  const sklearnArgs = ['--data', dataFile, '--n', String(n), '--d', String(d), '--init', initFile];
  sklearnArgs.push('--max-iter', String(maxIter), '--tol', String(tol));
  return { data, init, seedingSeconds, sklearnArgs };
}

/** The speed and inertia comparison at the size asked for, then the label check at 20,000 × 5. */
export async function benchKmeans(options: KmeansBenchOptions): Promise<void> {
  const { n, d, k } = options;
  note(`kmeans: ${n.toLocaleString('en')} rows × ${d} features, k = ${k}, ${runs} runs each`);
  const { data, init, seedingSeconds, sklearnArgs } = await prepare(options, 'kmeans');
  emit({ name: 'kmeans.seeding.seconds', unit: 's', value: round(seedingSeconds), n, d, k });
  const ours: number[] = [];
  const theirs: number[] = [];
  let result: KmeansResult | null = null;
  let reference: SklearnRun | null = null;
  let sklearnMissing = false;
  // Alternating the runs spreads the noise of a shared machine over both sides.
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await kmeans(data, n, d, { k, init, maxIter, tol });
    ours.push((performance.now() - started) / 1000);
    if (sklearnMissing) continue;
    const sklearn = await runSklearn(sklearnArgs);
    if (!sklearn) sklearnMissing = true;
    else {
      reference = sklearn;
      theirs.push(sklearn.seconds);
    }
  }
  if (!result) return;
  const seconds = median(ours);
  const common = { n, d, k, threads: result.threads, samples: ours.map(round) };
  if (!reference) {
    emit({ name: 'kmeans.seconds', unit: 's', value: round(seconds), ...common, iterations: result.iterations });
    emit({ name: 'kmeans.inertia', unit: 'sum of squares', value: result.inertia, n, d, k });
    return;
  }
  const baseline = median(theirs);
  emit({
    name: 'kmeans.seconds',
    unit: 's',
    value: round(seconds),
    baseline: round(baseline),
    ratio: ratio(seconds, baseline),
    ...common,
    baselineSamples: theirs.map(round),
    baselineTool: `scikit-learn ${reference.sklearn} KMeans(algorithm='lloyd'), ${reference.cpus} cores`,
  });
  const difference = Math.abs(result.inertia - reference.inertia) / reference.inertia;
  emit({
    name: 'kmeans.inertia',
    unit: 'sum of squares',
    value: result.inertia,
    baseline: reference.inertia,
    ratio: result.inertia / reference.inertia,
    relativeDifference: difference,
    withinOnePercent: difference <= 0.01,
    n,
    d,
    k,
  });
  emit({
    name: 'kmeans.iterations',
    unit: 'iterations',
    value: result.iterations,
    baseline: reference.iterations,
    n,
    d,
    k,
  });
  if (difference > 0.01)
    note(`kmeans: inertia differs from scikit-learn's by ${(difference * 100).toFixed(3)}% (over 1%)`);
  await checkLabels({ ...options, n: 20_000, d: 5, k: 5 });
}

/** Same data, same start: the labels should be the same row for row (cluster numbers follow the initial centroids). */
async function checkLabels(options: KmeansBenchOptions): Promise<void> {
  const { n, d, k, workDir } = options;
  const { data, init, sklearnArgs } = await prepare(options, 'kmeans-check');
  const labelsFile = join(workDir, 'kmeans-check-sklearn-labels.i32');
  const reference = await runSklearn([...sklearnArgs, '--labels-out', labelsFile]);
  if (!reference) return;
  const result = await kmeans(data, n, d, { k, init, maxIter, tol });
  const bytes = readFileSync(labelsFile);
  const theirLabels = new Int32Array(bytes.buffer, bytes.byteOffset, n);
  let same = 0;
  for (let i = 0; i < n; i++) if (result.labels[i] === theirLabels[i]) same++;
  let centroidDifference = 0;
  for (let j = 0; j < k; j++) {
    for (let f = 0; f < d; f++) {
      centroidDifference = Math.max(
        centroidDifference,
        Math.abs(result.centroids[j * d + f]! - reference.centroids[j]![f]!),
      );
    }
  }
  const agreement = same / n;
  const inertiaDifference = Math.abs(result.inertia - reference.inertia) / reference.inertia;
  emit({
    name: 'kmeans.check.agreement',
    unit: 'share of rows',
    value: agreement,
    n,
    d,
    k,
    inertia: result.inertia,
    baselineInertia: reference.inertia,
    relativeDifference: inertiaDifference,
    iterations: result.iterations,
    baselineIterations: reference.iterations,
    maxCentroidDifference: centroidDifference,
  });
  if (agreement < 0.999 || inertiaDifference > 1e-6) {
    note(`kmeans: ${n - same} of ${n} rows labelled differently from scikit-learn, inertia ${inertiaDifference} apart`);
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
